import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Field } from '../../helpers/validation';
import { digitsAsNumber } from '../../../shared/digits';
import { invalidInput, requireBoolean, requireId, requireLimit } from '../../helpers/validation';

export const ROOM_ID: Field = { displayName: 'Room', name: 'roomId' };

/** Reads a resource-locator or plain ID parameter as WeChat's numeric ID, refusing anything else. */
export function getId(context: IExecuteFunctions, itemIndex: number, field: Field): number {
	const raw = context.getNodeParameter(field.name, itemIndex, undefined, { extractValue: true }) as unknown;
	return requireId(context, itemIndex, field, raw);
}

export function getRoomId(context: IExecuteFunctions, itemIndex: number): number {
	return getId(context, itemIndex, ROOM_ID);
}

/** 0/1 as WeChat wants it, from a switch already checked by getBoolean. */
export function bit(value: boolean): 0 | 1 {
	return value ? 1 : 0;
}

const RETURN_ALL: Field = { displayName: 'Return All', name: 'returnAll' };
const LIMIT: Field = { displayName: 'Limit', name: 'limit' };

/** Return All / Limit of a list operation (returnAllOrLimit), checked also when expressions set them. */
export function getPaging(context: IExecuteFunctions, itemIndex: number): { returnAll: boolean; limit: number } {
	const returnAll = requireBoolean(context, itemIndex, RETURN_ALL, context.getNodeParameter('returnAll', itemIndex, false));
	// n8n hides Limit under Return All, but still hands out its value: only read it when it counts.
	const limit = returnAll ? Infinity : requireLimit(context, itemIndex, LIMIT, context.getNodeParameter('limit', itemIndex, 50));
	return { returnAll, limit };
}

/** A switch parameter, or one inside a collection when `value` is given. */
export function getBoolean(context: IExecuteFunctions, itemIndex: number, field: Field, value?: unknown): boolean {
	return requireBoolean(context, itemIndex, field, value === undefined ? context.getNodeParameter(field.name, itemIndex) : value);
}

/**
 * One of an options property's values, also when an expression sets it (the editor checks only what is
 * picked from the list): `value`, or the parameter itself when none is given. Digits match number values.
 */
export function getOption<T extends string | number>(
	context: IExecuteFunctions,
	itemIndex: number,
	property: INodeProperties,
	value: unknown = context.getNodeParameter(property.name, itemIndex, property.default),
): T {
	const match = choicesOf(property).find((choice) => sameChoice(choice.value, value));
	if (match) return match.value as T;
	throw notAChoice(context, itemIndex, property, value);
}

/** The values of a multiOptions property, each one of its choices. */
export function getOptions<T extends string | number>(
	context: IExecuteFunctions,
	itemIndex: number,
	property: INodeProperties,
	value: unknown,
): T[] {
	if (value === undefined || value === null || value === '') return [];
	const list = Array.isArray(value) ? value : [value];
	return list.map((entry) => {
		const match = choicesOf(property).find((choice) => sameChoice(choice.value, entry));
		if (!match) throw notAChoice(context, itemIndex, property, entry);
		return match.value as T;
	});
}

function choicesOf(property: INodeProperties): INodePropertyOptions[] {
	return (property.options ?? []).filter((option): option is INodePropertyOptions => 'value' in option);
}

function sameChoice(choice: unknown, value: unknown): boolean {
	return choice === value || (typeof choice === 'number' && digitsAsNumber(value) === choice);
}

function notAChoice(context: IExecuteFunctions, itemIndex: number, property: INodeProperties, value: unknown) {
	const choices = choicesOf(property).map((choice) => `${JSON.stringify(choice.value)} (${choice.name})`);
	return invalidInput(
		context,
		itemIndex,
		property,
		`is ${JSON.stringify(value) ?? String(value)}, which is not one of its choices`,
		`Pick it from the list, or make the expression give one of: ${choices.join(', ')}.`,
	);
}
