import type { INodeProperties } from 'n8n-workflow';

import { weChatRequest } from '../../transport/request';
import { bit, getBoolean } from '../common/parameters';
import type { WeChatOperation } from '../types';
import { getRoomAndGoods, roomAndGoodsProperties } from './fields';

const onSaleProperty: INodeProperties = {
	displayName: 'On Sale',
	name: 'onSale',
	type: 'boolean',
	default: true,
	description: 'Whether viewers can buy the goods in the room (onSale): on the shelf, or taken off it',
};

export const roomGoodsSetSale: WeChatOperation = {
	value: 'setSale',
	name: 'Set Sale',
	action: 'Put room goods on or off sale',
	description: 'Put goods of a room on or off the shelf (上下架商品); not while they are being pushed',
	endpoints: ['goodsOnSale'],
	properties: [
		...roomAndGoodsProperties,
		onSaleProperty,
	],
	async execute(itemIndex) {
		const { roomId, goodsId } = getRoomAndGoods(this, itemIndex);
		const onSale = bit(getBoolean(this, itemIndex, onSaleProperty));
		await weChatRequest.call(this, 'goodsOnSale', { body: { roomId, goodsId, onSale }, itemIndex });
		return { roomId, goodsId, onSale };
	},
};
