import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Field } from '../../helpers/validation';
import { invalidInput } from '../../helpers/validation';
import { getOption } from '../common/parameters';

/**
 * The share code's custom parameters (params of api_getsharedcode): an object the live-player plugin hands
 * to the mini program (custom_params). WeChat wants encodeURIComponent(JSON.stringify(obj)) in the URL; the
 * HTTP client already URL-encodes query values, so the node passes JSON.stringify(obj) and lets it encode
 * once (encoding here too would reach WeChat as %257B…).
 */

const PARAMS: Field = { displayName: 'Parameters', name: 'params' };
const PARAMS_JSON: Field = { displayName: 'Parameters (JSON)', name: 'paramsJson' };

/**
 * The live-player plugin keeps at most 600 characters of custom_params and cuts the rest, which breaks the
 * JSON (https://developers.weixin.qq.com/miniprogram/dev/framework/liveplayer/live-player-plugin.html).
 */
export const MAX_ENCODED_PARAMS = 600;

/** How the custom parameters are given. */
const paramsInputProperty: INodeProperties = {
	displayName: 'Custom Parameters',
	name: 'paramsInput',
	type: 'options',
	default: 'none',
	description:
		'Parameters (params) the mini program receives as custom_params when a viewer enters the room through this code, e.g. a page path or a referrer ID',
	options: [
		{ name: 'JSON', value: 'json', description: 'Give the parameters as one JSON object, e.g. from an expression' },
		{ name: 'Key-Value Pairs', value: 'keyValue', description: 'Give each parameter as a name and a text value' },
		{ name: 'None', value: 'none', description: 'No custom parameters' },
	],
};

export const shareParamsProperties: INodeProperties[] = [
	paramsInputProperty,
	{
		displayName: 'Parameters',
		name: 'params',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		description: 'The custom parameters, each a name and a text value',
		displayOptions: { show: { paramsInput: ['keyValue'] } },
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. pid',
						description: 'Name of the parameter',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. 1',
						description: 'Value of the parameter, sent as text',
					},
				],
			},
		],
	},
	{
		displayName: 'Parameters (JSON)',
		name: 'paramsJson',
		type: 'json',
		default: '{}',
		description:
			'The custom parameters as one JSON object, e.g. {"path": "pages/index/index", "pid": 1}; numbers and nested values are kept as they are',
		displayOptions: { show: { paramsInput: ['json'] } },
	},
];

/** The params query value (JSON text), or undefined without custom parameters; every rule checked first. */
export function readShareParams(context: IExecuteFunctions, itemIndex: number): string | undefined {
	const input = getOption<string>(context, itemIndex, paramsInputProperty);
	if (input === 'none') return undefined;
	const params = input === 'json' ? readJsonObject(context, itemIndex) : readPairs(context, itemIndex);
	const text = JSON.stringify(params);
	const encodedLength = encodeURIComponent(text).length;
	if (encodedLength > MAX_ENCODED_PARAMS) {
		const field = input === 'json' ? PARAMS_JSON : PARAMS;
		throw invalidInput(
			context,
			itemIndex,
			field,
			`is ${encodedLength} characters long once URL-encoded, more than the ${MAX_ENCODED_PARAMS} the live plugin keeps (it cuts the rest off)`,
			'Send fewer or shorter parameters, e.g. an ID the mini program looks up instead of the data itself.',
		);
	}
	return text;
}

function readPairs(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const collection = context.getNodeParameter('params', itemIndex, {}) as { parameter?: Array<{ name?: unknown; value?: unknown }> };
	const pairs = collection.parameter ?? [];
	if (pairs.length === 0) {
		throw invalidInput(context, itemIndex, PARAMS, 'has no parameter', 'Add a parameter, or set Custom Parameters to None.');
	}
	// A Map, not an object: a parameter may be called "constructor" or "__proto__" like any other.
	const params = new Map<string, string>();
	pairs.forEach((pair, index) => {
		const name = typeof pair.name === 'string' ? pair.name.trim() : String(pair.name ?? '').trim();
		if (!name) {
			throw invalidInput(context, itemIndex, PARAMS, `has a parameter without a name (number ${index + 1})`, 'Name every parameter, or remove the empty one.');
		}
		if (params.has(name)) {
			throw invalidInput(context, itemIndex, PARAMS, `has the parameter "${name}" twice`, 'Give each parameter once.');
		}
		params.set(name, pair.value === undefined || pair.value === null ? '' : String(pair.value));
	});
	return Object.fromEntries(params);
}

function readJsonObject(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = context.getNodeParameter('paramsJson', itemIndex, '') as unknown;
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw invalidInput(context, itemIndex, PARAMS_JSON, `is not valid JSON (${(error as Error).message})`, 'Give one JSON object, e.g. {"path": "pages/index/index", "pid": 1}.');
		}
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw invalidInput(context, itemIndex, PARAMS_JSON, `must be a JSON object, got ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}`, 'Give one JSON object, e.g. {"path": "pages/index/index", "pid": 1}.');
	}
	if (Object.keys(value).length === 0) {
		throw invalidInput(context, itemIndex, PARAMS_JSON, 'is an empty object', 'Add a parameter, or set Custom Parameters to None.');
	}
	return value as IDataObject;
}
