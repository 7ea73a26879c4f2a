import type { WeChatResource } from '../types';
import { goodsCancelAudit } from './cancelAudit.operation';
import { goodsCreate } from './create.operation';
import { goodsDelete } from './delete.operation';
import { goodsGet } from './get.operation';
import { goodsGetMany } from './getMany.operation';
import { goodsResubmitAudit } from './resubmitAudit.operation';
import { goodsUpdate } from './update.operation';

export const goods: WeChatResource = {
	value: 'goods',
	name: 'Goods',
	description: 'The live goods library and its audit (直播商品库)',
	operations: [goodsCreate, goodsGet, goodsGetMany, goodsUpdate, goodsDelete, goodsCancelAudit, goodsResubmitAudit],
};
