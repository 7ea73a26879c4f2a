import type { WeChatResource } from '../types';
import { create } from './create.operation';
import { deleteRoom } from './delete.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { update } from './update.operation';

export const room: WeChatResource = {
	value: 'room',
	name: 'Room',
	description: 'Live rooms (直播间)',
	operations: [create, get, getMany, update, deleteRoom],
};
