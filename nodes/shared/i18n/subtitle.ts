import { t } from './translate';

interface Choice {
	name: string;
	value: unknown;
}

/**
 * A canvas subtitle that reads as the chosen option ("Room · Get Many", "直播间 · 获取列表") instead of raw
 * values (`getMany: room`). `key` is the expression of the value, `labels` the text shown for each value,
 * already in the package's language; a value without a label (an expression's result) shows as itself.
 */
export function subtitleOf(key: string, labels: Record<string, string>): string {
	return `={{ ${JSON.stringify(labels)}[${key}] ?? ${key} }}`;
}

/** The same for a list parameter (multiOptions): the labels of the chosen values, comma-separated. */
export function listSubtitleOf(key: string, labels: Record<string, string>): string {
	return `={{ [].concat(${key} ?? []).map((value) => ${JSON.stringify(labels)}[value] ?? value).join(", ") }}`;
}

/** `{ value: label }` of an options property's choices, in the package's language. */
export function labelsOf(options: Choice[]): Record<string, string> {
	return Object.fromEntries(options.map((option) => [String(option.value), t(option.name)]));
}
