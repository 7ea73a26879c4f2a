import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A node parameter, as the user sees it and as WeChat names it. */
export interface Field {
	displayName: string;
	name: string;
}

/** "item 1" for itemIndex 0: items as n8n users count them. */
export function itemNumber(itemIndex: number): string {
	return `item ${itemIndex + 1}`;
}

/**
 * An input error found before WeChat is called: it names the field as the user sees it, the item, what is
 * wrong and the rule; the fix goes in the description, which the router keeps in the error item under
 * Continue On Fail.
 */
export function invalidInput(
	context: IExecuteFunctions,
	itemIndex: number,
	field: Field,
	problem: string,
	fix: string,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`${field.displayName} in ${itemNumber(itemIndex)} ${problem}.`,
		{ description: fix, itemIndex },
	);
}

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

export function checkWeightedLength(
	context: IExecuteFunctions,
	itemIndex: number,
	field: Field,
	value: string,
	min: number,
	max: number,
): void {
	const length = weightedLength(value);
	if (length >= min && length <= max) return;
	const rule = min > 0 ? `WeChat needs ${min}–${max}` : `WeChat allows at most ${max}`;
	const chinese = `${Math.ceil(min / 2)}–${Math.floor(max / 2)} Chinese characters or ${min}–${max} Latin letters and digits`;
	throw invalidInput(
		context,
		itemIndex,
		field,
		`is too ${length < min ? 'short' : 'long'}: “${value}” counts as ${length} characters by WeChat’s count (a Chinese character counts 2); ${rule}`,
		`Use ${min > 0 ? chinese : `at most ${Math.floor(max / 2)} Chinese characters or ${max} Latin letters and digits`}.`,
	);
}

export function requireText(
	context: IExecuteFunctions,
	itemIndex: number,
	field: Field,
	value: unknown,
	fix: string,
): string {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!text) throw invalidInput(context, itemIndex, field, 'is empty', fix);
	return text;
}

/**
 * Digits from an expression or a text field (" 12 ") as the number they spell; anything else as it is.
 * Digits only: Number() would also read "1e3", "0x10" or "" as numbers nobody meant.
 */
export function digitsAsNumber(value: unknown): unknown {
	return typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
}

/** WeChat's numeric IDs (rooms, goods, audits) as a number within JavaScript's exact integers, or undefined. */
export function toId(value: unknown): number | undefined {
	const id = digitsAsNumber(value);
	return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** Positive whole numbers: room IDs, goods IDs, audit IDs. */
export function requireId(
	context: IExecuteFunctions,
	itemIndex: number,
	field: Field,
	value: unknown,
): number {
	const id = toId(value);
	if (id !== undefined) return id;
	throw invalidInput(
		context,
		itemIndex,
		field,
		`must be a positive whole number, got "${String(value)}"`,
		`Give the numeric ${field.displayName} as WeChat shows it.`,
	);
}

export function checkListSize(
	context: IExecuteFunctions,
	itemIndex: number,
	field: Field,
	list: unknown[],
	min: number,
	max: number,
	fix: string,
): void {
	if (list.length < min) throw invalidInput(context, itemIndex, field, `needs at least ${min} entr${min === 1 ? 'y' : 'ies'}`, fix);
	if (list.length > max) throw invalidInput(context, itemIndex, field, `has ${list.length} entries, more than WeChat’s limit of ${max}`, fix);
}

/**
 * A WeChat ID (微信号) as assistants, sub-anchors and anchors are named: required, and never with spaces
 * or Chinese characters, which catches the common mistake of giving the nickname instead. The live pages
 * state no format; this refuses only what cannot be a WeChat ID at all (WeChat makes them of letters,
 * digits, "_" and "-"), and WeChat itself checks the rest (300030, 300035, 600002).
 */
export function requireWeChatId(context: IExecuteFunctions, itemIndex: number, field: Field, value: unknown): string {
	const id = requireText(context, itemIndex, field, value, 'Give the person’s WeChat ID (微信号), as shown in WeChat under Me.');
	if (!/^[\x21-\x7e]+$/.test(id)) {
		throw invalidInput(
			context,
			itemIndex,
			field,
			`is "${id}", which is not a WeChat ID (a WeChat ID has no spaces or Chinese characters)`,
			'Give the WeChat ID (微信号) shown in WeChat under Me, not the nickname.',
		);
	}
	return id;
}

/** A switch: true or false, also 1/0 and "true"/"false" as expressions often give them. */
export function requireBoolean(context: IExecuteFunctions, itemIndex: number, field: Field, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === '1' || value === 'true') return true;
	if (value === 0 || value === '0' || value === 'false') return false;
	throw invalidInput(
		context,
		itemIndex,
		field,
		`must be true or false, got ${JSON.stringify(value) ?? String(value)}`,
		'Switch it on or off, or make the expression give true or false.',
	);
}

/** How many results to return: a whole number of at least 1 (a number, or digits from an expression). */
export function requireLimit(context: IExecuteFunctions, itemIndex: number, field: Field, value: unknown): number {
	const limit = digitsAsNumber(value);
	if (typeof limit === 'number' && Number.isSafeInteger(limit) && limit >= 1) return limit;
	throw invalidInput(
		context,
		itemIndex,
		field,
		`is ${JSON.stringify(value) ?? String(value)}, but must be a whole number of at least 1`,
		'Set how many results you want, e.g. 50, or switch on Return All.',
	);
}
