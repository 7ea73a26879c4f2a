import { goods } from './goods';
import { media } from './media';
import { role } from './role';
import { room } from './room';
import { roomAssistant } from './roomAssistant';
import { roomGoods } from './roomGoods';
import { roomSubAnchor } from './roomSubAnchor';
import { subscriber } from './subscriber';
import type { WeChatResource } from './types';
import { widget } from './widget';

/** Every resource of the node (the UI sorts them by name). */
const allResources: WeChatResource[] = [room, roomAssistant, roomSubAnchor, roomGoods, goods, role, subscriber, widget, media];

export const resources = allResources.filter((resource) => resource.operations.length > 0);
