import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { LIVE_STATUS } from '../../shared/labels';
import { listRooms } from '../transport/reads/rooms';
import { resultName } from './resultName';

/** Rooms for the Room picker, newest first, searchable by name or ID. */
export async function searchRooms(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const rooms = await listRooms.call(this, { returnAll: false, limit: 300 });
	const needle = (filter ?? '').trim().toLowerCase();
	const results = rooms
		.filter((room) => !needle || String(room.name).toLowerCase().includes(needle) || String(room.roomid) === needle)
		.map((room) => ({
			name: resultName(room.name, room.roomid, LIVE_STATUS, room.live_status),
			value: String(room.roomid),
		}));
	return { results };
}

export { searchGoods } from './searchGoods';
