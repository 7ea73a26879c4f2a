import type { IDataObject } from 'n8n-workflow';

import { t } from './i18n/translate';

/**
 * How the nodes read and show times (README "How times are read"). WeChat speaks Unix seconds; users
 * speak wall-clock time. A date-time without an offset, such as n8n's date picker gives
 * (`2026-12-24T20:00:00`), is read in the workflow's time zone (n8n's getTimezone(): the workflow's
 * Timezone setting, else the instance's GENERIC_TIMEZONE), never in the server process's zone. Luxon is
 * not available to community packages at run time, so zone offsets come from Intl (Node has full ICU).
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** China Standard Time, in which WeChat's servers write zone-less date-times; it has no daylight saving. */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** The wall-clock fields of a date-time, month 1–12. */
export interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
}

/** What a time input means: an instant, or a wall-clock time the zone skips (a daylight-saving gap). */
export type ReadTime =
	| { ms: number }
	| { gap: { wall: WallClock; skippedMinutes: number; laterWall: WallClock } }
	| { unreadable: true };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

export function isTimeZone(timeZone: unknown): timeZone is string {
	if (typeof timeZone !== 'string' || timeZone === '') return false;
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

/**
 * The workflow's time zone. A name Intl does not know (n8n checks none) is read as UTC, which the
 * messages then name, rather than failing every time field.
 */
export function timeZoneOf(context: { getTimezone(): string }): string {
	const timeZone = context.getTimezone();
	return isTimeZone(timeZone) ? timeZone : 'UTC';
}

/** What Intl says the wall clock shows in `timeZone` at an instant (to the second). */
function measuredWallClock(ms: number, timeZone: string): WallClock {
	const parts: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour % 24, // some ICU versions write midnight as 24 even with h23
		minute: parts.minute,
		second: parts.second,
		millisecond: 0,
	};
}

function wallAsUtc(wall: WallClock): number {
	const date = new Date(Date.UTC(2000, 0, 1, wall.hour, wall.minute, wall.second, wall.millisecond));
	date.setUTCFullYear(wall.year, wall.month - 1, wall.day); // Date.UTC would read years 0–99 as 19xx
	return date.getTime();
}

function measuredOffset(ms: number, timeZone: string): number {
	const whole = Math.floor(ms / 1000) * 1000;
	return wallAsUtc(measuredWallClock(whole, timeZone)) - whole;
}

/**
 * Zone + UTC day → the offset all that day, for days without a change of offset. An Intl call costs tens
 * of microseconds and a room list or a page of subscribers has thousands of times, mostly on few days.
 */
const steadyOffsets = new Map<string, number>();
const MAX_STEADY_OFFSETS = 20_000;

/** The zone's offset from UTC at an instant, in ms (+8 h for Asia/Shanghai). */
export function offsetAt(ms: number, timeZone: string): number {
	const day = Math.floor(ms / DAY_MS);
	const key = `${timeZone}\u0000${day}`;
	const known = steadyOffsets.get(key);
	if (known !== undefined) return known;
	const offset = measuredOffset(ms, timeZone);
	// Same offset at both ends of the day: no change within it (offsets never change twice in a day).
	if (measuredOffset(day * DAY_MS, timeZone) === offset && measuredOffset((day + 1) * DAY_MS - 1000, timeZone) === offset) {
		if (steadyOffsets.size >= MAX_STEADY_OFFSETS) steadyOffsets.clear();
		steadyOffsets.set(key, offset);
	}
	return offset;
}

/** The wall clock in `timeZone` at an instant (to the second). */
export function wallClockAt(ms: number, timeZone: string): WallClock {
	const whole = Math.floor(ms / 1000) * 1000;
	return utcFields(new Date(whole + offsetAt(whole, timeZone)));
}

/**
 * The instant a wall-clock time means in `timeZone`. Offsets change at most once around any one day, so
 * the offsets a day before and a day after are the only candidates. Two that fit: the clocks went back
 * and the time happened twice; the earlier is taken, as Luxon and JavaScript's Temporal do. None fits: the
 * clocks skipped it (spring forward); the caller refuses it rather than guess which show time was meant.
 */
export function wallClockToInstant(wall: WallClock, timeZone: string): ReadTime {
	const local = wallAsUtc(wall);
	const offsets = [...new Set([offsetAt(local - DAY_MS, timeZone), offsetAt(local + DAY_MS, timeZone)])];
	const fitting = offsets.map((offset) => local - offset).filter((ms) => offsetAt(ms, timeZone) === local - ms);
	if (fitting.length > 0) return { ms: Math.min(...fitting) };
	const skipped = Math.abs(offsets[1] - offsets[0]);
	const later = new Date(local + skipped);
	return {
		gap: {
			wall,
			skippedMinutes: Math.round(skipped / MINUTE_MS),
			laterWall: { ...wall, ...utcFields(later) },
		},
	};
}

function utcFields(date: Date): WallClock {
	return {
		year: date.getUTCFullYear(),
		month: date.getUTCMonth() + 1,
		day: date.getUTCDate(),
		hour: date.getUTCHours(),
		minute: date.getUTCMinutes(),
		second: date.getUTCSeconds(),
		millisecond: date.getUTCMilliseconds(),
	};
}

const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Words and signs that give a non-ISO text its own zone ("GMT+0800", "UTC", "-0700", "PST"…). */
const HAS_ZONE = /(?:\b(?:GMT|UTC|UT|Z|[ECMP][SD]T)\b|[+-]\d{2}:?\d{2}\b)/i;

function daysInMonth(year: number, month: number): number {
	const date = new Date(0);
	date.setUTCFullYear(year, month, 0); // day 0 of the next month: the last day of this one
	return date.getUTCDate();
}

function readIso(text: string, timeZone: string): ReadTime | undefined {
	const match = ISO_DATE_TIME.exec(text);
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
	const millisecond = match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0;
	const valid =
		month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
	if (!valid) return { unreadable: true };
	const wall: WallClock = { year, month, day, hour, minute, second, millisecond };
	const zone = match[8];
	if (zone === undefined) return wallClockToInstant(wall, timeZone);
	if (zone.toUpperCase() === 'Z') return { ms: wallAsUtc(wall) };
	const digits = zone.replace(':', '');
	const offsetMinutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0);
	if (Number(digits.slice(3, 5) || 0) > 59) return { unreadable: true };
	return { ms: wallAsUtc(wall) - (zone.startsWith('-') ? -1 : 1) * offsetMinutes * MINUTE_MS };
}

/**
 * Reads a time input: Unix seconds or milliseconds (told apart by size), an ISO 8601 date-time with or
 * without an offset, another date text JavaScript reads ("Dec 24, 2026 20:00"; without a zone of its
 * own it is wall-clock time too), a Luxon DateTime (what n8n expressions give) or a JS Date.
 */
export function readTime(value: unknown, timeZone: string): ReadTime {
	if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value))) {
		const n = Number(value);
		// 1e11 seconds is the year 5138; 1e11 milliseconds is 1973.
		return Number.isFinite(n) && n > 0 ? { ms: n > 1e11 ? n : n * 1000 } : { unreadable: true };
	}
	if (value instanceof Date) return valid(value.getTime());
	if (value && typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
		return valid((value as { toMillis(): number }).toMillis()); // a Luxon DateTime carries its own zone
	}
	if (typeof value !== 'string' || value.trim() === '') return { unreadable: true };
	const text = value.trim();
	const iso = readIso(text, timeZone);
	if (iso) return iso;
	if (HAS_ZONE.test(text)) return valid(Date.parse(text));
	// Parsed as if in UTC only to take its wall-clock fields apart, whatever zone the server runs in.
	const asUtc = Date.parse(`${text} GMT`);
	if (Number.isNaN(asUtc)) return { unreadable: true };
	return wallClockToInstant(utcFields(new Date(asUtc)), timeZone);
}

function valid(ms: number): ReadTime {
	return Number.isFinite(ms) && ms > 0 ? { ms } : { unreadable: true };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-12-24 20:00" */
export function wallText(wall: WallClock): string {
	return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** "+08:00", "-07:00" */
export function offsetText(offsetMs: number): string {
	const minutes = Math.round(Math.abs(offsetMs) / MINUTE_MS);
	return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** "Asia/Shanghai, UTC+08:00", or "UTC": for messages (output items carry isoInZone). */
function zoneText(ms: number, timeZone: string): string {
	const offset = offsetAt(ms, timeZone);
	if (timeZone === 'UTC' && offset === 0) return 'UTC';
	return t('{timeZone}, UTC{offset}', { timeZone, offset: offsetText(offset) });
}

/** An instant as ISO 8601 with the zone's offset of that moment: "2026-12-24T20:00:00+08:00". */
export function isoInZone(ms: number, timeZone: string): string {
	const whole = Math.floor(ms / 1000) * 1000;
	const offset = offsetAt(whole, timeZone);
	const wall = utcFields(new Date(whole + offset));
	return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${offsetText(offset)}`;
}

/**
 * A Unix time as a user reads it in messages, zone named: "2026-12-24 20:00 (Asia/Shanghai, UTC+08:00)";
 * without the zone for a second time in the same message: "2026-12-24 22:00".
 */
export function describeTime(seconds: number, timeZone: string, { zone = true } = {}): string {
	const ms = seconds * 1000;
	const wall = wallText(wallClockAt(ms, timeZone));
	return zone ? t('{time} ({zone})', { time: wall, zone: zoneText(ms, timeZone) }) : wall;
}

/** Where a time without an offset gets its zone, for hints next to a time the user may not have meant. */
export function zoneHint(timeZone: string): string {
	return t('Times without an offset are read in the workflow’s time zone, {timeZone} (workflow Settings → Timezone).', { timeZone });
}

export function addMonths(date: Date, months: number): Date {
	const out = new Date(date.getTime());
	out.setUTCMonth(out.getUTCMonth() + months);
	return out;
}

/**
 * A time WeChat returned, as ISO 8601 in the workflow's zone. Most are Unix seconds; replay
 * create_time / expire_time are documented as strings of no stated format, and SDK samples show Unix
 * seconds (even 0), so they are read leniently: Unix seconds or milliseconds, ISO 8601, or
 * "YYYY-MM-DD HH:mm:ss" without a zone (Beijing time, as WeChat's servers write it). Null when unreadable.
 */
export function weChatTimeToIso(value: unknown, timeZone: string): string | null {
	if (value === undefined || value === null) return null;
	const text = String(value).trim();
	let ms: number;
	if (/^\d+(\.\d+)?$/.test(text)) {
		const n = Number(text);
		if (!(n > 0)) return null;
		ms = n > 1e11 ? n : n * 1000;
	} else {
		const local = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
		if (local) {
			const [year, month, day, hour, minute, second] = local.slice(1).map((part) => Number(part ?? 0));
			ms = Date.UTC(year, month - 1, day, hour, minute, second) - BEIJING_OFFSET_MS;
		} else {
			ms = text ? Date.parse(text) : NaN;
		}
	}
	return Number.isFinite(ms) ? isoInZone(ms, timeZone) : null;
}

/**
 * The item with a readable `<field>_iso` (ISO 8601 in the workflow's zone) right after each of the
 * given Unix-time fields it has, WeChat's number kept as it came. One naming for every node and trigger.
 */
export function withReadableTimes(item: IDataObject, fields: readonly string[], timeZone: string): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(item)) {
		out[key] = value;
		if (fields.includes(key)) out[`${key}_iso`] = weChatTimeToIso(value, timeZone);
	}
	return out;
}
