import type { WeChatResource } from '../types';
import { cancelAudit } from './cancelAudit.operation';
import { create } from './create.operation';
import { deleteGoods } from './delete.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { resubmitAudit } from './resubmitAudit.operation';
import { update } from './update.operation';

export const goods: WeChatResource = {
	value: 'goods',
	name: 'Goods',
	description: 'The live goods library and its audit (直播商品库)',
	operations: [create, get, getMany, update, deleteGoods, cancelAudit, resubmitAudit],
};
