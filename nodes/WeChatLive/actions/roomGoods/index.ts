import type { WeChatResource } from '../types';

export const roomGoods: WeChatResource = {
	value: 'roomGoods',
	name: 'Room Goods',
	description: "Goods inside a room: import, sale, push, order (直播间商品)",
	operations: [],
};
