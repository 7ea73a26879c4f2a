import type { IDataObject } from 'n8n-workflow';

import type { Page, PagingOptions } from '../../transport/paginate';
import { collectPages } from '../../transport/paginate';
import type { WeChatContext } from '../../transport/request';
import { weChatRequest } from '../../transport/request';

/** get_replay pages: like the room list, WeChat recommends at most 100 a page. */
export const REPLAY_PAGE_SIZE = 100;

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

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

/** One replay segment as WeChat lists it, with its room and readable times beside WeChat's own. */
export function replayItem(roomId: number, replay: IDataObject): IDataObject {
	return {
		roomId,
		...replay,
		create_time_iso: weChatTimeToIso(replay.create_time),
		expire_time_iso: weChatTimeToIso(replay.expire_time),
	};
}

export async function fetchReplayPage(
	this: WeChatContext,
	roomId: number,
	start: number,
	limit: number,
	itemIndex?: number,
): Promise<Page> {
	// room_id is snake_case here, unlike every room write; 9410000 is also the answer past the last page.
	const response = await weChatRequest.call(this, 'getLiveInfo', {
		body: { action: 'get_replay', room_id: roomId, start, limit },
		itemIndex,
		acceptErrcodes: [9410000],
	});
	const replays = (response.live_replay as IDataObject[] | undefined) ?? [];
	return { items: replays.map((replay) => replayItem(roomId, replay)), total: response.total as number | undefined };
}

export async function listReplays(
	this: WeChatContext,
	roomId: number,
	paging: Omit<PagingOptions, 'pageSize'>,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await collectPages((start, size) => fetchReplayPage.call(this, roomId, start, size, itemIndex), {
		...paging,
		pageSize: REPLAY_PAGE_SIZE,
	});
}
