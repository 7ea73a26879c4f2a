import { AUDIT_STATUS } from '../../../shared/labels';
import type { INodeProperties } from 'n8n-workflow';

import { getOption, getPaging } from '../common/parameters';
import { returnAllOrLimit } from '../common/properties';
import type { WeChatOperation } from '../types';
import { listGoods } from '../../transport/reads/goods';

export const auditStatusOptions = Object.entries(AUDIT_STATUS)
	.map(([code, name]) => ({ name: `${name} (${code})`, value: Number(code) }))
	.sort((a, b) => a.name.localeCompare(b.name));

const statusProperty: INodeProperties = {
	displayName: 'Audit Status',
	name: 'status',
	type: 'options',
	required: true,
	default: 2, // approved
	options: auditStatusOptions,
	description: 'Which goods to list (status). Only approved goods can be imported into rooms.',
};

export const goodsGetMany: WeChatOperation = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many goods',
	description: 'List the goods of the library in one audit status (获取商品列表)',
	endpoints: ['goodsApproved'],
	properties: [statusProperty, ...returnAllOrLimit()],
	async execute(itemIndex) {
		const status = getOption<number>(this, itemIndex, statusProperty);
		return await listGoods.call(this, status, getPaging(this, itemIndex), itemIndex);
	},
};
