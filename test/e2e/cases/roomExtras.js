// Room → push URL, share code, replay and the four switches in a real n8n against the sandbox
// (format: README.md in this folder). Every case makes its own room: all setups share one sandbox.
const { sandboxRoom } = require('../../sandbox/fixtures');
const { addReplays } = require('../../sandbox/routes/roomSwitches');

const byId = (id) => ({ __rl: true, mode: 'id', value: String(id) });
const calls = (requests) => requests.filter((r) => r.endpoint !== 'stableToken');

/** A room in the sandbox, not started unless a status is given; returns the room object. */
function makeRoom(sandbox, liveStatus = 102) {
	const room = sandboxRoom(sandbox, { name: 'E2E room extras', type: 1 });
	room.liveStatus = liveStatus;
	return room;
}

const roomCase = (liveStatus) => (sandbox) => ({ roomId: makeRoom(sandbox, liveStatus).roomId });

/** A switch case: the body WeChat must receive and the output item, with the room's stored field. */
function switchCase(title, operation, uiSwitch, wire, liveStatus = 101) {
	return {
		title,
		setup: roomCase(liveStatus),
		parameters: (ctx) => ({ resource: 'room', operation, roomId: byId(ctx.roomId), ...uiSwitch }),
		check: ({ items, requests, sandbox, ctx }) => {
			const [request, ...others] = calls(requests);
			expect(others).toEqual([]);
			expect(request).toMatchObject({ method: 'POST', body: { roomId: ctx.roomId, ...wire } });
			expect(Object.keys(request.body).sort()).toEqual(['roomId', ...Object.keys(wire)].sort());
			expect(request.contentType).toMatch(/^application\/json/);
			expect(items).toEqual([{ roomId: ctx.roomId, ...wire, ...uiSwitch }]);
			const [field, value] = Object.entries(wire)[0];
			expect(sandbox.state.rooms.get(ctx.roomId)[field]).toBe(value);
		},
	};
}

/** @type {import('./types').E2ECase[]} */
module.exports = [
	{
		title: 'Room → Get Push URL gives the RTMP server and stream key',
		setup: roomCase(102),
		parameters: (ctx) => ({ resource: 'room', operation: 'getPushUrl', roomId: byId(ctx.roomId) }),
		check: ({ items, requests, ctx }) => {
			const [request] = calls(requests);
			expect(request).toMatchObject({ endpoint: 'roomGetPushUrl', method: 'GET', query: { roomId: String(ctx.roomId) } });
			expect(items).toEqual([
				{
					roomId: ctx.roomId,
					pushAddr: expect.stringMatching(/^rtmp:\/\/wxalivepush\.weixin\.qq\.com\/live\//),
					pushServer: 'rtmp://wxalivepush.weixin.qq.com/live/',
					streamKey: expect.stringContaining(`-${ctx.roomId}?txSecret=`),
				},
			]);
		},
	},
	{
		title: 'Room → Get Share Code sends key-value parameters as JSON, URL-encoded once by n8n',
		setup: roomCase(102),
		parameters: (ctx) => ({
			resource: 'room',
			operation: 'getShareCode',
			roomId: byId(ctx.roomId),
			paramsInput: 'keyValue',
			params: { parameter: [{ name: 'path', value: 'pages/index/index' }, { name: 'pid', value: '7' }] },
		}),
		check: ({ items, requests, ctx }) => {
			const [request] = calls(requests);
			expect(request).toMatchObject({ endpoint: 'roomGetSharedCode', method: 'GET' });
			// The query as the server decodes it: JSON text (a double encoding would leave %7B…).
			expect(request.query).toMatchObject({ roomId: String(ctx.roomId), params: '{"path":"pages/index/index","pid":"7"}' });
			expect(items).toEqual([
				{
					roomId: ctx.roomId,
					cdnUrl: expect.any(String),
					posterUrl: expect.any(String),
					pagePath: expect.stringContaining(`room_id=${ctx.roomId}&custom_params=${encodeURIComponent('{"path":"pages/index/index","pid":"7"}')}`),
				},
			]);
		},
	},
	{
		title: 'Room → Get Share Code takes the parameters as JSON from the input item',
		setup: roomCase(102),
		items: () => [{ share: { path: 'pages/live/index', pid: 42, from: '朋友圈' } }],
		parameters: (ctx) => ({
			resource: 'room',
			operation: 'getShareCode',
			roomId: byId(ctx.roomId),
			paramsInput: 'json',
			paramsJson: '={{ $json.share }}',
		}),
		check: ({ items, requests }) => {
			expect(calls(requests)[0].query.params).toBe('{"path":"pages/live/index","pid":42,"from":"朋友圈"}');
			expect(items).toHaveLength(1);
		},
	},
	{
		title: 'Room → Get Share Code refuses JSON that does not parse before calling WeChat',
		setup: roomCase(102),
		parameters: (ctx) => ({
			resource: 'room',
			operation: 'getShareCode',
			roomId: byId(ctx.roomId),
			paramsInput: 'json',
			paramsJson: '{ path: pages }',
		}),
		expectError: true,
		check: ({ requests, run }) => {
			expect(calls(requests)).toHaveLength(0);
			expect(JSON.stringify(run.error)).toMatch(/Parameters \(JSON\) in item 1 is not valid JSON/);
		},
	},
	{
		title: 'Room → Get Replay gives one item per replay segment',
		setup: (sandbox) => {
			const room = makeRoom(sandbox, 103);
			addReplays(sandbox.state, room, 3);
			return { roomId: room.roomId };
		},
		parameters: (ctx) => ({ resource: 'room', operation: 'getReplay', roomId: byId(ctx.roomId), returnAll: true }),
		check: ({ items, requests, ctx }) => {
			expect(calls(requests).map((r) => [r.endpoint, r.method, r.body])).toEqual([
				['getLiveInfo', 'POST', { action: 'get_replay', room_id: ctx.roomId, start: 0, limit: 100 }],
			]);
			expect(items).toHaveLength(3);
			expect(items[0]).toEqual({
				roomId: ctx.roomId,
				media_url: `https://replay.sandbox.invalid/${ctx.roomId}/1.m3u8`,
				create_time: expect.any(String),
				expire_time: expect.any(String),
				create_time_iso: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				expire_time_iso: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			});
		},
	},
	switchCase('Room → Set Feed Public keeps the room out of the official feeds', 'setFeedPublic', { enabled: false }, { isFeedsPublic: 0 }),
	switchCase('Room → Set Replay turns the replay on after the show (closeReplay 0)', 'setReplay', { enabled: true }, { closeReplay: 0 }, 103),
	switchCase('Room → Set Customer Service turns the button off (closeKf 1)', 'setCustomerService', { enabled: false }, { closeKf: 1 }),
	switchCase('Room → Set Comments mutes everyone, naming the room roomId', 'setComments', { muteAll: true }, { banComment: 1 }),
	{
		title: 'Room → Set Customer Service explains 300038 when none is configured, under Continue On Fail',
		setup: roomCase(102),
		parameters: (ctx) => ({ resource: 'room', operation: 'setCustomerService', roomId: byId(ctx.roomId), enabled: true }),
		continueOnFail: true,
		check: ({ items, requests, ctx }) => {
			expect(calls(requests)[0].body).toEqual({ roomId: ctx.roomId, closeKf: 0 });
			expect(items).toEqual([expect.objectContaining({ errcode: 300038, error: expect.stringMatching(/Customer service is not configured/) })]);
		},
	},
];
