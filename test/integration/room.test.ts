import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Sandbox as SandboxOf } from '../support/sandbox';
import { sandboxMedia, sandboxRoom, useSandbox } from '../support/sandbox';
import { CredentialStore, roomById, runNode } from '../support/executeContext';
import { beijing, dateIn, losAngelesAcrossDst } from '../support/wallClock';

const { images } = require('../sandbox');

type Sandbox = SandboxOf<IDataObject & { rooms: Map<number, IDataObject> }>;

let sandbox: Sandbox;
let store: CredentialStore;

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3600 * 1000).toISOString();
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

const media = (): string => sandboxMedia(sandbox);

function roomParameters(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'room',
		operation: 'create',
		name: 'Christmas tea sale',
		startTime: hoursFromNow(24),
		endTime: hoursFromNow(26),
		anchorName: 'Anchor Lin',
		anchorWechat: 'lin_anchor',
		imageSource: 'mediaId',
		coverImg: media(),
		shareImg: media(),
		feedsImg: media(),
		closeLike: false,
		closeGoods: false,
		closeComment: false,
		type: 0,
		additionalFields: {},
		...overrides,
	};
}

/** `count` rooms, "Seeded room 0", 1, …, starting a minute apart (IDs from 1001). */
function seedRooms(count: number) {
	const start = Math.floor(Date.now() / 1000) + 86400;
	for (let i = 0; i < count; i++) {
		sandboxRoom(sandbox, { name: `Seeded room ${i}`, startTime: start + i * 60, endTime: start + i * 60 + 3600 });
	}
}

const json = (items: INodeExecutionData[]) => items.map((i) => i.json);

useSandbox<Sandbox['state']>((started, credentials) => {
	sandbox = started;
	store = credentials;
});

describe('Room → Create', () => {
	it('creates tonight’s room from media IDs, sending WeChat a JSON body with Unix times and 0/1 switches', async () => {
		const parameters = roomParameters({ closeComment: true, additionalFields: { closeReplay: false } });
		const [item] = await runNode({ parameters, store });

		expect(item.json.roomId).toBe(1001);
		const [request] = sandbox.requests('roomCreate');
		expect(request.method).toBe('POST');
		expect(request.contentType).toMatch(/^application\/json/);
		expect(request.body).toMatchObject({
			name: 'Christmas tea sale',
			startTime: seconds(parameters.startTime as string),
			endTime: seconds(parameters.endTime as string),
			coverImg: parameters.coverImg,
			closeComment: 1,
			closeLike: 0,
			closeReplay: 0,
			type: 0,
		});
		expect(request.body).not.toHaveProperty('closeKf');
	});

	it('uploads a cover given as a URL once, even when three image fields share it', async () => {
		const url = `${sandbox.url}/__fixtures/image.png?w=200&h=300`;
		const [item] = await runNode({
			parameters: roomParameters({ imageSource: 'url', coverImg: url, shareImg: url, feedsImg: url }),
			store,
		});

		expect(item.json.roomId).toBeDefined();
		expect(sandbox.requests('mediaUpload')).toHaveLength(1);
		const body = sandbox.requests('roomCreate')[0].body;
		expect(body.coverImg).toMatch(/^sbxmedia_/);
		expect(body.shareImg).toBe(body.coverImg);
	});

	it('uploads images given as binary data of the input item', async () => {
		const picture = (w: number) => ({ data: images.png(w, 100).toString('base64'), mimeType: 'image/png', fileName: `${w}.png` });
		const [item] = await runNode({
			parameters: roomParameters({ imageSource: 'binary', coverImg: 'cover', shareImg: 'share', feedsImg: 'feeds' }),
			items: [{ json: {}, binary: { cover: picture(108), share: picture(80), feeds: picture(60) } as never }],
			store,
		});

		expect(item.json.roomId).toBeDefined();
		expect(sandbox.requests('mediaUpload')).toHaveLength(3);
	});

	it('refuses a feeds image over 100 KB before uploading anything', async () => {
		const big = { data: images.png(10, 10, { padBytes: 120 * 1024 }).toString('base64'), mimeType: 'image/png' };
		const small = { data: images.png(10, 10).toString('base64'), mimeType: 'image/png' };
		await expect(
			runNode({
				parameters: roomParameters({ imageSource: 'binary', coverImg: 'small', shareImg: 'small', feedsImg: 'big' }),
				items: [{ json: {}, binary: { big, small } as never }],
				store,
			}),
		).rejects.toThrow(/Feeds Image in item 1: the image is 121 KB, more than WeChat’s 100 KB/);
		expect(sandbox.requests('roomCreate')).toHaveLength(0);
	});

	it('hands the anchor the real-name verification link when WeChat answers 300036', async () => {
		const items = await runNode({
			parameters: roomParameters({ anchorWechat: 'unverified_anchor' }),
			store,
			continueOnFail: true,
		});

		expect(items[0].json).toMatchObject({
			errcode: 300036,
			qrcode_url: 'https://res.wx.qq.com/op_res/sandbox-realname-qrcode',
		});
		expect(items[0].json.error).toMatch(/not real-name verified/);
		expect(items[0].json.description).toMatch(/Verification link: https:\/\/res\.wx\.qq\.com/);
	});
});

describe('Room → Create reads a picked time in the workflow’s time zone', () => {
	it('20:00 from the date picker, in a workflow set to Asia/Shanghai, reaches WeChat as 20:00 Beijing time', async () => {
		const date = dateIn('Asia/Shanghai', 2);
		const parameters = roomParameters({ startTime: `${date}T20:00:00`, endTime: `${date}T22:00:00` });
		const [item] = await runNode({ parameters, store, timeZone: 'Asia/Shanghai' });

		const [request] = sandbox.requests('roomCreate');
		expect(request.body).toMatchObject({ startTime: beijing(date, '20:00'), endTime: beijing(date, '22:00') });
		expect(item.json).toMatchObject({
			startTime: beijing(date, '20:00'),
			startTime_iso: `${date}T20:00:00+08:00`,
			endTime: beijing(date, '22:00'),
			endTime_iso: `${date}T22:00:00+08:00`,
		});
	});

	it('in Los Angeles, a date across the next daylight-saving change is read with that date’s offset', async () => {
		const show = losAngelesAcrossDst('20:00');
		const parameters = roomParameters({ startTime: `${show.date}T20:00:00`, endTime: `${show.date}T21:00:00` });
		const [item] = await runNode({ parameters, store, timeZone: 'America/Los_Angeles' });

		expect(sandbox.requests('roomCreate')[0].body.startTime).toBe(show.unix);
		expect(item.json.startTime_iso).toBe(`${show.date}T20:00:00${show.offset}`);
	});

	it('a time with its own offset, or Unix seconds, is taken as given', async () => {
		const date = dateIn('Asia/Shanghai', 2);
		const parameters = roomParameters({ startTime: `${date}T20:00:00+08:00`, endTime: beijing(date, '22:00') });
		await runNode({ parameters, store, timeZone: 'America/Los_Angeles' });

		expect(sandbox.requests('roomCreate')[0].body).toMatchObject({ startTime: beijing(date, '20:00'), endTime: beijing(date, '22:00') });
	});

	it('a start 5 minutes ahead is refused with the times in the workflow’s zone, named', async () => {
		const soon = new Date(Date.now() + 5 * 60e3).toISOString();
		const later = new Date(Date.now() + 65 * 60e3).toISOString();
		const failure = runNode({ parameters: roomParameters({ startTime: soon, endTime: later }), store, timeZone: 'Asia/Shanghai' });

		await expect(failure).rejects.toThrow(/^Start Time in item 1 is \d{4}-\d\d-\d\d \d\d:\d\d \(Asia\/Shanghai, UTC\+08:00\), less than 10 minutes from now/);
		await expect(failure).rejects.toMatchObject({ description: expect.stringMatching(/workflow’s time zone, Asia\/Shanghai/) });
		expect(sandbox.requests()).toHaveLength(0);
	});
});

describe('bad input is refused before WeChat is called', () => {
	const cases: Array<[string, IDataObject, RegExp]> = [
		['a room name of 2 Chinese characters', { name: '直播' }, /Room Name in item 1 is too short: “直播” counts as 4 characters .* WeChat needs 6–34\./],
		['a start time in the past', { startTime: hoursFromNow(-1), endTime: hoursFromNow(1) }, /Start Time in item 1 is .*, 60 minutes ago \(now is .*\); WeChat needs a start at least 10 minutes ahead\./],
		['a 20-minute show', { startTime: hoursFromNow(24), endTime: new Date(Date.now() + 24 * 3600e3 + 20 * 60e3).toISOString() }, /End Time in item 1 makes a show of 20 minutes/],
		['a start more than 6 months ahead', { startTime: hoursFromNow(24 * 200), endTime: hoursFromNow(24 * 200 + 1) }, /more than 6 months ahead/],
		['a show longer than 24 hours', { endTime: hoursFromNow(24 + 25) }, /makes a show of 1500 minutes/],
		['an anchor name of one Chinese character', { anchorName: '林' }, /Anchor Name in item 1 is too short: “林” counts as 2 characters/],
		['a URL where a media ID is expected', { coverImg: 'https://example.com/a.png' }, /Cover Image in item 1 is a URL, but Images From is set to Media ID/],
		['a binary property the item does not have', { imageSource: 'binary', coverImg: 'photo', shareImg: 'photo', feedsImg: 'photo' }, /names the binary property "photo", which the input item does not have/],
	];

	it.each(cases)('%s names the field, and no request reaches the sandbox', async (_story, overrides, message) => {
		await expect(runNode({ parameters: roomParameters(overrides), store })).rejects.toThrow(message);
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('with Continue On Fail, the valid items go through and each bad one becomes an error item', async () => {
		const perItem = [
			{ name: '直播' },
			{},
			{ startTime: hoursFromNow(-1), endTime: hoursFromNow(1) },
			{ endTime: new Date(Date.now() + 24 * 3600e3 + 20 * 60e3).toISOString() },
		];
		const base = roomParameters();
		const items = await runNode({
			parameters: (i) => ({ ...base, ...perItem[i] }),
			items: perItem.map(() => ({ json: {} })),
			store,
			continueOnFail: true,
		});

		expect(items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(items[1].json.roomId).toBe(1001);
		expect(items[0].json.error).toMatch(/Room Name in item 1 /);
		expect(items[0].json.description).toMatch(/Chinese characters/);
		expect(items[2].json.error).toMatch(/Start Time/);
		expect(items[3].json.error).toMatch(/End Time/);
		expect(sandbox.requests('roomCreate')).toHaveLength(1);
	});
});

describe('Room → Get Many, Get, Update, Delete', () => {
	it('returns all 250 rooms, one item each, paging 100 at a time, with a readable status', async () => {
		seedRooms(250);
		const items = await runNode({ parameters: { resource: 'room', operation: 'getMany', returnAll: true, filters: {} }, store });

		expect(items).toHaveLength(250);
		expect(sandbox.requests('getLiveInfo').map((r) => r.body)).toEqual([
			{ start: 0, limit: 100 },
			{ start: 100, limit: 100 },
			{ start: 200, limit: 100 },
		]);
		expect(items[0].json).toMatchObject({ live_status: 102, live_status_label: 'Not Started' });
	});

	it('stops at the limit and asks WeChat for no more than needed', async () => {
		seedRooms(250);
		const items = await runNode({ parameters: { resource: 'room', operation: 'getMany', returnAll: false, limit: 120, filters: {} }, store });

		expect(items).toHaveLength(120);
		expect(sandbox.requests('getLiveInfo').map((r) => r.body)).toEqual([
			{ start: 0, limit: 100 },
			{ start: 100, limit: 20 },
		]);
	});

	it('returns no items, not an error, when the account has no rooms (WeChat’s 9410000)', async () => {
		const items = await runNode({ parameters: { resource: 'room', operation: 'getMany', returnAll: true, filters: {} }, store });
		expect(items).toHaveLength(0);
	});

	it('finds the room that is live now', async () => {
		seedRooms(5);
		(sandbox.state.rooms.get(1003) as IDataObject).liveStatus = 101;
		const items = await runNode({
			parameters: { resource: 'room', operation: 'getMany', returnAll: true, filters: { liveStatus: [101] } },
			store,
		});
		expect(json(items)).toEqual([expect.objectContaining({ roomid: 1003, live_status_label: 'Live' })]);
	});

	it('shows each room’s start and end in the workflow’s time zone beside WeChat’s Unix times', async () => {
		seedRooms(1);
		const [room] = await runNode({ parameters: { resource: 'room', operation: 'get', roomId: roomById(1001) }, store, timeZone: 'Asia/Shanghai' });
		const { start_time, end_time, start_time_iso, end_time_iso } = room.json as Record<string, string & number>;

		expect(start_time_iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
		expect(Date.parse(start_time_iso) / 1000).toBe(start_time);
		expect(Date.parse(end_time_iso) / 1000).toBe(end_time);
	});

	it('gets one room by ID, and says so plainly when it does not exist', async () => {
		seedRooms(3);
		const [room] = await runNode({ parameters: { resource: 'room', operation: 'get', roomId: roomById(1002) }, store });
		expect(room.json).toMatchObject({ roomid: 1002, name: 'Seeded room 1' });

		await expect(runNode({ parameters: { resource: 'room', operation: 'get', roomId: roomById(4242) }, store })).rejects.toThrow(
			'Room 4242, asked for in item 1, was not found.',
		);
	});

	it('updates a room by replacing it whole, with the room ID as WeChat’s "id"', async () => {
		seedRooms(1);
		const parameters = { ...roomParameters({ name: '新品试饮直播间' }), operation: 'update', roomId: roomById(1001) };
		const [item] = await runNode({ parameters, store });

		expect(item.json).toMatchObject({ roomId: 1001, updated: true });
		expect(sandbox.requests('roomEdit')[0].body).toMatchObject({ id: 1001, name: '新品试饮直播间' });
		expect((sandbox.state.rooms.get(1001) as IDataObject).name).toBe('新品试饮直播间');
	});

	it('deletes a room and reports it deleted', async () => {
		seedRooms(1);
		const [item] = await runNode({ parameters: { resource: 'room', operation: 'delete', roomId: roomById(1001) }, store });

		expect(item.json).toEqual({ roomId: 1001, deleted: true });
		expect(sandbox.requests('roomDelete')[0].body).toEqual({ id: 1001 });
		expect(sandbox.state.rooms.size).toBe(0);
	});

	it('says a room ID must be a number', async () => {
		await expect(runNode({ parameters: { resource: 'room', operation: 'delete', roomId: roomById('abc') }, store })).rejects.toThrow(
			'Room in item 1 must be a positive whole number, got "abc".',
		);
	});
});

describe('the access token', () => {
	const getMany = { resource: 'room', operation: 'getMany', returnAll: false, limit: 1, filters: {} };
	const twentyItems = Array.from({ length: 20 }, () => ({ json: {} }));

	it('is fetched once for three executions of a 20-item workflow', async () => {
		seedRooms(2);
		for (let run = 0; run < 3; run++) await runNode({ parameters: getMany, items: twentyItems, store });

		expect(sandbox.requests('getLiveInfo')).toHaveLength(60);
		expect(sandbox.requests('stableToken')).toHaveLength(1);
	});

	it('is refreshed once, and the run completes, when WeChat expires every token mid-run', async () => {
		seedRooms(2);
		await runNode({ parameters: getMany, items: twentyItems, store });
		sandbox.expireTokens();
		const items = await runNode({ parameters: getMany, items: twentyItems, store });

		expect(items).toHaveLength(20);
		expect(sandbox.requests('stableToken')).toHaveLength(2);
		expect(sandbox.requests('getLiveInfo').filter((r) => r.errcode === 40001)).toHaveLength(1);
	});

	it('is refreshed ahead of time when the stored one is about to expire', async () => {
		await runNode({ parameters: getMany, store });
		// Two hours later, for n8n and the sandbox (same process) alike: the token has 30 s left.
		const realNow = Date.now.bind(Date);
		const clock = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 7200_000 - 30_000);
		try {
			await runNode({ parameters: getMany, store });
		} finally {
			clock.mockRestore();
		}
		expect(sandbox.requests('stableToken')).toHaveLength(2);
		expect(sandbox.requests('getLiveInfo').filter((r) => [40001, 42001].includes(Number(r.errcode)))).toHaveLength(0);
	});
});

describe('errors never reveal the App Secret or the access token', () => {
	const getMany = { resource: 'room', operation: 'getMany', returnAll: true, filters: {} };

	async function failureText(run: () => Promise<unknown>): Promise<string> {
		try {
			await run();
		} catch (error) {
			return JSON.stringify({ ...(error as IDataObject), message: (error as Error).message, description: (error as IDataObject).description });
		}
		throw new Error('expected a failure');
	}

	function expectClean(text: string) {
		expect(text).not.toContain(sandbox.app.appSecret);
		for (const token of (sandbox.state.tokens as Map<string, unknown>).keys()) expect(text).not.toContain(token);
		expect(text).not.toMatch(/sbx_[A-Za-z0-9_-]{20,}/);
	}

	it('on a wrong App Secret (40125), saying how to fix it', async () => {
		store.data.appSecret = 'wrong-secret-value';
		const text = await failureText(() => runNode({ parameters: getMany, store }));
		expect(text).toMatch(/App Secret is invalid/);
		expect(text).not.toContain('wrong-secret-value');
		expect(sandbox.requests('stableToken')).toHaveLength(1); // a wrong secret is not retried
	});

	it('on a wrong App ID (40013)', async () => {
		store.data.appId = 'wx0000000000000bad';
		expect(await failureText(() => runNode({ parameters: getMany, store }))).toMatch(/App ID is invalid/);
	});

	it.each([
		['a WeChat errcode', { endpoint: 'getLiveInfo', times: 5, errcode: 45009 }, /daily call quota/],
		['an HTTP 500', { endpoint: 'getLiveInfo', times: 5, status: 500 }, /WeChat answered HTTP 500/],
		['a dropped connection', { endpoint: 'getLiveInfo', times: 5, drop: true }, /could not be reached/],
		['a -1 on a write', { endpoint: 'roomDelete', times: 1, errcode: -1 }, /system error/],
	])('on %s', async (_case, fault, message) => {
		seedRooms(1);
		await runNode({ parameters: { ...getMany, returnAll: false, limit: 1 }, store });
		sandbox.fault(fault);
		const operation = fault.endpoint === 'roomDelete' ? { resource: 'room', operation: 'delete', roomId: roomById(1001) } : getMany;
		const text = await failureText(() => runNode({ parameters: operation, store }));
		expect(text).toMatch(message);
		expectClean(text);

		sandbox.fault(fault);
		const items = await runNode({ parameters: operation, store, continueOnFail: true });
		expectClean(JSON.stringify(items));
	});

	it('retries a read after WeChat’s -1, but never a write', async () => {
		seedRooms(1);
		sandbox.fault({ endpoint: 'getLiveInfo', times: 1, errcode: -1 });
		expect(await runNode({ parameters: getMany, store })).toHaveLength(1);
		expect(sandbox.requests('getLiveInfo')).toHaveLength(2);

		sandbox.fault({ endpoint: 'roomDelete', times: 1, errcode: -1, afterApply: true });
		const text = await failureText(() => runNode({ parameters: { resource: 'room', operation: 'delete', roomId: roomById(1001) }, store }));
		expect(text).toMatch(/check the current state/);
		expect(sandbox.requests('roomDelete')).toHaveLength(1);
	});
});
