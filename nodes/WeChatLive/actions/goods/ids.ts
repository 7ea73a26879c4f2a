import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Field } from '../../helpers/validation';
import { invalidInput, toId } from '../../helpers/validation';
import { getId } from '../common/parameters';

/** Goods IDs: one picked from a list, or many given as text or by an expression (Goods, Room Goods). */

export const GOODS_ID: Field = { displayName: 'Goods', name: 'goodsId' };

export const goodsIdProperty: INodeProperties = {
	displayName: 'Goods',
	name: 'goodsId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The goods in the live goods library (直播商品库). Pick it from the list or give its numeric Goods ID.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchGoods', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 5001',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A Goods ID is a whole number, e.g. 5001' },
				},
			],
		},
	],
};

export function getGoodsId(context: IExecuteFunctions, itemIndex: number): number {
	return getId(context, itemIndex, GOODS_ID);
}

/** A parameter that takes several goods IDs: "5001, 5002", one per line, or an expression giving an array. */
export function goodsIdsProperty(field: Field, description: string): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5001, 5002, 5003',
		description: `${description} Separate IDs with commas or new lines, or use an expression that gives an array of IDs`,
	};
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

/** Goods IDs as WeChat wants them: positive whole numbers, each once, in the order given. */
export function parseIdList(
	context: IExecuteFunctions,
	itemIndex: number,
	field: Field,
	value: unknown,
): number[] {
	const entries = splitList(value);
	if (entries.length === 0) {
		throw invalidInput(context, itemIndex, field, 'is empty', 'Give at least one goods ID, e.g. 5001.');
	}
	const ids: number[] = [];
	entries.forEach((entry, position) => {
		const id = toId(entry);
		if (id === undefined) {
			throw invalidInput(
				context,
				itemIndex,
				field,
				`has "${String(entry)}" as entry ${position + 1}, which is not a goods ID`,
				'Goods IDs are positive whole numbers, e.g. 5001: check the list or the expression.',
			);
		}
		if (!ids.includes(id)) ids.push(id);
	});
	return ids;
}
