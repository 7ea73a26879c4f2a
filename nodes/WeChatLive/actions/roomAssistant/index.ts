import type { WeChatResource } from '../types';
import { roomAssistantAdd } from './add.operation';
import { roomAssistantGetMany } from './getMany.operation';
import { roomAssistantRemove } from './remove.operation';
import { roomAssistantUpdate } from './update.operation';

export const roomAssistant: WeChatResource = {
	value: 'roomAssistant',
	name: 'Room Assistant',
	description: 'Room assistants (直播间小助手)',
	operations: [roomAssistantAdd, roomAssistantUpdate, roomAssistantRemove, roomAssistantGetMany],
};
