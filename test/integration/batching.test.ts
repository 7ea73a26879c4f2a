/**
 * The Batching option: items several at a time, in batches with a pause between them, under a per-minute
 * cap. Whatever order WeChat answers in, the output keeps the input order and pairing; a bad item is still
 * one error item; writes are never resent; and ten items starting at once share one token request.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import { resources } from '../../nodes/WeChatLive/actions/resources';
import { MINUTE_MS, PerMinuteLimit } from '../../nodes/WeChatLive/helpers/concurrency';
import { WeChatLive } from '../../nodes/WeChatLive/WeChatLive.node';
import type { RunOptions } from '../support/executeContext';
import { CredentialStore, executeContext, roomById, runNode } from '../support/executeContext';
import type { Sandbox as SandboxOf } from '../support/sandbox';
import { sandboxRoom, useSandbox } from '../support/sandbox';

const { addGoods } = require('../sandbox/routes/goods');

type Room = IDataObject & { roomId: number; goods: IDataObject[]; liveStatus: number };
type Sandbox = SandboxOf<IDataObject & { rooms: Map<number, Room> }>;

let sandbox: Sandbox;
let store: CredentialStore;

useSandbox<Sandbox['state']>(
	(started, credentials) => {
		sandbox = started;
		store = credentials;
	},
	// Every call takes a little while, as WeChat's do, so parallel calls really overlap.
	{ latencyMs: 5 },
);

const goodsById = (id: number) => ({ __rl: true, mode: 'id', value: String(id) });

/** Live rooms, each with one approved goods in it: one legitimate push each (a push blocks its room 5 s). */
function liveRooms(count: number): Array<{ roomId: number; goodsId: number }> {
	return Array.from({ length: count }, (_, i) => {
		const room = sandboxRoom(sandbox) as Room;
		room.liveStatus = 101;
		const { goodsId } = addGoods(sandbox.state, { name: `Tea ${i}`, coverImgUrl: 'media', url: 'pages/goods/detail', priceType: 1, price: 10 }, { status: 2 });
		room.goods.push({ goods_id: goodsId, name: `Tea ${i}` });
		return { roomId: room.roomId, goodsId };
	});
}

const pushes = (rooms: Array<{ roomId: number; goodsId: number }>, batching: IDataObject = {}) => (i: number) => ({
	resource: 'roomGoods',
	operation: 'push',
	roomId: roomById(rooms[i].roomId),
	goodsId: goodsById(rooms[i].goodsId),
	batching,
});

/** The same pushes, but item `bad` gives "tea" as its goods ID: refused before WeChat is called. */
const withBadGoodsId = (rooms: Array<{ roomId: number; goodsId: number }>, bad: number, batching: IDataObject) => (i: number) => ({
	...pushes(rooms, batching)(i),
	...(i === bad ? { goodsId: { __rl: true, mode: 'id', value: 'tea' } } : {}),
});

const inputItems = (count: number): INodeExecutionData[] => Array.from({ length: count }, (_, i) => ({ json: { row: i } }));

/** What the node did on the wire, seen from n8n's side of httpRequestWithAuthentication. */
interface Traffic {
	/** 'start <roomId>' / 'end <roomId>' in the order they happened. */
	events: string[];
	maxInFlight: number;
	/** Room IDs of the answered calls, in the order the answers came back. */
	answered: number[];
}

/** Runs the node like runNode, recording every WeChat call it makes (and with a cancel signal, if given). */
async function runWatched(run: RunOptions, signal?: AbortSignal, onAnswer?: (traffic: Traffic) => void) {
	const context = executeContext(run);
	const traffic: Traffic = { events: [], maxInFlight: 0, answered: [] };
	let inFlight = 0;
	// The node sends with its stored token through httpRequest, and through httpRequestWithAuthentication when
	// n8n must get a token first: both are WeChat calls.
	const watch = <T extends (...args: never[]) => Promise<unknown>>(send: T): T =>
		(async (...args: Parameters<T>) => {
			const options = args.find((a) => a && typeof a === 'object' && 'url' in (a as object)) as unknown as IHttpRequestOptions;
			const roomId = Number((options.body as IDataObject | undefined)?.roomId);
			inFlight++;
			traffic.maxInFlight = Math.max(traffic.maxInFlight, inFlight);
			traffic.events.push(`start ${roomId}`);
			try {
				return await send.call(context, ...args);
			} finally {
				inFlight--;
				traffic.events.push(`end ${roomId}`);
				traffic.answered.push(roomId);
				onAnswer?.(traffic);
			}
		}) as T;
	context.helpers.httpRequest = watch(context.helpers.httpRequest as never);
	context.helpers.httpRequestWithAuthentication = watch(context.helpers.httpRequestWithAuthentication as never);
	if (signal) (context as IExecuteFunctions & { getExecutionCancelSignal: () => AbortSignal }).getExecutionCancelSignal = () => signal;
	const output = (await new WeChatLive().execute.call(context))[0];
	return { output, traffic };
}

/** A token in the credential already, so a test sees only the calls of its own run. */
async function withToken() {
	await runNode({ parameters: { resource: 'room', operation: 'getMany', returnAll: false, limit: 1 }, store });
	sandbox.clearLog();
}

describe('Batching → Concurrency', () => {
	it('pushes thirty rooms’ goods ten at a time, answers coming back out of order, and the output keeps input order and pairing', async () => {
		await withToken();
		const rooms = liveRooms(30);
		// The first three calls are slow: their answers come back after later items'.
		sandbox.fault({ endpoint: 'goodsPush', times: 3, delayMs: 150 });

		const { output, traffic } = await runWatched({ parameters: pushes(rooms, { concurrency: 10 }), items: inputItems(30), store });

		expect(traffic.maxInFlight).toBe(10);
		expect(traffic.answered).not.toEqual(rooms.map((r) => r.roomId));
		expect(output.map((item) => item.json)).toEqual(rooms.map(({ roomId, goodsId }) => ({ roomId, goodsId, pushed: true })));
		expect(output.map((item) => item.pairedItem)).toEqual(rooms.map((_, i) => ({ item: i })));
		expect(sandbox.requests('goodsPush')).toHaveLength(30);
	});

	it('without Batching, sends one item after another as before', async () => {
		await withToken();
		const rooms = liveRooms(8);
		const withoutBatching = (i: number): IDataObject => {
			const parameters: IDataObject = pushes(rooms)(i);
			delete parameters.batching;
			return parameters;
		};
		const { output, traffic } = await runWatched({ parameters: withoutBatching, items: inputItems(8), store });

		expect(traffic.maxInFlight).toBe(1);
		expect(traffic.answered).toEqual(rooms.map((r) => r.roomId));
		expect(output).toHaveLength(8);
	});

	it('starting from an empty token, ten items at once make exactly one token request', async () => {
		const rooms = liveRooms(30);
		expect(store.data.accessToken).toBe('');

		const { output } = await runWatched({ parameters: pushes(rooms, { concurrency: 10 }), items: inputItems(30), store });

		expect(output.every((item) => item.json.pushed === true)).toBe(true);
		expect(sandbox.requests('stableToken')).toHaveLength(1);
		const tokens = new Set(sandbox.requests('goodsPush').map((r) => r.query.access_token));
		expect([...tokens]).toEqual([store.data.accessToken]);
	});
});

describe('Batching with bad items', () => {
	it('under Continue On Fail, a bad input and a WeChat refusal among forty each become one error item in their place', async () => {
		await withToken();
		const rooms = liveRooms(40);
		sandbox.state.rooms.get(rooms[25].roomId)!.liveStatus = 102; // not live yet: WeChat refuses the push
		const output = await runNode({ parameters: withBadGoodsId(rooms, 17, { concurrency: 10 }), items: inputItems(40), store, continueOnFail: true });

		expect(output).toHaveLength(40);
		expect(output.map((item) => item.pairedItem)).toEqual(rooms.map((_, i) => ({ item: i })));
		const failed = output.flatMap((item, i) => (item.json.error ? [i] : []));
		expect(failed).toEqual([17, 25]);
		expect(output[17].json.error).toMatch(/Goods/);
		expect(output[17].json.description).toBeTruthy();
		expect(output[25].json).toMatchObject({ errcode: 300023 });
		// Item 17 never reached WeChat; every other item did, once.
		expect(sandbox.requests('goodsPush').map((r) => r.body.roomId).sort()).toEqual(rooms.filter((_, i) => i !== 17).map((r) => r.roomId).sort());
	});

	it('without Continue On Fail, the run fails on the first bad item in input order, and no item starts after a failure', async () => {
		await withToken();
		const rooms = liveRooms(40);
		sandbox.state.rooms.get(rooms[3].roomId)!.liveStatus = 102; // fails when WeChat answers

		// Item 5 fails at once, before any request; item 3 only once WeChat refuses it.
		await expect(runNode({ parameters: withBadGoodsId(rooms, 5, { concurrency: 10 }), items: inputItems(40), store })).rejects.toMatchObject({ context: { itemIndex: 3 } });
		expect(sandbox.requests('goodsPush').length).toBeLessThanOrEqual(10);
	});

	it('a push WeChat answers -1 (having applied it) is sent once, not again, even ten at a time', async () => {
		await withToken();
		const rooms = liveRooms(20);
		sandbox.fault({ endpoint: 'goodsPush', after: 6, times: 1, errcode: -1, afterApply: true });

		const output = await runNode({ parameters: pushes(rooms, { concurrency: 10 }), items: inputItems(20), store, continueOnFail: true });

		const failed = output.filter((item) => item.json.error);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.description).toMatch(/NOT retried|check the current state/i);
		expect(sandbox.requests('goodsPush')).toHaveLength(20);
		expect(new Set(sandbox.requests('goodsPush').map((r) => r.body.roomId)).size).toBe(20);
	});
});

describe('Batching → Items per Batch and Batch Interval', () => {
	it('sends twelve items five at a time, each batch done before the next starts, the interval between them', async () => {
		await withToken();
		const rooms = liveRooms(12);
		const interval = 300;

		const { output, traffic } = await runWatched({
			parameters: pushes(rooms, { itemsPerBatch: 5, batchInterval: interval, concurrency: 5 }),
			items: inputItems(12),
			store,
		});

		expect(output.map((item) => item.json.roomId)).toEqual(rooms.map((r) => r.roomId));
		const batchOf = (roomId: number) => Math.floor(rooms.findIndex((r) => r.roomId === roomId) / 5);
		// Grouping: every call of a batch has been answered before the first call of the next batch starts.
		let batch = 0;
		let open = 0;
		for (const event of traffic.events) {
			const [kind, roomId] = event.split(' ');
			if (kind === 'start') {
				if (batchOf(Number(roomId)) !== batch) {
					expect(open).toBe(0);
					batch = batchOf(Number(roomId));
				}
				open++;
			} else open--;
		}
		expect(batch).toBe(2);
		expect(traffic.maxInFlight).toBe(5);
		// The interval: WeChat saw no call of a batch sooner than `interval` after the last call of the one
		// before (a lower bound only, which a busy machine cannot break).
		const seen = sandbox.requests('goodsPush').map((r) => ({ batch: batchOf(Number(r.body.roomId)), at: Date.parse(String(r.at)) }));
		for (const next of [1, 2]) {
			const lastBefore = Math.max(...seen.filter((r) => r.batch === next - 1).map((r) => r.at));
			const firstAfter = Math.min(...seen.filter((r) => r.batch === next).map((r) => r.at));
			expect(firstAfter - lastBefore).toBeGreaterThanOrEqual(interval - 2);
		}
	});
});

describe('Batching → Max Items per Minute', () => {
	afterEach(() => jest.useRealTimers());

	it('lets as many items as the cap through at once, and holds the next until a minute after the first', async () => {
		jest.useFakeTimers({ now: 1_000_000 });
		const limit = new PerMinuteLimit(3);
		for (let i = 0; i < 3; i++) await limit.take();
		let fourth = false;
		const taking = limit.take().then(() => (fourth = true));
		await jest.advanceTimersByTimeAsync(MINUTE_MS - 1);
		expect(fourth).toBe(false);
		await jest.advanceTimersByTimeAsync(1);
		await taking;
		expect(fourth).toBe(true);
	});

	it('stops waiting for the cap when the execution is cancelled: the run ends at once, with only the items under the cap sent', async () => {
		await withToken();
		const rooms = liveRooms(4);
		const cancel = new AbortController();

		// Items 1 and 2 start at once; item 3 waits for the cap (a minute) while they are answered.
		const run = runWatched({ parameters: pushes(rooms, { concurrency: 4, maxItemsPerMinute: 2 }), items: inputItems(4), store }, cancel.signal, (traffic) => {
			if (traffic.answered.length === 2) cancel.abort();
		});

		// Without the cancellation the third item would wait a minute, far past this test's time limit.
		const { output } = await run;
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sandbox.requests('goodsPush')).toHaveLength(2);
	});
	it('stops waiting for the cap when an item fails without Continue On Fail: the run fails at once', async () => {
		await withToken();
		const rooms = liveRooms(4);
		sandbox.state.rooms.get(rooms[1].roomId)!.liveStatus = 102; // WeChat refuses item 1

		// Items 0 and 1 start at once; item 2 waits for the cap (a minute) until item 1's refusal.
		await expect(runNode({ parameters: pushes(rooms, { concurrency: 4, maxItemsPerMinute: 2 }), items: inputItems(4), store })).rejects.toMatchObject({
			context: { itemIndex: 1 },
		});
		expect(sandbox.requests('goodsPush')).toHaveLength(2);
	});
});

describe('the Batching option', () => {
	it('is offered on every operation that runs per item, and not on those that take all items at once (Push Message, Goods → Get)', () => {
		const { properties } = new WeChatLive().description;
		const batching = properties.filter((p) => p.name === 'batching');
		const offered = batching.flatMap((p) => (p.displayOptions!.show!.operation as string[]).map((op) => `${(p.displayOptions!.show!.resource as string[])[0]}:${op}`));
		const perItem = resources.flatMap((r) => r.operations.filter((op) => !op.executeAll).map((op) => `${r.value}:${op.value}`));
		expect(offered.sort()).toEqual(perItem.sort());
		expect(offered.length).toBeGreaterThan(35);
		expect(offered).not.toContain('subscriber:pushMessage');
		expect(offered).not.toContain('goods:get');
		expect(offered).toContain('roomGoods:push');
	});

	it('refuses a concurrency above 20 with a clear error, before WeChat is called', async () => {
		const rooms = liveRooms(2);
		await expect(runNode({ parameters: pushes(rooms, { concurrency: 50 }), items: inputItems(2), store })).rejects.toThrow(
			/Batching → Concurrency is 50, but must be a whole number from 1 to 20\./,
		);
		expect(sandbox.requests()).toHaveLength(0);
	});
});

describe('concurrent items share what they can', () => {
	it('three rooms created at once with the same cover URL upload it once', async () => {
		const cover = `${sandbox.url}/__fixtures/image.png?w=100&h=100`;
		const start = (h: number) => new Date(Date.now() + h * 3600e3).toISOString();
		const items = await runNode({
			parameters: (i) => ({
				resource: 'room',
				operation: 'create',
				name: `Tea tasting night ${i}`,
				startTime: start(24 + i),
				endTime: start(25 + i),
				anchorName: 'Anchor Lin',
				anchorWechat: 'lin_anchor',
				imageSource: 'url',
				coverImg: cover,
				shareImg: cover,
				feedsImg: cover,
				type: 0,
				closeLike: false,
				closeGoods: false,
				closeComment: false,
				additionalFields: {},
				batching: { concurrency: 3 },
			}),
			items: inputItems(3),
			store,
		});
		expect(items.map((i) => i.json.roomId)).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
		expect(sandbox.requests('mediaUpload')).toHaveLength(1);
	});

	it('ten items refused together for a dead token cost one new token between them', async () => {
		const rooms = liveRooms(10);
		await runNode({ parameters: { resource: 'room', operation: 'getMany', returnAll: false, limit: 1, filters: {} }, store });
		sandbox.expireTokens(); // the stored token still looks fresh; WeChat refuses it
		const items = await runNode({ parameters: pushes(rooms, { concurrency: 10 }), items: inputItems(10), store });
		expect(items.every((i) => !i.json.error)).toBe(true);
		expect(sandbox.requests('stableToken')).toHaveLength(2);
	});
});
