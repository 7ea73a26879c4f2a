import { t } from '../../shared/i18n/translate';
import { RuleBroken } from './ruleBroken';

/**
 * WeChat counts a Chinese (or any non-ASCII) character as 2 and an ASCII character as 1: "最短3个汉字，
 * 最长17个汉字，1个汉字相当于2个字符" (api_createroom,
 * https://developers.weixin.qq.com/miniprogram/dev/server/API/livebroadcast/studio-management/api_createroom.html;
 * api_addgoods counts goods names the same way).
 */
export function weightedLength(text: string): number {
	let length = 0;
	for (const char of text) length += (char.codePointAt(0) ?? 0) <= 0x7f ? 1 : 2;
	return length;
}

/** A name WeChat measures by weightedLength: `min`–`max` (min 0: only a maximum). */
export function checkWeightedLength(value: string, min: number, max: number): void {
	const length = weightedLength(value);
	if (length >= min && length <= max) return;
	const values = { value, length, min, max, minChinese: Math.ceil(min / 2), maxChinese: Math.floor(max / 2) };
	if (min === 0) {
		throw new RuleBroken(
			t('is too long: “{value}” counts as {length} characters by WeChat’s count (a Chinese character counts 2); WeChat allows at most {max}', values),
			t('Use at most {maxChinese} Chinese characters or {max} Latin letters and digits.', values),
		);
	}
	throw new RuleBroken(
		length < min
			? t('is too short: “{value}” counts as {length} characters by WeChat’s count (a Chinese character counts 2); WeChat needs {min}–{max}', values)
			: t('is too long: “{value}” counts as {length} characters by WeChat’s count (a Chinese character counts 2); WeChat needs {min}–{max}', values),
		t('Use {minChinese}–{maxChinese} Chinese characters or {min}–{max} Latin letters and digits.', values),
	);
}

/**
 * A WeChat ID (微信号) as assistants, sub-anchors and anchors are named: never with spaces or Chinese
 * characters, which catches the common mistake of giving the nickname instead. The live pages state no
 * format; this refuses only what cannot be a WeChat ID at all (WeChat makes them of letters, digits, "_"
 * and "-"), and WeChat itself checks the rest (300030, 300035, 600002).
 */
export function checkWeChatId(id: string): void {
	if (/^[\x21-\x7e]+$/.test(id)) return;
	throw new RuleBroken(
		t('is "{id}", which is not a WeChat ID (a WeChat ID has no spaces or Chinese characters)', { id }),
		t('Give the WeChat ID (微信号) shown in WeChat under Me, not the nickname.'),
	);
}
