import type { IDataObject } from 'n8n-workflow';

import { PRICE_TYPES } from '../../helpers/prices';
import { checkPriceRule } from '../../rules';
import { weChatRequest } from '../../transport/request';
import { checkImageInput, imageProperties, imageSourceProperty, resolveImage } from '../common/images';
import { obey } from '../common/parameters';
import type { WeChatOperation } from '../types';
import { auditStatus, AUDIT_STATUSES } from '../../transport/reads/goods';
import {
	COVER_IMG_URL,
	goodsKeyProperty,
	goodsNameProperty,
	pagePathProperty,
	priceProperties,
	priceProperty,
	priceTypeProperty,
	readGoodsKeys,
	readGoodsName,
	readPagePath,
	readThirdPartyAppid,
	readYuan,
	secondPriceProperty,
	thirdPartyAppidProperty,
} from './fields';

export const goodsCreate: WeChatOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create goods',
	description: 'Add goods to the live goods library and submit them for audit (添加并提审商品)',
	endpoints: ['goodsAdd', 'mediaUpload'],
	properties: [
		{
			displayName:
				'Each create submits an audit, and WeChat allows 500 audits a day (shared with Resubmit Audit). Keep the Goods ID and Audit ID of the output: the other goods operations need them.',
			name: 'auditNotice',
			type: 'notice',
			default: '',
		},
		{ ...goodsNameProperty, required: true },
		imageSourceProperty,
		...imageProperties(COVER_IMG_URL),
		{ ...pagePathProperty, required: true },
		priceTypeProperty,
		{ ...priceProperty, required: true },
		{
			...secondPriceProperty,
			required: true,
			displayOptions: { show: { priceType: [PRICE_TYPES.range, PRICE_TYPES.discount] } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					...goodsKeyProperty,
					description:
						'Keys the live pendant (直播挂件) matches this goods by (goodsKey), separated by commas. Without them WeChat uses the global key (Widget → Set Goods Key).',
				},
				thirdPartyAppidProperty,
			],
		},
	],
	async execute(itemIndex) {
		const get = (name: string) => this.getNodeParameter(name, itemIndex, '') as unknown;
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

		// Every rule first, so a bad item costs neither an image upload nor one of the 500 daily audits.
		const name = readGoodsName(this, itemIndex, get(goodsNameProperty.name));
		const url = readPagePath(this, itemIndex, get(pagePathProperty.name));
		const priceType = Number(get(priceTypeProperty.name));
		const price = readYuan(this, itemIndex, priceProperty, get(priceProperty.name));
		const twoPrices = priceType === PRICE_TYPES.range || priceType === PRICE_TYPES.discount;
		const price2 = twoPrices ? readYuan(this, itemIndex, secondPriceProperty, get(secondPriceProperty.name)) : undefined;
		obey(this, itemIndex, priceProperty, () => checkPriceRule({ priceType, price, price2 }, true), priceProperties);
		const goodsInfo: IDataObject = { name, url, priceType, price };
		if (price2 !== undefined) goodsInfo.price2 = price2;
		if (additional.thirdPartyAppid !== undefined) {
			goodsInfo.thirdPartyAppid = readThirdPartyAppid(this, itemIndex, additional.thirdPartyAppid);
		}
		if (additional.goodsKey !== undefined) goodsInfo.goodsKey = readGoodsKeys(this, itemIndex, additional.goodsKey);
		checkImageInput.call(this, itemIndex, COVER_IMG_URL, get(COVER_IMG_URL.name));

		// Despite its name, coverImgUrl takes a media ID.
		goodsInfo.coverImgUrl = await resolveImage.call(this, itemIndex, COVER_IMG_URL, get(COVER_IMG_URL.name));
		// Not retried: a repeat would add the goods twice and spend a second audit.
		const response = await weChatRequest.call(this, 'goodsAdd', { body: { goodsInfo }, itemIndex });
		return {
			goodsId: response.goodsId,
			auditId: response.auditId,
			...auditStatus(AUDIT_STATUSES.underReview),
			...goodsInfo,
		};
	},
};
