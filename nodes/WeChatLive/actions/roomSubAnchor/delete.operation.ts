import { weChatRequest } from '../../transport/request';
import { getRoomId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import type { WeChatOperation } from '../types';

export const roomSubAnchorDelete: WeChatOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete the sub-anchor of a room',
	description: 'Remove a room’s sub-anchor (删除主播副号)',
	endpoints: ['subAnchorDelete'],
	properties: [roomIdProperty],
	async execute(itemIndex) {
		const roomId = getRoomId(this, itemIndex);
		await weChatRequest.call(this, 'subAnchorDelete', { body: { roomId }, itemIndex });
		return { roomId, deleted: true };
	},
};
