// Room core operations in a real n8n (issue: foundation). Format: ./README.md.
const { sandboxRoom } = require('../../sandbox/fixtures');

const hoursFromNow = (h) => new Date(Date.now() + h * 3600e3).toISOString();
const seconds = (iso) => Math.floor(Date.parse(iso) / 1000);
const byId = (id) => ({ __rl: true, mode: 'id', value: String(id) });

/** The ID of a room that already exists in the sandbox, for the cases that read, edit or delete one. */
const existingRoom = (sandbox, name) => sandboxRoom(sandbox, { name }).roomId;

const createParameters = (sandbox, overrides = {}) => ({
	resource: 'room',
	operation: 'create',
	name: 'E2E evening tea show',
	startTime: hoursFromNow(30),
	endTime: hoursFromNow(32),
	anchorName: 'Anchor Lin',
	anchorWechat: 'lin_anchor',
	imageSource: 'url',
	coverImg: `${sandbox.url}/__fixtures/image.png?w=108&h=192`,
	shareImg: `${sandbox.url}/__fixtures/image.png?w=80&h=64`,
	feedsImg: `${sandbox.url}/__fixtures/image.png?w=80&h=80`,
	type: 1,
	closeLike: false,
	closeGoods: false,
	closeComment: true,
	additionalFields: { closeReplay: false },
	...overrides,
});

module.exports = [
	{
		title: 'Room → Create uploads the images from their URLs and creates the room',
		setup: (sandbox) => ({ parameters: createParameters(sandbox) }),
		parameters: (ctx) => ctx.parameters,
		check: ({ items, requests, ctx }) => {
			expect(requests.map((r) => r.endpoint)).toEqual(['mediaUpload', 'mediaUpload', 'mediaUpload', 'roomCreate']);
			const create = requests[3];
			expect(create.method).toBe('POST');
			expect(create.contentType).toMatch(/^application\/json/);
			expect(create.body).toMatchObject({
				name: 'E2E evening tea show',
				startTime: seconds(ctx.parameters.startTime),
				endTime: seconds(ctx.parameters.endTime),
				anchorWechat: 'lin_anchor',
				type: 1,
				closeComment: 1,
				closeLike: 0,
				closeReplay: 0,
			});
			expect(create.body.coverImg).toMatch(/^sbxmedia_/);
			expect(items).toEqual([expect.objectContaining({ roomId: expect.any(Number), name: 'E2E evening tea show' })]);
		},
	},
	{
		title: 'Room → Get Many lists every room with a readable status',
		setup: (sandbox) => ({ roomId: existingRoom(sandbox, 'E2E listed room') }),
		parameters: () => ({ resource: 'room', operation: 'getMany', returnAll: true }),
		check: ({ items, requests, ctx }) => {
			expect(requests.every((r) => r.endpoint === 'getLiveInfo')).toBe(true);
			expect(requests[0].body).toEqual({ start: 0, limit: 100 });
			expect(items).toEqual(
				expect.arrayContaining([expect.objectContaining({ roomid: ctx.roomId, live_status: 102, live_status_label: 'Not Started' })]),
			);
		},
	},
	{
		title: 'Room → Get finds one room by its ID',
		setup: (sandbox) => ({ roomId: existingRoom(sandbox, 'E2E room to get') }),
		parameters: (ctx) => ({ resource: 'room', operation: 'get', roomId: byId(ctx.roomId) }),
		check: ({ items, requests, ctx }) => {
			expect(requests.map((r) => r.endpoint)).toContain('getLiveInfo');
			expect(items).toEqual([expect.objectContaining({ roomid: ctx.roomId, name: 'E2E room to get' })]);
		},
	},
	{
		title: 'Room → Update replaces the room, sending its ID as WeChat’s "id"',
		setup: (sandbox) => ({
			roomId: existingRoom(sandbox, 'E2E room to edit'),
			parameters: createParameters(sandbox, { operation: 'update', name: '新品试饮直播间' }),
		}),
		parameters: (ctx) => ({ ...ctx.parameters, roomId: byId(ctx.roomId) }),
		check: ({ items, requests, sandbox, ctx }) => {
			const edit = requests.find((r) => r.endpoint === 'roomEdit');
			expect(edit.body).toMatchObject({ id: ctx.roomId, name: '新品试饮直播间' });
			expect(items).toEqual([expect.objectContaining({ roomId: ctx.roomId, updated: true })]);
			expect(sandbox.state.rooms.get(ctx.roomId).name).toBe('新品试饮直播间');
		},
	},
	{
		title: 'Room → Delete removes the room',
		setup: (sandbox) => ({ roomId: existingRoom(sandbox, 'E2E room to delete') }),
		parameters: (ctx) => ({ resource: 'room', operation: 'delete', roomId: byId(ctx.roomId) }),
		check: ({ items, requests, sandbox, ctx }) => {
			expect(requests.map((r) => r.endpoint)).toEqual(['roomDelete']);
			expect(requests[0].body).toEqual({ id: ctx.roomId });
			expect(items).toEqual([{ roomId: ctx.roomId, deleted: true }]);
			expect(sandbox.state.rooms.has(ctx.roomId)).toBe(false);
		},
	},
	{
		title: 'Room → Create refuses bad items before WeChat is called, and Continue On Fail lets the good one through',
		setup: (sandbox) => ({ parameters: createParameters(sandbox) }),
		parameters: (ctx) => ({
			...ctx.parameters,
			name: '={{ $json.name }}',
			startTime: '={{ $json.start }}',
			endTime: '={{ $json.end }}',
		}),
		items: () => [
			{ name: '直播', start: hoursFromNow(30), end: hoursFromNow(32) },
			{ name: 'E2E good room', start: hoursFromNow(30), end: hoursFromNow(32) },
			{ name: 'E2E past room', start: hoursFromNow(-1), end: hoursFromNow(1) },
			{ name: 'E2E short show', start: hoursFromNow(30), end: new Date(Date.now() + 30 * 3600e3 + 20 * 60e3).toISOString() },
		],
		continueOnFail: true,
		check: ({ items, requests }) => {
			expect(requests.filter((r) => r.endpoint === 'roomCreate').map((r) => r.body.name)).toEqual(['E2E good room']);
			expect(items).toHaveLength(4);
			expect(items[0].error).toMatch(/^Room Name in item 1 is too short: “直播” counts as 4 characters .*\.$/);
			expect(items[1]).toEqual(expect.objectContaining({ roomId: expect.any(Number), name: 'E2E good room' }));
			expect(items[2].error).toMatch(/^Start Time in item 3 .* \d+ minutes ago \(now is .*\); WeChat needs a start at least 10 minutes ahead\.$/);
			expect(items[3].error).toMatch(/^End Time in item 4 makes a show of 20 minutes/);
		},
	},
];
