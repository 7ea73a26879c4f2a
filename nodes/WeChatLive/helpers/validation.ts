import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { t } from '../../shared/i18n/translate';
import { readTime, timeZoneOf, wallText } from '../../shared/time';

/**
 * What an input error names: a node property (INodeProperties has both), so a field's display name and
 * name are written once, in its property.
 */
export interface Field {
	displayName: string;
	name: string;
}

/** "item 1" for itemIndex 0: items as n8n users count them. */
export function itemNumber(itemIndex: number): string {
	return t('item {n}', { n: itemIndex + 1 });
}

/**
 * An input error found before WeChat is called: it names the field as the user sees it, the item, what is
 * wrong and the rule; the fix goes in the description, which the router keeps in the error item under
 * Continue On Fail. The one template of every input error: `problem` (already through t()) is a predicate
 * without subject or final stop, so the sentence reads in either language ("{item}的{field}{problem}。");
 * `fix` is a whole sentence.
 */
export function invalidInput(
	context: IExecuteFunctions,
	itemIndex: number,
	field: Field,
	problem: string,
	fix: string,
): NodeOperationError {
	const message = t('{field} in {item} {problem}.', { field: t(field.displayName), item: itemNumber(itemIndex), problem });
	return new NodeOperationError(context.getNode(), message, { description: fix, itemIndex });
}

/**
 * Time fields take what the date picker gives, an ISO date-time with or without an offset, Unix time
 * in seconds or milliseconds, or a date from an expression; see readTime.
 */
export function toUnixSeconds(
	context: IExecuteFunctions,
	itemIndex: number,
	field: Field,
	value: unknown,
): number {
	const timeZone = timeZoneOf(context);
	const read = readTime(value, timeZone);
	if ('gap' in read) {
		const { wall, skippedMinutes, laterWall } = read.gap;
		throw invalidInput(
			context,
			itemIndex,
			field,
			t('is {time}, a time that does not exist in {timeZone}: the clocks skip {minutes} minutes that night (daylight saving)', {
				time: wallText(wall),
				timeZone,
				minutes: skippedMinutes,
			}),
			t('Pick a time outside the skipped {minutes} minutes, e.g. {later}, or give the time with its offset.', {
				minutes: skippedMinutes,
				later: wallText(laterWall).slice(11),
			}),
		);
	}
	if ('unreadable' in read) {
		throw invalidInput(
			context,
			itemIndex,
			field,
			t('is not a date-time: "{value}"', { value: String(value) }),
			t('Pick a date and time, or give an ISO date-time such as 2026-12-24T20:00:00 (read in the workflow’s time zone, {timeZone}) or 2026-12-24T20:00:00+08:00, or Unix time in seconds.', { timeZone }),
		);
	}
	return Math.floor(read.ms / 1000);
}
