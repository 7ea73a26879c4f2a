import type { Field } from '../../helpers/validation';
import { weChatRequest } from '../../transport/request';
import { getRoomId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import { goodsIdsProperty, parseIdList } from '../goods/ids';
import type { WeChatOperation } from '../types';

const IDS: Field = { displayName: 'Goods IDs', name: 'ids' };

export const importGoods: WeChatOperation = {
	value: 'import',
	name: 'Import',
	action: 'Import goods into a room',
	description: 'Add approved goods of the library to a room (直播间导入商品); goods already there stay',
	endpoints: ['roomAddGoods'],
	properties: [
		roomIdProperty,
		goodsIdsProperty(IDS, 'The goods to add to the room (ids): approved goods of the library (Goods → Get Many with Approved).'),
	],
	async execute(itemIndex) {
		const roomId = getRoomId(this, itemIndex);
		const ids = parseIdList(this, itemIndex, IDS, this.getNodeParameter(IDS.name, itemIndex, ''));
		await weChatRequest.call(this, 'roomAddGoods', { body: { ids, roomId }, itemIndex });
		return { roomId, ids, imported: true };
	},
};
