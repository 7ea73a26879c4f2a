import { weChatRequest } from '../../transport/request';
import type { WeChatOperation } from '../types';
import { getRoomAndGoods, roomAndGoodsProperties } from './fields';

export const roomGoodsGetVideo: WeChatOperation = {
	value: 'getVideo',
	name: 'Get Video',
	action: 'Get a goods explanation video',
	description: 'Get the link to the video of the anchor explaining goods in a room (下载商品讲解视频)',
	endpoints: ['goodsGetVideo'],
	properties: roomAndGoodsProperties,
	async execute(itemIndex) {
		const { roomId, goodsId } = getRoomAndGoods(this, itemIndex);
		const response = await weChatRequest.call(this, 'goodsGetVideo', { body: { roomId, goodsId }, itemIndex });
		return { roomId, goodsId, url: response.url };
	},
};
