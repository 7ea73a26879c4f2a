import { requireText, requireWeChatId } from '../../helpers/validation';
import { weChatRequest } from '../../transport/request';
import { getRoomId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import type { WeChatOperation } from '../types';
import { NICKNAME, nicknameProperty, USERNAME, usernameProperty } from './fields';

export const update: WeChatOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update an assistant of a room',
	description: 'Change the nickname of a room’s assistant (修改直播间小助手)',
	endpoints: ['assistantModify'],
	properties: [roomIdProperty, usernameProperty, nicknameProperty],
	async execute(itemIndex) {
		const roomId = getRoomId(this, itemIndex);
		const username = requireWeChatId(this, itemIndex, USERNAME, this.getNodeParameter('username', itemIndex, ''));
		const nickname = requireText(this, itemIndex, NICKNAME, this.getNodeParameter('nickname', itemIndex, ''), 'Give the name viewers see for the assistant.');
		await weChatRequest.call(this, 'assistantModify', { body: { roomId, username, nickname }, itemIndex });
		return { roomId, username, nickname, updated: true };
	},
};
