import { AUDIT_STATUS } from '../../helpers/labels';
import { readPaging } from '../../transport/paginate';
import { returnAllOrLimit } from '../common/properties';
import type { WeChatOperation } from '../types';
import { AUDIT_STATUSES, listGoods } from './goods';

export const auditStatusOptions = Object.entries(AUDIT_STATUS)
	.map(([code, name]) => ({ name: `${name} (${code})`, value: Number(code) }))
	.sort((a, b) => a.name.localeCompare(b.name));

export const getMany: WeChatOperation = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many goods',
	description: 'List the goods of the library in one audit status (获取商品列表)',
	endpoints: ['goodsApproved'],
	properties: [
		{
			displayName: 'Audit Status',
			name: 'status',
			type: 'options',
			required: true,
			default: 2, // approved
			options: auditStatusOptions,
			description: 'Which goods to list (status). Only approved goods can be imported into rooms.',
		},
		...returnAllOrLimit(),
	],
	async execute(itemIndex) {
		const status = this.getNodeParameter('status', itemIndex, AUDIT_STATUSES.approved) as number;
		const paging = readPaging((name, fallback) => this.getNodeParameter(name, itemIndex, fallback));
		return await listGoods.call(this, Number(status), paging, itemIndex);
	},
};
