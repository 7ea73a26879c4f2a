import { weChatRequest } from '../../transport/request';
import type { WeChatOperation } from '../types';
import { getRoomAndGoods, roomAndGoodsProperties } from './fields';

export const roomGoodsPush: WeChatOperation = {
	value: 'push',
	name: 'Push',
	action: 'Push goods to viewers',
	description: 'Show goods of a live room to its viewers (推送商品); one push at a time per room',
	endpoints: ['goodsPush'],
	properties: roomAndGoodsProperties,
	async execute(itemIndex) {
		const { roomId, goodsId } = getRoomAndGoods(this, itemIndex);
		await weChatRequest.call(this, 'goodsPush', { body: { roomId, goodsId }, itemIndex });
		return { roomId, goodsId, pushed: true };
	},
};
