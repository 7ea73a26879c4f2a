import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { t } from '../shared/i18n/translate';
import { AUDIT_STATUS, label } from '../shared/labels';
import { AUDIT_STATUSES, fetchWarehouse, listGoods, WAREHOUSE_BATCH } from '../WeChatLive/transport/reads/goods';
import type { StatusChange, StatusMap } from './state';
import { commitState, diffStatuses, nowIso, sameStatuses, stateOf, statusPair } from './state';
import { changedTo } from './target';

export const GOODS_AUDIT_EVENT = 'goodsAuditStatus';

export type AuditTarget = 'any' | 'approved' | 'rejected';

const TARGET_STATUS: Record<Exclude<AuditTarget, 'any'>, number> = {
	approved: AUDIT_STATUSES.approved,
	rejected: AUDIT_STATUSES.rejected,
};

/** getapproved lists one audit status a call; the library is the four lists together. */
const ALL_STATUSES = [
	AUDIT_STATUSES.notSubmitted,
	AUDIT_STATUSES.underReview,
	AUDIT_STATUSES.approved,
	AUDIT_STATUSES.rejected,
];

/** Goods start "Not Submitted" or "Under Review" (goods/add submits at once): no change to report. */
const isStartingStatus = (status: number) =>
	status === AUDIT_STATUSES.notSubmitted || status === AUDIT_STATUSES.underReview;

const auditLabel = (code: number) => label(AUDIT_STATUS, code);

/**
 * The goods library by audit status (getapproved, every page of each status asked for), keyed by goods
 * ID. The lists are read one after another, so goods whose audit is decided meanwhile can show up in two
 * of them: the list read later wins, it is the newer answer.
 */
async function readLibrary(this: IPollFunctions, statuses: number[]): Promise<Map<number, IDataObject>> {
	const library = new Map<number, IDataObject>();
	for (const status of statuses) {
		for (const goods of await listGoods.call(this, status, { returnAll: true, limit: 0 })) {
			library.set(Number(goods.goodsId), goods);
		}
	}
	return library;
}

/**
 * Goods known from the last poll but in none of this poll's lists: deleted, or (rarely) moved from a list
 * not yet read to one already read while the poll ran. getgoodswarehouse, by ID, tells which.
 */
async function lookUpMissing(this: IPollFunctions, ids: number[]): Promise<Map<number, IDataObject>> {
	const found = new Map<number, IDataObject>();
	for (let start = 0; start < ids.length; start += WAREHOUSE_BATCH) {
		// Deleted goods are simply not found: gone, not a failed poll.
		for (const [goodsId, goods] of await fetchWarehouse.call(this, ids.slice(start, start + WAREHOUSE_BATCH), { skipGone: true })) {
			// Keys as getapproved has them, so every item of this trigger has the same goods fields.
			found.set(goodsId, { goodsId, ...goods });
		}
	}
	return found;
}

function changeItem(change: StatusChange, goods: IDataObject, detectedAt: string): INodeExecutionData {
	return {
		json: {
			event: GOODS_AUDIT_EVENT,
			goodsId: change.id,
			before: statusPair('audit_status', change.before, auditLabel),
			after: statusPair('audit_status', change.after, auditLabel),
			goods,
			detectedAt,
		},
	};
}

const matches = (target: AuditTarget, status: number) => target === 'any' || TARGET_STATUS[target] === status;

/** A manual test run: the newest goods the filter would report, as a change item, the state untouched. */
async function sample(this: IPollFunctions, target: AuditTarget): Promise<INodeExecutionData[][]> {
	const library = await readLibrary.call(this, target === 'any' ? ALL_STATUSES : [TARGET_STATUS[target]]);
	// Goods IDs grow with each goods added: the highest is the newest.
	const [newest] = [...library.values()].sort((a, b) => Number(b.goodsId) - Number(a.goodsId));
	if (!newest) {
		// The status is the Changed To choice, whose name is the status's label (it has its Chinese); lower
		// case fits the English sentence, and Chinese has no case.
		const message =
			target === 'any'
				? t('There is nothing to show: the goods library has no goods at all')
				: t('There is nothing to show: the goods library has no {status} goods', {
						status: t(auditLabel(TARGET_STATUS[target])).toLowerCase(),
					});
		throw new NodeOperationError(this.getNode(), message, {
			description: t(
				'A test run shows the newest goods the trigger would report. Add goods (Goods → Create) or wait for an audit result, then test again; once the workflow is published, the trigger reports each audit change as it happens.',
			),
		});
	}
	const status = Number(newest.audit_status);
	return [[changeItem({ id: Number(newest.goodsId), before: status, after: status }, newest, nowIso(this))]];
}

/**
 * Goods audit status changed. WeChat pushes no audit results (docs/wechat-facts.md), so each poll reads
 * the whole goods library, one getapproved list per audit status, and compares it with the last poll.
 */
export async function pollGoodsAudit(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const target: AuditTarget = changedTo(this, 'auditStatusTo', TARGET_STATUS);
	if (this.getMode() === 'manual') return await sample.call(this, target);

	const library = await readLibrary.call(this, ALL_STATUSES);
	const previous = stateOf(this).goods;
	const missing = Object.keys(previous ?? {})
		.map(Number)
		.filter((id) => !library.has(id));
	if (missing.length > 0) {
		for (const [id, goods] of await lookUpMissing.call(this, missing)) library.set(id, goods);
	}

	const current: StatusMap = {};
	for (const [id, goods] of library) current[id] = Number(goods.audit_status);
	if (!previous || !sameStatuses(previous, current)) commitState(this, 'goods', current);
	// The first poll only learns where every goods stands.
	if (!previous) return null;

	const detectedAt = nowIso(this);
	const items = diffStatuses(previous, current, isStartingStatus)
		.filter((change) => matches(target, change.after))
		.map((change) => changeItem(change, library.get(change.id) as IDataObject, detectedAt));
	return items.length > 0 ? [items] : null;
}
