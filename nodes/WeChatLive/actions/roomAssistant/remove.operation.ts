import { weChatRequest } from '../../transport/request';
import { getRoomId, requireWeChatId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import type { WeChatOperation } from '../types';
import { assistantUsernameProperty } from './fields';

export const roomAssistantRemove: WeChatOperation = {
	value: 'remove',
	name: 'Remove',
	action: 'Remove an assistant from a room',
	description: 'Remove an assistant from a room (删除直播间小助手)',
	endpoints: ['assistantRemove'],
	properties: [roomIdProperty, assistantUsernameProperty],
	async execute(itemIndex) {
		const roomId = getRoomId(this, itemIndex);
		const username = requireWeChatId(this, itemIndex, assistantUsernameProperty, this.getNodeParameter(assistantUsernameProperty.name, itemIndex, ''));
		await weChatRequest.call(this, 'assistantRemove', { body: { roomId, username }, itemIndex });
		return { roomId, username, removed: true };
	},
};
