// Sub-anchor (主播副号): add / modify / delete / get (WeChat's pages: ../endpoints.js). In the sandbox a WeChat ID
// is well-formed when it starts with a letter (else 500001) and real-name verified unless it starts
// "unverified" (500002), as for anchors in rooms.js.
const { fail, ok } = require('./util');
const { roomFor } = require('./roomSwitches');

const isWeChatId = (id) => typeof id === 'string' && /^[A-Za-z][\w-]{3,39}$/.test(id);

/** What add and modify both check about the new sub-anchor. */
function checkSubAnchor(room, username) {
	if (!isWeChatId(username)) return fail(500001, 'subAnchor invalid');
	if (/^unverified/i.test(username)) return fail(500002, 'subAnchor has no realName');
	if (username === room.anchorWechat) return fail(500005, 'subAnchor can not be the same as anchor');
	return undefined;
}

function roomAndUsername(state, body) {
	for (const f of ['roomId', 'username']) {
		if (body[f] === undefined || body[f] === null || body[f] === '') return { error: fail(200002, `parameter ${f} must no be null`) };
	}
	return roomFor(state, body.roomId);
}

module.exports = {
	subAnchorAdd({ state, body }) {
		const { room, error } = roomAndUsername(state, body);
		if (error) return error;
		const invalid = checkSubAnchor(room, body.username);
		if (invalid) return invalid;
		if (room.subAnchorWechat) {
			return room.subAnchorWechat === body.username ? fail(500004, 'subAnchor repeated') : fail(500003, 'subAnchor already set');
		}
		room.subAnchorWechat = body.username;
		return ok();
	},

	// Modifying a room that has no sub-anchor yet is undocumented; the sandbox sets it (docs/wechat-facts.md, "Sub-anchor").
	subAnchorModify({ state, body }) {
		const { room, error } = roomAndUsername(state, body);
		if (error) return error;
		if (room.subAnchorWechat === body.username) return fail(500004, 'subAnchor repeated');
		const invalid = checkSubAnchor(room, body.username);
		if (invalid) return invalid;
		room.subAnchorWechat = body.username;
		return ok();
	},

	subAnchorDelete({ state, body }) {
		const { room, error } = roomFor(state, body.roomId);
		if (error) return error;
		room.subAnchorWechat = '';
		return ok();
	},

	// WeChat's sample: {"username":"testwechat","errcode":0} (no errmsg). Without a sub-anchor: "" (not documented).
	subAnchorGet({ state, query }) {
		const { room, error } = roomFor(state, query.roomId, { fromQuery: true, anyStatus: true });
		if (error) return error;
		return { username: room.subAnchorWechat || '', errcode: 0 };
	},
};
