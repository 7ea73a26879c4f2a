import type { INodeProperties } from 'n8n-workflow';

import { PRICE_TYPES } from '../../helpers/prices';

/** The goods fields Goods → Create asks for and Goods → Update offers, as the user sees them. */

export const goodsNameProperty: INodeProperties = {
	displayName: 'Goods Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. 西湖龙井 250g',
	description: 'Goods title (name): at most 14 Chinese characters, or 28 Latin letters and digits (a Chinese character counts 2). WeChat has refused names under 3 Chinese characters.',
};

export const pagePathProperty: INodeProperties = {
	displayName: 'Page Path',
	name: 'url',
	type: 'string',
	default: '',
	placeholder: 'e.g. pages/goods/detail?sku=1001',
	description:
		'The goods detail page of the released mini program. The node drops a leading "/" and URL-encodes the query values, as WeChat needs.',
};

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

export const thirdPartyAppidProperty: INodeProperties = {
	displayName: 'Third-Party App ID',
	name: 'thirdPartyAppid',
	type: 'string',
	default: '',
	placeholder: 'e.g. wx1234567890abcdef',
	description: 'When the goods page belongs to another mini program: its App ID (thirdPartyAppid). Leave out for your own goods.',
};
