import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { t } from '../../shared/i18n/translate';
import { PerMinuteLimit, runBounded, sleepWithAbort } from '../helpers/concurrency';
import type { Batching } from './common/batching';
import { getBatching } from './common/batching';
import { asNodeError, errorItemJson } from './errorItem';
import { resources } from './resources';
import type { WeChatOperation } from './types';

export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources.find((r) => r.value === resource)?.operations.find((op) => op.value === operationName);
	if (!operation) {
		// The stored values, as a workflow from a newer version of the package may hold them.
		throw new NodeOperationError(
			this.getNode(),
			t('This version of the node has no operation "{operation}" for the resource "{resource}".', { operation: operationName, resource }),
			{
				description: t(
					'Pick the operation again in the node, or update the package. For a WeChat API this node does not cover, use the HTTP Request node with the "WeChat Live API" credential: it adds the access token for you.',
				),
			},
		);
	}
	if (operation.executeAll) return [await operation.executeAll.call(this, items)];
	return [await runPerItem.call(this, operation, items.length)];
}

/**
 * Runs a per-item operation over every item under the Batching option: batches one after another with the
 * interval between them; inside a batch up to Concurrency items at once, started in input order and paced
 * by the per-minute cap. Output keeps input order and pairing whatever order the answers come in. Nothing
 * is resent here: the transport alone decides what is safe to repeat (reads, token refusals).
 */
async function runPerItem(
	this: IExecuteFunctions,
	operation: WeChatOperation,
	itemCount: number,
): Promise<INodeExecutionData[]> {
	if (itemCount === 0) return [];
	let batching: Batching;
	try {
		batching = getBatching(this);
	} catch (error) {
		// A wrong Batching option stops every item before anything is sent; Continue On Fail says so per item.
		if (!this.continueOnFail()) throw asNodeError(this, error as Error, 0);
		const json = errorItemJson(error as Error);
		return [...indexes(0, itemCount)].map((item) => ({ json: { ...json }, pairedItem: { item } }));
	}
	const cancelled = this.getExecutionCancelSignal?.();
	// Stops starting items when the execution is cancelled or an item failed without Continue On Fail; a
	// wait for the per-minute cap or between batches then ends at once, not up to a minute later.
	const stop = new AbortController();
	const onCancel = () => stop.abort();
	if (cancelled?.aborted) stop.abort();
	cancelled?.addEventListener('abort', onCancel, { once: true });
	const limit = batching.maxItemsPerMinute > 0 ? new PerMinuteLimit(batching.maxItemsPerMinute, stop.signal) : undefined;
	const continueOnFail = this.continueOnFail();

	const outputs: INodeExecutionData[][] = new Array(itemCount);
	let firstFailure: { itemIndex: number; error: Error } | undefined;

	const runItem = async (itemIndex: number): Promise<void> => {
		try {
			const result = await operation.execute!.call(this, itemIndex);
			outputs[itemIndex] = (Array.isArray(result) ? result : [result]).map((json: IDataObject) => ({
				json,
				pairedItem: { item: itemIndex },
			}));
		} catch (error) {
			if (continueOnFail) {
				outputs[itemIndex] = [{ json: errorItemJson(error as Error), pairedItem: { item: itemIndex } }];
			} else if (!firstFailure || itemIndex < firstFailure.itemIndex) {
				// Several items in flight can fail: report the first in input order, as a sequential run would.
				firstFailure = { itemIndex, error: error as Error };
				stop.abort();
			}
		}
	};
	// A cancelled run starts nothing more and returns what finished (n8n discards it anyway).
	const mayStart = async (): Promise<boolean> => {
		if (stop.signal.aborted) return false;
		try {
			await limit?.take();
		} catch {
			return false; // the wait was stopped
		}
		return !stop.signal.aborted;
	};

	try {
		for (let start = 0; start < itemCount && !stop.signal.aborted; start += batching.itemsPerBatch) {
			if (start > 0 && batching.batchIntervalMs > 0) {
				try {
					await sleepWithAbort(batching.batchIntervalMs, stop.signal);
				} catch {
					break;
				}
			}
			const end = Math.min(itemCount, start + batching.itemsPerBatch);
			await runBounded(indexes(start, end), batching.concurrency, runItem, mayStart);
		}
	} finally {
		cancelled?.removeEventListener('abort', onCancel);
	}

	if (firstFailure) throw asNodeError(this, firstFailure.error, firstFailure.itemIndex);
	return outputs.flat();
}

function* indexes(start: number, end: number): Generator<number> {
	for (let i = start; i < end; i++) yield i;
}
