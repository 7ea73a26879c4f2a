import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { t } from '../shared/i18n/translate';
import { isoInZone, timeZoneOf } from '../shared/time';

/** Object ID → status code, as last seen. Object keys, because n8n stores static data as JSON. */
export type StatusMap = Record<string, number>;

/**
 * What the trigger remembers between polls, in the workflow's static data for this node. Each event
 * keeps its own key, so switching the event starts a fresh baseline for it and leaves the others alone.
 * Kept compact: one number per goods or room, and the rooms whose replay was already seen.
 */
export interface TriggerState {
	goods?: StatusMap;
	rooms?: StatusMap;
	/** Room IDs whose replay was emitted (or already there at the baseline): never checked again. */
	replayed?: number[];
	/** The Room IDs filter of the last replay poll (empty: every room), to tell rooms it newly lets in. */
	replayFilter?: number[];
}

export function stateOf(context: IPollFunctions): TriggerState {
	return context.getWorkflowStaticData('node') as TriggerState;
}

/**
 * Saves one event's new state. Only called after every read of the poll has succeeded: a poll that fails
 * half-way leaves the old state, so the next poll finds the same changes again, neither lost nor doubled.
 * The key is assigned as a whole, which is also what makes n8n notice the change and store it.
 */
export function commitState<K extends keyof TriggerState>(
	context: IPollFunctions,
	key: K,
	value: NonNullable<TriggerState[K]>,
): void {
	(context.getWorkflowStaticData('node') as IDataObject)[key] = value as IDataObject[keyof IDataObject];
}

export function sameStatuses(a: StatusMap, b: StatusMap): boolean {
	const keys = Object.keys(a);
	return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Drops what other events left behind: after the Event parameter was switched, their old state would
 * only be a stale baseline (switching back starts afresh instead) and weight in the workflow's data.
 */
export function forgetOtherEvents(context: IPollFunctions, keep: Array<keyof TriggerState>): void {
	const data = context.getWorkflowStaticData('node') as IDataObject;
	for (const key of ['goods', 'rooms', 'replayed', 'replayFilter'] as Array<keyof TriggerState>) {
		if (!keep.includes(key) && key in data) delete data[key];
	}
}

export interface StatusChange {
	id: number;
	/** null: the object was not there at the previous poll. */
	before: number | null;
	after: number;
}

/**
 * What changed between two polls. An object that is new since the last poll counts as a change only when
 * it is already past the status every such object starts in (a room created after the baseline is "Not
 * Started"; goods are "Not Submitted" or "Under Review"); objects gone since are forgotten silently.
 */
export function diffStatuses(
	previous: StatusMap,
	current: StatusMap,
	isStartingStatus: (status: number) => boolean,
): StatusChange[] {
	const changes: StatusChange[] = [];
	for (const [key, after] of Object.entries(current)) {
		const before = previous[key];
		if (before === undefined) {
			if (!isStartingStatus(after)) changes.push({ id: Number(key), before: null, after });
		} else if (before !== after) {
			changes.push({ id: Number(key), before, after });
		}
	}
	return changes.sort((a, b) => a.id - b.id);
}

/** A status code and its readable label, as the before/after of a change item. */
export function statusPair(
	codeField: string,
	code: number | null,
	labelOf: (code: number) => string,
): IDataObject {
	return {
		[codeField]: code,
		[`${codeField}_label`]: code === null ? 'Not Seen Before' : labelOf(code),
	};
}

/**
 * Between room IDs: commas, semicolons and spaces, as typed on an English keyboard or a Chinese one
 * (full-width ，；, the enumeration comma 、 and the ideographic space, which \s includes).
 */
const ROOM_ID_SEPARATORS = /[\s,;，、；]+/;

/** "1001, 1002", "1001，1002" or one ID a line → [1001, 1002]; anything that is not a whole number is refused by name. */
export function parseRoomIds(context: IPollFunctions, text: string): number[] {
	const parts = text
		.split(ROOM_ID_SEPARATORS)
		.map((part) => part.trim())
		.filter((part) => part !== '');
	const ids: number[] = [];
	for (const part of parts) {
		if (!/^\d+$/.test(part)) {
			throw new NodeOperationError(context.getNode(), t('Room IDs: "{value}" is not a room ID', { value: part }), {
				description: t(
					'Give room IDs as whole numbers separated by commas, e.g. "1001, 1002" (the `roomid` that Room → Get Many shows), or leave the field empty for every room.',
				),
			});
		}
		ids.push(Number(part));
	}
	return ids;
}

/** When a change was seen, in the workflow's zone like every time of the trigger's items. */
export function nowIso(context: IPollFunctions): string {
	return isoInZone(Date.now(), timeZoneOf(context));
}
