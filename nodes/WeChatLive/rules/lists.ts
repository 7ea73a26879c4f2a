import { t } from '../../shared/i18n/translate';
import { digitsAsNumber } from '../../shared/digits';
import { RuleBroken } from './ruleBroken';

/** WeChat's numeric IDs (rooms, goods, audits) as a number within JavaScript's exact integers, or undefined. */
export function toId(value: unknown): number | undefined {
	const id = digitsAsNumber(value);
	return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** IDs may also be separated by spaces; text keys (goodsKey) only by commas, semicolons and new lines. */
export const ID_SEPARATORS = /[\s,，;；]+/;
export const TEXT_SEPARATORS = /[\n,，;；]+/;

/** Splits text ("a, b" or one per line) and flattens arrays, as expressions may give either. */
export function splitList(value: unknown, separators = ID_SEPARATORS): unknown[] {
	if (Array.isArray(value)) return value.flatMap((entry) => splitList(entry, separators));
	if (typeof value === 'string') {
		return value
			.split(separators)
			.map((part) => part.trim())
			.filter((part) => part !== '');
	}
	if (value === undefined || value === null || value === '') return [];
	return [value];
}

/** A list WeChat takes `min`–`max` entries of (assistants a room: 10; openids a push: 2,000). */
export function checkListSize(list: unknown[], min: number, max: number, fix: string): void {
	if (list.length < min) throw new RuleBroken(min === 1 ? t('needs at least 1 entry') : t('needs at least {min} entries', { min }), fix);
	if (list.length > max) throw new RuleBroken(t('has {count} entries, more than WeChat’s limit of {max}', { count: list.length, max }), fix);
}

/** Goods IDs as WeChat wants them: positive whole numbers, each once, in the order given. */
export function goodsIdList(value: unknown): number[] {
	const entries = splitList(value);
	if (entries.length === 0) throw new RuleBroken(t('is empty'), t('Give at least one goods ID, e.g. 5001.'));
	const ids: number[] = [];
	entries.forEach((entry, position) => {
		const id = toId(entry);
		if (id === undefined) {
			throw new RuleBroken(
				t('has "{entry}" as entry {position}, which is not a goods ID', { entry: String(entry), position: position + 1 }),
				t('Goods IDs are positive whole numbers, e.g. 5001: check the list or the expression.'),
			);
		}
		if (!ids.includes(id)) ids.push(id);
	});
	return ids;
}
