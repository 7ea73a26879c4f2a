import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { t } from '../../../shared/i18n/translate';
import { PRICE_TYPES } from '../../helpers/prices';
import type { Field } from '../../helpers/validation';
import { checkWeightedLength, goodsIdList, goodsKeys, goodsPagePath, GOODS_NAME_LENGTH, yuan } from '../../rules';
import { MEDIA_UPLOAD_LIMITS } from '../../transport/media';
import type { ImageField } from '../common/images';
import { getId, obey, parameterOf, requireText } from '../common/parameters';

/**
 * The fields Goods operations share (Room Goods and Widget use the goods IDs and keys too), and their
 * readers. WeChat's rules for them are in rules/goods.ts and rules/prices.ts.
 */

export const goodsIdProperty: INodeProperties = {
	displayName: 'Goods',
	name: 'goodsId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The goods in the live goods library (直播商品库). Pick it from the list or give its numeric Goods ID.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchGoods', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 5001',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A Goods ID is a whole number, e.g. 5001' },
				},
			],
		},
	],
};

export function getGoodsId(context: IExecuteFunctions, itemIndex: number): number {
	return getId(context, itemIndex, goodsIdProperty);
}

/** A parameter that takes several goods IDs: "5001, 5002", one per line, or an expression giving an array. */
export function goodsIdsProperty(displayName: string, name: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5001, 5002, 5003',
		description: `${description} Separate IDs with commas or new lines, or use an expression that gives an array of IDs`,
	};
}

/** The goods IDs of a goodsIdsProperty: positive whole numbers, each once, in the order given. */
export function getGoodsIds(context: IExecuteFunctions, itemIndex: number, property: INodeProperties): number[] {
	const value = parameterOf(context, itemIndex, property);
	return obey(context, itemIndex, property, () => goodsIdList(value));
}

/** The audit ID Goods → Create and Resubmit Audit return; WeChat needs it to withdraw that audit. */
export const auditIdProperty: INodeProperties = {
	displayName: 'Audit ID',
	name: 'auditId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 525022786',
	description: 'The audit to withdraw (auditId), as returned by Goods → Create or Goods → Resubmit Audit',
};

export function getAuditId(context: IExecuteFunctions, itemIndex: number): number {
	return getId(context, itemIndex, auditIdProperty);
}

export const COVER_IMG_URL: ImageField = {
	displayName: 'Cover Image',
	name: 'coverImgUrl',
	purpose: 'goods picture: at most 300×300 px',
	// api_addgoods states only the pixel limit ("图片尺寸最大300像素*300像素"; 300018 when larger). The file
	// size is the upload's own limit, the same one Media → Upload Image checks for a goods cover.
	limits: { maxBytes: MEDIA_UPLOAD_LIMITS.maxBytes, maxPixels: { width: 300, height: 300 } },
};

export const goodsNameProperty: INodeProperties = {
	displayName: 'Goods Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. 西湖龙井 250g',
	description: 'Goods title (name): at most 14 Chinese characters, or 28 Latin letters and digits (a Chinese character counts 2). WeChat has refused names under 3 Chinese characters.',
};

export function readGoodsName(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const name = requireText(context, itemIndex, goodsNameProperty, value, t('Give the goods a name.'));
	obey(context, itemIndex, goodsNameProperty, () => checkWeightedLength(name, GOODS_NAME_LENGTH.min, GOODS_NAME_LENGTH.max));
	return name;
}

export const pagePathProperty: INodeProperties = {
	displayName: 'Page Path',
	name: 'url',
	type: 'string',
	default: '',
	placeholder: 'e.g. pages/goods/detail?sku=1001',
	description:
		'The goods detail page of the released mini program. The node drops a leading "/" and URL-encodes the query values, as WeChat needs.',
};

export function readPagePath(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const text = requireText(context, itemIndex, pagePathProperty, value, t('Give the goods detail page, e.g. pages/goods/detail?id=1001.'));
	return obey(context, itemIndex, pagePathProperty, () => goodsPagePath(text));
}

export const priceTypeProperty: INodeProperties = {
	displayName: 'Price Type',
	name: 'priceType',
	type: 'options',
	default: 1, // fixed price
	description: 'How the price is shown (priceType)',
	options: [
		{
			name: 'Discount (显示折扣价)',
			value: PRICE_TYPES.discount,
			description: 'Price is the original price, Second Price the current, lower price',
		},
		{ name: 'Fixed Price (一口价)', value: PRICE_TYPES.fixed, description: 'One price' },
		{
			name: 'Price Range (价格区间)',
			value: PRICE_TYPES.range,
			description: 'From Price up to Second Price',
		},
	],
};

export const priceProperty: INodeProperties = {
	displayName: 'Price',
	name: 'price',
	type: 'number',
	default: 0,
	typeOptions: { numberPrecision: 2 },
	description:
		'In yuan (元), above 0, at most 2 decimals. The fixed price; for a range the lowest price; for a discount the original price.',
};

export const secondPriceProperty: INodeProperties = {
	displayName: 'Second Price',
	name: 'price2',
	type: 'number',
	default: 0,
	typeOptions: { numberPrecision: 2 },
	description:
		'In yuan (元), at most 2 decimals (price2). For a range the highest price (above Price); for a discount the current price (below Price).',
};

/** The price fields a price rule may name (rules/prices.ts). */
export const priceProperties: Field[] = [priceTypeProperty, priceProperty, secondPriceProperty];

/** A price (Price or Second Price) in yuan, as WeChat takes it. */
export function readYuan(context: IExecuteFunctions, itemIndex: number, property: Field, value: unknown): number {
	return obey(context, itemIndex, property, () => yuan(value));
}

export const thirdPartyAppidProperty: INodeProperties = {
	displayName: 'Third-Party App ID',
	name: 'thirdPartyAppid',
	type: 'string',
	default: '',
	placeholder: 'e.g. wx1234567890abcdef',
	description: 'When the goods page belongs to another mini program: its App ID (thirdPartyAppid). Leave out for your own goods.',
};

/** The App ID of another mini program that sells the goods; api_addgoods states no format, so WeChat checks it. */
export function readThirdPartyAppid(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	return requireText(context, itemIndex, thirdPartyAppidProperty, value, t('Give the App ID of the mini program that sells the goods, or remove the field.'));
}

/** The pendant keys of one goods (Goods → Create) or of the whole shop (Widget → Set Goods Key). */
export const goodsKeyProperty: INodeProperties = {
	displayName: 'Goods Key',
	name: 'goodsKey',
	type: 'string',
	default: '',
	placeholder: 'e.g. productId, sku',
};

export function readGoodsKeys(context: IExecuteFunctions, itemIndex: number, value: unknown): string[] {
	return obey(context, itemIndex, goodsKeyProperty, () => goodsKeys(value));
}
