// Rooms: create / getliveinfo / editroom / deleteroom, with WeChat's own checks and errcodes
// (WeChat's pages: ../endpoints.js; rules: docs/wechat-facts.md). The sandbox validates independently of the node, so the node's own
// checks are tested against it rather than against themselves.
const { fail, ok, weightedLength, missing, isInt } = require('./util');
const { nowSeconds } = require('../state');
const { mediaExists } = require('./media');

const MIN = 60;
const HOUR = 3600;
const SIX_MONTHS = 183 * 24 * HOUR;

/** Anchors that count as real-name verified in the sandbox: any ID except those starting "unverified". */
const isVerified = (wechatId) => !/^unverified/i.test(wechatId);

function checkTimes(state, startTime, endTime) {
	const now = nowSeconds(state);
	if (!isInt(startTime) || !isInt(endTime)) return fail(200002, 'parameter startTime or endTime is invalid');
	if (startTime < now + 10 * MIN || startTime > now + SIX_MONTHS) {
		return fail(200002, 'parameter startTime or endTime is invalid');
	}
	const length = endTime - startTime;
	if (length < 30 * MIN || length > 24 * HOUR) return fail(200002, 'parameter startTime or endTime is invalid');
	return undefined;
}

const bitFields = ['closeLike', 'closeGoods', 'closeComment', 'closeReplay', 'closeShare', 'closeKf', 'isFeedsPublic'];

/** What create and edit both check, in WeChat's order. */
function checkRoomFields(state, body) {
	const absent = missing(body, ['name', 'coverImg', 'startTime', 'endTime', 'anchorName', 'anchorWechat', 'shareImg', 'feedsImg']);
	if (absent) return absent;
	for (const f of ['closeLike', 'closeGoods', 'closeComment']) {
		if (body[f] === undefined) return fail(200002, `parameter ${f} must no be null`);
	}
	for (const f of bitFields) {
		if (body[f] !== undefined && body[f] !== 0 && body[f] !== 1) return fail(200002, `parameter ${f} is invalid`);
	}
	const nameLength = weightedLength(body.name);
	if (nameLength < 6 || nameLength > 34) return fail(300002, 'name length invalid');
	if (/[<>"\\]/.test(body.name)) return fail(300040, 'name contains invalid characters');
	const anchorLength = weightedLength(body.anchorName);
	if (anchorLength < 4 || anchorLength > 30) return fail(300034, 'anchorName length invalid');
	const times = checkTimes(state, body.startTime, body.endTime);
	if (times) return times;
	if (!mediaExists(state, body.coverImg)) return fail(300006, 'coverImg upload failed, media_id invalid');
	if (!mediaExists(state, body.shareImg)) return fail(300006, 'shareImg upload failed, media_id invalid');
	if (!mediaExists(state, body.feedsImg)) return fail(300037, 'feedsimg invalid');
	if (typeof body.anchorWechat !== 'string' || !/^[A-Za-z][\w-]{3,39}$/.test(body.anchorWechat)) {
		return fail(300030, 'anchorWechat invalid');
	}
	return undefined;
}

function findRoom(state, id) {
	return state.rooms.get(Number(id));
}

/** A room as getliveinfo lists it (snake_case, image URLs served by the sandbox). */
function roomView(room, baseUrl) {
	const url = (mediaId) => `${baseUrl}/__media/${mediaId}`;
	return {
		name: room.name,
		roomid: room.roomId,
		cover_img: url(room.coverImg),
		share_img: url(room.shareImg),
		live_status: room.liveStatus,
		start_time: room.startTime,
		end_time: room.endTime,
		anchor_name: room.anchorName,
		goods: room.goods.map((g) => ({ ...g })),
		live_type: room.type,
		close_like: room.closeLike,
		close_goods: room.closeGoods,
		close_comment: room.closeComment,
		close_kf: room.closeKf,
		close_replay: room.closeReplay,
		is_feeds_public: room.isFeedsPublic,
		creater_openid: room.createrWechat ? `o_creator_${room.createrWechat}` : '',
		feeds_img: url(room.feedsImg),
	};
}

function sortedRooms(state) {
	return [...state.rooms.values()].sort((a, b) => b.startTime - a.startTime || b.roomId - a.roomId);
}

function createRoom(state, body) {
	const room = {
		roomId: state.nextRoomId++,
		name: body.name,
		coverImg: body.coverImg,
		shareImg: body.shareImg,
		feedsImg: body.feedsImg,
		startTime: body.startTime,
		endTime: body.endTime,
		anchorName: body.anchorName,
		anchorWechat: body.anchorWechat,
		subAnchorWechat: body.subAnchorWechat ?? '',
		createrWechat: body.createrWechat ?? '',
		type: body.type,
		closeLike: body.closeLike,
		closeGoods: body.closeGoods,
		closeComment: body.closeComment,
		closeReplay: body.closeReplay ?? 1,
		closeShare: body.closeShare ?? 0,
		closeKf: body.closeKf ?? 1,
		isFeedsPublic: body.isFeedsPublic ?? 1,
		liveStatus: 102,
		goods: [],
		assistants: [],
		replays: [],
		banComment: 0,
	};
	state.rooms.set(room.roomId, room);
	return room;
}

module.exports = {
	roomCreate({ state, body }) {
		const invalid = checkRoomFields(state, body);
		if (invalid) return invalid;
		if (body.type !== 0 && body.type !== 1) return fail(200002, 'parameter type is invalid');
		if (body.subAnchorWechat !== undefined && !/^[A-Za-z][\w-]{3,39}$/.test(body.subAnchorWechat)) {
			return fail(300039, 'subAnchorWechat invalid');
		}
		if (body.createrWechat !== undefined && !/^[A-Za-z][\w-]{3,39}$/.test(body.createrWechat)) {
			return fail(300041, 'createrWechat invalid');
		}
		if (body.closeKf === 0 && !state.customerServiceConfigured) return fail(300038, 'kf not configured');
		if (!isVerified(body.anchorWechat)) {
			return {
				...fail(300036, 'anchorWechat has no realName, please open the codeUrl and scan the code for certification'),
				qrcode_url: 'https://res.wx.qq.com/op_res/sandbox-realname-qrcode',
			};
		}
		const room = createRoom(state, body);
		return ok({ roomId: room.roomId });
	},

	getLiveInfo({ state, body, baseUrl }) {
		if (!isInt(body.start) || !isInt(body.limit)) return fail(200002, 'parameter start or limit is invalid');
		if (body.action === 'get_replay') {
			const room = findRoom(state, body.room_id);
			if (!room) return fail(300022, 'room not exist');
			const replays = room.replays.slice(body.start, body.start + body.limit);
			return ok({ live_replay: replays, total: room.replays.length });
		}
		if (body.action !== undefined) return fail(200002, 'parameter action is invalid');
		const rooms = sortedRooms(state);
		if (rooms.length === 0 || body.start >= rooms.length) return fail(9410000, 'empty room list');
		const page = rooms.slice(body.start, body.start + Math.min(body.limit, 100));
		return ok({ room_info: page.map((r) => roomView(r, baseUrl)), total: rooms.length, live_replay: [] });
	},

	roomEdit({ state, body }) {
		if (!isInt(body.id)) return fail(200002, 'parameter id must no be null');
		const room = findRoom(state, body.id);
		if (!room) return fail(300022, 'room not exist');
		if (room.liveStatus !== 102) return fail(300023, 'room status intercepted');
		const invalid = checkRoomFields(state, body);
		if (invalid) return invalid;
		if (!isVerified(body.anchorWechat)) return fail(300036, 'anchorWechat has no realName');
		// Full replacement: optional switches fall back to WeChat's defaults when absent.
		Object.assign(room, {
			name: body.name,
			coverImg: body.coverImg,
			shareImg: body.shareImg,
			feedsImg: body.feedsImg,
			startTime: body.startTime,
			endTime: body.endTime,
			anchorName: body.anchorName,
			anchorWechat: body.anchorWechat,
			closeLike: body.closeLike,
			closeGoods: body.closeGoods,
			closeComment: body.closeComment,
			closeReplay: body.closeReplay ?? 1,
			closeShare: body.closeShare ?? 0,
			closeKf: body.closeKf ?? 1,
			isFeedsPublic: body.isFeedsPublic ?? 1,
		});
		return ok();
	},

	roomDelete({ state, body }) {
		if (!isInt(body.id)) return fail(200002, 'parameter id must no be null');
		const room = findRoom(state, body.id);
		if (!room) return fail(300022, 'room not exist');
		if (room.liveStatus === 101 || room.liveStatus === 105) return fail(300023, 'room status intercepted');
		state.rooms.delete(room.roomId);
		return ok();
	},

	// for other route files and tests
	createRoom,
	findRoom,
	roomView,
	checkTimes,
};
