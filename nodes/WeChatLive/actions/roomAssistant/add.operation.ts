import { weChatRequest } from '../../transport/request';
import { getRoomId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import type { WeChatOperation } from '../types';
import { readUsers, usersProperties } from './fields';

export const roomAssistantAdd: WeChatOperation = {
	value: 'add',
	name: 'Add',
	action: 'Add assistants to a room',
	description: 'Add one or more assistants to a room (添加管理直播间小助手)',
	endpoints: ['assistantAdd'],
	properties: [roomIdProperty, ...usersProperties],
	async execute(itemIndex) {
		const roomId = getRoomId(this, itemIndex);
		const users = readUsers(this, itemIndex);
		await weChatRequest.call(this, 'assistantAdd', { body: { roomId, users }, itemIndex });
		return users.map((user) => ({ roomId, ...user, added: true }));
	},
};
