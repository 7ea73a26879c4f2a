import type { IDataObject } from 'n8n-workflow';

import { AUDIT_STATUS, label } from '../../../shared/labels';
import { withPrices } from '../../helpers/prices';
import type { Page, PagingOptions } from '../paginate';
import { collectPages } from '../paginate';
import type { WeChatContext } from '../request';
import { weChatRequest } from '../request';

/** getapproved pages: WeChat's maximum is 100 goods. */
export const GOODS_PAGE_SIZE = 100;
/** getgoodswarehouse: "最多支持一次获取20个商品状态". */
export const WAREHOUSE_BATCH = 20;

export const AUDIT_STATUSES = { notSubmitted: 0, underReview: 1, approved: 2, rejected: 3 } as const;

/** A readable audit status beside WeChat's code. */
export function auditStatus(code: number): IDataObject {
	return { audit_status: code, audit_status_label: label(AUDIT_STATUS, code) };
}

/**
 * One goods of the library, WeChat's own keys kept (getapproved camelCase, getgoodswarehouse snake_case),
 * with the same additions for both: audit status label and prices in yuan. getapproved items carry no
 * audit status; the status they were listed by is added as `audit_status`, getgoodswarehouse's name.
 */
export function libraryGoodsItem(goods: IDataObject, listedStatus?: number): IDataObject {
	const status = goods.audit_status ?? listedStatus;
	const item: IDataObject = { ...goods };
	if (status !== undefined && status !== null) Object.assign(item, auditStatus(status as number));
	return withPrices(item, 'yuan');
}

export async function fetchApprovedPage(
	this: WeChatContext,
	status: number,
	offset: number,
	limit: number,
	itemIndex?: number,
): Promise<Page> {
	const response = await weChatRequest.call(this, 'goodsApproved', { qs: { offset, limit, status }, itemIndex });
	const goods = (response.goods as IDataObject[] | undefined) ?? [];
	return { items: goods.map((g) => libraryGoodsItem(g, status)), total: response.total as number | undefined };
}

export async function listGoods(
	this: WeChatContext,
	status: number,
	paging: Omit<PagingOptions, 'pageSize'>,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await collectPages((offset, size) => fetchApprovedPage.call(this, status, offset, size, itemIndex), {
		...paging,
		pageSize: GOODS_PAGE_SIZE,
	});
}

/**
 * getgoodswarehouse answers for goods that no longer exist: 300024 "商品不存在" and 1003 "商品id不存在"
 * in WeChat's errcode table, and one such goods fails the whole call.
 */
const GOODS_GONE_ERRCODES = [300024, 1003];

export interface WarehouseOptions {
	itemIndex?: number;
	/**
	 * Leave out goods that no longer exist instead of failing: a call WeChat refuses for one of them is
	 * asked again goods by goods (the Status Trigger, whose goods may have been deleted since the last poll).
	 */
	skipGone?: boolean;
}

/** At most 20 goods, by ID, with their audit status (getgoodswarehouse), keyed by goods ID. */
export async function fetchWarehouse(
	this: WeChatContext,
	ids: number[],
	{ itemIndex, skipGone = false }: WarehouseOptions = {},
): Promise<Map<number, IDataObject>> {
	const response = await weChatRequest.call(this, 'goodsWarehouse', {
		body: { goods_ids: ids },
		itemIndex,
		acceptErrcodes: skipGone ? GOODS_GONE_ERRCODES : undefined,
	});
	const found = new Map<number, IDataObject>();
	if (Number(response.errcode ?? 0) !== 0) {
		if (ids.length > 1) {
			for (const id of ids) {
				for (const [goodsId, goods] of await fetchWarehouse.call(this, [id], { itemIndex, skipGone })) found.set(goodsId, goods);
			}
		}
		return found;
	}
	// The table types goods_id as string, the sample as number: accept both.
	for (const goods of (response.goods as IDataObject[] | undefined) ?? []) {
		found.set(Number(goods.goods_id ?? goods.goodsId), libraryGoodsItem(goods));
	}
	return found;
}
