import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getRoomId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import { getGoodsId, goodsIdProperty } from '../goods/fields';

/**
 * The fields Room Goods operations share, and their readers: most room-goods APIs name one goods in one
 * room, { roomId, goodsId }.
 */
export const roomAndGoodsProperties: INodeProperties[] = [roomIdProperty, goodsIdProperty];

export function getRoomAndGoods(context: IExecuteFunctions, itemIndex: number): { roomId: number; goodsId: number } {
	return { roomId: getRoomId(context, itemIndex), goodsId: getGoodsId(context, itemIndex) };
}
