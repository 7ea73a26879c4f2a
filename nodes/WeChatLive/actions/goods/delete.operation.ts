import { weChatRequest } from '../../transport/request';
import type { WeChatOperation } from '../types';
import { getGoodsId, goodsIdProperty } from './fields';

export const goodsDelete: WeChatOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete goods',
	description: 'Delete goods from the library and from every room (删除商品); goods under review cannot be deleted',
	endpoints: ['goodsDelete'],
	properties: [
		{
			displayName: 'Deleting also removes the goods from every room that sells them, and cannot be undone',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
		},
		goodsIdProperty,
	],
	async execute(itemIndex) {
		const goodsId = getGoodsId(this, itemIndex);
		await weChatRequest.call(this, 'goodsDelete', { body: { goodsId }, itemIndex });
		return { goodsId, deleted: true };
	},
};
