import type { Field } from '../../helpers/validation';
import { weChatRequest } from '../../transport/request';
import { bit, getBoolean } from '../common/parameters';
import type { WeChatOperation } from '../types';
import { getRoomAndGoods, roomAndGoodsProperties } from './roomAndGoods';

const ON_SALE: Field = { displayName: 'On Sale', name: 'onSale' };

export const setSale: WeChatOperation = {
	value: 'setSale',
	name: 'Set Sale',
	action: 'Put room goods on or off sale',
	description: 'Put goods of a room on or off the shelf (上下架商品); not while they are being pushed',
	endpoints: ['goodsOnSale'],
	properties: [
		...roomAndGoodsProperties,
		{
			displayName: ON_SALE.displayName,
			name: ON_SALE.name,
			type: 'boolean',
			default: true,
			description: 'Whether viewers can buy the goods in the room (onSale): on the shelf, or taken off it',
		},
	],
	async execute(itemIndex) {
		const { roomId, goodsId } = getRoomAndGoods(this, itemIndex);
		const onSale = bit(getBoolean(this, itemIndex, ON_SALE));
		await weChatRequest.call(this, 'goodsOnSale', { body: { roomId, goodsId, onSale }, itemIndex });
		return { roomId, goodsId, onSale };
	},
};
