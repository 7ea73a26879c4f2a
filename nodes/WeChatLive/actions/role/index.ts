import type { WeChatResource } from '../types';
import { add } from './add.operation';
import { getMany } from './getMany.operation';
import { remove } from './remove.operation';

export const role: WeChatResource = {
	value: 'role',
	name: 'Role',
	description: "Members' roles: admins, anchors, operators (成员管理)",
	operations: [add, remove, getMany],
};
