import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { LIVE_STATUS } from '../../../shared/labels';
import { getOptions, getPaging } from '../common/parameters';
import { returnAllOrLimit } from '../common/properties';
import type { WeChatOperation } from '../types';
import { listRooms } from '../../transport/reads/rooms';

export const liveStatusOptions = Object.entries(LIVE_STATUS)
	.map(([code, name]) => ({ name: `${name} (${code})`, value: Number(code) }))
	.sort((a, b) => a.name.localeCompare(b.name));

const liveStatusProperty: INodeProperties = {
	displayName: 'Live Status',
	name: 'liveStatus',
	type: 'multiOptions',
	default: [],
	options: liveStatusOptions,
	description:
		'Only rooms in these states (live_status). WeChat has no such filter, so the node reads the pages and filters them.',
};

export const roomGetMany: WeChatOperation = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many rooms',
	description: 'List rooms, newest start time first (获取直播间列表)',
	endpoints: ['getLiveInfo'],
	properties: [
		...returnAllOrLimit(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [liveStatusProperty],
		},
	],
	async execute(itemIndex) {
		const paging = getPaging(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const statuses = getOptions<number>(this, itemIndex, liveStatusProperty, filters.liveStatus);
		return await listRooms.call(
			this,
			{
				...paging,
				keep: statuses.length ? (room) => statuses.includes(Number(room.live_status)) : undefined,
			},
			itemIndex,
		);
	},
};
