import type { IDataObject } from 'n8n-workflow';

import { timeZoneOf, withReadableTimes } from '../../helpers/time';
import type { Page, PagingOptions } from '../../transport/paginate';
import { collectPages } from '../../transport/paginate';
import type { WeChatContext } from '../../transport/request';
import { EMPTY_LIST_ERRCODES } from '../../transport/errcodes';
import { weChatRequest } from '../../transport/request';

/** get_replay pages: like the room list, WeChat recommends at most 100 a page. */
export const REPLAY_PAGE_SIZE = 100;

/** One replay segment as WeChat lists it, with its room and readable times beside WeChat's own. */
export function replayItem(roomId: number, replay: IDataObject, timeZone: string): IDataObject {
	return withReadableTimes({ roomId, ...replay }, ['create_time', 'expire_time'], timeZone);
}

export async function fetchReplayPage(
	this: WeChatContext,
	roomId: number,
	start: number,
	limit: number,
	itemIndex?: number,
): Promise<Page> {
	// room_id is snake_case here, unlike every room write; 9410000 (or 1) is also the answer past the last page.
	const response = await weChatRequest.call(this, 'getLiveInfo', {
		body: { action: 'get_replay', room_id: roomId, start, limit },
		itemIndex,
		acceptErrcodes: EMPTY_LIST_ERRCODES,
	});
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
	return await collectPages((start, size) => fetchReplayPage.call(this, roomId, start, size, itemIndex), {
		...paging,
		pageSize: REPLAY_PAGE_SIZE,
	});
}
