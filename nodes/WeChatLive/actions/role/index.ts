import type { WeChatResource } from '../types';
import { roleAdd } from './add.operation';
import { roleGetMany } from './getMany.operation';
import { roleRemove } from './remove.operation';

export const role: WeChatResource = {
	value: 'role',
	name: 'Role',
	description: "Members' roles: admins, anchors, operators (成员管理)",
	operations: [roleAdd, roleRemove, roleGetMany],
};
