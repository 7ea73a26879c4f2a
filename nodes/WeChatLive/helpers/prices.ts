import type { IDataObject } from 'n8n-workflow';

import { label, PRICE_TYPE } from '../../shared/labels';

/**
 * Prices. WeChat's goods *write* APIs take yuan (元) with at most 2 decimals (api_addgoods,
 * https://developers.weixin.qq.com/miniprogram/dev/server/API/livebroadcast/commodity-management/api_addgoods.html).
 * Its *read* APIs disagree in the docs: the goods library (api_getgoodsinfo, api_getgoodsauditinfo) is
 * documented in yuan, the goods inside getliveinfo rooms (api_getliveinfo) in fen (分), and the samples of
 * both show 12300. Our rule: WeChat's raw `price`/`price2` are kept untouched, `price_unit` says which
 * unit WeChat documents for them, and `price_yuan`/`price2_yuan` are always yuan. If a real account shows
 * another unit, only the unit passed by the caller changes.
 */
export type PriceUnit = 'yuan' | 'fen';

export const PRICE_TYPES = { fixed: 1, range: 2, discount: 3 } as const;

export const FEN_PER_YUAN = 100;

/** One goods as WeChat returns it, with a readable price type and prices in yuan beside the raw fields. */
export function withPrices(goods: IDataObject, unit: PriceUnit): IDataObject {
	// getgoodswarehouse's table says priceType, its sample price_type; getapproved uses priceType.
	const priceType = Number(goods.price_type ?? goods.priceType);
	const inYuan = (value: unknown) => {
		const n = Number(value);
		if (value === undefined || value === null || value === '' || !Number.isFinite(n)) return null;
		return unit === 'fen' ? n / FEN_PER_YUAN : n;
	};
	return {
		...goods,
		price_type_label: label(PRICE_TYPE, priceType),
		price_yuan: inYuan(goods.price),
		// A fixed price has no second price (WeChat reports 0 for it).
		price2_yuan: priceType === PRICE_TYPES.range || priceType === PRICE_TYPES.discount ? inYuan(goods.price2) : null,
		price_unit: unit,
	};
}
