import type { IExecuteFunctions } from 'n8n-workflow';

import type { Field } from '../../helpers/validation';
import { decodeLeniently } from '../../helpers/uri';
import { checkWeightedLength, invalidInput, requireText } from '../../helpers/validation';
import { MEDIA_UPLOAD_LIMITS } from '../../transport/media';
import type { ImageField } from '../common/images';
import { splitList, TEXT_SEPARATORS } from './ids';

/** WeChat's rules for a goods' fields (api_addgoods, api_updategoodsinfo; wechat-live-api.md §2.0). */

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
 * At most 14 Chinese characters (28 by WeChat's count). The docs give no minimum, but WeChat answers
 * 300002 for names under 3 Chinese characters (community report, wechat-live-api.md §2.0), the same
 * minimum as room names: we check 6–28 so the error comes before the audit quota is spent.
 */
export function checkGoodsName(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const name = requireText(context, itemIndex, NAME, value, 'Give the goods a name.');
	checkWeightedLength(context, itemIndex, NAME, name, 6, 28);
	return name;
}

/**
 * The goods page as WeChat wants it: a path of the released mini program without a leading "/" (which
 * fails, community reports) and with URL-encoded query values. Values already encoded stay as they are.
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
	if (!/^[\w\-./]+$/.test(rawPath)) {
		throw invalidInput(
			context,
			itemIndex,
			URL_FIELD,
			`has the page "${rawPath}", which is not a mini-program page path`,
			'A page path has only letters, digits, "-", "_", "." and "/", e.g. pages/goods/detail.',
		);
	}
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

export function checkThirdPartyAppid(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const appid = requireText(context, itemIndex, THIRD_PARTY_APPID, value, 'Give the App ID of the mini program that sells the goods, or remove the field.');
	if (!/^wx[0-9a-zA-Z]{16}$/.test(appid)) {
		throw invalidInput(
			context,
			itemIndex,
			THIRD_PARTY_APPID,
			`is "${appid}", which is not a mini program App ID`,
			'An App ID is "wx" and 16 letters or digits, as shown in the MP console under Development → Development Settings.',
		);
	}
	return appid;
}

/** Pendant keys (goodsKey): WeChat wants Array<string>; text is split at commas and new lines. */
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
