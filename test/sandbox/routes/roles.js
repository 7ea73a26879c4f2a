// Roles (成员管理): addrole / deleterole / getrolelist with WeChat's checks and errcodes 400001–400005
// (WeChat's pages: ../endpoints.js). Members live in state.roles as { username, nickname, openid, headingimg,
// roleList, updateTimestamp }; getrolelist shows usernames masked, as WeChat does.
const crypto = require('node:crypto');
const { fail, ok, missing, isInt } = require('./util');
const { nowSeconds } = require('../state');

/** Per-role caps (400003): 10 admins, 500 anchors, 500 operators. */
const LIMITS = { 1: 10, 2: 500, 3: 500 };
/** The sandbox's idea of a valid WeChat ID, the same one rooms.js applies to anchors. */
const WECHAT_ID = /^[A-Za-z][\w-]{3,39}$/;
/** Real-name verified unless the ID starts "unverified" (the convention of rooms.js). */
const isVerified = (username) => !/^unverified/i.test(username);

const findMember = (state, username) => state.roles.find((m) => m.username === username);
const mask = (username) => `${username.slice(0, 2)}****${username.slice(-2)}`;

/** Puts a member with roles straight into state (tests, demo data); returns the member. */
function addMember(state, { username, nickname = username, roles = [] }) {
	let member = findMember(state, username);
	if (!member) {
		const openid = `oSbxMember${crypto.createHash('sha1').update(username).digest('hex').slice(0, 18)}`;
		member = { username, nickname, openid, headingimg: `https://wx.qlogo.cn/mmhead/sandbox/${openid}/0`, roleList: [], updateTimestamp: '' };
		state.roles.push(member);
	}
	for (const role of roles) if (!member.roleList.includes(role)) member.roleList.push(role);
	member.roleList.sort((a, b) => a - b);
	member.updateTimestamp = String(nowSeconds(state));
	return member;
}

/** What addrole and deleterole both check first. */
function checkMemberBody(body) {
	const absent = missing(body, ['username', 'role']);
	if (absent) return absent;
	if (!isInt(body.role) || body.role < 0 || body.role > 3) return fail(200002, 'parameter role is invalid');
	if (typeof body.username !== 'string' || !WECHAT_ID.test(body.username)) return fail(400001, 'username invalid');
	return undefined;
}

function view(member) {
	const { username, ...rest } = member;
	return { ...rest, roleList: [...member.roleList], username: mask(username) };
}

module.exports = {
	roleAdd({ state, body }) {
		const invalid = checkMemberBody(body);
		if (invalid) return invalid;
		// "设置/删除超级管理员将无效": WeChat accepts the call and changes nothing.
		if (body.role === 0) return ok();
		if (body.role === 2 && !isVerified(body.username)) {
			return { ...fail(400002, 'username need realname authentication'), codeurl: 'https://res.wx.qq.com/op_res/sandbox-role-realname-qrcode' };
		}
		const member = findMember(state, body.username);
		if (member?.roleList.includes(body.role)) return fail(400004, 'role already exists');
		if (state.roles.filter((m) => m.roleList.includes(body.role)).length >= LIMITS[body.role]) {
			return fail(400003, 'role count reach limit');
		}
		addMember(state, { username: body.username, roles: [body.role] });
		return ok();
	},

	roleDelete({ state, body }) {
		const invalid = checkMemberBody(body);
		if (invalid) return invalid;
		if (body.role === 0) return ok();
		const member = findMember(state, body.username);
		if (body.role === 2 && member?.roleList.includes(2)) {
			const upcoming = [...state.rooms.values()].some((r) => r.anchorWechat === body.username && r.liveStatus === 102);
			if (upcoming) return fail(400005, 'anchor has rooms not started');
		}
		// WeChat documents no errcode for removing a role the member does not have: the sandbox accepts it.
		if (member) {
			member.roleList = member.roleList.filter((r) => r !== body.role);
			member.updateTimestamp = String(nowSeconds(state));
			if (member.roleList.length === 0) state.roles.splice(state.roles.indexOf(member), 1);
		}
		return ok();
	},

	roleList({ state, query }) {
		const number = (value, fallback) => (value === undefined || value === '' ? fallback : Number(value));
		const role = number(query.role, -1);
		const offset = number(query.offset, 0);
		const limit = number(query.limit, 10);
		if (!isInt(role) || role < -1 || role > 3) return fail(200002, 'parameter role is invalid');
		if (!isInt(offset) || offset < 0) return fail(200002, 'parameter offset is invalid');
		if (!isInt(limit) || limit < 1 || limit > 30) return fail(200002, 'parameter limit is invalid');
		const keyword = (query.keyword ?? '').toLowerCase();
		const members = state.roles.filter(
			(m) =>
				(role === -1 || m.roleList.includes(role)) &&
				(!keyword || m.username.toLowerCase().includes(keyword) || m.nickname.toLowerCase().includes(keyword)),
		);
		return ok({ total: members.length, list: members.slice(offset, offset + limit).map(view) });
	},

	addMember,
	control: {
		/** Members with their real (unmasked) WeChat IDs. */
		'GET /roles': ({ state }) => state.roles,
		/** { username, nickname?, roles: [1, 2, 3] } → the member, without WeChat's checks. */
		'POST /roles': ({ state, body }) => addMember(state, body),
	},
};
