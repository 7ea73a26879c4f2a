import type { IDataObject } from 'n8n-workflow';

import { weChatRequest } from '../../transport/request';
import { getPaging, getRoomId } from '../common/parameters';
import { returnAllOrLimit, roomIdProperty } from '../common/properties';
import { timeZoneOf, withReadableTimes } from '../../../shared/time';
import type { WeChatOperation } from '../types';
import { MAX_ASSISTANTS } from './fields';

export const roomAssistantGetMany: WeChatOperation = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many assistants of a room',
	description: `List a room’s assistants, one item each (查询直播间小助手). A room has at most ${MAX_ASSISTANTS}, all in one call.`,
	endpoints: ['assistantList'],
	properties: [roomIdProperty, ...returnAllOrLimit()],
	async execute(itemIndex) {
		const roomId = getRoomId(this, itemIndex);
		const { returnAll, limit } = getPaging(this, itemIndex);
		// One call returns the whole list (count ≤ maxCount): WeChat has no paging here, so the limit is ours.
		const response = await weChatRequest.call(this, 'assistantList', { qs: { roomId }, itemIndex });
		const list = (response.list as IDataObject[] | undefined) ?? [];
		const timeZone = timeZoneOf(this);
		return (returnAll ? list : list.slice(0, limit)).map((assistant) =>
			withReadableTimes({ roomId, ...assistant }, ['timestamp'], timeZone),
		);
	},
};
