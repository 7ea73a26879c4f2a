/**
 * A deliberately small parser for WeChat's push XML: `<xml><Tag><![CDATA[text]]></Tag><Tag>123</Tag>
 * <Wrapper><a>1</a></Wrapper></xml>`. It knows elements, text, CDATA and comments, and nothing else
 * that could hurt: no DTD, no custom entities (only the five predefined ones and numeric character
 * references), bounded size, depth and element count. Attributes are skipped (WeChat sends none).
 * Why so small: docs/wechat-callback.md, "XML".
 */
import { t } from './i18n/translate';

export type XmlValue = string | number | XmlObject | XmlValue[];
export interface XmlObject {
	[tag: string]: XmlValue;
}

export type XmlErrorReason =
	| 'too_large'
	| 'doctype'
	| 'entity'
	| 'too_deep'
	| 'too_many_elements'
	| 'malformed';

export class XmlParseError extends Error {
	readonly reason: XmlErrorReason;

	constructor(reason: XmlErrorReason, message: string) {
		super(message);
		this.name = 'XmlParseError';
		this.reason = reason;
	}
}

/** Every refusal: callers act on the reason; the message, like every message, goes through t(). */
const fail = (reason: XmlErrorReason, message: string) => new XmlParseError(reason, message);

export interface XmlParseOptions {
	/** Characters; default 64 KiB. */
	maxLength?: number;
	/** Element nesting, the root counting as 1; default 5 (the deepest WeChat push nests 4). */
	maxDepth?: number;
	/** Default 512. */
	maxElements?: number;
	/**
	 * Turn plain-text leaves that are safe integers into numbers. CDATA text always stays a string:
	 * WeChat writes strings as CDATA and numbers bare, so this keeps `<Content><![CDATA[42]]>` a string.
	 */
	numbers?: boolean;
}

const PREDEFINED_ENTITIES: Record<string, string> = {
	amp: '&',
	apos: "'",
	gt: '>',
	lt: '<',
	quot: '"',
};
/** Tag names that would write to an object's prototype when used as keys. */
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
const NAME = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const ATTRIBUTE = /\s+[A-Za-z_:][A-Za-z0-9_:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*')/y;
const SAFE_INTEGER_TEXT = /^-?(?:0|[1-9][0-9]*)$/;
/** The official wxalive_follow_notify sample writes `![CDATA[xxx]]` without `<` and `>` (docs/wechat-callback.md, "XML"). */
const BROKEN_CDATA = /^!\[CDATA\[([\s\S]*)\]\]$/;

interface Frame {
	name: string;
	children: XmlObject;
	childCount: number;
	segments: Array<{ cdata: boolean; text: string }>;
}

export function parseXml(text: string, options: XmlParseOptions = {}): XmlObject {
	const maxLength = options.maxLength ?? 65536;
	const maxDepth = options.maxDepth ?? 5;
	const maxElements = options.maxElements ?? 512;
	if (text.length > maxLength) throw fail('too_large', t('The XML document is too large'));
	// Refuse DTDs anywhere, before looking at structure: no entity can ever be declared.
	if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
		throw fail('doctype', t('The XML document contains a DTD or entity declaration'));
	}

	const stack: Frame[] = [];
	let root: XmlObject | undefined;
	let elements = 0;
	let pos = 0;
	if (text.charCodeAt(0) === 0xfeff) pos = 1;

	while (pos < text.length) {
		const lt = text.indexOf('<', pos);
		const textEnd = lt === -1 ? text.length : lt;
		if (textEnd > pos) {
			const raw = text.slice(pos, textEnd);
			if (stack.length === 0) {
				if (raw.trim() !== '') throw fail('malformed', t('Text outside the root element'));
			} else {
				stack[stack.length - 1].segments.push({ cdata: false, text: decodeText(raw) });
			}
			pos = textEnd;
			continue;
		}

		if (text.startsWith('<![CDATA[', pos)) {
			const end = text.indexOf(']]>', pos + 9);
			if (end === -1) throw fail('malformed', t('Unterminated CDATA section'));
			if (stack.length === 0) throw fail('malformed', t('CDATA outside the root element'));
			stack[stack.length - 1].segments.push({ cdata: true, text: text.slice(pos + 9, end) });
			pos = end + 3;
		} else if (text.startsWith('<!--', pos)) {
			const end = text.indexOf('-->', pos + 4);
			if (end === -1) throw fail('malformed', t('Unterminated comment'));
			pos = end + 3;
		} else if (text.startsWith('<?', pos)) {
			// Only the XML declaration, and only first in the document.
			const end = text.indexOf('?>', pos + 2);
			const first = root === undefined && stack.length === 0 && text.slice(0, pos).trim() === '';
			if (end === -1 || !first) {
				throw fail('malformed', t('Unexpected processing instruction'));
			}
			if (!/^<\?xml[\s?]/.test(text.slice(pos, end + 2))) {
				throw fail('malformed', t('Unexpected processing instruction'));
			}
			pos = end + 2;
		} else if (text.startsWith('<!', pos)) {
			throw fail('doctype', t('Markup declarations are not allowed'));
		} else if (text.startsWith('</', pos)) {
			const name = readName(text, pos + 2);
			if (name === undefined) throw fail('malformed', t('Malformed end tag'));
			const close = skipSpace(text, pos + 2 + name.length);
			if (text[close] !== '>') throw fail('malformed', t('Malformed end tag'));
			const frame = stack.pop();
			if (frame === undefined || frame.name !== name) {
				throw fail('malformed', t('Mismatched end tag'));
			}
			const value = finishElement(frame, options.numbers === true);
			if (stack.length === 0) {
				if (typeof value === 'object' && !Array.isArray(value)) root = value;
				else if (value === '') root = {};
				else throw fail('malformed', t('The root element holds text instead of elements'));
			} else {
				addChild(stack[stack.length - 1], name, value);
			}
			pos = close + 1;
		} else {
			const name = readName(text, pos + 1);
			if (name === undefined) throw fail('malformed', t('Malformed start tag'));
			if (FORBIDDEN_NAMES.has(name)) throw fail('malformed', t('Forbidden element name'));
			if (root !== undefined) throw fail('malformed', t('More than one root element'));
			let cursor = pos + 1 + name.length;
			for (;;) {
				ATTRIBUTE.lastIndex = cursor;
				const attribute = ATTRIBUTE.exec(text);
				if (attribute === null) break;
				cursor += attribute[0].length;
			}
			cursor = skipSpace(text, cursor);
			const selfClosing = text.startsWith('/>', cursor);
			if (!selfClosing && text[cursor] !== '>') throw fail('malformed', t('Malformed start tag'));

			elements += 1;
			if (elements > maxElements) throw fail('too_many_elements', t('Too many XML elements'));
			if (stack.length + 1 > maxDepth) throw fail('too_deep', t('The XML document nests too deeply'));

			const frame: Frame = { name, children: {}, childCount: 0, segments: [] };
			if (selfClosing) {
				if (stack.length === 0) root = {};
				else addChild(stack[stack.length - 1], name, '');
				pos = cursor + 2;
			} else {
				stack.push(frame);
				pos = cursor + 1;
			}
		}
	}

	if (stack.length > 0) throw fail('malformed', t('Unclosed element'));
	if (root === undefined) throw fail('malformed', t('No root element'));
	return root;
}

function finishElement(frame: Frame, numbers: boolean): XmlValue {
	if (frame.childCount > 0) {
		if (frame.segments.some((segment) => segment.cdata || segment.text.trim() !== '')) {
			throw fail('malformed', t('Mixed text and element content'));
		}
		return frame.children;
	}
	const hasCdata = frame.segments.some((segment) => segment.cdata);
	const value = frame.segments
		.map((segment) => (segment.cdata ? segment.text : segment.text.trim()))
		.join('');
	if (hasCdata) return value;
	const broken = BROKEN_CDATA.exec(value);
	if (broken) return broken[1];
	if (numbers && SAFE_INTEGER_TEXT.test(value) && Number.isSafeInteger(Number(value))) {
		return Number(value);
	}
	return value;
}

/** Repeated elements (WeChat's `<List>` items) collapse into an array, in document order. */
function addChild(parent: Frame, name: string, value: XmlValue) {
	parent.childCount += 1;
	if (!Object.prototype.hasOwnProperty.call(parent.children, name)) {
		parent.children[name] = value;
		return;
	}
	const existing = parent.children[name];
	if (Array.isArray(existing)) existing.push(value);
	else parent.children[name] = [existing, value];
}

function readName(text: string, pos: number): string | undefined {
	NAME.lastIndex = pos;
	const match = NAME.exec(text);
	return match === null ? undefined : match[0];
}

function skipSpace(text: string, pos: number): number {
	let cursor = pos;
	while (cursor < text.length && /\s/.test(text[cursor])) cursor += 1;
	return cursor;
}

function decodeText(raw: string): string {
	if (raw.includes(']]>')) {
		throw fail('malformed', t('"]]>" is not allowed in text'));
	}
	return raw.replace(/&([^;&<]{0,10});|&/g, (match: string, body: string | undefined) => {
		if (body === undefined) {
			throw fail('entity', t('Bare "&" in text'));
		}
		if (Object.prototype.hasOwnProperty.call(PREDEFINED_ENTITIES, body)) {
			return PREDEFINED_ENTITIES[body];
		}
		const numeric = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(body);
		if (numeric) {
			const codePoint = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
			if (isAllowedCodePoint(codePoint)) return String.fromCodePoint(codePoint);
		}
		throw fail('entity', t('Unknown or invalid entity reference'));
	});
}

function isAllowedCodePoint(codePoint: number): boolean {
	if (codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd) return true;
	if (codePoint < 0x20) return false;
	if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false;
	if (codePoint === 0xfffe || codePoint === 0xffff) return false;
	return codePoint <= 0x10ffff;
}
