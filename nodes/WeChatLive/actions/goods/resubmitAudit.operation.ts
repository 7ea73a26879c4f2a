import { weChatRequest } from '../../transport/request';
import type { WeChatOperation } from '../types';
import { auditStatus, AUDIT_STATUSES } from '../../transport/reads/goods';
import { getGoodsId, goodsIdProperty } from './fields';

export const goodsResubmitAudit: WeChatOperation = {
	value: 'resubmitAudit',
	name: 'Resubmit Audit',
	action: 'Resubmit goods for audit',
	description: 'Submit withdrawn goods for audit again (重新提交商品审核); returns the new Audit ID',
	endpoints: ['goodsAudit'],
	properties: [goodsIdProperty],
	async execute(itemIndex) {
		const goodsId = getGoodsId(this, itemIndex);
		// Not retried: each submission spends one of the 500 daily audits.
		const response = await weChatRequest.call(this, 'goodsAudit', { body: { goodsId }, itemIndex });
		return { goodsId, auditId: response.auditId, ...auditStatus(AUDIT_STATUSES.underReview) };
	},
};
