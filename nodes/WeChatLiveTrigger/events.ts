/**
 * From a verified, decrypted WeChat push to the item the trigger emits: WeChat's own field names
 * (users compare them with WeChat's docs), the business fields lifted out of their XML wrapper,
 * numbers as numbers, 64-bit ids as strings, and readable labels beside the codes.
 */
import type { IDataObject } from 'n8n-workflow';

import { label, LIVE_STATUS } from '../shared/labels';
import { withReadableTimes } from '../shared/time';

export type MessageValue = string | number | boolean | null | MessageObject | MessageValue[];
export interface MessageObject {
	[key: string]: MessageValue;
}

export const FOLLOW_EVENT = 'wxalive_follow_notify';
export const PUSH_RESULT_EVENT = 'wxalive_push_message_notify';
export const OTHER_EVENTS = 'other';
export type EventChoice = typeof FOLLOW_EVENT | typeof PUSH_RESULT_EVENT | typeof OTHER_EVENTS;

/**
 * XML nests the business fields in a wrapper element; the parameter tables (and, presumably, JSON
 * mode) list them flat (docs/wechat-callback.md, "JSON quirks"). Both shapes are read.
 */
const WRAPPERS = ['FollowNotify', 'PushMessageApiNotify'];

/** 64-bit ids: above 2^53, so a number would silently lose digits. */
const ID_FIELDS = ['MsgId', 'message_id'];

const NUMBER_FIELDS = [
	'CreateTime',
	'room_id',
	'time',
	'live_status',
	'total_count',
	'success_count',
	'openid_error_count',
	'relation_error_count',
	'user_recv_limit_count',
	'internal_error_count',
];

/** Unix times in WeChat's pushes, each given a readable `<field>_iso` beside it. */
const TIME_FIELDS = ['CreateTime', 'time'];

/** A Map, not an object: an `action` such as "constructor" or "__proto__" must find no label. */
const ACTION_LABELS = new Map([
	['add_follow', 'Subscribed'],
	['del_follow', 'Unsubscribed'],
]);

export interface DeliveryInfo {
	mode: 'plaintext' | 'compatible' | 'safe';
	format: 'xml' | 'json';
}

export function eventChoiceOf(message: MessageObject): EventChoice {
	if (message.Event === FOLLOW_EVENT) return FOLLOW_EVENT;
	if (message.Event === PUSH_RESULT_EVENT) return PUSH_RESULT_EVENT;
	return OTHER_EVENTS;
}

export function toEventItem(
	message: MessageObject,
	delivery: DeliveryInfo,
	includeRaw: boolean,
	timeZone: string,
): IDataObject {
	let item: IDataObject = {};
	for (const [key, value] of Object.entries(message)) {
		if (WRAPPERS.includes(key) && isObject(value)) continue;
		item[key] = value;
	}
	for (const wrapper of WRAPPERS) {
		const inner = message[wrapper];
		if (isObject(inner)) Object.assign(item, inner);
	}

	for (const field of ID_FIELDS) {
		const value = item[field];
		if (typeof value === 'number' || typeof value === 'bigint') item[field] = String(value);
	}
	for (const field of NUMBER_FIELDS) {
		const value = item[field];
		if (typeof value === 'string' && /^-?(?:0|[1-9][0-9]*)$/.test(value)) {
			const number = Number(value);
			if (Number.isSafeInteger(number)) item[field] = number;
		}
	}

	const actionLabel = typeof item.action === 'string' ? ACTION_LABELS.get(item.action) : undefined;
	if (actionLabel !== undefined) item.action_label = actionLabel;
	// The same labels as the action node's room output (getliveinfo's live_status table).
	if (typeof item.live_status === 'number') {
		item.live_status_label = label(LIVE_STATUS, item.live_status);
	}

	item = withReadableTimes(item, TIME_FIELDS, timeZone);
	item.delivery_mode = delivery.mode;
	item.data_format = delivery.format;
	if (includeRaw) item.raw = message as IDataObject;
	return item;
}

/**
 * What makes two deliveries "the same event" (docs/wechat-callback.md, "Retries and duplicates"): MsgId for messages; for events
 * FromUserName + CreateTime + Event, plus the event's own identity, because two events of one user
 * can share a one-second CreateTime. Never the ciphertext, signature or nonce: retries change them.
 */
export function eventIdentity(item: IDataObject): string {
	if (typeof item.MsgId === 'string' && item.MsgId !== '') return `msg\u0001${item.MsgId}`;
	const parts = [item.FromUserName, item.CreateTime, item.MsgType, item.Event];
	if (item.Event === PUSH_RESULT_EVENT) parts.push(item.message_id);
	else if (item.Event === FOLLOW_EVENT) {
		parts.push(item.room_id, item.user_openid, item.action, item.time);
	}
	if (item.FromUserName === undefined && item.CreateTime === undefined) {
		// Nothing identifies this push: fall back to its whole content.
		const content = { ...item };
		delete content.delivery_mode;
		delete content.data_format;
		delete content.raw;
		return `content\u0001${JSON.stringify(content)}`;
	}
	const text = parts.map((part) => (part === undefined ? '' : String(part)));
	return `event\u0001${text.join('\u0001')}`;
}

function isObject(value: unknown): value is MessageObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
