import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { label, PRICE_TYPE } from '../../shared/labels';
import type { Field } from './validation';
import { invalidInput } from './validation';

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

const FEN_PER_YUAN = 100;

/** Rounds away binary noise (99.5 * 100 = 9949.999…) without hiding a third decimal. */
const toFen = (yuan: number) => Math.round(yuan * FEN_PER_YUAN);

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

/**
 * A price as WeChat documents it: a number of yuan with at most 2 decimals. WeChat's pages state no lower
 * bound; it has refused 0 with 300003 (reported in WxJava issue #1798), which errcodes.ts explains.
 */
export function parseYuan(context: IExecuteFunctions, itemIndex: number, field: Field, value: unknown): number {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
	if (typeof n !== 'number' || !Number.isFinite(n)) {
		throw invalidInput(context, itemIndex, field, `is not a number: "${String(value)}"`, 'Give the price in yuan (元), e.g. 99.5.');
	}
	if (Math.abs(toFen(n) - n * FEN_PER_YUAN) > 1e-6) {
		throw invalidInput(
			context,
			itemIndex,
			field,
			`is ${n}, with more than 2 decimals`,
			`WeChat takes yuan (元) to the fen: round it, e.g. ${(toFen(n) / FEN_PER_YUAN).toFixed(2)}.`,
		);
	}
	return toFen(n) / FEN_PER_YUAN;
}

export interface PriceFields {
	priceType?: number;
	price?: number;
	price2?: number;
}

export const PRICE: Field = { displayName: 'Price', name: 'price' };
export const PRICE2: Field = { displayName: 'Second Price', name: 'price2' };
export const PRICE_TYPE_FIELD: Field = { displayName: 'Price Type', name: 'priceType' };

/**
 * WeChat's priceType rules, as api_addgoods and api_updategoodsinfo state them: 1 fixed price — price only;
 * 2 range — price the left and price2 the right bound; 3 discount — price is the original, price2 the
 * current price (300003 "现价比原价大" when it is not lower); price2 required for 2 and 3. With
 * `complete`, every field the type needs must be present (create); without, only the fields given are
 * checked against each other (update sends only what changes).
 */
export function checkPriceRule(
	context: IExecuteFunctions,
	itemIndex: number,
	prices: PriceFields,
	complete: boolean,
): void {
	const { priceType, price, price2 } = prices;
	if (priceType !== undefined && !Object.values(PRICE_TYPES).includes(priceType as 1 | 2 | 3)) {
		throw invalidInput(
			context,
			itemIndex,
			PRICE_TYPE_FIELD,
			`is ${String(priceType)}, but WeChat knows only 1 (fixed price), 2 (price range) and 3 (discount)`,
			'Pick a price type.',
		);
	}
	if (complete && price === undefined) {
		throw invalidInput(context, itemIndex, PRICE, 'is missing', 'Give the price in yuan (元).');
	}
	// A second price alone (an update of a range or discount): the docs state no rule for it, WeChat decides.
	if (priceType === undefined) return;
	if (priceType === PRICE_TYPES.fixed) {
		if (price2 !== undefined) {
			throw invalidInput(context, itemIndex, PRICE2, 'is given for a fixed price, which has only one price', 'Remove Second Price, or pick Price Range or Discount.');
		}
		return;
	}
	const what = priceType === PRICE_TYPES.range ? 'a price range' : 'a discount';
	// Switching to a range or a discount relates two prices: both are needed to check (and to send) them.
	if (price === undefined) {
		throw invalidInput(context, itemIndex, PRICE, `is missing, but ${what} needs both prices`, 'Give Price and Second Price in yuan (元).');
	}
	if (price2 === undefined) {
		throw invalidInput(context, itemIndex, PRICE2, `is missing, but ${what} needs both prices`, 'Give Price and Second Price in yuan (元).');
	}
	if (priceType === PRICE_TYPES.range && !(price2 > price)) {
		throw invalidInput(
			context,
			itemIndex,
			PRICE2,
			`is ${price2}, not above Price (${price}): a price range goes from Price up to Second Price`,
			'Give the lowest price as Price and the highest as Second Price.',
		);
	}
	if (priceType === PRICE_TYPES.discount && !(price2 < price)) {
		throw invalidInput(
			context,
			itemIndex,
			PRICE2,
			`is ${price2}, not below Price (${price}): for a discount, Price is the original and Second Price the current, lower price`,
			'Give the original price as Price and the discounted price as Second Price.',
		);
	}
}
