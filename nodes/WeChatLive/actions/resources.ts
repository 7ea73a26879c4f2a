import { room } from './room';
import type { WeChatResource } from './types';

/** Every resource of the node, in the order the UI lists them (sorted by name there). */
export const resources: WeChatResource[] = [room];
