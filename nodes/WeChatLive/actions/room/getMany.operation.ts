import type { IDataObject } from 'n8n-workflow';

import { LIVE_STATUS } from '../../helpers/labels';
import { returnAllOrLimit } from '../common/properties';
import type { WeChatOperation } from '../types';
import { listRooms } from './rooms';

export const liveStatusOptions = Object.entries(LIVE_STATUS)
	.map(([code, name]) => ({ name: `${name} (${code})`, value: Number(code) }))
	.sort((a, b) => a.name.localeCompare(b.name));

export const getMany: WeChatOperation = {
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
			options: [
				{
					displayName: 'Live Status',
					name: 'liveStatus',
					type: 'multiOptions',
					default: [],
					options: liveStatusOptions,
					description:
						'Only rooms in these states (live_status). WeChat has no such filter, so the node reads the pages and filters them.',
				},
			],
		},
	],
	async execute(itemIndex) {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const statuses = (filters.liveStatus as number[] | undefined) ?? [];
		return await listRooms.call(
			this,
			{
				returnAll,
				limit,
				keep: statuses.length ? (room) => statuses.includes(Number(room.live_status)) : undefined,
			},
			itemIndex,
		);
	},
};
