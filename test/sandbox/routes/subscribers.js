// Long-term subscription (长期订阅): get_wxa_followers with its page_break cursor, and push_message with
// WeChat's rules (api_pushmessage, api_getfollowers): ≤ 2,000 openids, the room must be live (9410006), one room a
// day (9410005). Subscribers live in state.followers; pushes are recorded in state.pushes.
const crypto = require('node:crypto');
const { fail, ok, isInt } = require('./util');
const { nowSeconds } = require('../state');
const { findRoom } = require('./rooms');

const DEFAULT_LIMIT = 200;
const MAX_LIMIT = 2000;
const MAX_OPENIDS = 2000;

/** "当日" is the Beijing date (UTC+8). */
const chinaDay = (state) => Math.floor((nowSeconds(state) + 8 * 3600) / 86400);

/**
 * Adds `count` subscribers who subscribed in `roomId`. Each gets a sequence number: page_break is the
 * last one a page returned, an opaque cursor like WeChat's (whose values look like timestamps).
 */
function seedFollowers(state, { count = 1, roomId = 0 } = {}) {
	const room = findRoom(state, roomId);
	const time = nowSeconds(state);
	const start = (state.followers.at(-1)?.seq ?? 0) + 1;
	const added = Array.from({ length: count }, (_, i) => ({
		seq: start + i,
		openid: `oSbxFollower${String(start + i).padStart(16, '0')}`,
		subscribe_time: time,
		room_id: Number(roomId),
		room_status: room?.liveStatus ?? 101,
	}));
	for (const follower of added) state.followers.push(follower);
	return added;
}

const view = ({ seq, ...follower }) => follower;

module.exports = {
	followersGet({ state, body }) {
		const limit = body.limit ?? DEFAULT_LIMIT;
		if (!isInt(limit) || limit < 1 || limit > MAX_LIMIT) return fail(200002, 'parameter limit is invalid');
		// The official sample sends 0 on the first page; the text says to leave it out.
		const after = body.page_break ?? 0;
		if (!isInt(after) || after < 0) return fail(200002, 'parameter page_break is invalid');
		const page = [];
		for (const follower of state.followers) {
			if (follower.seq <= after) continue;
			page.push(follower);
			if (page.length === limit) break;
		}
		return ok({ followers: page.map(view), page_break: page.at(-1)?.seq ?? after });
	},

	pushMessage({ state, body }) {
		if (!isInt(body.room_id)) return fail(200002, 'parameter room_id must no be null');
		const openids = body.user_openid;
		if (!Array.isArray(openids) || openids.length === 0) return fail(200002, 'parameter user_openid must no be null');
		if (openids.length > MAX_OPENIDS) return fail(200002, 'parameter user_openid size exceeds 2000');
		if (openids.some((o) => typeof o !== 'string' || o === '')) return fail(200002, 'parameter user_openid is invalid');
		const room = findRoom(state, body.room_id);
		if (!room || room.liveStatus !== 101) return fail(9410006, 'room is not living');
		const day = chinaDay(state);
		if (state.pushDay?.day === day && state.pushDay.roomId !== room.roomId) return fail(9410005, 'another room has been pushed today');
		state.pushDay = { day, roomId: room.roomId };
		// message_id: a 19-digit number, sent as a string (above 2^53, as in the push-result event sample).
		const message_id = `${Date.now()}${crypto.randomInt(100000, 999999)}`;
		state.pushes = state.pushes ?? [];
		state.pushes.push({ message_id, room_id: room.roomId, user_openid: [...openids], total_count: openids.length, at: nowSeconds(state) });
		return ok({ message_id });
	},

	seedFollowers,
	control: {
		/** { count, roomId } → { seeded, total }: bulk subscribers for tests and demos. */
		'POST /followers/seed': ({ state, body }) => {
			const count = Number(body.count ?? 1);
			if (!Number.isInteger(count) || count < 1) throw new Error('count must be a positive whole number');
			seedFollowers(state, { count, roomId: Number(body.roomId ?? 0) });
			return { seeded: count, total: state.followers.length };
		},
		'GET /followers': ({ state }) => state.followers.map(view),
		'GET /pushes': ({ state }) => state.pushes ?? [],
		/** As if a new Beijing day began: another room may be pushed (9410005 no longer applies). */
		'POST /pushes/new-day': ({ state }) => {
			state.pushDay = undefined;
			return { ok: true };
		},
	},
};
