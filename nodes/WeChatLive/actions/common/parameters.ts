import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { t } from '../../../shared/i18n/translate';
import type { Field } from '../../helpers/validation';
import { digitsAsNumber } from '../../../shared/digits';
import { invalidInput } from '../../helpers/validation';
import { checkWeChatId, RuleBroken, toId } from '../../rules';
import { limitProperty, returnAllProperty, roomIdProperty } from './properties';

/**
 * Layer (b) of the input checks, the parameter readers (layer (a), WeChat's rules, is described in
 * rules/index.ts). A reader takes the node property itself (or, for a value from inside a collection, the
 * property and the value), reads it with getNodeParameter, checks its type and WeChat's rules, and throws
 * the error that names the property's display name and the item. These are the readers every resource
 * uses; a resource's own are in its fields.ts, beside its properties.
 */

/** The property's value for an item, as n8n gives it (resource locators: their value). */
export function parameterOf(context: IExecuteFunctions, itemIndex: number, property: Field, fallback: unknown = ''): unknown {
	return context.getNodeParameter(property.name, itemIndex, fallback, { extractValue: true }) as unknown;
}

/**
 * Applies one of WeChat's rules (rules/) to a value of `property`; a broken rule becomes the input error
 * naming the property, or the one of `related` the rule names (rules that relate fields, like prices).
 */
export function obey<T>(
	context: IExecuteFunctions,
	itemIndex: number,
	property: Field,
	rule: () => T,
	related: Field[] = [],
): T {
	try {
		return rule();
	} catch (error) {
		if (error instanceof RuleBroken) {
			const field = related.find((candidate) => candidate.name === error.field) ?? property;
			throw invalidInput(context, itemIndex, field, error.problem, error.fix);
		}
		throw new NodeOperationError(context.getNode(), error as Error, { itemIndex }); // a bug, not an input
	}
}

export function requireText(
	context: IExecuteFunctions,
	itemIndex: number,
	field: Field,
	value: unknown,
	fix: string,
): string {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!text) throw invalidInput(context, itemIndex, field, t('is empty'), fix);
	return text;
}

/** Positive whole numbers: room IDs, goods IDs, audit IDs. */
export function requireId(context: IExecuteFunctions, itemIndex: number, field: Field, value: unknown): number {
	const id = toId(value);
	if (id !== undefined) return id;
	throw invalidInput(
		context,
		itemIndex,
		field,
		t('must be a positive whole number, got "{value}"', { value: String(value) }),
		t('Give the numeric {field} as WeChat shows it.', { field: t(field.displayName) }),
	);
}

/** A WeChat ID (微信号): required, and one that can be a WeChat ID (rules/text.ts). */
export function requireWeChatId(context: IExecuteFunctions, itemIndex: number, field: Field, value: unknown): string {
	const id = requireText(context, itemIndex, field, value, t('Give the person’s WeChat ID (微信号), as shown in WeChat under Me.'));
	obey(context, itemIndex, field, () => checkWeChatId(id));
	return id;
}

/** A switch: true or false, also 1/0 and "true"/"false" as expressions often give them. */
export function requireBoolean(context: IExecuteFunctions, itemIndex: number, field: Field, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === '1' || value === 'true') return true;
	if (value === 0 || value === '0' || value === 'false') return false;
	throw invalidInput(
		context,
		itemIndex,
		field,
		t('must be true or false, got {value}', { value: JSON.stringify(value) ?? String(value) }),
		t('Switch it on or off, or make the expression give true or false.'),
	);
}

/** Reads a resource-locator or plain ID parameter as WeChat's numeric ID, refusing anything else. */
export function getId(context: IExecuteFunctions, itemIndex: number, property: Field): number {
	return requireId(context, itemIndex, property, parameterOf(context, itemIndex, property, undefined));
}

export function getRoomId(context: IExecuteFunctions, itemIndex: number): number {
	return getId(context, itemIndex, roomIdProperty);
}

/** 0/1 as WeChat wants it, from a switch already checked by getBoolean. */
export function bit(value: boolean): 0 | 1 {
	return value ? 1 : 0;
}

/** Return All / Limit of a list operation (returnAllOrLimit), checked also when expressions set them. */
export function getPaging(context: IExecuteFunctions, itemIndex: number): { returnAll: boolean; limit: number } {
	const returnAll = requireBoolean(context, itemIndex, returnAllProperty, context.getNodeParameter(returnAllProperty.name, itemIndex, false));
	// n8n hides Limit under Return All, but still hands out its value: only read it when it counts.
	if (returnAll) return { returnAll, limit: Infinity };
	const value = context.getNodeParameter(limitProperty.name, itemIndex, limitProperty.default);
	const limit = digitsAsNumber(value);
	if (typeof limit === 'number' && Number.isSafeInteger(limit) && limit >= 1) return { returnAll, limit };
	throw invalidInput(
		context,
		itemIndex,
		limitProperty,
		t('is {value}, but must be a whole number of at least 1', { value: JSON.stringify(value) ?? String(value) }),
		t('Set how many results you want, e.g. 50, or switch on Return All.'),
	);
}

/** A switch parameter, or one inside a collection when `value` is given. */
export function getBoolean(context: IExecuteFunctions, itemIndex: number, property: Field, value?: unknown): boolean {
	return requireBoolean(context, itemIndex, property, value === undefined ? context.getNodeParameter(property.name, itemIndex) : value);
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
	// The value is what the expression must give (data); its label is display text.
	const choices = choicesOf(property).map((choice) => t('{value} ({label})', { value: JSON.stringify(choice.value), label: t(choice.name) }));
	return invalidInput(
		context,
		itemIndex,
		property,
		t('is {value}, which is not one of its choices', { value: JSON.stringify(value) ?? String(value) }),
		t('Pick it from the list, or make the expression give one of: {choices}.', { choices: choices.join(t(', ')) /* 、 in Chinese */ }),
	);
}
