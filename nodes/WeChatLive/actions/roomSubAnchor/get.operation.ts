import type { IDataObject } from 'n8n-workflow';

import { weChatRequest } from '../../transport/request';
import { getRoomId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import { withoutEnvelope } from '../common/output';
import type { WeChatOperation } from '../types';

export const roomSubAnchorGet: WeChatOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get the sub-anchor of a room',
	description: 'Get the WeChat ID of a room’s sub-anchor (获取主播副号)',
	endpoints: ['subAnchorGet'],
	properties: [roomIdProperty],
	async execute(itemIndex) {
		const roomId = getRoomId(this, itemIndex);
		const response = await weChatRequest.call(this, 'subAnchorGet', { qs: { roomId }, itemIndex });
		const result: IDataObject = { roomId, ...withoutEnvelope(response) };
		return { ...result, hasSubAnchor: typeof result.username === 'string' && result.username !== '' };
	},
};
