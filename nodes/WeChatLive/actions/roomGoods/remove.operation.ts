import { weChatRequest } from '../../transport/request';
import type { WeChatOperation } from '../types';
import { getRoomAndGoods, roomAndGoodsProperties } from './fields';

export const roomGoodsRemove: WeChatOperation = {
	value: 'remove',
	name: 'Remove',
	action: 'Remove goods from a room',
	description: 'Remove goods from a room (删除直播间商品); they stay in the goods library',
	endpoints: ['goodsDeleteInRoom'],
	properties: roomAndGoodsProperties,
	async execute(itemIndex) {
		const { roomId, goodsId } = getRoomAndGoods(this, itemIndex);
		await weChatRequest.call(this, 'goodsDeleteInRoom', { body: { roomId, goodsId }, itemIndex });
		return { roomId, goodsId, removed: true };
	},
};
