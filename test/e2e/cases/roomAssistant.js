// Room Assistant → Add / Update / Remove / Get Many in a real n8n against the sandbox (format: README.md in
// this folder). Every case makes its own room: all setups share one sandbox.
const { sandboxRoom } = require('../../sandbox/fixtures');

const byId = (id) => ({ __rl: true, mode: 'id', value: String(id) });
const calls = (requests) => requests.filter((r) => r.endpoint !== 'stableToken');
const ISO_WITH_OFFSET = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);

/** A not-started room with these [username, nickname] assistants; returns its ID. */
function roomWithAssistants(sandbox, assistants = []) {
	const room = sandboxRoom(sandbox, { name: 'E2E assistants room' });
	for (const [username, nickname] of assistants) {
		room.assistants.push({ username, nickname, timestamp: 1700000000, headimg: 'http://wx.qlogo.cn/x', alias: username, openid: `o_${username}` });
	}
	return room.roomId;
}

const assistantsOf = (sandbox, roomId) => sandbox.state.rooms.get(roomId).assistants.map((a) => [a.username, a.nickname]);

/** @type {import('./types').E2ECase[]} */
module.exports = [
	{
		title: 'Room Assistant → Add adds two assistants in one call, one output item each',
		setup: (sandbox) => ({ roomId: roomWithAssistants(sandbox) }),
		parameters: (ctx) => ({
			resource: 'roomAssistant',
			operation: 'add',
			roomId: byId(ctx.roomId),
			usersInput: 'fields',
			users: { user: [{ username: 'helper_mei', nickname: '小美' }, { username: 'helper_tom', nickname: 'Tom' }] },
		}),
		check: ({ items, requests, sandbox, ctx }) => {
			const [request] = calls(requests);
			expect(request).toMatchObject({ endpoint: 'assistantAdd', method: 'POST' });
			expect(request.body).toEqual({
				roomId: ctx.roomId,
				users: [
					{ username: 'helper_mei', nickname: '小美' },
					{ username: 'helper_tom', nickname: 'Tom' },
				],
			});
			expect(items).toEqual([
				{ roomId: ctx.roomId, username: 'helper_mei', nickname: '小美', added: true },
				{ roomId: ctx.roomId, username: 'helper_tom', nickname: 'Tom', added: true },
			]);
			expect(assistantsOf(sandbox, ctx.roomId)).toEqual([['helper_mei', '小美'], ['helper_tom', 'Tom']]);
		},
	},
	{
		title: 'Room Assistant → Add takes the assistants from the input item in an expression',
		setup: (sandbox) => ({ roomId: roomWithAssistants(sandbox) }),
		items: () => [{ helpers: [{ username: 'helper_li', nickname: '小李' }] }],
		parameters: (ctx) => ({
			resource: 'roomAssistant',
			operation: 'add',
			roomId: byId(ctx.roomId),
			usersInput: 'json',
			usersJson: '={{ $json.helpers }}',
		}),
		check: ({ items, requests, ctx }) => {
			expect(calls(requests)[0].body).toEqual({ roomId: ctx.roomId, users: [{ username: 'helper_li', nickname: '小李' }] });
			expect(items).toEqual([{ roomId: ctx.roomId, username: 'helper_li', nickname: '小李', added: true }]);
		},
	},
	{
		title: 'Room Assistant → Add refuses a nickname given as the WeChat ID before calling WeChat',
		setup: (sandbox) => ({ roomId: roomWithAssistants(sandbox) }),
		parameters: (ctx) => ({
			resource: 'roomAssistant',
			operation: 'add',
			roomId: byId(ctx.roomId),
			usersInput: 'fields',
			users: { user: [{ username: '小美 Mei', nickname: '小美' }] },
		}),
		expectError: true,
		check: ({ requests, run }) => {
			expect(calls(requests)).toHaveLength(0);
			expect(JSON.stringify(run.error)).toMatch(/WeChat ID of assistant 1 in item 1 is \\"小美 Mei\\", which is not a WeChat ID/);
		},
	},
	{
		title: 'Room Assistant → Update renames an assistant',
		setup: (sandbox) => ({ roomId: roomWithAssistants(sandbox, [['helper_mei', '小美']]) }),
		parameters: (ctx) => ({ resource: 'roomAssistant', operation: 'update', roomId: byId(ctx.roomId), username: 'helper_mei', nickname: '美美' }),
		check: ({ items, requests, sandbox, ctx }) => {
			expect(calls(requests).map((r) => [r.endpoint, r.method, r.body])).toEqual([
				['assistantModify', 'POST', { roomId: ctx.roomId, username: 'helper_mei', nickname: '美美' }],
			]);
			expect(items).toEqual([{ roomId: ctx.roomId, username: 'helper_mei', nickname: '美美', updated: true }]);
			expect(assistantsOf(sandbox, ctx.roomId)).toEqual([['helper_mei', '美美']]);
		},
	},
	{
		title: 'Room Assistant → Remove removes an assistant',
		setup: (sandbox) => ({ roomId: roomWithAssistants(sandbox, [['helper_mei', '小美'], ['helper_tom', 'Tom']]) }),
		parameters: (ctx) => ({ resource: 'roomAssistant', operation: 'remove', roomId: byId(ctx.roomId), username: 'helper_tom' }),
		check: ({ items, requests, sandbox, ctx }) => {
			expect(calls(requests).map((r) => [r.endpoint, r.method, r.body])).toEqual([
				['assistantRemove', 'POST', { roomId: ctx.roomId, username: 'helper_tom' }],
			]);
			expect(items).toEqual([{ roomId: ctx.roomId, username: 'helper_tom', removed: true }]);
			expect(assistantsOf(sandbox, ctx.roomId)).toEqual([['helper_mei', '小美']]);
		},
	},
	{
		title: 'Room Assistant → Get Many lists the assistants, one item each, up to the limit',
		setup: (sandbox) => ({ roomId: roomWithAssistants(sandbox, [['helper_mei', '小美'], ['helper_tom', 'Tom'], ['helper_li', '小李']]) }),
		parameters: (ctx) => ({ resource: 'roomAssistant', operation: 'getMany', roomId: byId(ctx.roomId), returnAll: false, limit: 2 }),
		check: ({ items, requests, ctx }) => {
			const [request, ...others] = calls(requests);
			expect(others).toEqual([]);
			expect(request).toMatchObject({ endpoint: 'assistantList', method: 'GET', query: { roomId: String(ctx.roomId) } });
			expect(items).toEqual([
				{ roomId: ctx.roomId, alias: 'helper_mei', nickname: '小美', openid: 'o_helper_mei', headimg: 'http://wx.qlogo.cn/x', timestamp: 1700000000, timestamp_iso: ISO_WITH_OFFSET },
				{ roomId: ctx.roomId, alias: 'helper_tom', nickname: 'Tom', openid: 'o_helper_tom', headimg: 'http://wx.qlogo.cn/x', timestamp: 1700000000, timestamp_iso: ISO_WITH_OFFSET },
			]);
			// In the workflow's time zone (here the instance's), the same instant as WeChat's Unix time.
			expect(items.map((i) => Date.parse(i.timestamp_iso))).toEqual([1700000000000, 1700000000000]);
		},
	},
];
