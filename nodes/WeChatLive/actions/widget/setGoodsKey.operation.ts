import { weChatRequest } from '../../transport/request';
import { goodsKeyProperty, readGoodsKeys } from '../goods/fields';
import type { WeChatOperation } from '../types';

export const widgetSetGoodsKey: WeChatOperation = {
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
			...goodsKeyProperty,
			required: true,
			description:
				'The names of the goods page’s query parameters that identify a goods (goodsKey), separated by commas, or an expression giving an array',
		},
	],
	async execute(itemIndex) {
		const goodsKey = readGoodsKeys(this, itemIndex, this.getNodeParameter(goodsKeyProperty.name, itemIndex, ''));
		await weChatRequest.call(this, 'goodsSetKey', { body: { goodsKey }, itemIndex });
		return { goodsKey };
	},
};
