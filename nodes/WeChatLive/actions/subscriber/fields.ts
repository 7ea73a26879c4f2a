import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Field } from '../../helpers/validation';
import { ownEntry } from '../../../shared/lookup';
import { t } from '../../../shared/i18n/translate';
import { invalidInput } from '../../helpers/validation';
import { requireText } from '../common/parameters';

/** The fields of Subscriber → Push Message and their readers. */

/**
 * push_message takes at most 2,000 openids a call (api_pushmessage,
 * https://developers.weixin.qq.com/miniprogram/dev/server/API/livebroadcast/subscribe-management/api_pushmessage.html).
 */
export const PUSH_BATCH_SIZE = 2000;

export const openidFieldProperty: INodeProperties = {
	displayName: 'Openid Field',
	name: 'openidField',
	type: 'string',
	default: 'openid',
	displayOptions: { show: { recipients: ['itemField'] } },
	description: 'Name of the input items’ field that holds an openid or a list of them; dot notation for nested fields (e.g. user.openid)',
};

export const openidsProperty: INodeProperties = {
	displayName: 'Openids',
	name: 'openids',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	displayOptions: { show: { recipients: ['list'] } },
	placeholder: 'e.g. o7esq5MvImF2SEm7OHYohausj2o, o7esq5MvImF2SEm7OHYohausj2p',
	description: 'Subscriber openids, separated by commas or new lines, or an expression that returns a list of them',
};

// Openids never contain separators, so any of these (Chinese punctuation too: lists are often pasted from
// Chinese spreadsheets) splits a text into openids.
const SEPARATORS = /[\s,;，；、]+/;
const OPENID = /^[\w-]+$/;
const openidFix = () =>
	t('An openid has only letters, digits, “-” and “_”, e.g. o7esq5MvImF2SEm7OHYohausj2o. Give openids as text (comma- or line-separated) or as a list.');

/**
 * Openids from a text (comma- or line-separated) or a list (of openids, or of subscribers with an openid
 * field, as Subscriber → Get Many outputs them). Refuses anything that is not an openid.
 */
export function parseOpenids(context: IExecuteFunctions, itemIndex: number, field: Field, value: unknown): string[] {
	const entries = (Array.isArray(value) ? value : [value]).flatMap((entry: unknown) => {
		if (entry && typeof entry === 'object' && typeof (entry as IDataObject).openid === 'string') return [(entry as IDataObject).openid];
		return typeof entry === 'string' ? entry.split(SEPARATORS) : entry === undefined || entry === null ? [] : [entry];
	});
	const openids: string[] = [];
	for (const entry of entries) {
		if (typeof entry !== 'string') {
			throw invalidInput(context, itemIndex, field, t('contains {entry}, which is not an openid', { entry: JSON.stringify(entry) }), openidFix());
		}
		if (!entry) continue;
		if (!OPENID.test(entry)) throw invalidInput(context, itemIndex, field, t('contains “{entry}”, which is not an openid', { entry }), openidFix());
		openids.push(entry);
	}
	if (openids.length === 0) {
		throw invalidInput(
			context,
			itemIndex,
			field,
			t('has no openids'),
			t('Give at least one openid, or choose {all} as {recipients}.', { all: t('All Long-Term Subscribers'), recipients: t('Recipients') }),
		);
	}
	return openids;
}

/** The openids in a field (dot notation for nested fields) of one input item. */
export function openidsOfItem(context: IExecuteFunctions, itemIndex: number, json: IDataObject, fieldName: string): string[] {
	const path = requireText(context, itemIndex, openidFieldProperty, fieldName, t('Give the name of the input items’ openid field, e.g. openid.'));
	let value: unknown = json;
	for (const key of path.split('.')) value = value && typeof value === 'object' ? ownEntry(value as IDataObject, key) : undefined;
	if (value === undefined) {
		const fields = Object.keys(json);
		throw invalidInput(
			context,
			itemIndex,
			openidFieldProperty,
			t('is “{path}”, but the input item has no such field', { path }),
			fields.length
				? t('Use one of the item’s fields: {fields}.', { fields: fields.join(t(', ')) })
				: t('The input item is empty: connect Subscriber → Get Many, or a node that outputs openids.'),
		);
	}
	return parseOpenids(context, itemIndex, { displayName: t('Field “{path}”', { path }), name: openidFieldProperty.name }, value);
}

export function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size) chunks.push(list.slice(start, start + size));
	return chunks;
}
