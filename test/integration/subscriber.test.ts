import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Sandbox as SandboxOf } from '../support/sandbox';
import { useSandbox } from '../support/sandbox';
import { CredentialStore, roomById, runNode } from '../support/executeContext';

const { createRoom } = require('../sandbox/routes/rooms');
const { seedFollowers } = require('../sandbox/routes/subscribers');

type Push = { message_id: string; room_id: number; user_openid: string[] };
type Sandbox = SandboxOf<{ followers: IDataObject[]; pushes?: Push[]; rooms: Map<number, IDataObject> }>;

let sandbox: Sandbox;
let store: CredentialStore;

useSandbox<Sandbox['state']>((started, credentials) => {
	sandbox = started;
	store = credentials;
});

/** A room in the given state (101 live, 102 not started); returns its ID. */
function room(liveStatus = 101): number {
	const start = Math.floor(Date.now() / 1000) + 3600;
	const created = createRoom(sandbox.state, { name: 'Tea night', startTime: start, endTime: start + 7200, anchorName: 'Lin', anchorWechat: 'lin_anchor', type: 0 });
	created.liveStatus = liveStatus;
	return created.roomId;
}

const getMany = (extra: IDataObject = {}) => ({ resource: 'subscriber', operation: 'getMany', returnAll: true, ...extra });
const push = (roomId: number | string, extra: IDataObject = {}) => ({
	resource: 'subscriber',
	operation: 'pushMessage',
	roomId: roomById(roomId),
	recipients: 'itemField',
	openidField: 'openid',
	...extra,
});
const openidItems = (openids: string[]): INodeExecutionData[] => openids.map((openid) => ({ json: { openid } }));
const sentSizes = () => sandbox.requests('pushMessage').map((r) => (r.body.user_openid as string[]).length);

describe('Subscriber → Get Many', () => {
	it('returns all 5,000 subscribers, one item each, in 3 requests that follow the page_break cursor', async () => {
		seedFollowers(sandbox.state, { count: 5000, roomId: room() });
		const items = await runNode({ parameters: getMany(), store, timeZone: 'Asia/Shanghai' });

		expect(items).toHaveLength(5000);
		const requests = sandbox.requests('followersGet');
		expect(requests.map((r) => [r.method, r.path])).toEqual(Array(3).fill(['POST', '/wxa/business/get_wxa_followers']));
		expect(requests.map((r) => r.body)).toEqual([{ limit: 2000 }, { limit: 2000, page_break: 2000 }, { limit: 2000, page_break: 4000 }]);
		expect(items[0].json).toEqual({
			openid: 'oSbxFollower0000000000000001',
			subscribe_time: expect.any(Number),
			subscribe_time_iso: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
			room_id: 1001,
			room_status: 101,
			room_status_label: 'Live',
		});
		expect(Date.parse(items[0].json.subscribe_time_iso as string) / 1000).toBe(items[0].json.subscribe_time);
		expect(new Set(items.map((i) => i.json.openid)).size).toBe(5000);
	});

	it('stops at the limit, asking only for what is missing', async () => {
		seedFollowers(sandbox.state, { count: 3000 });
		const items = await runNode({ parameters: getMany({ returnAll: false, limit: 2500 }), store });

		expect(items).toHaveLength(2500);
		expect(sandbox.requests('followersGet').map((r) => r.body)).toEqual([{ limit: 2000 }, { limit: 500, page_break: 2000 }]);
	});

	it('stops on an empty page when the list ends exactly at a page boundary', async () => {
		seedFollowers(sandbox.state, { count: 4000 });
		expect(await runNode({ parameters: getMany(), store })).toHaveLength(4000);
		expect(sandbox.requests('followersGet')).toHaveLength(3);
	});

	it('returns no items when nobody has subscribed', async () => {
		expect(await runNode({ parameters: getMany(), store })).toHaveLength(0);
	});
});

describe('Subscriber → Push Message', () => {
	it('pushes to 5,000 subscribers from Get Many in 3 calls of at most 2,000, returning each message_id', async () => {
		const roomId = room();
		seedFollowers(sandbox.state, { count: 5000, roomId });
		const subscribers = await runNode({ parameters: getMany(), store });
		sandbox.clearLog();

		const items = await runNode({ parameters: push(roomId), items: subscribers, store });

		expect(sentSizes()).toEqual([2000, 2000, 1000]);
		const requests = sandbox.requests('pushMessage');
		expect(requests[0]).toMatchObject({ method: 'POST', path: '/wxa/business/push_message' });
		expect(requests[0].body.room_id).toBe(roomId);
		const pushes = sandbox.state.pushes!;
		expect(items.map((i) => i.json)).toEqual(
			pushes.map((p, index) => ({ message_id: p.message_id, room_id: roomId, total_count: p.user_openid.length, batch: index + 1, batches: 3 })),
		);
		expect(pushes.flatMap((p) => p.user_openid)).toEqual(subscribers.map((s) => s.json.openid));
		// Each call's item is paired with the input items whose openids it carried.
		expect(items[1].pairedItem).toEqual(Array.from({ length: 2000 }, (_, i) => ({ item: 2000 + i })));
	});

	it('reads every subscriber first when told to push to all of them', async () => {
		const roomId = room();
		seedFollowers(sandbox.state, { count: 2500, roomId });
		const items = await runNode({ parameters: push(roomId, { recipients: 'allSubscribers' }), store });

		expect(sandbox.requests().filter((r) => r.endpoint !== 'stableToken').map((r) => r.endpoint)).toEqual([
			'followersGet',
			'followersGet',
			'pushMessage',
			'pushMessage',
		]);
		expect(sentSizes()).toEqual([2000, 500]);
		expect(items.map((i) => i.pairedItem)).toEqual([[{ item: 0 }], [{ item: 0 }]]);
	});

	it('takes a pasted list, split on commas and new lines, without duplicates', async () => {
		const roomId = room();
		const [item] = await runNode({
			parameters: push(roomId, { recipients: 'list', openids: 'oAlice01, oBob02\noCarol03，oAlice01\n' }),
			store,
		});

		expect(sandbox.requests('pushMessage')[0].body).toEqual({ room_id: roomId, user_openid: ['oAlice01', 'oBob02', 'oCarol03'] });
		expect(item.json).toMatchObject({ room_id: roomId, total_count: 3, message_id: sandbox.state.pushes![0].message_id });
	});

	it('merges the openids of all input items into one push per room', async () => {
		const roomId = room();
		const items = await runNode({
			parameters: push(roomId, { openidField: 'user.openids' }),
			items: [{ json: { user: { openids: ['oA1', 'oA2'] } } }, { json: { user: { openids: 'oB1\noA2' } } }],
			store,
		});

		expect(sandbox.requests('pushMessage').map((r) => r.body.user_openid)).toEqual([['oA1', 'oA2', 'oB1']]);
		expect(items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('explains that the room must be live (9410006)', async () => {
		const roomId = room(102);
		await expect(runNode({ parameters: push(roomId), items: openidItems(['oA1']), store })).rejects.toThrow(/The room is not live \(WeChat errcode 9410006\)/);
	});

	it('allows one room a day (9410005) until the sandbox starts a new day', async () => {
		const first = room();
		const second = room();
		await runNode({ parameters: push(first), items: openidItems(['oA1']), store });
		await expect(runNode({ parameters: push(second), items: openidItems(['oA1']), store })).rejects.toThrow(/WeChat errcode 9410005/);

		const reset = await fetch(`${sandbox.url}/__sandbox/pushes/new-day`, { method: 'POST' });
		expect(reset.status).toBe(200);
		const [item] = await runNode({ parameters: push(second), items: openidItems(['oA1']), store });
		expect(item.json.room_id).toBe(second);
		const recorded = (await (await fetch(`${sandbox.url}/__sandbox/pushes`)).json()) as Push[];
		expect(recorded.map((p) => p.room_id)).toEqual([first, second]);
	});

	it('names the calls already sent when a later one fails, so they are not pushed twice', async () => {
		const roomId = room();
		const openids = Array.from({ length: 5000 }, (_, i) => `oSub${i}`);
		sandbox.fault({ endpoint: 'pushMessage', after: 1, errcode: 45009 });

		await expect(runNode({ parameters: push(roomId), items: openidItems(openids), store })).rejects.toMatchObject({
			description: expect.stringMatching(new RegExp(`Already pushed in this run, do not resend: room ${roomId} batch 1 \\(message_id \\d+\\)\\.$`)),
		});
		expect(sentSizes()).toEqual([2000, 2000]); // the third call was never made
	});

	it('with Continue On Fail, a failed call becomes an error item carrying its openids, and the other calls go out', async () => {
		const roomId = room();
		const openids = Array.from({ length: 5000 }, (_, i) => `oSub${i}`);
		sandbox.fault({ endpoint: 'pushMessage', after: 1, errcode: 45009 });
		const items = await runNode({ parameters: push(roomId), items: openidItems(openids), store, continueOnFail: true });

		expect(items.map((i) => [i.json.batch, i.json.message_id ? 'pushed' : i.json.errcode])).toEqual([
			[1, 'pushed'],
			[2, 45009],
			[3, 'pushed'],
		]);
		expect(items[1].json.user_openid).toEqual(openids.slice(2000, 4000));
		expect(sandbox.state.pushes!.map((p) => p.user_openid.length)).toEqual([2000, 1000]);
	});

	it('with Continue On Fail, a bad item and a room that is not live become error items, and the rest is pushed', async () => {
		const live = room();
		const notLive = room(102);
		const rooms = [live, 0, notLive, live];
		const items = await runNode({
			parameters: (i) => push(rooms[i]),
			items: openidItems(['oA1', 'oB1', 'oC1', 'oD1']),
			store,
			continueOnFail: true,
		});

		expect(items.map((i) => [i.pairedItem, i.json.error ? 'error' : 'pushed'])).toEqual([
			[[{ item: 1 }], 'error'],
			[[{ item: 0 }, { item: 3 }], 'pushed'],
			[[{ item: 2 }], 'error'],
		]);
		expect(items[0].json.error).toMatch(/Room in item 2 must be a positive whole number, got "0"\./);
		expect(items[2].json).toMatchObject({ errcode: 9410006, room_id: notLive, batch: 1, user_openid: ['oC1'] });
	});
});

describe('bad input is refused before WeChat is called', () => {
	it.each([
		['no room', push(''), openidItems(['oA1']), /Room in item 1 must be a positive whole number, got ""\./],
		['an empty openid list', push(7, { recipients: 'list', openids: ' ,\n ' }), undefined, /Openids in item 1 has no openids\./],
		['something that is not an openid', push(7, { recipients: 'list', openids: 'oA1, {{name}}' }), undefined, /Openids in item 1 contains “\{\{name\}\}”, which is not an openid/],
		['an input item without the openid field', push(7), [{ json: { openid: 'oA1' } }, { json: { nickname: 'Lin' } }], /Openid Field in item 2 is “openid”, but the input item has no such field\./],
		['an openid field that is empty', push(7), [{ json: { openid: '' } }], /Field “openid” in item 1 has no openids\./],
	])('%s names the field, and no request reaches the sandbox', async (_story, parameters, items, message) => {
		await expect(runNode({ parameters, items, store })).rejects.toThrow(message);
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('checks every item before the first push', async () => {
		const roomId = room();
		await expect(runNode({ parameters: push(roomId), items: [...openidItems(['oA1', 'oB1']), { json: {} }], store })).rejects.toThrow(/ in item 3 /);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
