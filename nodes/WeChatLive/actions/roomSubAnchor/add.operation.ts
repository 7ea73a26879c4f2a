import { weChatRequest } from '../../transport/request';
import { getRoomId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import type { WeChatOperation } from '../types';
import { readUsername, subAnchorUsernameProperty } from './fields';

export const roomSubAnchorAdd: WeChatOperation = {
	value: 'add',
	name: 'Add',
	action: 'Add a sub-anchor to a room',
	description: 'Set a room’s sub-anchor when it has none (添加主播副号); use Update to change one',
	endpoints: ['subAnchorAdd'],
	properties: [roomIdProperty, subAnchorUsernameProperty],
	async execute(itemIndex) {
		const roomId = getRoomId(this, itemIndex);
		const username = readUsername(this, itemIndex);
		await weChatRequest.call(this, 'subAnchorAdd', { body: { roomId, username }, itemIndex });
		return { roomId, username, added: true };
	},
};
