import type { IDataObject } from 'n8n-workflow';

import { label, LIVE_STATUS } from '../../../shared/labels';
import { timeZoneOf, withReadableTimes } from '../../../shared/time';
import { withPrices } from '../../helpers/prices';
import { EMPTY_LIST_ERRCODES } from '../errcodes';
import type { Page, PagingOptions } from '../paginate';
import { collectPages } from '../paginate';
import type { WeChatContext } from '../request';
import { weChatRequest } from '../request';

/** getliveinfo pages: WeChat recommends at most 100 rooms a page. */
export const ROOM_PAGE_SIZE = 100;

/** getliveinfo's Unix times of a room. */
export const ROOM_TIME_FIELDS = ['start_time', 'end_time'];

/**
 * One room as WeChat lists it, with a readable status beside the code, readable start and end times
 * in the workflow's zone, and its goods' prices also in yuan (getliveinfo documents them in fen, unlike
 * the goods APIs).
 */
export function roomItem(room: IDataObject, timeZone: string): IDataObject {
	const goods = Array.isArray(room.goods) ? (room.goods as IDataObject[]).map((g) => withPrices(g, 'fen')) : room.goods;
	return withReadableTimes({ ...room, goods, live_status_label: label(LIVE_STATUS, room.live_status) }, ROOM_TIME_FIELDS, timeZone);
}

export async function fetchRoomPage(
	this: WeChatContext,
	start: number,
	limit: number,
	itemIndex?: number,
): Promise<Page> {
	// 9410000 "empty room list" is also WeChat's answer when start is past the last room; 1 "no room yet".
	const response = await weChatRequest.call(this, 'getLiveInfo', {
		body: { start, limit },
		itemIndex,
		acceptErrcodes: EMPTY_LIST_ERRCODES,
	});
	const rooms = (response.room_info as IDataObject[] | undefined) ?? [];
	const timeZone = timeZoneOf(this);
	return { items: rooms.map((room) => roomItem(room, timeZone)), total: response.total as number | undefined };
}

export async function listRooms(
	this: WeChatContext,
	paging: Omit<PagingOptions, 'pageSize'>,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await collectPages((start, size) => fetchRoomPage.call(this, start, size, itemIndex), {
		...paging,
		pageSize: ROOM_PAGE_SIZE,
	});
}
