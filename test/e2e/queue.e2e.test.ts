/**
 * Queue mode on a real distributed n8n: a main, a webhook processor and two workers sharing PostgreSQL,
 * Redis and the encryption key (test/e2e/harness/queue.js; services from scripts/services.js).
 *
 * - 200 items as 20 executions of a 10-item Room → Get Many workflow, started through the webhook
 *   processor, run on BOTH workers, all succeed, and WeChat sees ONE stable_token request: the first
 *   execution stores the token in the shared Postgres credential row and every later one, on either
 *   worker, reuses it.
 * - A cold burst (20 at once on the credential of a second mini program, whose token no process has seen
 *   yet) costs at most one token request per worker: nothing shares memory across workers, and
 *   stable_token hands every caller the same token.
 * - WeChat Live Trigger deliveries to the webhook processor each start one execution on a worker, and
 *   WeChat's retries of one delivery start no second one (the retry filter lives in the webhook
 *   processor's memory; with several webhook processors behind a load balancer, see the last test).
 */
import type * as Callbacks from '../sandbox/callbacks';
import type { Json } from './harness';
import type { QueueCluster, QueueExecution } from './harness/queue';
import { PACKAGE, NODE_TYPE } from './support/workflows';

const { ensureN8n, itemsOf, packPackage, REPO_ROOT } = require('./harness');
const { createQueueCluster } = require('./harness/queue') as typeof import('./harness/queue');
const { startSandbox } = require('../sandbox');
const { createRoom } = require('../sandbox/routes/rooms');
const { storeMedia } = require('../sandbox/routes/media');
const { png } = require('../sandbox/images');
const callbacks: typeof Callbacks = require('../sandbox/callbacks');

const EXECUTIONS = 20;
const ITEMS_PER_EXECUTION = 10;
const TOKEN = 'e2eQueueToken2026';
const AES_KEY = callbacks.randomEncodingAESKey();
const WARM = { id: 'wxLiveQueueWarm01', name: 'WeChat Live (queue, warm)' };
const COLD = { id: 'wxLiveQueueCold01', name: 'WeChat Live (queue, cold)' };
const TRIGGER_WEBHOOK_ID = '0c4d8b52-6f0e-4a43-9d55-3c1f7a2e9b11';
const TRIGGER_WORKFLOW = 'wxQueueTrigger01';

let sandbox: Json;
// A second mini program (its own WeChat stand-in): a credential no process has a token for.
let secondShop: Json;
let cluster: QueueCluster;
let createTime = Math.floor(Date.now() / 1000) - 60;
const measured: Record<string, unknown> = {};

/** Webhook (answers at once) → Code (ITEMS_PER_EXECUTION items) → WeChat Live Room Get Many (limit 1 per item). */
function roomsWorkflow(id: string, webhookPath: string, credential: { id: string; name: string }): Json {
	return {
		id,
		name: `Rooms ×${ITEMS_PER_EXECUTION} (${credential.name})`,
		nodes: [
			{
				id: `${id}-hook`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${id}-hook`,
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
			},
			{
				id: `${id}-items`,
				name: 'Input Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: {
					jsCode: `const run = $input.first().json.body.run;\nreturn Array.from({ length: ${ITEMS_PER_EXECUTION} }, (_, i) => ({ json: { run, i } }));`,
				},
			},
			{
				id: `${id}-wechat`,
				name: 'WeChat Live',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [440, 0],
				parameters: { resource: 'room', operation: 'getMany', returnAll: false, limit: 1 },
				credentials: { weChatLiveApi: credential },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Input Items', type: 'main', index: 0 }]] },
			'Input Items': { main: [[{ node: 'WeChat Live', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const warmWorkflow = roomsWorkflow('wxQueueRoomsWarm', 'wx-queue-rooms-warm', WARM);
const coldWorkflow = roomsWorkflow('wxQueueRoomsCold', 'wx-queue-rooms-cold', COLD);

const triggerWorkflow = {
	id: TRIGGER_WORKFLOW,
	name: 'WeChat live events (queue mode)',
	nodes: [
		{
			id: 'queue-trigger-node',
			name: 'WeChat Live Trigger',
			type: `${PACKAGE}.weChatLiveTrigger`,
			typeVersion: 2,
			position: [0, 0],
			webhookId: TRIGGER_WEBHOOK_ID,
			parameters: {},
			credentials: { weChatLiveApi: WARM },
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
};

const follow = () => callbacks.followEvent({ createTime: ++createTime, roomId: 4343, userOpenid: 'oQueueSubscriber01' });
const pushResult = () => callbacks.pushResultEvent({ createTime: ++createTime, messageId: '1622047360795164999', roomId: 4343, totalCount: 3, successCount: 3 });
const triggerUrl = (via = 0) => `${cluster.webhookUrl(via)}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
const deliver = (event: Callbacks.WeChatEvent, { via = 0, repeat = 1, format = 'xml' as Callbacks.DeliveryFormat } = {}) =>
	callbacks.sendEvent(triggerUrl(via), { event, mode: 'safe', format, token: TOKEN, encodingAESKey: AES_KEY, appId: sandbox.app.appId, repeat });

/** Starts one execution of a rooms workflow through the webhook processor. */
async function startRun(workflow: Json, run: number) {
	const response = await cluster.postWebhook(workflow.nodes[0].parameters.path, { body: { run } });
	expect(response.status).toBe(200);
}

function byWorker(executions: QueueExecution[]): Record<string, number> {
	const counts: Record<string, number> = Object.fromEntries(cluster.workers.map((w) => [w.name, 0]));
	for (const e of executions) counts[e.worker ?? 'none'] = (counts[e.worker ?? 'none'] ?? 0) + 1;
	return counts;
}

function sandboxCredential(credential: { id: string; name: string }, shop: Json = sandbox) {
	return {
		...credential,
		type: 'weChatLiveApi',
		data: { appId: shop.app.appId, appSecret: shop.app.appSecret, baseUrl: shop.url, token: TOKEN, encodingAESKey: AES_KEY },
	};
}

/** One upcoming room, so Room → Get Many has something to read. */
function seedRoom(shop: Json) {
	const media = storeMedia(shop.state, png(10, 10), 'image/png');
	const start = Math.floor(Date.now() / 1000) + 86400;
	createRoom(shop.state, {
		name: 'Queue mode room', coverImg: media, shareImg: media, feedsImg: media, startTime: start, endTime: start + 3600,
		anchorName: 'Anchor', anchorWechat: 'queue_anchor', type: 0, closeLike: 0, closeGoods: 0, closeComment: 0,
	});
}

// SKIP_QUEUE_E2E=1 skips this file (it needs root, or Redis and PostgreSQL installed: scripts/services.js).
const queueSuite = process.env.SKIP_QUEUE_E2E === '1' ? describe.skip : describe;

queueSuite('n8n in queue mode (main, 2 webhook processors, 2 workers)', () => {
	beforeAll(async () => {
		const t0 = Date.now();
		await ensureN8n();
		sandbox = await startSandbox();
		secondShop = await startSandbox({ app: { appId: 'wxsandbox0000000002', appSecret: 'sandbox-app-secret-0002' } });
		seedRoom(sandbox);
		seedRoom(secondShop);
		// Two webhook processors: the trigger tests use the first; the last test spreads retries over both.
		cluster = createQueueCluster({ name: 'queue', tarball: await packPackage(REPO_ROOT), workers: 2, webhookProcessors: 2, concurrency: 5 });
		measured.setup = await cluster.setup();
		await cluster.importCredentials([sandboxCredential(WARM), sandboxCredential(COLD, secondShop)]);
		await cluster.importWorkflows([warmWorkflow, coldWorkflow, triggerWorkflow]);
		await cluster.publish([warmWorkflow.id, coldWorkflow.id, TRIGGER_WORKFLOW]);
		measured.start = await cluster.start();
		measured.beforeAllMs = Date.now() - t0;
	}, 600_000);

	afterAll(async () => {
		await cluster?.dispose();
		await sandbox?.close();
		await secondShop?.close();
		process.stderr.write(`[queue] measured: ${JSON.stringify(measured, null, 2)}\n`);
	}, 120_000);

	describe('200 items as 20 executions on two workers', () => {
		it('all succeed, both workers take part, and WeChat sees one stable_token request', async () => {
			const t0 = Date.now();
			const [credentialBefore] = (await cluster.credentialRows()).filter((c: Json) => c.id === WARM.id);

			// The first execution gets the token and stores it in the shared credential row…
			await startRun(warmWorkflow, 1);
			const [first] = await cluster.executions(warmWorkflow.id, { waitFor: 1 });
			expect(first.status).toBe('success');
			expect(sandbox.requests('stableToken')).toHaveLength(1);
			measured.tokenFetchedBy = first.worker;
			const [credentialAfter] = (await cluster.credentialRows()).filter((c: Json) => c.id === WARM.id);
			expect(credentialAfter.data).not.toBe(credentialBefore.data); // the token went into Postgres…
			for (const token of sandbox.state.issuedTokens) expect(credentialAfter.data).not.toContain(token); // …encrypted

			// …and the other 19, started at once, run on both workers with that token.
			await Promise.all(Array.from({ length: EXECUTIONS - 1 }, (_, i) => startRun(warmWorkflow, i + 2)));
			const executions = await cluster.executions(warmWorkflow.id, { waitFor: EXECUTIONS, limit: 100, timeoutMs: 120_000 });
			measured.warmMs = Date.now() - t0;

			expect(executions).toHaveLength(EXECUTIONS);
			expect(executions.map((e: Json) => e.status)).toEqual(Array(EXECUTIONS).fill('success'));
			expect(executions.map((e: Json) => e.mode)).toEqual(Array(EXECUTIONS).fill('webhook'));
			const runs = executions.map((e: Json) => itemsOf(e, 'Input Items')[0].run).sort((a: number, b: number) => a - b);
			expect(runs).toEqual(Array.from({ length: EXECUTIONS }, (_, i) => i + 1));
			for (const e of executions) {
				const rooms = itemsOf(e, 'WeChat Live');
				expect(rooms).toHaveLength(ITEMS_PER_EXECUTION);
				expect(rooms[0]).toMatchObject({ name: 'Queue mode room' });
			}
			const perWorker = byWorker(executions);
			measured.warmPerWorker = perWorker;
			expect(perWorker.none ?? 0).toBe(0);
			// every worker ran some: the ones that never fetched a token used the one stored in Postgres
			for (const worker of cluster.workers) expect(perWorker[worker.name]).toBeGreaterThan(0);

			expect(sandbox.requests('getLiveInfo')).toHaveLength(EXECUTIONS * ITEMS_PER_EXECUTION);
			expect(sandbox.requests('getLiveInfo').every((r: Json) => r.errcode === 0)).toBe(true);
			expect(sandbox.requests('stableToken')).toHaveLength(1);
			measured.warmTokenRequests = sandbox.requests('stableToken').length;
		});

		it('a cold burst (a second mini program, no token anywhere yet) costs at most one token request per worker', async () => {
			const t0 = Date.now();
			const tokenRequestsBefore = secondShop.requests('stableToken').length;
			const readsBefore = secondShop.requests('getLiveInfo').length;
			// WeChat's token call takes a while from most servers; on loopback it would be over before the
			// other worker looks. 400 ms makes both workers find the credential empty.
			secondShop.fault({ endpoint: 'stableToken', delayMs: 400, times: 10 });
			await Promise.all(Array.from({ length: EXECUTIONS }, (_, i) => startRun(coldWorkflow, i + 1)));
			const executions = await cluster.executions(coldWorkflow.id, { waitFor: EXECUTIONS, limit: 100, timeoutMs: 120_000 });
			measured.coldMs = Date.now() - t0;

			expect(executions.map((e: Json) => e.status)).toEqual(Array(EXECUTIONS).fill('success'));
			for (const e of executions) expect(itemsOf(e, 'WeChat Live')).toHaveLength(ITEMS_PER_EXECUTION);
			expect(secondShop.requests('getLiveInfo').length - readsBefore).toBe(EXECUTIONS * ITEMS_PER_EXECUTION);
			const perWorker = byWorker(executions);
			measured.coldPerWorker = perWorker;
			const tokenRequests = secondShop.requests('stableToken').length - tokenRequestsBefore;
			measured.coldTokenRequests = tokenRequests;
			const workersUsed = cluster.workers.filter((w: Json) => perWorker[w.name] > 0).length;
			expect(tokenRequests).toBeGreaterThanOrEqual(1);
			expect(tokenRequests).toBeLessThanOrEqual(workersUsed);
			// stable_token hands out one token: no execution was refused one another's token
			expect(secondShop.requests('getLiveInfo').slice(readsBefore).every((r: Json) => r.errcode === 0)).toBe(true);
			secondShop.clearFaults();
		});
	});

	describe('WeChat Live Trigger through the webhook processor', () => {
		it('answers WeChat’s URL check on the webhook processor (the main serves no production webhooks)', async () => {
			const result = await callbacks.verifyUrl(triggerUrl(), { token: TOKEN, echostr: '8364219057712345678' });
			expect(result).toMatchObject({ ok: true, status: 200, data: '8364219057712345678' });

			const onMain = await callbacks.verifyUrl(`${cluster.mainUrl}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`, { token: TOKEN, echostr: '1' });
			expect(onMain.ok).toBe(false);
			measured.mainWebhookStatus = onMain.status;
		});

		it('each delivery starts one execution, run by a worker', async () => {
			const before = await cluster.executionCount(TRIGGER_WORKFLOW);
			for (const [event, format] of [[follow(), 'xml'], [pushResult(), 'json'], [follow(), 'json']] as const) {
				const [reply] = await deliver(event, { format });
				expect(reply).toMatchObject({ status: 200, data: 'success' });
			}
			const executions = (await cluster.executions(TRIGGER_WORKFLOW, { waitFor: before + 3, limit: 100 })).slice(0, 3);
			expect(await cluster.executionCount(TRIGGER_WORKFLOW)).toBe(before + 3);
			expect(executions.map((e: Json) => e.status)).toEqual(['success', 'success', 'success']);
			for (const e of executions) expect(cluster.workers.map((w: Json) => w.name)).toContain(e.worker);
			const events = executions.map((e: Json) => itemsOf(e, 'WeChat Live Trigger')[0]);
			expect(events.map((item: Json) => item.Event).sort()).toEqual(['wxalive_follow_notify', 'wxalive_follow_notify', 'wxalive_push_message_notify']);
			expect(events.find((item: Json) => item.Event === 'wxalive_push_message_notify')).toMatchObject({
				message_id: '1622047360795164999',
				room_id: 4343,
				delivery_mode: 'safe',
				data_format: 'json',
			});
		});

		it('a delivery WeChat repeats 4 times starts one execution', async () => {
			const before = await cluster.executionCount(TRIGGER_WORKFLOW);
			const replies = await deliver(follow(), { repeat: 4 });
			expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
			expect(replies.map((r) => r.data)).toEqual(['success', 'success', 'success', 'success']);
			await cluster.executions(TRIGGER_WORKFLOW, { waitFor: before + 1, limit: 100 });
			// A later, different event still comes through, so the count below is settled, not early.
			await deliver(pushResult());
			await cluster.executions(TRIGGER_WORKFLOW, { waitFor: before + 2, limit: 100 });
			expect(await cluster.executionCount(TRIGGER_WORKFLOW)).toBe(before + 2);
			measured.retriesOneProcessor = { deliveries: 4, executions: 1 };
		});

		it('with two webhook processors, retries landing on both start at most one execution per processor', async () => {
			const before = await cluster.executionCount(TRIGGER_WORKFLOW);
			const event = follow();
			// WeChat's retries of one event, as a round-robin load balancer would spread them.
			for (const via of [0, 1, 0, 1]) {
				const [reply] = await deliver(event, { via });
				expect(reply).toMatchObject({ status: 200, data: 'success' });
			}
			await deliver(pushResult(), { via: 0 });
			await cluster.executions(TRIGGER_WORKFLOW, { waitFor: before + 2, limit: 100 });
			await new Promise((resolve) => setTimeout(resolve, 2000)); // let a late duplicate land before counting
			const started = (await cluster.executionCount(TRIGGER_WORKFLOW)) - before - 1;
			measured.retriesTwoProcessors = { deliveries: 4, executions: started };
			expect(started).toBeGreaterThanOrEqual(1);
			expect(started).toBeLessThanOrEqual(cluster.webhookProcessors.length);
		});
	});
});
