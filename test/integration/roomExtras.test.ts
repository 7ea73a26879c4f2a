import type { IDataObject } from 'n8n-workflow';

import { weChatTimeToIso } from '../../nodes/shared/time';
import type { Sandbox as SandboxOf } from '../support/sandbox';
import { sandboxRoom, useSandbox } from '../support/sandbox';
import { CredentialStore, roomById, runNode } from '../support/executeContext';


type Sandbox = SandboxOf<IDataObject & { rooms: Map<number, IDataObject> }>;

let sandbox: Sandbox;
let store: CredentialStore;

useSandbox<Sandbox['state']>((started, credentials) => {
	sandbox = started;
	store = credentials;
});

/** A push-stream room (IDs from 1001) in the given live status. */
function makeRoom(liveStatus = 102): IDataObject {
	const room = sandboxRoom(sandbox, { type: 1 });
	room.liveStatus = liveStatus;
	return room;
}

const room = (id = 1001) => sandbox.state.rooms.get(id) as IDataObject;

async function control(path: string, body: IDataObject): Promise<IDataObject> {
	const response = await fetch(`${sandbox.url}/__sandbox${path}`, { method: 'POST', body: JSON.stringify(body) });
	return (await response.json()) as IDataObject;
}

async function refusedBeforeWeChat(parameters: IDataObject, message: RegExp | string) {
	await expect(runNode({ parameters, store })).rejects.toThrow(message);
	expect(sandbox.requests()).toHaveLength(0);
}

describe('Room → Get Push URL', () => {
	it('gives OBS the server and the stream key of tonight’s push-stream room', async () => {
		makeRoom();
		const [item] = await runNode({ parameters: { resource: 'room', operation: 'getPushUrl', roomId: roomById(1001) }, store });

		const [request] = sandbox.requests('roomGetPushUrl');
		expect(request).toMatchObject({ method: 'GET', path: '/wxaapi/broadcast/room/getpushurl', body: {} });
		expect(request.query).toMatchObject({ roomId: '1001' });
		expect(item.json).toEqual({
			roomId: 1001,
			pushAddr: expect.stringMatching(/^rtmp:\/\/wxalivepush\.weixin\.qq\.com\/live\/\S+\?txSecret=/),
			pushServer: 'rtmp://wxalivepush.weixin.qq.com/live/',
			streamKey: expect.stringMatching(new RegExp(`^${sandbox.app.appId}-1001\\?txSecret=[0-9a-f]+&txTime=`)),
		});
		expect(`${item.json.pushServer}${item.json.streamKey}`).toBe(item.json.pushAddr);
	});

	it('says plainly that a room does not exist (300022)', async () => {
		await expect(
			runNode({ parameters: { resource: 'room', operation: 'getPushUrl', roomId: roomById(4242) }, store }),
		).rejects.toThrow('This room does not exist (WeChat errcode 300022)');
	});

	it('explains an ended room under Continue On Fail (300023), keeping WeChat’s code', async () => {
		makeRoom(103);
		const [item] = await runNode({
			parameters: { resource: 'room', operation: 'getPushUrl', roomId: roomById(1001) },
			store,
			continueOnFail: true,
		});
		expect(item.json).toMatchObject({ errcode: 300023, error: expect.stringMatching(/status does not allow/) });
	});
});

describe('Room → Get Share Code', () => {
	const shareCode = (extra: IDataObject = {}) => ({
		resource: 'room',
		operation: 'getShareCode',
		roomId: roomById(1001),
		paramsInput: 'none',
		...extra,
	});

	it('gets the QR code, poster and plugin path without custom parameters', async () => {
		makeRoom();
		const [item] = await runNode({ parameters: shareCode(), store });

		const [request] = sandbox.requests('roomGetSharedCode');
		expect(request).toMatchObject({ method: 'GET', path: '/wxaapi/broadcast/room/getsharedcode' });
		expect(Object.keys(request.query).sort()).toEqual(['access_token', 'roomId']);
		expect(item.json).toEqual({
			roomId: 1001,
			cdnUrl: expect.stringContaining('/__fixtures/image.png'),
			pagePath: 'plugin-private://wx2b03c6e691cd7370/pages/live-player-plugin?room_id=1001',
			posterUrl: expect.any(String),
		});
	});

	it('sends key-value parameters as JSON, URL-encoded once, so the mini program gets them back', async () => {
		makeRoom();
		const [item] = await runNode({
			parameters: shareCode({
				paramsInput: 'keyValue',
				params: { parameter: [{ name: 'path', value: 'pages/index/index' }, { name: 'pid', value: '7' }] },
			}),
			store,
		});

		// The log holds the query as WeChat decodes it: JSON text, not %7B… (which a second encoding would leave).
		const json = '{"path":"pages/index/index","pid":"7"}';
		expect(sandbox.requests('roomGetSharedCode')[0].query.params).toBe(json);
		expect(item.json.pagePath).toBe(
			`plugin-private://wx2b03c6e691cd7370/pages/live-player-plugin?room_id=1001&custom_params=${encodeURIComponent(json)}`,
		);
	});

	it.each([
		['JSON text', '{ "path": "pages/live/index", "pid": 1, "from": "朋友圈" }'],
		['an object from an expression', { path: 'pages/live/index', pid: 1, from: '朋友圈' }],
	])('keeps numbers and Chinese text of parameters given as %s', async (_how, paramsJson) => {
		makeRoom();
		await runNode({ parameters: shareCode({ paramsInput: 'json', paramsJson }), store });
		expect(sandbox.requests('roomGetSharedCode')[0].query.params).toBe('{"path":"pages/live/index","pid":1,"from":"朋友圈"}');
	});

	it.each([
		['JSON that does not parse', { paramsInput: 'json', paramsJson: '{ path: pages }' }, /Parameters \(JSON\) in item 1 is not valid JSON/],
		['a JSON list', { paramsInput: 'json', paramsJson: '[1, 2]' }, /Parameters \(JSON\) in item 1 is a list, but must be one JSON object/],
		['an empty JSON object', { paramsInput: 'json', paramsJson: '{}' }, /Parameters \(JSON\) in item 1 is an empty object/],
		['no key-value pair', { paramsInput: 'keyValue', params: {} }, /Parameters in item 1 has no parameter/],
		['a pair without a name', { paramsInput: 'keyValue', params: { parameter: [{ name: ' ', value: 'x' }] } }, /Parameters in item 1 has a parameter without a name/],
		['the same name twice', { paramsInput: 'keyValue', params: { parameter: [{ name: 'pid', value: '1' }, { name: 'pid', value: '2' }] } }, /has the parameter “pid” twice/],
		['parameters longer than the plugin keeps', { paramsInput: 'json', paramsJson: { note: '直播'.repeat(60) } }, /Parameters \(JSON\) in item 1 is \d+ characters long once URL-encoded, more than the 600/],
	])('refuses %s before WeChat is called', async (_story, extra, message) => {
		makeRoom();
		await refusedBeforeWeChat(shareCode(extra), message);
	});
});

describe('Room → Get Replay', () => {
	const getReplay = (extra: IDataObject = {}) => ({
		resource: 'room',
		operation: 'getReplay',
		roomId: roomById(1001),
		returnAll: true,
		...extra,
	});

	it('exports every one of 230 replay segments, paging 100 at a time, with readable times', async () => {
		makeRoom(101);
		expect(await control('/rooms/1001/replays', { count: 230 })).toEqual({ roomId: 1001, total: 230, live_status: 103 });

		const items = await runNode({ parameters: getReplay(), store, timeZone: 'Asia/Shanghai' });

		expect(items).toHaveLength(230);
		const requests = sandbox.requests('getLiveInfo');
		expect(requests.every((r) => r.method === 'POST' && r.path === '/wxa/business/getliveinfo')).toBe(true);
		expect(requests.map((r) => r.body)).toEqual([
			{ action: 'get_replay', room_id: 1001, start: 0, limit: 100 },
			{ action: 'get_replay', room_id: 1001, start: 100, limit: 100 },
			{ action: 'get_replay', room_id: 1001, start: 200, limit: 100 },
		]);
		const first = items[0].json;
		expect(first).toEqual({
			roomId: 1001,
			media_url: 'https://replay.sandbox.invalid/1001/1.m3u8',
			create_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
			expire_time: expect.any(String),
			create_time_iso: expect.stringMatching(/\+08:00$/),
			expire_time_iso: expect.stringMatching(/\+08:00$/),
		});
		expect(Date.parse(first.create_time_iso as string)).toBe(Date.parse(first.create_time as string));
		expect(Date.parse(first.expire_time_iso as string)).toBe(Date.parse(first.expire_time as string));
	});

	it('asks WeChat only for the segments wanted under a limit', async () => {
		makeRoom(103);
		await control('/rooms/1001/replays', { count: 12 });
		const items = await runNode({ parameters: getReplay({ returnAll: false, limit: 5 }), store });

		expect(items).toHaveLength(5);
		expect(sandbox.requests('getLiveInfo').map((r) => r.body)).toEqual([{ action: 'get_replay', room_id: 1001, start: 0, limit: 5 }]);
	});

	it('reads times given as Unix seconds as well', async () => {
		makeRoom(103);
		await control('/rooms/1001/replays', { count: 1, format: 'unix' });
		const [item] = await runNode({ parameters: getReplay(), store, timeZone: 'America/Los_Angeles' });

		expect(typeof item.json.create_time).toBe('number');
		expect(item.json.create_time_iso).toMatch(/-0[78]:00$/);
		expect(Date.parse(item.json.create_time_iso as string) / 1000).toBe(item.json.create_time);
	});

	it('returns no items, not an error, before WeChat has made the replay', async () => {
		makeRoom(103);
		expect(await runNode({ parameters: getReplay(), store })).toHaveLength(0);
	});

	it('says plainly that a room does not exist (300022)', async () => {
		await expect(runNode({ parameters: getReplay(), store })).rejects.toThrow(/This room does not exist/);
	});

	it.each([
		['Unix seconds', 1700000000, '2023-11-15T06:13:20+08:00'],
		['Unix seconds as text', '1700000000', '2023-11-15T06:13:20+08:00'],
		['Unix milliseconds', 1700000000123, '2023-11-15T06:13:20+08:00'],
		['ISO 8601', '2023-11-14T22:13:20Z', '2023-11-15T06:13:20+08:00'],
		['Beijing time without a zone', '2023-11-15 06:13:20', '2023-11-15T06:13:20+08:00'],
		['0, as in SDK samples', 0, null],
		['an empty string', '', null],
		['text that is no time', 'soon', null],
	])('parses a replay time given as %s leniently', (_format, value, iso) => {
		expect(weChatTimeToIso(value, 'Asia/Shanghai')).toBe(iso);
	});
});

describe('Room switches', () => {
	const cases: Array<[string, string, IDataObject, string, string, IDataObject]> = [
		['includes a room in the official feeds', 'setFeedPublic', { enabled: true }, 'roomUpdateFeedPublic', '/wxaapi/broadcast/room/updatefeedpublic', { isFeedsPublic: 1 }],
		['keeps a room out of the official feeds', 'setFeedPublic', { enabled: false }, 'roomUpdateFeedPublic', '/wxaapi/broadcast/room/updatefeedpublic', { isFeedsPublic: 0 }],
		['turns the replay on (closeReplay 0)', 'setReplay', { enabled: true }, 'roomUpdateReplay', '/wxaapi/broadcast/room/updatereplay', { closeReplay: 0 }],
		['turns the replay off (closeReplay 1)', 'setReplay', { enabled: false }, 'roomUpdateReplay', '/wxaapi/broadcast/room/updatereplay', { closeReplay: 1 }],
		['turns customer service off (closeKf 1)', 'setCustomerService', { enabled: false }, 'roomUpdateKf', '/wxaapi/broadcast/room/updatekf', { closeKf: 1 }],
		['mutes all comments, naming the room roomId', 'setComments', { muteAll: true }, 'roomUpdateComment', '/wxaapi/broadcast/room/updatecomment', { banComment: 1 }],
		['allows comments again', 'setComments', { muteAll: false }, 'roomUpdateComment', '/wxaapi/broadcast/room/updatecomment', { banComment: 0 }],
	];

	it.each(cases)('%s', async (_story, operation, switchValue, endpoint, path, wire) => {
		makeRoom(101);
		const [item] = await runNode({ parameters: { resource: 'room', operation, roomId: roomById(1001), ...switchValue }, store });

		const [request] = sandbox.requests(endpoint);
		expect(request).toMatchObject({ method: 'POST', path });
		expect(request.contentType).toMatch(/^application\/json/);
		expect(request.body).toEqual({ roomId: 1001, ...wire });
		expect(item.json).toEqual({ roomId: 1001, ...wire, ...switchValue });
		const [field, value] = Object.entries(wire)[0];
		expect(room()[field]).toBe(value);
	});

	it('turns customer service on once it is configured in the MP console (closeKf 0)', async () => {
		makeRoom();
		sandbox.state.customerServiceConfigured = true;
		const [item] = await runNode({ parameters: { resource: 'room', operation: 'setCustomerService', roomId: roomById(1001), enabled: true }, store });

		expect(sandbox.requests('roomUpdateKf')[0].body).toEqual({ roomId: 1001, closeKf: 0 });
		expect(item.json).toEqual({ roomId: 1001, closeKf: 0, enabled: true });
	});

	it('explains that customer service must be configured first (300038)', async () => {
		makeRoom();
		await expect(
			runNode({ parameters: { resource: 'room', operation: 'setCustomerService', roomId: roomById(1001), enabled: true }, store }),
		).rejects.toThrow('Customer service is not configured for this mini program (WeChat errcode 300038)');
		expect(room().closeKf).toBe(1);
	});

	it('turns the replay on after the show, and Room → Get shows it', async () => {
		makeRoom(103);
		await runNode({ parameters: { resource: 'room', operation: 'setReplay', roomId: roomById(1001), enabled: true }, store });
		const [got] = await runNode({ parameters: { resource: 'room', operation: 'get', roomId: roomById(1001) }, store });
		expect(got.json.close_replay).toBe(0);
	});

	it('refuses to mute an ended show with WeChat’s 300023', async () => {
		makeRoom(103);
		await expect(
			runNode({ parameters: { resource: 'room', operation: 'setComments', roomId: roomById(1001), muteAll: true }, store }),
		).rejects.toThrow(/status does not allow this operation \(WeChat errcode 300023\)/);
	});

	it('takes a switch from an expression as "false" or 0, and refuses anything else before WeChat is called', async () => {
		makeRoom(101);
		const [item] = await runNode({ parameters: { resource: 'room', operation: 'setComments', roomId: roomById(1001), muteAll: 'false' }, store });
		expect(item.json).toEqual({ roomId: 1001, banComment: 0, muteAll: false });
		const [replay] = await runNode({ parameters: { resource: 'room', operation: 'setReplay', roomId: roomById(1001), enabled: 0 }, store });
		expect(replay.json).toEqual({ roomId: 1001, closeReplay: 1, enabled: false });

		sandbox.clearLog();
		await refusedBeforeWeChat(
			{ resource: 'room', operation: 'setReplay', roomId: roomById(1001), enabled: 'maybe' },
			'Enabled in item 1 must be true or false, got "maybe".',
		);
	});
});

describe('a room ID that is not a positive whole number is refused before WeChat is called', () => {
	const operations: IDataObject[] = [
		{ operation: 'getPushUrl' },
		{ operation: 'getShareCode', paramsInput: 'none' },
		{ operation: 'getReplay', returnAll: true },
		{ operation: 'setFeedPublic', enabled: true },
		{ operation: 'setReplay', enabled: true },
		{ operation: 'setCustomerService', enabled: false },
		{ operation: 'setComments', muteAll: true },
	];

	it.each(operations.flatMap((op) => ['abc', '0', '-3'].map((id) => [op.operation, id, op] as const)))(
		'%s with room "%s"',
		async (_operation, id, op) => {
			await refusedBeforeWeChat({ resource: 'room', roomId: roomById(id), ...op }, `Room in item 1 must be a positive whole number, got "${id}".`);
		},
	);
});
