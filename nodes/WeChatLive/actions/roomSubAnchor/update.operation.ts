import { weChatRequest } from '../../transport/request';
import { getRoomId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import type { WeChatOperation } from '../types';
import { readUsername, subAnchorUsernameProperty } from './fields';

export const roomSubAnchorUpdate: WeChatOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update the sub-anchor of a room',
	description: 'Replace a room’s sub-anchor with another WeChat ID (修改主播副号)',
	endpoints: ['subAnchorModify'],
	properties: [roomIdProperty, subAnchorUsernameProperty],
	async execute(itemIndex) {
		const roomId = getRoomId(this, itemIndex);
		const username = readUsername(this, itemIndex);
		await weChatRequest.call(this, 'subAnchorModify', { body: { roomId, username }, itemIndex });
		return { roomId, username, updated: true };
	},
};
