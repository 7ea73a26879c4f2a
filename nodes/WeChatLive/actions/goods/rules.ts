import type { IExecuteFunctions } from 'n8n-workflow';

import type { Field } from '../../helpers/validation';
import { decodeLeniently } from '../../helpers/uri';
import { checkWeightedLength, invalidInput, requireText } from '../../helpers/validation';
import { MEDIA_UPLOAD_LIMITS } from '../../transport/media';
import type { ImageField } from '../common/images';
import { splitList, TEXT_SEPARATORS } from './ids';

/**
 * WeChat's rules for a goods' fields, as its pages state them: api_addgoods
 * (https://developers.weixin.qq.com/miniprogram/dev/server/API/livebroadcast/commodity-management/api_addgoods.html)
 * and api_updategoodsinfo (…/commodity-management/api_updategoodsinfo.html). Rules known only from reports
 * are not checked here: WeChat answers them, and transport/errcodes.ts explains its answer.
 */

export const COVER_IMG_URL: ImageField = {
	displayName: 'Cover Image',
	name: 'coverImgUrl',
	purpose: 'goods picture: at most 300×300 px',
	// api_addgoods states only the pixel limit ("图片尺寸最大300像素*300像素"; 300018 when larger). The file
	// size is the upload's own limit, the same one Media → Upload Image checks for a goods cover.
	limits: { maxBytes: MEDIA_UPLOAD_LIMITS.maxBytes, maxPixels: { width: 300, height: 300 } },
};

export const NAME: Field = { displayName: 'Goods Name', name: 'name' };
export const URL_FIELD: Field = { displayName: 'Page Path', name: 'url' };
export const THIRD_PARTY_APPID: Field = { displayName: 'Third-Party App ID', name: 'thirdPartyAppid' };
export const GOODS_KEY: Field = { displayName: 'Goods Key', name: 'goodsKey' };

/**
 * At most 14 Chinese characters, 28 by WeChat's count (api_addgoods: "最长14个汉字"). The page states no
 * minimum; a community report says WeChat refused names under 3 Chinese characters with 300002, so short
 * names (茶杯, T恤) are sent and WeChat's answer, if any, is explained (errcodes.ts, 300002).
 */
export function checkGoodsName(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const name = requireText(context, itemIndex, NAME, value, 'Give the goods a name.');
	checkWeightedLength(context, itemIndex, NAME, name, 0, 28);
	return name;
}

/**
 * The goods page as WeChat wants it: a page path of the mini program, not a web address, with URL-encoded
 * query values (api_addgoods: "小程序路径 … 参数的值需要进行 encode 处理"). Values already encoded stay as they
 * are. A leading "/" is dropped (community reports say it fails; a page path never needs it). Whether the
 * page exists, WeChat answers (300007).
 */
export function normaliseGoodsUrl(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const text = requireText(context, itemIndex, URL_FIELD, value, 'Give the goods detail page, e.g. pages/goods/detail?id=1001.');
	if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
		throw invalidInput(
			context,
			itemIndex,
			URL_FIELD,
			`is a web address ("${text}"), but WeChat wants a page of the mini program`,
			'Give the page path as in the mini program’s app.json, e.g. pages/goods/detail?id=1001.',
		);
	}
	const [rawPath, ...rest] = text.replace(/^\/+/, '').split('?');
	const query = rest
		.join('?')
		.split('&')
		.filter((pair) => pair !== '')
		.map((pair) => {
			const [key, ...values] = pair.split('=');
			const encodedKey = encodeURIComponent(decodeLeniently(key));
			return values.length ? `${encodedKey}=${encodeURIComponent(decodeLeniently(values.join('=')))}` : encodedKey;
		})
		.join('&');
	return query ? `${rawPath}?${query}` : rawPath;
}

/** The App ID of another mini program that sells the goods; api_addgoods states no format, so WeChat checks it. */
export function checkThirdPartyAppid(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	return requireText(context, itemIndex, THIRD_PARTY_APPID, value, 'Give the App ID of the mini program that sells the goods, or remove the field.');
}

/**
 * Pendant keys (goodsKey): an array of strings (pendant.html, "商品添加并提审新增字段：goodsKey";
 * https://developers.weixin.qq.com/miniprogram/dev/framework/liveplayer/pendant.html); text is split at
 * commas and new lines.
 */
export function parseGoodsKeys(context: IExecuteFunctions, itemIndex: number, field: Field, value: unknown): string[] {
	const keys: string[] = [];
	for (const entry of splitList(value, TEXT_SEPARATORS)) {
		if (typeof entry !== 'string' && typeof entry !== 'number') {
			throw invalidInput(context, itemIndex, field, `has an entry that is not text: ${JSON.stringify(entry)}`, 'Give the keys as text, e.g. productId, sku.');
		}
		const key = String(entry).trim();
		if (key && !keys.includes(key)) keys.push(key);
	}
	if (keys.length === 0) {
		throw invalidInput(context, itemIndex, field, 'is empty', 'Give at least one key, e.g. productId.');
	}
	return keys;
}
