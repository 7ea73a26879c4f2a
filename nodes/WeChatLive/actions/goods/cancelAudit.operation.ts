import { weChatRequest } from '../../transport/request';
import type { WeChatOperation } from '../types';
import { auditStatus, AUDIT_STATUSES } from '../../transport/reads/goods';
import { auditIdProperty, getAuditId, getGoodsId, goodsIdProperty } from './fields';

export const goodsCancelAudit: WeChatOperation = {
	value: 'cancelAudit',
	name: 'Cancel Audit',
	action: 'Cancel a goods audit',
	description: 'Withdraw goods from audit (撤回商品审核), e.g. to change them; the audit used is not given back',
	endpoints: ['goodsResetAudit'],
	properties: [goodsIdProperty, auditIdProperty],
	async execute(itemIndex) {
		const goodsId = getGoodsId(this, itemIndex);
		const auditId = getAuditId(this, itemIndex);
		await weChatRequest.call(this, 'goodsResetAudit', { body: { goodsId, auditId }, itemIndex });
		return { goodsId, auditId, ...auditStatus(AUDIT_STATUSES.notSubmitted) };
	},
};
