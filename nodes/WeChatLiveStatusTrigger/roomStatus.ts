import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { t } from '../shared/i18n/translate';
import { label, LIVE_STATUS } from '../shared/labels';
import { listRooms } from '../WeChatLive/transport/reads/rooms';
import type { StatusChange, StatusMap } from './state';
import { commitState, diffStatuses, nowIso, parseRoomIds, sameStatuses, stateOf, statusPair } from './state';
import { changedTo } from './target';

export const ROOM_STATUS_EVENT = 'roomStatus';

export type RoomTarget = 'any' | 'ended' | 'live' | 'paused';

/** live_status codes (docs/wechat-facts.md, "Room status"). */
export const LIVE = 101;
export const NOT_STARTED = 102;
export const ENDED = 103;
export const PAUSED = 105;

const TARGET_STATUS: Record<Exclude<RoomTarget, 'any'>, number> = { live: LIVE, ended: ENDED, paused: PAUSED };

const liveLabel = (code: number) => label(LIVE_STATUS, code);

/** Every room, newest start first (getliveinfo pages; WeChat has no filter by status or ID). */
export async function readRooms(this: IPollFunctions): Promise<IDataObject[]> {
	const rooms = await listRooms.call(this, { returnAll: true, limit: 0 });
	return rooms.sort((a, b) => Number(b.start_time) - Number(a.start_time) || Number(b.roomid) - Number(a.roomid));
}

export interface RoomFilter {
	/** The Room IDs parameter; empty for every room. */
	ids: number[];
	wanted: (room: IDataObject) => boolean;
}

/** The Room IDs filter: an empty list lets every room through. */
export function roomFilter(this: IPollFunctions): RoomFilter {
	const ids = parseRoomIds(this, String(this.getNodeParameter('roomIds', '') ?? ''));
	return { ids, wanted: (room) => ids.length === 0 || ids.includes(Number(room.roomid)) };
}

function changeItem(change: StatusChange, room: IDataObject, detectedAt: string): INodeExecutionData {
	return {
		json: {
			event: ROOM_STATUS_EVENT,
			roomId: change.id,
			before: statusPair('live_status', change.before, liveLabel),
			after: statusPair('live_status', change.after, liveLabel),
			room,
			detectedAt,
		},
	};
}

/**
 * Why a test run has no room to show. The status is the Changed To choice, whose name is the status's
 * label (it has its Chinese); lower case fits the English sentence, and Chinese has no case.
 */
function nothingToShow(target: RoomTarget, ids: number[]): string {
	const roomIds = ids.join(', ');
	if (target === 'any') {
		return ids.length === 0
			? t('There is nothing to show: WeChat lists no room')
			: t('There is nothing to show: WeChat lists none of the rooms {roomIds}', { roomIds });
	}
	const status = t(liveLabel(TARGET_STATUS[target])).toLowerCase();
	return ids.length === 0
		? t('There is nothing to show: WeChat lists no room that is {status}', { status })
		: t('There is nothing to show: none of the rooms {roomIds} is {status}', { roomIds, status });
}

const matches = (target: RoomTarget, status: number) => target === 'any' || TARGET_STATUS[target] === status;

/**
 * Room status changed. WeChat pushes no room status (docs/wechat-facts.md), so each poll lists
 * every room (getliveinfo) and compares live_status with the last poll. The state keeps every room, not
 * only the filtered ones, so changing the filters later does not make old changes look new.
 */
export async function pollRoomStatus(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const target: RoomTarget = changedTo(this, 'roomStatusTo', TARGET_STATUS);
	const { ids, wanted } = roomFilter.call(this);
	const rooms = await readRooms.call(this);

	if (this.getMode() === 'manual') {
		const room = rooms.find((r) => wanted(r) && matches(target, Number(r.live_status)));
		if (!room) {
			throw new NodeOperationError(this.getNode(), nothingToShow(target, ids), {
				description: t(
					'A test run shows the newest room the trigger would report. Check the Room IDs, or create a room (Room → Create); once the workflow is published, the trigger reports each status change as it happens.',
				),
			});
		}
		const status = Number(room.live_status);
		return [[changeItem({ id: Number(room.roomid), before: status, after: status }, room, nowIso(this))]];
	}

	const previous = stateOf(this).rooms;
	const current: StatusMap = {};
	const byId = new Map<number, IDataObject>();
	for (const room of rooms) {
		current[Number(room.roomid)] = Number(room.live_status);
		byId.set(Number(room.roomid), room);
	}
	if (!previous || !sameStatuses(previous, current)) commitState(this, 'rooms', current);
	// The first poll only learns where every room stands.
	if (!previous) return null;

	const detectedAt = nowIso(this);
	const items = diffStatuses(previous, current, (status) => status === NOT_STARTED)
		.filter((change) => matches(target, change.after))
		.map((change) => ({ change, room: byId.get(change.id) as IDataObject }))
		.filter(({ room }) => wanted(room))
		.map(({ change, room }) => changeItem(change, room, detectedAt));
	return items.length > 0 ? [items] : null;
}
