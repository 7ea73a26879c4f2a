import type { WeChatResource } from '../types';
import { roomSubAnchorAdd } from './add.operation';
import { roomSubAnchorDelete } from './delete.operation';
import { roomSubAnchorGet } from './get.operation';
import { roomSubAnchorUpdate } from './update.operation';

export const roomSubAnchor: WeChatResource = {
	value: 'roomSubAnchor',
	name: 'Room Sub-Anchor',
	description: 'A room’s sub-anchor (主播副号)',
	operations: [roomSubAnchorAdd, roomSubAnchorUpdate, roomSubAnchorDelete, roomSubAnchorGet],
};
