// Room extras: push URL, share code and the four room switches (WeChat's pages: ../endpoints.js),
// plus replays for getliveinfo's get_replay (made with the control route, as WeChat makes them
// after a show ends). The room checks here are shared with assistants.js and subAnchors.js.
const crypto = require('node:crypto');
const { fail, ok, isInt } = require('./util');
const { findRoom } = require('./rooms');
const { nowSeconds } = require('../state');

/** States in which WeChat refuses changes to a room with 300023: ended, banned, abnormal, expired. */
const CLOSED = [103, 104, 106, 107];

/**
 * The room a call names, or WeChat's error: 200002 (or `invalidCode`) when the ID is absent or not a whole
 * number (from a JSON body it must be a number, from a query string digits), 300022 when unknown, 300023
 * when its state forbids the call (`allow` lists closed states this call accepts; `anyStatus` for reads).
 */
function roomFor(state, rawId, { fromQuery = false, allow = [], anyStatus = false, invalidCode = 200002 } = {}) {
	if (rawId === undefined || rawId === null || rawId === '') return { error: fail(invalidCode, 'parameter roomId must no be null') };
	const id = fromQuery ? (/^\d+$/.test(String(rawId)) ? Number(rawId) : undefined) : isInt(rawId) ? rawId : undefined;
	if (id === undefined) return { error: fail(invalidCode, 'parameter roomId is invalid') };
	const room = findRoom(state, id);
	if (!room) return { error: fail(300022, 'room not exist') };
	if (!anyStatus && CLOSED.includes(room.liveStatus) && !allow.includes(room.liveStatus)) {
		return { error: fail(300023, 'room status intercepted') };
	}
	return { room };
}

/** A 0/1 body field, as every room switch takes it. */
function checkBit(body, field) {
	if (body[field] === undefined || body[field] === null) return fail(200002, `parameter ${field} must no be null`);
	if (body[field] !== 0 && body[field] !== 1) return fail(200002, `parameter ${field} is invalid`);
	return undefined;
}

/** The four switches: check the room and the field, then store it on the room under the same name. */
function setSwitch(state, body, field, { roomId = body.roomId, allow = [], precondition } = {}) {
	const { room, error } = roomFor(state, roomId, { allow });
	if (error) return error;
	const invalid = checkBit(body, field);
	if (invalid) return invalid;
	const refused = precondition?.(state, body[field]);
	if (refused) return refused;
	room[field] = body[field];
	return ok();
}

function formatTime(seconds, format) {
	if (format === 'unix') return seconds;
	if (format === 'beijing') return new Date((seconds + 8 * 3600) * 1000).toISOString().slice(0, 19).replace('T', ' ');
	return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Replay segments of a room, as WeChat lists them about 10 minutes after a show. WeChat documents the two
 * times as strings of no stated format (SDK samples use Unix seconds), so `format` picks one:
 * 'iso' (default), 'unix' or 'beijing' ("YYYY-MM-DD HH:mm:ss").
 */
function addReplays(state, room, count = 1, format = 'iso') {
	const created = nowSeconds(state);
	for (let i = 0; i < count; i++) {
		const n = room.replays.length + 1;
		const at = created - (count - i) * 600;
		room.replays.push({
			expire_time: formatTime(at + 90 * 86400, format),
			create_time: formatTime(at, format),
			media_url: `https://replay.sandbox.invalid/${room.roomId}/${n}.m3u8`,
		});
	}
	return room.replays;
}

const PLUGIN_PAGE = 'plugin-private://wx2b03c6e691cd7370/pages/live-player-plugin';

module.exports = {
	roomGetPushUrl({ state, query }) {
		const { room, error } = roomFor(state, query.roomId, { fromQuery: true });
		if (error) return error;
		const secret = crypto.createHash('md5').update(`${state.app.appId}-${room.roomId}`).digest('hex');
		const txTime = (nowSeconds(state) + 86400).toString(16);
		return {
			pushAddr: `rtmp://wxalivepush.weixin.qq.com/live/${state.app.appId}-${room.roomId}?txSecret=${secret}&txTime=${txTime}`,
			errcode: 0,
		};
	},

	// params arrives URL-decoded: it must then be JSON text of an object (a doubly encoded value is not).
	roomGetSharedCode({ state, query, baseUrl }) {
		const { room, error } = roomFor(state, query.roomId, { fromQuery: true, invalidCode: 1001, allow: [103, 106] });
		if (error) return error;
		let customParams = '';
		if (query.params !== undefined) {
			let params;
			try {
				params = JSON.parse(query.params);
			} catch {
				return fail(1001, 'invalid params');
			}
			if (!params || typeof params !== 'object' || Array.isArray(params)) return fail(1001, 'invalid params');
			customParams = `&custom_params=${encodeURIComponent(query.params)}`;
		}
		return {
			errcode: 0,
			cdnUrl: `${baseUrl}/__fixtures/image.png?w=430&h=430`,
			pagePath: `${PLUGIN_PAGE}?room_id=${room.roomId}${customParams}`,
			posterUrl: `${baseUrl}/__fixtures/image.png?w=750&h=1334`,
		};
	},

	roomUpdateFeedPublic({ state, body }) {
		return setSwitch(state, body, 'isFeedsPublic');
	},

	// Replay is typically switched on after the show, so an ended room accepts it.
	roomUpdateReplay({ state, body }) {
		return setSwitch(state, body, 'closeReplay', { allow: [103] });
	},

	roomUpdateKf({ state, body }) {
		return setSwitch(state, body, 'closeKf', {
			precondition: (s, closeKf) => (closeKf === 0 && !s.customerServiceConfigured ? fail(300038, 'kf not configured') : undefined),
		});
	},

	// WeChat's table names the room "id", its example and every SDK "roomId": both are taken
	// (docs/wechat-facts.md, "Set Comments").
	roomUpdateComment({ state, body }) {
		return setSwitch(state, body, 'banComment', { roomId: body.roomId ?? body.id });
	},

	control: {
		/** { count = 1, format = 'iso' | 'unix' | 'beijing', endShow = true }: the show ends and its replay appears. */
		'POST /rooms/:id/replays': ({ state, params, body }) => {
			const room = findRoom(state, params.id);
			if (!room) throw new Error(`no room ${params.id}`);
			addReplays(state, room, Number(body.count ?? 1), body.format ?? 'iso');
			if (body.endShow !== false) room.liveStatus = 103;
			return { roomId: room.roomId, total: room.replays.length, live_status: room.liveStatus };
		},
	},

	// for other route files and tests
	roomFor,
	addReplays,
	CLOSED,
};
