import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { t } from '../../../shared/i18n/translate';
import { itemNumber } from '../../helpers/validation';
import { asNodeError, errorItemJson } from '../errorItem';
import type { WeChatOperation } from '../types';
import { fetchWarehouse, WAREHOUSE_BATCH } from '../../transport/reads/goods';
import { getGoodsIds, goodsIdsProperty } from './fields';

const goodsIdsParameter = goodsIdsProperty(
	'Goods IDs',
	'goodsIds',
	'The goods to read (goods_ids): any number of IDs; the node asks WeChat for 20 at a time.',
);

interface Asked {
	itemIndex: number;
	ids: number[];
	error?: Error;
}

function notFound(context: IExecuteFunctions, asked: Asked, missing: number[]): NodeOperationError {
	// t(', '): a list reads 5001、5002 in Chinese.
	const values = { ids: missing.join(t(', ')), item: itemNumber(asked.itemIndex) };
	const [message, description] =
		missing.length === 1
			? [
					t('Goods {ids}, asked for in {item}, was not found.', values),
					t('WeChat has no goods with this ID in the live goods library (deleted, or never created). Check the ID, or list the goods with Goods → Get Many.'),
				]
			: [
					t('Goods {ids}, asked for in {item}, were not found.', values),
					t('WeChat has no goods with these IDs in the live goods library (deleted, or never created). Check the IDs, or list the goods with Goods → Get Many.'),
				];
	return new NodeOperationError(context.getNode(), message, { description, itemIndex: asked.itemIndex });
}

/**
 * The IDs of all input items are read together, 20 a call (WeChat's maximum): 45 rows of a sheet with one
 * goods ID each cost 3 calls, not 45. Output: one item per goods, in the order asked, paired with the
 * input item that asked for it.
 */
async function getGoods(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const continueOnFail = this.continueOnFail();
	const askedItems: Asked[] = items.map((_, itemIndex) => {
		try {
			return { itemIndex, ids: getGoodsIds(this, itemIndex, goodsIdsParameter) };
		} catch (error) {
			if (!continueOnFail) throw asNodeError(this, error, itemIndex);
			return { itemIndex, ids: [], error: error as Error };
		}
	});

	const unique = [...new Set(askedItems.flatMap((asked) => asked.ids))];
	const found = new Map<number, IDataObject>();
	const failed = new Map<number, Error>();
	for (let start = 0; start < unique.length; start += WAREHOUSE_BATCH) {
		const batch = unique.slice(start, start + WAREHOUSE_BATCH);
		const firstAsking = askedItems.find((asked) => asked.ids.includes(batch[0]))!.itemIndex;
		try {
			for (const [id, goods] of await fetchWarehouse.call(this, batch, { itemIndex: firstAsking })) found.set(id, goods);
		} catch (error) {
			if (!continueOnFail) throw asNodeError(this, error, firstAsking);
			for (const id of batch) failed.set(id, error as Error);
		}
	}

	const output: INodeExecutionData[] = [];
	for (const asked of askedItems) {
		const pairedItem = { item: asked.itemIndex };
		const missing = asked.ids.filter((id) => !found.has(id) && !failed.has(id));
		const error =
			asked.error ??
			asked.ids.map((id) => failed.get(id)).find(Boolean) ??
			(missing.length ? notFound(this, asked, missing) : undefined);
		if (error) {
			if (!continueOnFail) throw error;
			output.push({ json: errorItemJson(error), pairedItem });
			continue;
		}
		for (const id of asked.ids) output.push({ json: { ...found.get(id)! }, pairedItem });
	}
	return output;
}

export const goodsGet: WeChatOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get goods',
	description: 'Get goods by ID with their audit status (获取商品的信息与审核状态)',
	endpoints: ['goodsWarehouse'],
	properties: [
		goodsIdsParameter,
	],
	executeAll: getGoods,
};
