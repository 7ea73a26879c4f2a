import { weChatRequest } from '../../transport/request';
import type { WeChatOperation } from '../types';

export const widgetGetGoodsKey: WeChatOperation = {
	value: 'getGoodsKey',
	name: 'Get Goods Key',
	action: 'Get the widget goods key',
	description: 'Get the live pendant’s global goods key (直播挂件获取全局KEY)',
	endpoints: ['goodsGetKey'],
	properties: [],
	async execute(itemIndex) {
		const response = await weChatRequest.call(this, 'goodsGetKey', { itemIndex });
		return { vendorGoodsKey: response.vendorGoodsKey ?? [] };
	},
};
