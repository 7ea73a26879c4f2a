import { t } from '../../shared/i18n/translate';
import { decodeLeniently } from '../helpers/uri';
import { splitList, TEXT_SEPARATORS } from './lists';
import { RuleBroken } from './ruleBroken';

/**
 * WeChat's rules for a goods' fields, as its pages state them: api_addgoods
 * (https://developers.weixin.qq.com/miniprogram/dev/server/API/livebroadcast/commodity-management/api_addgoods.html)
 * and api_updategoodsinfo (…/commodity-management/api_updategoodsinfo.html).
 */

/**
 * At most 14 Chinese characters, 28 by weightedLength (api_addgoods: "最长14个汉字"). The page states no
 * minimum; a community report says WeChat refused names under 3 Chinese characters with 300002, so short
 * names (茶杯, T恤) are sent and WeChat's answer, if any, is explained (errcodes.ts, 300002).
 */
export const GOODS_NAME_LENGTH = { min: 0, max: 28 };

/**
 * The goods page as WeChat wants it: a page path of the mini program, not a web address, with URL-encoded
 * query values (api_addgoods: "小程序路径 … 参数的值需要进行 encode 处理"). Values already encoded stay as they
 * are. A leading "/" is dropped (community reports say it fails; a page path never needs it). Whether the
 * page exists, WeChat answers (300007).
 */
export function goodsPagePath(text: string): string {
	if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
		throw new RuleBroken(
			t('is a web address ("{text}"), but WeChat wants a page of the mini program', { text }),
			t('Give the page path as in the mini program’s app.json, e.g. pages/goods/detail?id=1001.'),
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

/**
 * Pendant keys (goodsKey): an array of strings (pendant.html, "商品添加并提审新增字段：goodsKey";
 * https://developers.weixin.qq.com/miniprogram/dev/framework/liveplayer/pendant.html); text is split at
 * commas and new lines.
 */
export function goodsKeys(value: unknown): string[] {
	const keys: string[] = [];
	for (const entry of splitList(value, TEXT_SEPARATORS)) {
		if (typeof entry !== 'string' && typeof entry !== 'number') {
			throw new RuleBroken(
				t('has an entry that is not text: {entry}', { entry: JSON.stringify(entry) }),
				t('Give the keys as text, e.g. productId, sku.'),
			);
		}
		const key = String(entry).trim();
		if (key && !keys.includes(key)) keys.push(key);
	}
	if (keys.length === 0) throw new RuleBroken(t('is empty'), t('Give at least one key, e.g. productId.'));
	return keys;
}
