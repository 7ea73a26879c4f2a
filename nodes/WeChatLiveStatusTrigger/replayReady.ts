import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { t } from '../shared/i18n/translate';
import { fetchReplayPage, REPLAY_PAGE_SIZE } from '../WeChatLive/transport/reads/replays';
import { ENDED, readRooms, roomFilter } from './roomStatus';
import { commitState, nowIso, stateOf } from './state';

export const REPLAY_READY_EVENT = 'replayReady';

const DAY_SECONDS = 86400;

/** How many ended rooms a manual test run looks at for a sample, newest first. */
const SAMPLE_ROOMS = 10;

interface Replays {
	items: IDataObject[];
	total: number;
}

/** The first page of a room's replay. A replay not made yet, or a deleted room, is simply asked again later. */
async function fetchReplays(this: IPollFunctions, roomId: number): Promise<Replays> {
	const { items, total } = await fetchReplayPage.call(this, roomId, 0, REPLAY_PAGE_SIZE, { notYetAsEmpty: true });
	return { items, total: Math.max(Number(total ?? 0) || 0, items.length) };
}

function readyItem(room: IDataObject, replays: Replays, detectedAt: string): INodeExecutionData {
	return {
		json: {
			event: REPLAY_READY_EVENT,
			roomId: Number(room.roomid),
			replayCount: replays.total,
			replays: replays.items,
			room,
			detectedAt,
		},
	};
}

/** Why a test run has no replay to show, given how many ended rooms the Room IDs let through. */
function nothingToShow(endedRooms: number, ids: number[]): string {
	const roomIds = ids.join(', ');
	const count = Math.min(endedRooms, SAMPLE_ROOMS);
	if (endedRooms === 0) {
		return ids.length === 0
			? t('There is nothing to show: no room has ended')
			: t('There is nothing to show: none of the rooms {roomIds} has ended', { roomIds });
	}
	return ids.length === 0
		? t('There is nothing to show: none of the {count} most recently ended rooms has a replay', { count })
		: t('There is nothing to show: none of the {count} most recently ended rooms among rooms {roomIds} has a replay', { count, roomIds });
}

const isEnded = (room: IDataObject) => Number(room.live_status) === ENDED;

/**
 * Replay ready. WeChat makes the replay of a room about 10 minutes after it ends and says nothing
 * (docs/wechat-facts.md, "Replays"), so each poll lists the rooms and asks get_replay for every ended room
 * whose replay has not been seen yet. To bound the calls, only rooms whose planned end is within the last
 * N days are asked (end_time is WeChat's only end time; a room that ended early still has it in the
 * future, so it is asked from the moment it shows as ended), and a room is never asked again once its
 * replay was seen. Rooms the Room IDs filter leaves out are not asked at all; when a changed filter lets
 * one in, its replay (maybe days old) is recorded like at the baseline, not reported.
 */
export async function pollReplayReady(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const days = Number(this.getNodeParameter('endedWithinDays', 3));
	const { ids, wanted } = roomFilter.call(this);
	const rooms = await readRooms.call(this);

	if (this.getMode() === 'manual') {
		// Any ended room will do for a sample, not only recent ones; at most a few are asked.
		const ended = rooms.filter((room) => isEnded(room) && wanted(room));
		ended.sort((a, b) => Number(b.end_time) - Number(a.end_time));
		for (const room of ended.slice(0, SAMPLE_ROOMS)) {
			const replays = await fetchReplays.call(this, Number(room.roomid));
			if (replays.items.length > 0) return [[readyItem(room, replays, nowIso(this))]];
		}
		throw new NodeOperationError(this.getNode(), nothingToShow(ended.length, ids), {
			description: t(
				'A test run shows the newest ended room that has a replay. WeChat makes a replay only when replay is switched on for the room (Room → Set Replay), about 10 minutes after the room ends.',
			),
		});
	}

	const { replayed: previous, replayFilter: previousIds } = stateOf(this);
	const baseline = previous === undefined;
	const seen = new Set(previous ?? []);
	// A room the last poll's filter left out may have had its replay for days: like at the baseline, its
	// replay is only recorded. (Without a stored filter, state from an older version: the filter is as now.)
	const wasWanted = (roomId: number) =>
		previousIds === undefined || previousIds.length === 0 || previousIds.includes(roomId);
	const since = Math.floor(Date.now() / 1000) - days * DAY_SECONDS;
	const recent = rooms.filter((room) => isEnded(room) && Number(room.end_time) > since);

	const detectedAt = nowIso(this);
	const items: INodeExecutionData[] = [];
	for (const room of recent) {
		const roomId = Number(room.roomid);
		if (seen.has(roomId) || !wanted(room)) continue;
		const replays = await fetchReplays.call(this, roomId);
		if (replays.items.length === 0) continue;
		seen.add(roomId);
		// The first poll only learns which rooms already have their replay.
		if (!baseline && wasWanted(roomId)) items.push(readyItem(room, replays, detectedAt));
	}

	// Rooms that left the window are never asked again, so they need not be remembered either.
	const inWindow = new Set(recent.map((room) => Number(room.roomid)));
	const replayed = [...seen].filter((roomId) => inWindow.has(roomId)).sort((a, b) => a - b);
	if (baseline || replayed.join() !== previous.join()) commitState(this, 'replayed', replayed);
	const filter = [...new Set(ids)].sort((a, b) => a - b);
	if (previousIds === undefined || filter.join() !== previousIds.join()) commitState(this, 'replayFilter', filter);
	return items.length > 0 ? [items] : null;
}
