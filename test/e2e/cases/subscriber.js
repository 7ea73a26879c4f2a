// Subscriber → Get Many / Push Message in a real n8n against the sandbox (format: README.md in this folder).
// All setups share one sandbox, and WeChat pushes one room a day: every push case uses the same live room.
const { createRoom } = require('../../sandbox/routes/rooms');
const { seedFollowers } = require('../../sandbox/routes/subscribers');

const liveRooms = new WeakMap();
/** The one live room of this sandbox that the push cases share. */
function liveRoom(sandbox) {
	if (!liveRooms.has(sandbox)) {
		const start = Math.floor(Date.now() / 1000) + 3600;
		const room = createRoom(sandbox.state, { name: 'E2E tea night', startTime: start, endTime: start + 7200, anchorName: 'Lin', anchorWechat: 'lin_anchor', type: 0 });
		room.liveStatus = 101;
		liveRooms.set(sandbox, room.roomId);
	}
	return liveRooms.get(sandbox);
}

const roomById = (id) => ({ __rl: true, mode: 'id', value: String(id) });
const calls = (requests, endpoint) => requests.filter((r) => r.endpoint === endpoint);
const pushParameters = (ctx, extra) => ({ resource: 'subscriber', operation: 'pushMessage', roomId: roomById(ctx.roomId), ...extra });

/** @type {import('./types').E2ECase[]} */
module.exports = [
	{
		title: 'Subscriber → Get Many returns every subscriber, following the page_break cursor 2,000 at a time',
		setup: (sandbox) => {
			seedFollowers(sandbox.state, { count: 2100, roomId: liveRoom(sandbox) });
			return {};
		},
		parameters: () => ({ resource: 'subscriber', operation: 'getMany', returnAll: true }),
		check: ({ items, requests, sandbox }) => {
			const total = sandbox.state.followers.length;
			expect(items).toHaveLength(total);
			const pages = calls(requests, 'followersGet');
			expect(pages).toHaveLength(Math.floor(total / 2000) + 1);
			expect(pages.map((r) => r.method)).toEqual(pages.map(() => 'POST'));
			expect(pages[0].body).toEqual({ limit: 2000 });
			expect(pages[1].body).toEqual({ limit: 2000, page_break: 2000 });
			expect(items[0]).toEqual(expect.objectContaining({ openid: sandbox.state.followers[0].openid, room_status_label: expect.any(String) }));
		},
	},
	{
		title: 'Subscriber → Get Many with a limit asks WeChat for no more than it needs',
		parameters: () => ({ resource: 'subscriber', operation: 'getMany', returnAll: false, limit: 5 }),
		check: ({ items, requests }) => {
			expect(calls(requests, 'followersGet').map((r) => r.body)).toEqual([{ limit: 5 }]);
			expect(items).toHaveLength(5);
		},
	},
	{
		title: 'Subscriber → Push Message merges the openid field of all input items into one call',
		setup: (sandbox) => ({ roomId: liveRoom(sandbox) }),
		parameters: (ctx) => pushParameters(ctx, { recipients: 'itemField', openidField: 'openid' }),
		items: () => [{ openid: 'oE2eAlice01' }, { openid: 'oE2eBob02' }, { openid: 'oE2eAlice01' }],
		check: ({ items, requests, sandbox, ctx }) => {
			const pushes = calls(requests, 'pushMessage');
			expect(pushes.map((r) => [r.method, r.body])).toEqual([['POST', { room_id: ctx.roomId, user_openid: ['oE2eAlice01', 'oE2eBob02'] }]]);
			const recorded = sandbox.state.pushes.find((p) => p.user_openid.includes('oE2eBob02'));
			expect(items).toEqual([{ message_id: recorded.message_id, room_id: ctx.roomId, total_count: 2, batch: 1, batches: 1 }]);
		},
	},
	{
		title: 'Subscriber → Push Message to all subscribers reads them first, then pushes 2,000 a call',
		setup: (sandbox) => ({ roomId: liveRoom(sandbox) }),
		parameters: (ctx) => pushParameters(ctx, { recipients: 'allSubscribers' }),
		check: ({ items, requests, sandbox }) => {
			const total = sandbox.state.followers.length;
			const sizes = calls(requests, 'pushMessage').map((r) => r.body.user_openid.length);
			expect(sizes.every((n) => n <= 2000)).toBe(true);
			expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
			expect(requests.findIndex((r) => r.endpoint === 'followersGet')).toBeLessThan(requests.findIndex((r) => r.endpoint === 'pushMessage'));
			expect(items.map((i) => i.total_count)).toEqual(sizes);
			expect(items.every((i) => typeof i.message_id === 'string' && i.message_id.length > 0)).toBe(true);
		},
	},
	{
		title: 'Subscriber → Push Message refuses an empty openid list before calling WeChat',
		setup: (sandbox) => ({ roomId: liveRoom(sandbox) }),
		parameters: (ctx) => pushParameters(ctx, { recipients: 'list', openids: ' , ' }),
		expectError: true,
		check: ({ requests, run }) => {
			expect(calls(requests, 'pushMessage')).toHaveLength(0);
			expect(JSON.stringify(run.error)).toMatch(/Openids in item 1 has no openids/);
		},
	},
];
