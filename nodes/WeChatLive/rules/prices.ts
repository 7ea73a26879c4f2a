import { t } from '../../shared/i18n/translate';
import { FEN_PER_YUAN, PRICE_TYPES } from '../helpers/prices';
import { RuleBroken } from './ruleBroken';

/**
 * Prices as WeChat's goods write APIs take them: yuan (元) with at most 2 decimals (api_addgoods,
 * https://developers.weixin.qq.com/miniprogram/dev/server/API/livebroadcast/commodity-management/api_addgoods.html).
 * The pages state no lower bound; WeChat has refused 0 with 300003 (reported in WxJava issue #1798), which
 * errcodes.ts explains.
 */
/** Rounds away binary noise (99.5 * 100 = 9949.999…) without hiding a third decimal. */
const toFen = (yuan: number) => Math.round(yuan * FEN_PER_YUAN);

export function yuan(value: unknown): number {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
	if (typeof n !== 'number' || !Number.isFinite(n)) {
		throw new RuleBroken(t('is not a number: "{value}"', { value: String(value) }), t('Give the price in yuan (元), e.g. 99.5.'));
	}
	if (Math.abs(toFen(n) - n * FEN_PER_YUAN) > 1e-6) {
		throw new RuleBroken(
			t('is {price}, with more than 2 decimals', { price: n }),
			t('WeChat takes yuan (元) to the fen: round it, e.g. {rounded}.', { rounded: (toFen(n) / FEN_PER_YUAN).toFixed(2) }),
		);
	}
	return toFen(n) / FEN_PER_YUAN;
}

export interface PriceFields {
	priceType?: number;
	price?: number;
	price2?: number;
}

/**
 * WeChat's priceType rules, as api_addgoods and api_updategoodsinfo state them: 1 fixed price — price only;
 * 2 range — price the left and price2 the right bound; 3 discount — price is the original, price2 the
 * current price (300003 "现价比原价大" when it is not lower); price2 required for 2 and 3. With
 * `complete`, every field the type needs must be present (create); without, only the fields given are
 * checked against each other (update sends only what changes). The field at fault is named by its
 * WeChat name: priceType, price or price2.
 */
export function checkPriceRule(prices: PriceFields, complete: boolean): void {
	const { priceType, price, price2 } = prices;
	if (priceType !== undefined && !Object.values(PRICE_TYPES).includes(priceType as 1 | 2 | 3)) {
		throw new RuleBroken(
			t('is {priceType}, but WeChat knows only 1 (fixed price), 2 (price range) and 3 (discount)', { priceType: String(priceType) }),
			t('Pick a price type.'),
			'priceType',
		);
	}
	if (complete && price === undefined) throw new RuleBroken(t('is missing'), t('Give the price in yuan (元).'), 'price');
	// A second price alone (an update of a range or discount): the docs state no rule for it, WeChat decides.
	if (priceType === undefined) return;
	if (priceType === PRICE_TYPES.fixed) {
		if (price2 !== undefined) {
			throw new RuleBroken(
				t('is given for a fixed price, which has only one price'),
				t('Remove Second Price, or pick Price Range or Discount.'),
				'price2',
			);
		}
		return;
	}
	// Switching to a range or a discount relates two prices: both are needed to check (and to send) them.
	const missing =
		priceType === PRICE_TYPES.range ? t('is missing, but a price range needs both prices') : t('is missing, but a discount needs both prices');
	for (const [field, value] of [['price', price], ['price2', price2]] as const) {
		if (value === undefined) throw new RuleBroken(missing, t('Give Price and Second Price in yuan (元).'), field);
	}
	if (priceType === PRICE_TYPES.range && !(price2! > price!)) {
		throw new RuleBroken(
			t('is {price2}, not above Price ({price}): a price range goes from Price up to Second Price', { price: price!, price2: price2! }),
			t('Give the lowest price as Price and the highest as Second Price.'),
			'price2',
		);
	}
	if (priceType === PRICE_TYPES.discount && !(price2! < price!)) {
		throw new RuleBroken(
			t('is {price2}, not below Price ({price}): for a discount, Price is the original and Second Price the current, lower price', {
				price: price!,
				price2: price2!,
			}),
			t('Give the original price as Price and the discounted price as Second Price.'),
			'price2',
		);
	}
}
