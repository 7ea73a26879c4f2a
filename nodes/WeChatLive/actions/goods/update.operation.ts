import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { t } from '../../../shared/i18n/translate';
import { invalidInput } from '../../helpers/validation';
import type { PriceFields } from '../../rules';
import { checkPriceRule } from '../../rules';
import { weChatRequest } from '../../transport/request';
import { imageSourceProperty, resolveImage } from '../common/images';
import { obey } from '../common/parameters';
import type { WeChatOperation } from '../types';
import {
	COVER_IMG_URL,
	getGoodsId,
	goodsIdProperty,
	goodsNameProperty,
	pagePathProperty,
	priceProperties,
	priceProperty,
	priceTypeProperty,
	readGoodsName,
	readPagePath,
	readThirdPartyAppid,
	readYuan,
	secondPriceProperty,
	thirdPartyAppidProperty,
} from './fields';

const updateFieldsProperty: INodeProperties = {
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
};

export const goodsUpdate: WeChatOperation = {
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
		updateFieldsProperty,
	],
	async execute(itemIndex) {
		const goodsId = getGoodsId(this, itemIndex);
		const fields = this.getNodeParameter(updateFieldsProperty.name, itemIndex, {}) as IDataObject;
		const given = (name: string) => fields[name] !== undefined;
		if (Object.keys(fields).length === 0) {
			throw invalidInput(
				this,
				itemIndex,
				updateFieldsProperty,
				t('has no field to change'),
				t('Add the fields to change under {field}.', { field: t(updateFieldsProperty.displayName) }),
			);
		}

		// WeChat changes exactly the fields it is sent ("只传入需要更新的字段"): a field not given must not
		// appear at all, or WeChat would reset it (an SDK's default priceType 0 is refused with 300003).
		const goodsInfo: IDataObject = { goodsId };
		if (given('name')) goodsInfo.name = readGoodsName(this, itemIndex, fields.name);
		if (given('url')) goodsInfo.url = readPagePath(this, itemIndex, fields.url);
		const prices: PriceFields = {};
		if (given('priceType')) prices.priceType = Number(fields.priceType);
		if (given('price')) prices.price = readYuan(this, itemIndex, priceProperty, fields.price);
		if (given('price2')) prices.price2 = readYuan(this, itemIndex, secondPriceProperty, fields.price2);
		obey(this, itemIndex, priceProperty, () => checkPriceRule(prices, false), priceProperties);
		Object.assign(goodsInfo, prices);
		if (given('thirdPartyAppid')) goodsInfo.thirdPartyAppid = readThirdPartyAppid(this, itemIndex, fields.thirdPartyAppid);
		// Last, so that every other rule is checked before an image is uploaded.
		if (given(COVER_IMG_URL.name)) {
			goodsInfo.coverImgUrl = await resolveImage.call(this, itemIndex, COVER_IMG_URL, fields[COVER_IMG_URL.name]);
		}

		await weChatRequest.call(this, 'goodsUpdate', { body: { goodsInfo }, itemIndex });
		return { ...goodsInfo, updated: true };
	},
};
