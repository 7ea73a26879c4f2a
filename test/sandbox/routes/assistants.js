// Room assistants (小助手): add / modify / remove / getassistantlist (WeChat's pages: ../endpoints.js).
const crypto = require('node:crypto');
const { fail, ok } = require('./util');
const { roomFor } = require('./roomSwitches');
const { nowSeconds } = require('../state');

/** getassistantlist's maxCount. */
const MAX_COUNT = 10;

/** WeChat IDs the sandbox knows: a well-formed ID, except those starting "unknown" (600002 找不到用户). */
const isWeChatId = (id) => typeof id === 'string' && /^[A-Za-z][\w-]{3,39}$/.test(id);
const userExists = (id) => isWeChatId(id) && !/^unknown/i.test(id);
const text = (v) => typeof v === 'string' && v.trim() !== '';

function assistantView(assistant) {
	const { timestamp, headimg, nickname, alias, openid } = assistant;
	return { timestamp, headimg, nickname, alias, openid };
}

function findAssistant(room, username) {
	return room.assistants.find((a) => a.username === username);
}

module.exports = {
	assistantAdd({ state, body, baseUrl }) {
		if (body.roomId === undefined) return fail(200002, 'parameter roomId must no be null');
		if (!Array.isArray(body.users) || body.users.length === 0) return fail(200002, 'parameter users must no be null');
		for (const user of body.users) {
			if (!user || !text(user.username)) return fail(200002, 'parameter username must no be null');
			if (!text(user.nickname)) return fail(200002, 'parameter nickname must no be null');
		}
		const { room, error } = roomFor(state, body.roomId);
		if (error) return error;
		const names = new Set();
		for (const user of body.users) {
			if (!userExists(user.username)) return fail(600002, `user ${user.username} not found`);
			if (findAssistant(room, user.username) || names.has(user.username)) return fail(600001, 'user already added as assistant');
			names.add(user.username);
		}
		if (room.assistants.length + body.users.length > MAX_COUNT) return fail(200002, `assistants exceed maxCount ${MAX_COUNT}`);
		for (const user of body.users) {
			room.assistants.push({
				username: user.username,
				nickname: user.nickname,
				timestamp: nowSeconds(state),
				headimg: `${baseUrl}/__fixtures/image.png?w=132&h=132`,
				alias: user.username,
				openid: `o_sbx_${crypto.createHash('md5').update(user.username).digest('base64url').slice(0, 20)}`,
			});
		}
		return ok();
	},

	assistantModify({ state, body }) {
		for (const f of ['roomId', 'username', 'nickname']) {
			if (body[f] === undefined || body[f] === '') return fail(200002, `parameter ${f} must no be null`);
		}
		const { room, error } = roomFor(state, body.roomId);
		if (error) return error;
		const assistant = findAssistant(room, body.username);
		if (!assistant) return fail(600002, `user ${body.username} not found`);
		assistant.nickname = body.nickname;
		assistant.timestamp = nowSeconds(state);
		return ok();
	},

	assistantRemove({ state, body }) {
		for (const f of ['roomId', 'username']) {
			if (body[f] === undefined || body[f] === '') return fail(200002, `parameter ${f} must no be null`);
		}
		const { room, error } = roomFor(state, body.roomId);
		if (error) return error;
		const assistant = findAssistant(room, body.username);
		if (!assistant) return fail(600002, `user ${body.username} not found`);
		room.assistants.splice(room.assistants.indexOf(assistant), 1);
		return ok();
	},

	// WeChat's sample answers without errmsg.
	assistantList({ state, query }) {
		const { room, error } = roomFor(state, query.roomId, { fromQuery: true, anyStatus: true });
		if (error) return error;
		return { list: room.assistants.map(assistantView), count: room.assistants.length, maxCount: MAX_COUNT, errcode: 0 };
	},

	MAX_COUNT,
};
