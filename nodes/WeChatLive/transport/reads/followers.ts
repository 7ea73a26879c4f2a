import type { IDataObject } from 'n8n-workflow';

import { label, LIVE_STATUS } from '../../../shared/labels';
import { timeZoneOf, withReadableTimes } from '../../../shared/time';
import type { WeChatContext } from '../request';
import { weChatRequest } from '../request';

/** get_wxa_followers returns at most 2,000 subscribers a call. */
export const FOLLOWER_PAGE_SIZE = 2000;

/** One subscriber as WeChat lists it, with a readable subscription time and status of their room. */
function followerItem(follower: IDataObject, timeZone: string): IDataObject {
	return withReadableTimes({ ...follower, room_status_label: label(LIVE_STATUS, follower.room_status) }, ['subscribe_time'], timeZone);
}

/**
 * Long-term subscribers, paged with WeChat's page_break cursor: left out on the first call, then the one
 * the previous page returned.
 */
export async function listFollowers(
	this: WeChatContext,
	paging: { returnAll: boolean; limit: number },
	itemIndex?: number,
): Promise<IDataObject[]> {
	const wanted = paging.returnAll ? Infinity : Math.max(0, paging.limit);
	const followers: IDataObject[] = [];
	let pageBreak: unknown;
	const timeZone = timeZoneOf(this);
	while (followers.length < wanted) {
		const limit = Math.min(FOLLOWER_PAGE_SIZE, wanted - followers.length);
		const body: IDataObject = pageBreak === undefined ? { limit } : { limit, page_break: pageBreak as number };
		const response = await weChatRequest.call(this, 'followersGet', { body, itemIndex });
		const page = (response.followers as IDataObject[] | undefined) ?? [];
		followers.push(...page.map((follower) => followerItem(follower, timeZone)));
		// WeChat documents no end-of-list signal: an empty or short page ends the list, and so does a cursor
		// that did not move (reading on would return the same page forever).
		if (page.length < limit || response.page_break === undefined || response.page_break === pageBreak) break;
		pageBreak = response.page_break;
	}
	return followers.slice(0, wanted);
}
