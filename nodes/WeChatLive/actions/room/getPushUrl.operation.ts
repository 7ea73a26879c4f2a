import type { IDataObject } from 'n8n-workflow';

import { weChatRequest } from '../../transport/request';
import { getRoomId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import type { WeChatOperation } from '../types';
import { withoutEnvelope } from '../common/output';

export const roomGetPushUrl: WeChatOperation = {
	value: 'getPushUrl',
	name: 'Get Push URL',
	action: 'Get the push URL of a room',
	description: 'Get the RTMP address that broadcast software such as OBS pushes the show to (获取直播间推流地址)',
	endpoints: ['roomGetPushUrl'],
	properties: [roomIdProperty],
	async execute(itemIndex) {
		const roomId = getRoomId(this, itemIndex);
		const response = await weChatRequest.call(this, 'roomGetPushUrl', { qs: { roomId }, itemIndex });
		return { roomId, ...withoutEnvelope(response), ...splitPushAddr(response.pushAddr) };
	},
};

/** OBS and similar tools ask for the address in two parts: the server, and the stream key after its last "/". */
export function splitPushAddr(pushAddr: unknown): IDataObject {
	const parts = typeof pushAddr === 'string' ? /^(rtmps?:\/\/.+\/)([^/]+)$/i.exec(pushAddr) : null;
	return parts ? { pushServer: parts[1], streamKey: parts[2] } : {};
}
