import { weChatRequest } from '../../transport/request';
import { getRoomId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import type { WeChatOperation } from '../types';

export const roomDelete: WeChatOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a room',
	description: 'Delete a room (删除直播间)',
	endpoints: ['roomDelete'],
	properties: [roomIdProperty],
	async execute(itemIndex) {
		const id = getRoomId(this, itemIndex);
		// WeChat names the room "id" here, not "roomId".
		await weChatRequest.call(this, 'roomDelete', { body: { id }, itemIndex });
		return { roomId: id, deleted: true };
	},
};
