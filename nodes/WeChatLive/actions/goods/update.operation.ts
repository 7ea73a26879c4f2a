import type { IDataObject } from 'n8n-workflow';

import type { PriceFields } from '../../helpers/prices';
import { checkPriceRule, parseYuan, PRICE, PRICE2 } from '../../helpers/prices';
import { invalidInput } from '../../helpers/validation';
import { weChatRequest } from '../../transport/request';
import { imageSourceProperty, resolveImage } from '../common/images';
import type { WeChatOperation } from '../types';
import { getGoodsId, goodsIdProperty } from './ids';
import {
	goodsNameProperty,
	pagePathProperty,
	priceProperty,
	priceTypeProperty,
	secondPriceProperty,
	thirdPartyAppidProperty,
} from './properties';
import { checkGoodsName, checkThirdPartyAppid, COVER_IMG_URL, normaliseGoodsUrl } from './rules';

const UPDATE_FIELDS = { displayName: 'Update Fields', name: 'updateFields' };

export const update: WeChatOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update goods',
	description: 'Change goods in the live goods library (更新商品); only the fields given are sent',
	endpoints: ['goodsUpdate', 'mediaUpload'],
	properties: [
		{
			displayName:
				'Approved goods accept only price changes (Price Type, Price, Second Price); goods under review accept none (cancel the audit first); other goods accept every field.',
			name: 'updateNotice',
			type: 'notice',
			default: '',
		},
		goodsIdProperty,
		imageSourceProperty,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Cover Image',
					name: COVER_IMG_URL.name,
					type: 'string',
					default: '',
					description: `The ${COVER_IMG_URL.purpose} (coverImgUrl): a media ID, binary property or URL as set in Images From`,
				},
				goodsNameProperty,
				pagePathProperty,
				priceProperty,
				priceTypeProperty,
				secondPriceProperty,
				thirdPartyAppidProperty,
			],
		},
	],
	async execute(itemIndex) {
		const goodsId = getGoodsId(this, itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const given = (name: string) => fields[name] !== undefined;
		if (Object.keys(fields).length === 0) {
			throw invalidInput(this, itemIndex, UPDATE_FIELDS, 'has no field to change', 'Add the fields to change under Update Fields.');
		}

		// WeChat changes exactly the fields it is sent ("只传入需要更新的字段"): a field not given must not
		// appear at all, or WeChat would reset it (an SDK's default priceType 0 is refused with 300003).
		const goodsInfo: IDataObject = { goodsId };
		if (given('name')) goodsInfo.name = checkGoodsName(this, itemIndex, fields.name);
		if (given('url')) goodsInfo.url = normaliseGoodsUrl(this, itemIndex, fields.url);
		const prices: PriceFields = {};
		if (given('priceType')) prices.priceType = Number(fields.priceType);
		if (given('price')) prices.price = parseYuan(this, itemIndex, PRICE, fields.price);
		if (given('price2')) prices.price2 = parseYuan(this, itemIndex, PRICE2, fields.price2);
		checkPriceRule(this, itemIndex, prices, false);
		Object.assign(goodsInfo, prices);
		if (given('thirdPartyAppid')) goodsInfo.thirdPartyAppid = checkThirdPartyAppid(this, itemIndex, fields.thirdPartyAppid);
		// Last, so that every other rule is checked before an image is uploaded.
		if (given(COVER_IMG_URL.name)) {
			goodsInfo.coverImgUrl = await resolveImage.call(this, itemIndex, COVER_IMG_URL, fields[COVER_IMG_URL.name]);
		}

		await weChatRequest.call(this, 'goodsUpdate', { body: { goodsInfo }, itemIndex });
		return { ...goodsInfo, updated: true };
	},
};
