import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { AUDIT_STATUS } from '../../shared/labels';
import { listGoods } from '../transport/reads/goods';
import { resultName } from './resultName';

/** getapproved lists one audit status a call: approved goods first, as rooms can only take those. */
const STATUS_ORDER = [2, 1, 0, 3];

/** Goods for the Goods picker, searchable by name or ID (the first 100 of each audit status). */
export async function searchGoods(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchResult['results'] = [];
	for (const status of STATUS_ORDER) {
		const goods = await listGoods.call(this, status, { returnAll: false, limit: 100 });
		for (const g of goods) {
			if (needle && !String(g.name).toLowerCase().includes(needle) && String(g.goodsId) !== needle) continue;
			results.push({ name: resultName(g.name, g.goodsId, AUDIT_STATUS, status), value: String(g.goodsId) });
		}
	}
	return { results };
}
