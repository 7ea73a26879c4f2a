import { weChatRequest } from '../../transport/request';
import { getRoomId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import { getGoodsIds, goodsIdsProperty } from '../goods/fields';
import type { WeChatOperation } from '../types';

const goodsIdsParameter = goodsIdsProperty(
	'Goods IDs',
	'ids',
	'The goods to add to the room (ids): approved goods of the library (Goods → Get Many with Approved).',
);

export const roomGoodsImport: WeChatOperation = {
	value: 'import',
	name: 'Import',
	action: 'Import goods into a room',
	description: 'Add approved goods of the library to a room (直播间导入商品); goods already there stay',
	endpoints: ['roomAddGoods'],
	properties: [
		roomIdProperty,
		goodsIdsParameter,
	],
	async execute(itemIndex) {
		const roomId = getRoomId(this, itemIndex);
		const ids = getGoodsIds(this, itemIndex, goodsIdsParameter);
		await weChatRequest.call(this, 'roomAddGoods', { body: { ids, roomId }, itemIndex });
		return { roomId, ids, imported: true };
	},
};
