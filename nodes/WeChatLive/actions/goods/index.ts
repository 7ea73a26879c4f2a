import type { WeChatResource } from '../types';

export const goods: WeChatResource = {
	value: 'goods',
	name: 'Goods',
	description: "The live goods library and its audit (直播商品库)",
	operations: [],
};
