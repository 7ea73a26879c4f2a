import type { WeChatResource } from '../types';
import { getVideo } from './getVideo.operation';
import { importGoods } from './import.operation';
import { push } from './push.operation';
import { remove } from './remove.operation';
import { setSale } from './setSale.operation';
import { sort } from './sort.operation';

export const roomGoods: WeChatResource = {
	value: 'roomGoods',
	name: 'Room Goods',
	description: 'Goods inside a room: import, sale, push, order (直播间商品)',
	operations: [importGoods, setSale, remove, push, sort, getVideo],
};
