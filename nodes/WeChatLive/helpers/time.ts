import type { IExecuteFunctions } from 'n8n-workflow';

import type { Field } from './validation';
import { invalidInput } from './validation';

/** China Standard Time, which WeChat's servers and the shop's staff use; it has no daylight saving. */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/**
 * Time fields take an ISO 8601 date-time (what n8n's date picker gives) or Unix time in seconds, as WeChat
 * uses; milliseconds are recognised by their size and converted.
 */
export function toUnixSeconds(
	context: IExecuteFunctions,
	itemIndex: number,
	field: Field,
	value: unknown,
): number {
	let seconds: number | undefined;
	if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value))) {
		const n = Number(value);
		seconds = n > 1e11 ? Math.floor(n / 1000) : Math.floor(n);
	} else if (typeof value === 'string' && value.trim() !== '') {
		const ms = Date.parse(value.trim());
		if (!Number.isNaN(ms)) seconds = Math.floor(ms / 1000);
	} else if (value && typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
		seconds = Math.floor((value as { toMillis(): number }).toMillis() / 1000); // a Luxon DateTime from an expression
	} else if (value instanceof Date) {
		seconds = Math.floor(value.getTime() / 1000);
	}
	if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) {
		throw invalidInput(
			context,
			itemIndex,
			field,
			`is not a date-time: "${String(value)}"`,
			'Pick a date and time, or give an ISO date-time such as 2026-12-24T20:00:00+08:00, or Unix time in seconds.',
		);
	}
	return seconds;
}

/** Shows a Unix time the way China-based shop staff read it, with the zone stated. */
export function describeTime(seconds: number): string {
	const beijing = new Date(seconds * 1000 + BEIJING_OFFSET_MS).toISOString().replace('T', ' ').slice(0, 16);
	return `${beijing} Beijing time`;
}

export function addMonths(date: Date, months: number): Date {
	const out = new Date(date.getTime());
	out.setUTCMonth(out.getUTCMonth() + months);
	return out;
}

/**
 * WeChat documents create_time / expire_time as strings of no stated format, and SDK samples show Unix
 * seconds (even 0), so they are read leniently: Unix seconds or milliseconds, ISO 8601, or
 * "YYYY-MM-DD HH:mm:ss" without a zone (Beijing time, as WeChat's servers write it). Null when unreadable.
 */
export function weChatTimeToIso(value: unknown): string | null {
	if (value === undefined || value === null) return null;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) {
		const n = Number(text);
		return n > 0 ? new Date(n > 1e11 ? n : n * 1000).toISOString() : null;
	}
	const local = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
	if (local) {
		const [year, month, day, hour, minute, second] = local.slice(1).map((part) => Number(part ?? 0));
		return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - BEIJING_OFFSET_MS).toISOString();
	}
	const ms = text ? Date.parse(text) : NaN;
	return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
