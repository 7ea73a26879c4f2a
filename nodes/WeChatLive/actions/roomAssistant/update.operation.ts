import { weChatRequest } from '../../transport/request';
import { getRoomId, requireText, requireWeChatId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import type { WeChatOperation } from '../types';
import { assistantNicknameProperty, assistantUsernameProperty, nicknameFix } from './fields';

export const roomAssistantUpdate: WeChatOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update an assistant of a room',
	description: 'Change the nickname of a room’s assistant (修改直播间小助手)',
	endpoints: ['assistantModify'],
	properties: [roomIdProperty, assistantUsernameProperty, assistantNicknameProperty],
	async execute(itemIndex) {
		const roomId = getRoomId(this, itemIndex);
		const username = requireWeChatId(this, itemIndex, assistantUsernameProperty, this.getNodeParameter(assistantUsernameProperty.name, itemIndex, ''));
		const nickname = requireText(this, itemIndex, assistantNicknameProperty, this.getNodeParameter(assistantNicknameProperty.name, itemIndex, ''), nicknameFix());
		await weChatRequest.call(this, 'assistantModify', { body: { roomId, username, nickname }, itemIndex });
		return { roomId, username, nickname, updated: true };
	},
};
