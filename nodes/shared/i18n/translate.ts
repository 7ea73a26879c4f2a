import { LANGUAGE } from './language';
import type { Language } from './language';
import { zh } from './zh';

type Values = Record<string, string | number>;

/** `{name}` placeholders filled from `values`; a placeholder without a value stays as written. */
function fill(template: string, values?: Values): string {
	if (!values) return template;
	return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
		Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole,
	);
}

/** The text in `language`: the Chinese table is keyed by the English text, which is the fallback. */
export function translateTo(language: Language, english: string, values?: Values): string {
	const chinese = language === 'zh' && Object.prototype.hasOwnProperty.call(zh, english) ? zh[english] : undefined;
	return fill(chinese ?? english, values);
}

/**
 * A user-visible text in the package's language. Write the English, with `{name}` placeholders for what
 * varies; the Chinese is looked up in `./zh` by that English (test/unit/translations.test.ts keeps the
 * two in step).
 */
export function t(english: string, values?: Values): string {
	return translateTo(LANGUAGE, english, values);
}

/**
 * Sentences already in the package's language, joined as that language writes them: a space between
 * English sentences; none after Chinese full-width punctuation (。！？), a space after anything else (a link).
 */
export function sentences(...parts: Array<string | false | undefined>): string {
	return parts
		.filter((part): part is string => Boolean(part))
		.reduce((text, part) => (text === '' ? part : LANGUAGE === 'zh' && /[。！？）]$/.test(text) ? text + part : `${text} ${part}`), '');
}
