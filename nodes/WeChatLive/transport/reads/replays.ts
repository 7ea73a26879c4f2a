import type { IDataObject } from 'n8n-workflow';

import { timeZoneOf, withReadableTimes } from '../../../shared/time';
import { EMPTY_LIST_ERRCODES } from '../errcodes';
import type { Page, PagingOptions } from '../paginate';
import { collectPages } from '../paginate';
import type { WeChatContext } from '../request';
import { weChatRequest } from '../request';

/** get_replay pages: like the room list, WeChat recommends at most 100 a page. */
export const REPLAY_PAGE_SIZE = 100;

/** One replay segment as WeChat lists it, with its room and readable times beside WeChat's own. */
export function replayItem(roomId: number, replay: IDataObject, timeZone: string): IDataObject {
	return withReadableTimes({ roomId, ...replay }, ['create_time', 'expire_time'], timeZone);
}

/**
 * get_replay answers some cases with an errcode rather than a list: 9410000 or 1 "empty list" (also past
 * the last page), 9410003 "获取回放失败" (the replay cannot be read, e.g. not made yet), 300022 the room was
 * deleted since it was listed.
 */
const NOT_YET_ERRCODES = [...EMPTY_LIST_ERRCODES, 9410003, 300022];

export interface ReplayReadOptions {
	itemIndex?: number;
	/** 9410003 and 300022 read as no replay (yet) too, as a poller needs them, instead of failing the call. */
	notYetAsEmpty?: boolean;
}

export async function fetchReplayPage(
	this: WeChatContext,
	roomId: number,
	start: number,
	limit: number,
	{ itemIndex, notYetAsEmpty = false }: ReplayReadOptions = {},
): Promise<Page> {
	// room_id is snake_case here, unlike every room write.
	const response = await weChatRequest.call(this, 'getLiveInfo', {
		body: { action: 'get_replay', room_id: roomId, start, limit },
		itemIndex,
		acceptErrcodes: notYetAsEmpty ? NOT_YET_ERRCODES : EMPTY_LIST_ERRCODES,
	});
	if (Number(response.errcode ?? 0) !== 0) return { items: [], total: 0 };
	const replays = (response.live_replay as IDataObject[] | undefined) ?? [];
	const timeZone = timeZoneOf(this);
	return { items: replays.map((replay) => replayItem(roomId, replay, timeZone)), total: response.total as number | undefined };
}

export async function listReplays(
	this: WeChatContext,
	roomId: number,
	paging: Omit<PagingOptions, 'pageSize'>,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await collectPages((start, size) => fetchReplayPage.call(this, roomId, start, size, { itemIndex }), {
		...paging,
		pageSize: REPLAY_PAGE_SIZE,
	});
}
