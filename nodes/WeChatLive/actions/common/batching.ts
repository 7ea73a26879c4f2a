import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { t } from '../../../shared/i18n/translate';

/** More parallel calls than this from one server buys little and invites WeChat's per-minute refusal. */
export const MAX_CONCURRENCY = 20;

/**
 * The per-minute cap used when items run in parallel and the user set none. WeChat answers 45011 ("api
 * minute-quota reach limit") past a per-minute limit it documents for no live API, only daily quotas
 * (500 to 100,000 a day). 600 a minute (10 a second) is what one sequential run against WeChat itself
 * reaches anyway (a call takes roughly 50–150 ms from a server in mainland China), so parallel runs go no
 * faster than sequential ones already did once they pass 600 items; shorter runs are not slowed at all.
 * Users who know their limits raise it, or set 0.
 */
export const DEFAULT_PARALLEL_ITEMS_PER_MINUTE = 600;

export const batchingProperty: INodeProperties = {
	displayName: 'Batching',
	name: 'batching',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	description:
		'Run items in batches, with a pause between batches, several at a time, or under a per-minute cap, to stay within WeChat’s call limits',
	options: [
		{
			displayName: 'Batch Interval (Ms)',
			name: 'batchInterval',
			type: 'number',
			default: 1000,
			typeOptions: { minValue: 0 },
			description: 'How long to wait after a batch has finished before the next one starts, in milliseconds',
		},
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
			description: `How many items are sent to WeChat at the same time (1 to ${MAX_CONCURRENCY}). Output items stay in input order. Writes that fail are never resent.`,
		},
		{
			displayName: 'Items per Batch',
			name: 'itemsPerBatch',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, numberPrecision: 0 },
			description: 'How many input items make one batch. Without it, all items are one batch.',
		},
		{
			displayName: 'Max Items per Minute',
			name: 'maxItemsPerMinute',
			type: 'number',
			default: DEFAULT_PARALLEL_ITEMS_PER_MINUTE,
			typeOptions: { minValue: 0, numberPrecision: 0 },
			description: `At most this many items start in any 60 seconds; 0 means no cap. Without it: ${DEFAULT_PARALLEL_ITEMS_PER_MINUTE} when Concurrency is above 1, no cap otherwise. WeChat does not publish its per-minute limits; lower this if WeChat answers 45011 (per-minute limit reached).`,
		},
	],
};

export interface Batching {
	/** Items per batch; Infinity = one batch. */
	itemsPerBatch: number;
	batchIntervalMs: number;
	concurrency: number;
	/** 0 = no cap. */
	maxItemsPerMinute: number;
}

/** The node's Batching option (one setting for the whole run, read from the first item). */
export function getBatching(context: IExecuteFunctions): Batching {
	const raw = context.getNodeParameter('batching', 0, {}) as IDataObject;
	const number = (name: string, min: number, max = Infinity): number | undefined => {
		const value = raw[name];
		const { displayName } = (batchingProperty.options as INodeProperties[]).find((option) => option.name === name)!;
		if (value === undefined || value === null || value === '') return undefined;
		const n = Number(value);
		if (!Number.isInteger(n) || n < min || n > max) {
			const values = { batching: t(batchingProperty.displayName), option: t(displayName), value: JSON.stringify(value), min, max };
			const [message, fix] =
				max === Infinity
					? [
							t('{batching} → {option} is {value}, but must be a whole number of at least {min}.', values),
							t('Set {batching} → {option} to a whole number of at least {min}, or remove it.', values),
						]
					: [
							t('{batching} → {option} is {value}, but must be a whole number from {min} to {max}.', values),
							t('Set {batching} → {option} to a whole number from {min} to {max}, or remove it.', values),
						];
			throw new NodeOperationError(context.getNode(), message, { description: fix });
		}
		return n;
	};
	const concurrency = number('concurrency', 1, MAX_CONCURRENCY) ?? 1;
	return {
		itemsPerBatch: number('itemsPerBatch', 1) ?? Infinity,
		batchIntervalMs: number('batchInterval', 0) ?? 0,
		concurrency,
		maxItemsPerMinute: number('maxItemsPerMinute', 0) ?? (concurrency > 1 ? DEFAULT_PARALLEL_ITEMS_PER_MINUTE : 0),
	};
}
