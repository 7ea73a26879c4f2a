// Room Sub-Anchor → Add / Update / Delete / Get in a real n8n against the sandbox (format: README.md in this
// folder). Every case makes its own room: all setups share one sandbox.
const { sandboxRoom } = require('../../sandbox/fixtures');

const byId = (id) => ({ __rl: true, mode: 'id', value: String(id) });
const calls = (requests) => requests.filter((r) => r.endpoint !== 'stableToken');

/** A not-started room anchored by lin_anchor, with this sub-anchor ('' for none); returns its ID. */
function roomWithSubAnchor(sandbox, subAnchorWechat = '') {
	return sandboxRoom(sandbox, { name: 'E2E sub-anchor room', subAnchorWechat }).roomId;
}

const subAnchorOf = (sandbox, roomId) => sandbox.state.rooms.get(roomId).subAnchorWechat;

/** @type {import('./types').E2ECase[]} */
module.exports = [
	{
		title: 'Room Sub-Anchor → Add sets a second anchor',
		setup: (sandbox) => ({ roomId: roomWithSubAnchor(sandbox) }),
		parameters: (ctx) => ({ resource: 'roomSubAnchor', operation: 'add', roomId: byId(ctx.roomId), username: 'chen_anchor' }),
		check: ({ items, requests, sandbox, ctx }) => {
			const [request] = calls(requests);
			expect(request).toMatchObject({ endpoint: 'subAnchorAdd', method: 'POST', body: { roomId: ctx.roomId, username: 'chen_anchor' } });
			expect(request.contentType).toMatch(/^application\/json/);
			expect(items).toEqual([{ roomId: ctx.roomId, username: 'chen_anchor', added: true }]);
			expect(subAnchorOf(sandbox, ctx.roomId)).toBe('chen_anchor');
		},
	},
	{
		title: 'Room Sub-Anchor → Add explains that the room already has one (500003), under Continue On Fail',
		setup: (sandbox) => ({ roomId: roomWithSubAnchor(sandbox, 'chen_anchor') }),
		parameters: (ctx) => ({ resource: 'roomSubAnchor', operation: 'add', roomId: byId(ctx.roomId), username: 'wang_anchor' }),
		continueOnFail: true,
		check: ({ items, sandbox, ctx }) => {
			expect(items).toEqual([expect.objectContaining({ errcode: 500003, description: expect.stringMatching(/Room Sub-Anchor → Update/) })]);
			expect(subAnchorOf(sandbox, ctx.roomId)).toBe('chen_anchor');
		},
	},
	{
		title: 'Room Sub-Anchor → Update replaces the sub-anchor',
		setup: (sandbox) => ({ roomId: roomWithSubAnchor(sandbox, 'chen_anchor') }),
		parameters: (ctx) => ({ resource: 'roomSubAnchor', operation: 'update', roomId: byId(ctx.roomId), username: 'wang_anchor' }),
		check: ({ items, requests, sandbox, ctx }) => {
			expect(calls(requests).map((r) => [r.endpoint, r.method, r.body])).toEqual([
				['subAnchorModify', 'POST', { roomId: ctx.roomId, username: 'wang_anchor' }],
			]);
			expect(items).toEqual([{ roomId: ctx.roomId, username: 'wang_anchor', updated: true }]);
			expect(subAnchorOf(sandbox, ctx.roomId)).toBe('wang_anchor');
		},
	},
	{
		title: 'Room Sub-Anchor → Delete removes the sub-anchor',
		setup: (sandbox) => ({ roomId: roomWithSubAnchor(sandbox, 'chen_anchor') }),
		parameters: (ctx) => ({ resource: 'roomSubAnchor', operation: 'delete', roomId: byId(ctx.roomId) }),
		check: ({ items, requests, sandbox, ctx }) => {
			expect(calls(requests).map((r) => [r.endpoint, r.method, r.body])).toEqual([['subAnchorDelete', 'POST', { roomId: ctx.roomId }]]);
			expect(items).toEqual([{ roomId: ctx.roomId, deleted: true }]);
			expect(subAnchorOf(sandbox, ctx.roomId)).toBe('');
		},
	},
	{
		title: 'Room Sub-Anchor → Get reads the sub-anchor with a GET',
		setup: (sandbox) => ({ roomId: roomWithSubAnchor(sandbox, 'chen_anchor') }),
		parameters: (ctx) => ({ resource: 'roomSubAnchor', operation: 'get', roomId: byId(ctx.roomId) }),
		check: ({ items, requests, ctx }) => {
			const [request] = calls(requests);
			expect(request).toMatchObject({ endpoint: 'subAnchorGet', method: 'GET', query: { roomId: String(ctx.roomId) } });
			expect(items).toEqual([{ roomId: ctx.roomId, username: 'chen_anchor', hasSubAnchor: true }]);
		},
	},
	{
		title: 'Room Sub-Anchor → Add refuses an empty WeChat ID before calling WeChat',
		setup: (sandbox) => ({ roomId: roomWithSubAnchor(sandbox) }),
		parameters: (ctx) => ({ resource: 'roomSubAnchor', operation: 'add', roomId: byId(ctx.roomId), username: ' ' }),
		expectError: true,
		check: ({ requests, run }) => {
			expect(calls(requests)).toHaveLength(0);
			expect(JSON.stringify(run.error)).toMatch(/Sub-Anchor WeChat ID in item 1 is empty/);
		},
	},
];
