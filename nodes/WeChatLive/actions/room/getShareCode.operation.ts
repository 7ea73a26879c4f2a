import type { IDataObject } from 'n8n-workflow';

import { weChatRequest } from '../../transport/request';
import { getRoomId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import type { WeChatOperation } from '../types';
import { withoutEnvelope } from '../common/output';
import { readShareParams, shareParamsProperties } from './fields';

export const roomGetShareCode: WeChatOperation = {
	value: 'getShareCode',
	name: 'Get Share Code',
	action: 'Get the share QR code of a room',
	description: 'Get a room’s share QR code, poster and plugin page path, optionally with custom parameters (获取直播间分享二维码)',
	endpoints: ['roomGetSharedCode'],
	properties: [roomIdProperty, ...shareParamsProperties],
	async execute(itemIndex) {
		const roomId = getRoomId(this, itemIndex);
		const params = readShareParams(this, itemIndex);
		const qs: IDataObject = { roomId };
		if (params !== undefined) qs.params = params;
		const response = await weChatRequest.call(this, 'roomGetSharedCode', { qs, itemIndex });
		return { roomId, ...withoutEnvelope(response) };
	},
};
