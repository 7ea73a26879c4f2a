import type { WeChatResource } from '../types';
import { add } from './add.operation';
import { getMany } from './getMany.operation';
import { remove } from './remove.operation';
import { update } from './update.operation';

export const roomAssistant: WeChatResource = {
	value: 'roomAssistant',
	name: 'Room Assistant',
	description: 'Room assistants (直播间小助手)',
	operations: [add, update, remove, getMany],
};
