import type { WeChatResource } from '../types';

export const role: WeChatResource = {
	value: 'role',
	name: 'Role',
	description: "Members' roles: admins, anchors, operators (成员管理)",
	operations: [],
};
