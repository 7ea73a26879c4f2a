/**
 * WeChat misbehaving under real n8n runs: a token that dies mid-run, -1 on reads and on writes (also a
 * write WeChat applied before answering -1), the 45009 daily quota, HTTP 5xx, dropped connections,
 * answers slower than the node's 30 s request timeout, and slow answers that are still fine.
 *
 * Every case runs a multi-item workflow with Continue On Fail: a read branch (Room → Get Push URL, one
 * room per item) and a write branch (Room → Create, one room per item), with faults armed in the sandbox.
 * The sandbox's request log and state are the ground truth. For every case:
 *   - every input item has exactly one output item, in order, paired to it (none lost, none duplicated);
 *   - every write reached WeChat at most once per item, unless WeChat refused it (a token errcode), and
 *     the sandbox holds exactly one room per item that succeeded or whose write WeChat applied anyway;
 *   - a write that may have happened is never repeated, and its error tells the user to check first;
 *   - reads are retried on -1, 5xx and network errors within the transport's bounds, never on 45009.
 */
import type { Json, N8nInstance } from './harness';
import { expectNoSecrets } from './support/secretScan';
import { CREDENTIAL, NODE_TYPE, sandboxCredential } from './support/workflows';

const { createInstance, ensureN8n, packPackage, REPO_ROOT } = require('./harness');
const { startSandbox } = require('../sandbox');
const { createRoom } = require('../sandbox/routes/rooms');
const { storeMedia } = require('../sandbox/routes/media');
const { png } = require('../sandbox/images');

/** The transport's request timeout (nodes/WeChatLive/transport/request.ts) and read attempts. */
const REQUEST_TIMEOUT_MS = 30_000;
const READ_ATTEMPTS = 3;
const TOKEN_ERRCODES = new Set([40001, 40014, 42001]);

type Fault = Record<string, unknown>;
type Expected = 'ok' | RegExp;

interface Branch {
	/** Sandbox faults for this branch's endpoint (roomGetPushUrl or roomCreate). */
	faults: Fault[];
	/** Per item: 'ok', or what its error item must say. */
	outcomes: Expected[];
	/** Per item: requests the sandbox must receive (all of them, refused ones included). */
	requests: number[];
	/** Writes only, per item: whether the room must exist afterwards (created or applied despite an error). */
	applied?: boolean[];
}

interface Case {
	name: string;
	read?: Branch;
	write?: Branch;
	/** Continue On Fail is on unless this says otherwise. */
	continueOnFail?: boolean;
	/** The node's Batching option (parallel items). */
	batching?: Json;
	/** New access tokens the run must fetch. */
	tokenRefreshes?: number;
}

const CHECK_FIRST = /check the current state/i;

const ok = (n: number): Expected[] => Array.from({ length: n }, () => 'ok');
const ones = (n: number): number[] => Array.from({ length: n }, () => 1);
const set = <T>(list: T[], index: number, value: T): T[] => list.map((v, i) => (i === index ? value : v));

const READS = 6;
const WRITES = 5;

const cases: Case[] = [
	{
		name: 'token expired mid-run',
		// Every token dies at the third call of each branch: that call is refused (40001), the token is
		// replaced once, the call is sent again, and the run goes on.
		read: { faults: [{ after: 2, times: 1, expireTokens: true }], outcomes: ok(READS), requests: set(ones(READS), 2, 2) },
		write: { faults: [{ after: 2, times: 1, expireTokens: true }], outcomes: ok(WRITES), requests: set(ones(WRITES), 2, 2), applied: ones(WRITES).map(Boolean) },
		tokenRefreshes: 2,
	},
	{
		name: '-1 on a read (twice, then fine) and on a write WeChat did not apply',
		read: { faults: [{ after: 1, times: 2, errcode: -1, errmsg: 'system error' }], outcomes: ok(READS), requests: set(ones(READS), 1, 3) },
		write: {
			faults: [{ after: 1, times: 1, errcode: -1, errmsg: 'system error' }],
			outcomes: set(ok(WRITES), 1, CHECK_FIRST),
			requests: ones(WRITES),
			applied: set(ones(WRITES).map(Boolean), 1, false),
		},
	},
	{
		name: '-1 on every try of a read, and on a write WeChat applied anyway',
		read: {
			faults: [{ after: 3, times: READ_ATTEMPTS, errcode: -1, errmsg: 'system error' }],
			outcomes: set(ok(READS), 3, /system error \(-1\).*retried automatically/is),
			requests: set(ones(READS), 3, READ_ATTEMPTS),
		},
		write: {
			faults: [{ after: 3, times: 1, errcode: -1, errmsg: 'system error', afterApply: true }],
			outcomes: set(ok(WRITES), 3, CHECK_FIRST),
			requests: ones(WRITES),
			applied: ones(WRITES).map(Boolean),
		},
	},
	{
		name: 'the daily quota (45009) runs out mid-run',
		read: {
			faults: [{ after: 2, times: 1000, errcode: 45009, errmsg: 'reach max api daily quota limit' }],
			outcomes: [...ok(2), ...Array.from({ length: READS - 2 }, () => /daily call quota/)],
			requests: ones(READS),
		},
		write: {
			faults: [{ after: 2, times: 1000, errcode: 45009, errmsg: 'reach max api daily quota limit' }],
			outcomes: [...ok(2), ...Array.from({ length: WRITES - 2 }, () => /daily call quota/)],
			requests: ones(WRITES),
			applied: [true, true, ...Array.from({ length: WRITES - 2 }, () => false)],
		},
	},
	{
		name: 'HTTP 5xx',
		read: {
			faults: [{ after: 2, times: READ_ATTEMPTS, status: 503 }],
			outcomes: set(ok(READS), 2, /WeChat answered HTTP 503.*read was retried automatically/is),
			requests: set(ones(READS), 2, READ_ATTEMPTS),
		},
		write: {
			faults: [{ after: 1, times: 1, status: 502 }],
			outcomes: set(ok(WRITES), 1, /WeChat answered HTTP 502[\s\S]*NOT retried automatically[\s\S]*check the current state/),
			requests: ones(WRITES),
			applied: set(ones(WRITES).map(Boolean), 1, false),
		},
	},
	{
		name: 'dropped connections',
		read: { faults: [{ after: 1, times: 2, drop: true }], outcomes: ok(READS), requests: set(ones(READS), 1, 3) },
		write: {
			faults: [{ after: 2, times: 1, drop: true }],
			outcomes: set(ok(WRITES), 2, /could not be reached[\s\S]*NOT retried automatically[\s\S]*check the current state/),
			requests: ones(WRITES),
			applied: set(ones(WRITES).map(Boolean), 2, false),
		},
	},
	{
		name: 'slow but fine answers (3 s)',
		read: { faults: [{ after: 2, times: 2, delayMs: 3000 }], outcomes: ok(READS), requests: ones(READS) },
		write: { faults: [{ after: 1, times: 1, delayMs: 3000 }], outcomes: ok(WRITES), requests: ones(WRITES), applied: ones(WRITES).map(Boolean) },
	},
	{
		name: `answers slower than the ${REQUEST_TIMEOUT_MS / 1000} s request timeout`,
		// The read is given up and sent again; the write is given up, and WeChat applies it after all.
		read: { faults: [{ after: 1, times: 1, delayMs: REQUEST_TIMEOUT_MS + 5000 }], outcomes: ok(READS), requests: set(ones(READS), 1, 2) },
		write: {
			faults: [{ after: 1, times: 1, delayMs: REQUEST_TIMEOUT_MS + 5000 }],
			outcomes: set(ok(WRITES), 1, /could not be reached[\s\S]*NOT retried automatically[\s\S]*check the current state/),
			requests: ones(WRITES),
			applied: ones(WRITES).map(Boolean),
		},
	},
	{
		name: 'a write WeChat applied before answering -1, without Continue On Fail',
		continueOnFail: false,
		// The run stops at item 1 with the error; items after it are never sent.
		write: {
			faults: [{ after: 1, times: 1, errcode: -1, errmsg: 'system error', afterApply: true }],
			outcomes: ['ok', CHECK_FIRST, ...Array.from({ length: WRITES - 2 }, () => /not run/)],
			requests: [1, 1, ...Array.from({ length: WRITES - 2 }, () => 0)],
			applied: [true, true, ...Array.from({ length: WRITES - 2 }, () => false)],
		},
	},
	{
		name: 'parallel writes (Batching: 4 at a time), two of them applied by WeChat before it answered -1',
		batching: { concurrency: 4 },
		// Which items meet the faults depends on arrival order; checked per item from the sandbox's log.
		write: { faults: [{ after: 2, times: 2, errcode: -1, afterApply: true }], outcomes: [], requests: [], applied: [] },
	},
];

const PARALLEL_WRITES = 8;

let sandbox: Json;
let n8n: N8nInstance;
let media: string;
const roomIds: number[] = [];
const workflowIds: string[] = [];

const caseTag = (index: number) => `c${String(index + 1).padStart(2, '0')}`;
const roomName = (index: number, item: number) => `Fault ${caseTag(index)} item ${item}`;

function inputItems(count: number, make: (item: number) => Json): string {
	return `return ${JSON.stringify(Array.from({ length: count }, (_, item) => ({ json: make(item) })))};`;
}

/** Start → (Read Items → Read) and/or (Write Items → Write): one execution runs both branches. */
function caseWorkflow(c: Case, index: number): Json {
	const id = `wxE2eFault${caseTag(index)}${Date.now().toString(36).slice(-5)}`;
	const onError = c.continueOnFail === false ? {} : { onError: 'continueRegularOutput' };
	const extra = c.batching ? { batching: c.batching } : {};
	const nodes: Json[] = [{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }];
	const connections: Json = { Start: { main: [[]] } };
	const branch = (name: string, count: number, make: (item: number) => Json, parameters: Json, y: number) => {
		nodes.push({ id: `${id}-${name}-items`, name: `${name} Items`, type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, y], parameters: { jsCode: inputItems(count, make) } });
		nodes.push({ id: `${id}-${name}`, name, type: NODE_TYPE, typeVersion: 1, position: [440, y], parameters: { ...parameters, ...extra }, credentials: { weChatLiveApi: CREDENTIAL }, ...onError });
		connections.Start.main[0].push({ node: `${name} Items`, type: 'main', index: 0 });
		connections[`${name} Items`] = { main: [[{ node: name, type: 'main', index: 0 }]] };
	};
	if (c.read) {
		branch('Read', READS, (item) => ({ roomId: roomIds[item] }), { resource: 'room', operation: 'getPushUrl', roomId: { __rl: true, mode: 'id', value: '={{ $json.roomId }}' } }, 0);
	}
	if (c.write) {
		const start = Math.floor(Date.now() / 1000) + 2 * 86400;
		branch(
			'Write',
			c.batching ? PARALLEL_WRITES : WRITES,
			(item) => ({ name: roomName(index, item), start: start + item * 3600, end: start + item * 3600 + 7200 }),
			{
				resource: 'room',
				operation: 'create',
				name: '={{ $json.name }}',
				startTime: '={{ $json.start }}',
				endTime: '={{ $json.end }}',
				anchorName: 'Anchor Fault',
				anchorWechat: 'fault_anchor',
				imageSource: 'mediaId',
				coverImg: media,
				shareImg: media,
				feedsImg: media,
				closeLike: false,
				closeGoods: false,
				closeComment: false,
				type: 0,
				additionalFields: {},
			},
			300,
		);
	}
	return { id, name: `Faults ${caseTag(index)}: ${c.name}`, nodes, connections, settings: { executionOrder: 'v1' } };
}

/** The output items of a node in a run: json and pairedItem. */
function outputOf(run: Json, node: string): Array<{ json: Json; pairedItem: Json }> {
	const runs = run.runData?.[node];
	if (!runs?.length) return [];
	return (runs[runs.length - 1].data?.main?.[0] ?? []) as Array<{ json: Json; pairedItem: Json }>;
}

const pairedIndex = (pairedItem: Json) => (Array.isArray(pairedItem) ? pairedItem.map((p: Json) => p.item) : [pairedItem?.item]);

interface Tally {
	items: number;
	succeeded: number;
	failed: number;
	retried: number;
	requests: number;
	applied?: number;
}

const tallies: Array<[string, string, Tally]> = [];

/** The sandbox's requests of one endpoint, grouped by input item. */
function requestsByItem(endpoint: string, itemOf: (entry: Json) => number, count: number): Json[][] {
	const byItem: Json[][] = Array.from({ length: count }, () => []);
	for (const entry of sandbox.requests(endpoint)) {
		const item = itemOf(entry);
		if (item >= 0 && item < count) byItem[item].push(entry);
		else throw new Error(`a ${endpoint} request the test cannot place: ${JSON.stringify(entry.body ?? entry.query)}`);
	}
	return byItem;
}

function roomsNamed(name: string): number {
	return [...sandbox.state.rooms.values()].filter((room: Json) => room.name === name).length;
}

/** Waits until the sandbox has answered (or dropped) every request it received: slow faults finish late. */
async function sandboxSettled(timeoutMs = REQUEST_TIMEOUT_MS + 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (sandbox.requests().some((entry: Json) => entry.status === undefined) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
}

beforeAll(async () => {
	await ensureN8n();
	sandbox = await startSandbox();
	media = storeMedia(sandbox.state, png(100, 100), 'image/png');
	const start = Math.floor(Date.now() / 1000) + 86400;
	for (let i = 0; i < READS; i++) {
		roomIds.push(
			createRoom(sandbox.state, {
				name: `Seeded fault room ${i}`, coverImg: media, shareImg: media, feedsImg: media, startTime: start + i * 60, endTime: start + i * 60 + 3600,
				anchorName: 'Anchor', anchorWechat: 'seed_anchor', type: 1, closeLike: 0, closeGoods: 0, closeComment: 0,
			}).roomId,
		);
	}
	n8n = createInstance({ name: 'faults', tarball: await packPackage(REPO_ROOT) });
	await n8n.installPackage();
	await n8n.importCredentials([sandboxCredential(sandbox)]);
	const workflows = cases.map(caseWorkflow);
	workflowIds.push(...workflows.map((w) => w.id));
	await n8n.importWorkflows(workflows);
});

afterEach(() => sandbox.clearFaults());

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
	if (tallies.length) {
		process.stdout.write(
			`\nfault cases (items: succeeded / failed with a clear error / retried; requests to the sandbox; rooms in the sandbox):\n${tallies
				.map(([name, branch, t]) => `${branch.padEnd(5)} ${String(t.items).padStart(2)} items: ${t.succeeded} ok / ${t.failed} failed / ${t.retried} retried; ${t.requests} requests${t.applied === undefined ? '' : `; ${t.applied} rooms`} — ${name}`)
				.join('\n')}\n`,
		);
	}
});

describe.each(cases.map((c, index) => [c.name, c, index] as const))('%s', (_name, c, index) => {
	it('gives every item exactly one output, sends every write at most once, and says what to check', async () => {
		sandbox.clearLog();
		const tokensBefore = sandbox.state.counters.stableToken;
		// The first run of the suite also fetches the first token.
		const firstToken = sandbox.state.issuedTokens.length === 0 ? 1 : 0;
		for (const fault of c.read?.faults ?? []) sandbox.fault({ endpoint: 'roomGetPushUrl', ...fault });
		for (const fault of c.write?.faults ?? []) sandbox.fault({ endpoint: 'roomCreate', ...fault });

		const run = await n8n.execute(workflowIds[index], { timeoutMs: 4 * REQUEST_TIMEOUT_MS });
		await sandboxSettled();

		if (c.read) checkRead(c, run);
		if (c.write && c.batching) checkParallelWrite(c, index, run);
		else if (c.write) checkWrite(c, index, run);
		expect(sandbox.state.counters.stableToken - tokensBefore).toBe((c.tokenRefreshes ?? 0) + firstToken);
		if (c.continueOnFail === false) {
			expect(run.status).toBe('error');
			expect(JSON.stringify(run.error ?? run.raw)).toMatch(CHECK_FIRST);
		} else {
			expect(run.status).toBe('success');
		}
	});
});

function checkOutputs(output: Array<{ json: Json; pairedItem: Json }>, count: number): void {
	// Exactly one output item per input item, in input order, each paired with its own input item.
	expect(output.map((o) => pairedIndex(o.pairedItem))).toEqual(Array.from({ length: count }, (_, i) => [i]));
}

function expectOutcome(json: Json | undefined, expected: Expected, where: string): void {
	if (expected === 'ok') {
		expect({ where, error: json?.error }).toEqual({ where, error: undefined });
		return;
	}
	if (expected.source === 'not run') {
		expect({ where, output: json }).toEqual({ where, output: undefined });
		return;
	}
	// A clear error: what happened (error), what to do (description), WeChat's codes where it answered.
	expect(typeof json?.error).toBe('string');
	expect(typeof json?.description).toBe('string');
	expect({ where, message: `${json.error} ${json.description}` }).toEqual({ where, message: expect.stringMatching(expected) });
}

function checkRead(c: Case, run: Json): void {
	const branch = c.read!;
	const output = outputOf(run, 'Read');
	checkOutputs(output, READS);
	output.forEach((o, item) => {
		expectOutcome(o.json, branch.outcomes[item], `read item ${item}`);
		if (branch.outcomes[item] === 'ok') expect(o.json).toMatchObject({ roomId: roomIds[item], pushAddr: expect.stringContaining('rtmp://') });
	});
	const byItem = requestsByItem('roomGetPushUrl', (e) => roomIds.indexOf(Number(e.query.roomId)), READS);
	expect(byItem.map((r) => r.length)).toEqual(branch.requests);
	tallies.push([c.name, 'read', {
		items: READS,
		succeeded: output.filter((o) => !o.json.error).length,
		failed: output.filter((o) => o.json.error).length,
		retried: byItem.filter((r) => r.length > 1).length,
		requests: byItem.flat().length,
	}]);
}

function checkWrite(c: Case, index: number, run: Json): void {
	const branch = c.write!;
	const stopped = c.continueOnFail === false;
	const output = outputOf(run, 'Write');
	if (stopped) {
		// Without Continue On Fail the node fails on the first bad item: n8n keeps no items, the error names it.
		expect(output).toEqual([]);
		const error = run.runData?.Write?.[0]?.error;
		expect(error?.message).toMatch(/system error \(-1\)/);
		expect(`${error?.message} ${error?.description}`).toMatch(CHECK_FIRST);
		expect(String(error?.context?.itemIndex ?? error?.itemIndex ?? '')).toBe(String(branch.outcomes.findIndex((o) => o !== 'ok')));
	} else {
		checkOutputs(output, WRITES);
		output.forEach((o, item) => {
			expectOutcome(o.json, branch.outcomes[item], `write item ${item}`);
			if (branch.outcomes[item] === 'ok') expect(o.json).toMatchObject({ roomId: expect.any(Number), name: roomName(index, item) });
		});
	}
	const byItem = requestsByItem('roomCreate', (e) => Number(/item (\d+)$/.exec(e.body?.name ?? '')?.[1] ?? -1), WRITES);
	expect(byItem.map((r) => r.length)).toEqual(branch.requests);
	// At most once per item, unless WeChat refused the token; every other write reached WeChat once.
	for (const requests of byItem) expect(requests.filter((e) => !TOKEN_ERRCODES.has(e.errcode)).length).toBeLessThanOrEqual(1);
	expect(Array.from({ length: WRITES }, (_, item) => roomsNamed(roomName(index, item)))).toEqual(branch.applied!.map(Number));
	tallies.push([c.name, 'write', {
		items: WRITES,
		succeeded: stopped ? 1 : output.filter((o) => !o.json.error).length,
		failed: stopped ? 1 : output.filter((o) => o.json.error).length,
		retried: byItem.filter((r) => r.length > 1).length,
		requests: byItem.flat().length,
		applied: Array.from({ length: WRITES }, (_, item) => roomsNamed(roomName(index, item))).reduce((a, b) => a + b, 0),
	}]);
}

/** Parallel items: which ones meet the faults is up to arrival order, so each is judged by its own request. */
function checkParallelWrite(c: Case, index: number, run: Json): void {
	const output = outputOf(run, 'Write');
	checkOutputs(output, PARALLEL_WRITES);
	const byItem = requestsByItem('roomCreate', (e) => Number(/item (\d+)$/.exec(e.body?.name ?? '')?.[1] ?? -1), PARALLEL_WRITES);
	// Every item sent exactly once, none repeated, and WeChat applied every one (the -1 came after applying).
	expect(byItem.map((r) => r.length)).toEqual(Array.from({ length: PARALLEL_WRITES }, () => 1));
	expect(Array.from({ length: PARALLEL_WRITES }, (_, item) => roomsNamed(roomName(index, item)))).toEqual(Array.from({ length: PARALLEL_WRITES }, () => 1));
	const faulted = byItem.map(([entry]) => entry.errcode === -1);
	expect(faulted.filter(Boolean)).toHaveLength(2);
	output.forEach((o, item) => {
		if (faulted[item]) expectOutcome(o.json, CHECK_FIRST, `parallel write item ${item}`);
		else expect(o.json).toMatchObject({ roomId: expect.any(Number), name: roomName(index, item) });
	});
	tallies.push([c.name, 'write', {
		items: PARALLEL_WRITES,
		succeeded: output.filter((o) => !o.json.error).length,
		failed: output.filter((o) => o.json.error).length,
		retried: 0,
		requests: byItem.flat().length,
		applied: PARALLEL_WRITES,
	}]);
}

describe('afterwards', () => {
	it('leaves neither the App Secret nor any access token in n8n’s database, execution data or logs', () => {
		expect(sandbox.state.issuedTokens.length).toBeGreaterThan(1);
		expectNoSecrets(n8n, [sandbox.app.appSecret, ...sandbox.state.issuedTokens]);
	});
});
