import { weChatRequest } from '../../transport/request';
import { getRoomId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import { getGoodsIds, goodsIdsProperty } from '../goods/fields';
import type { WeChatOperation } from '../types';

const goodsIdsParameter = goodsIdsProperty(
	'Goods Order',
	'goods',
	'The room’s goods IDs in the order the shelf should show them (goods).',
);

export const roomGoodsSort: WeChatOperation = {
	value: 'sort',
	name: 'Sort',
	action: 'Sort the goods of a room',
	description: 'Set the order of the goods shelf of a room (直播间商品排序)',
	endpoints: ['goodsSort'],
	properties: [
		roomIdProperty,
		goodsIdsParameter,
	],
	async execute(itemIndex) {
		const roomId = getRoomId(this, itemIndex);
		// The docs type goodsId as a number but their example sends strings; numbers are what the table says.
		const goods = getGoodsIds(this, itemIndex, goodsIdsParameter).map((goodsId) => ({ goodsId }));
		await weChatRequest.call(this, 'goodsSort', { body: { roomId, goods }, itemIndex });
		return { roomId, goods, sorted: true };
	},
};
