import type { WeChatResource } from '../types';
import { roomGoodsGetVideo } from './getVideo.operation';
import { roomGoodsImport } from './import.operation';
import { roomGoodsPush } from './push.operation';
import { roomGoodsRemove } from './remove.operation';
import { roomGoodsSetSale } from './setSale.operation';
import { roomGoodsSort } from './sort.operation';

export const roomGoods: WeChatResource = {
	value: 'roomGoods',
	name: 'Room Goods',
	description: 'Goods inside a room: import, sale, push, order (直播间商品)',
	operations: [roomGoodsImport, roomGoodsSetSale, roomGoodsRemove, roomGoodsPush, roomGoodsSort, roomGoodsGetVideo],
};
