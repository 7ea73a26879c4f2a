import type { Field } from '../../helpers/validation';
import { weChatRequest } from '../../transport/request';
import { parseGoodsKeys } from '../goods/rules';
import type { WeChatOperation } from '../types';

const GOODS_KEY: Field = { displayName: 'Goods Key', name: 'goodsKey' };

export const setGoodsKey: WeChatOperation = {
	value: 'setGoodsKey',
	name: 'Set Goods Key',
	action: 'Set the widget goods key',
	description: 'Set the live pendant’s global goods key (直播挂件设置全局KEY)',
	endpoints: ['goodsSetKey'],
	properties: [
		{
			displayName:
				'Set the global key once: goods added without their own key are matched by it, and changing it later breaks those matches. WeChat allows 500 calls a day.',
			name: 'keyNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Goods Key',
			name: 'goodsKey',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. productId, sku',
			description:
				'The names of the goods page’s query parameters that identify a goods (goodsKey), separated by commas, or an expression giving an array',
		},
	],
	async execute(itemIndex) {
		const goodsKey = parseGoodsKeys(this, itemIndex, GOODS_KEY, this.getNodeParameter(GOODS_KEY.name, itemIndex, ''));
		await weChatRequest.call(this, 'goodsSetKey', { body: { goodsKey }, itemIndex });
		return { goodsKey };
	},
};
