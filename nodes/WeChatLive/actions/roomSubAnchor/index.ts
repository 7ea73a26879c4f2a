import type { WeChatResource } from '../types';
import { add } from './add.operation';
import { deleteSubAnchor } from './delete.operation';
import { get } from './get.operation';
import { update } from './update.operation';

export const roomSubAnchor: WeChatResource = {
	value: 'roomSubAnchor',
	name: 'Room Sub-Anchor',
	description: 'A room’s sub-anchor (主播副号)',
	operations: [add, update, deleteSubAnchor, get],
};
