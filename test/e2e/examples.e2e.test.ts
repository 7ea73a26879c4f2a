/**
 * The example workflows of examples/ in a real n8n, against the WeChat API sandbox, as a user would run
 * them: imported unchanged except for what a test has to change (the credential, Wait durations, poll
 * times, the Slack URL; see support/examples.js), published where they start on their own, and driven
 * from outside the way the shop, WeChat's reviewers and the anchor would drive them.
 *
 * One n8n for all of them. The rejection alert polls once a minute at best (n8n refuses shorter poll
 * times), so its goods is rejected right after the baseline poll and the other examples run while the
 * next poll is coming.
 */
import fs from 'node:fs';
import path from 'node:path';

import type * as Callbacks from '../sandbox/callbacks';
import type { Execution, Json, N8nInstance } from './harness';
import { CREDENTIAL, sandboxCredential } from './support/workflows';

const { createInstance, ensureN8n, itemsOf, packPackage, REPO_ROOT, request } = require('./harness');
const { startSandbox } = require('../sandbox');
const { createRoom } = require('../sandbox/routes/rooms');
const { addGoods } = require('../sandbox/routes/goods');
const callbacks: typeof Callbacks = require('../sandbox/callbacks');
const { startSlackStub } = require('./support/slackStub');
const { EXAMPLES_DIR, exampleFiles, loadExample, logicOf, nodeNamed, SANDBOX_CREDENTIAL, testCopy } = require('./support/examples');

const TOKEN = 'e2eExamplesToken2026';
const AES_KEY = callbacks.randomEncodingAESKey();
/** A poll comes at most a minute after the previous one; the margin covers a slow machine. */
const POLL_WAIT_MS = 100_000;
const SECOND = { amount: 1, unit: 'seconds' };

let sandbox: Json;
let slack: Json;
let n8n: N8nInstance;

const credential = () => ({
	...sandboxCredential(sandbox),
	data: { ...sandboxCredential(sandbox).data, token: TOKEN, encodingAESKey: AES_KEY },
});

const original = {
	listRooms: loadExample('list-rooms.json'),
	newProduct: loadExample('new-product-to-room.json'),
	broadcast: loadExample('scheduled-follower-broadcast.json'),
	pushLog: loadExample('push-result-log.json'),
	auditAlert: loadExample('audit-rejection-alert.json'),
};
let copies: Record<keyof typeof original, Json>;

// The sandbox's world: a show on now, two scheduled ones, and goods waiting for WeChat's review.
let liveShow: Json;
let tonight: Json;
let nextWeek: Json;
let teaTray: Json;

function room(name: string, startInSeconds: number): Json {
	const start = Math.floor(Date.now() / 1000) + startInSeconds;
	return createRoom(sandbox.state, {
		name, coverImg: 'sbxmedia_cover', shareImg: 'sbxmedia_share', feedsImg: 'sbxmedia_feeds',
		startTime: start, endTime: start + 7200, anchorName: 'Anchor Lin', anchorWechat: 'lin_anchor',
		type: 0, closeLike: 0, closeGoods: 0, closeComment: 0,
	});
}

async function control(path: string, body: Json): Promise<Json> {
	const response = await request(`${sandbox.url}/__sandbox${path}`, { method: 'POST', body });
	if (response.status !== 200) throw new Error(`sandbox control ${path}: HTTP ${response.status} ${response.text}`);
	return response.body;
}

async function waitFor(what: string, done: () => boolean, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!done()) {
		if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}\n${n8n.logs().slice(-3000)}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** Sandbox requests of one endpoint logged after `seq`. */
const requestsSince = (endpoint: string, seq: number): Json[] => sandbox.requests(endpoint).filter((r: Json) => r.seq > seq);
const seqNow = (): number => sandbox.state.counters.requests;

/** Complete goods polls of the status trigger after `seq`: each reads audit status 0, 1, 2, 3 in order. */
function goodsPollsSince(seq: number): number {
	let begun = false;
	let complete = 0;
	for (const r of requestsSince('goodsApproved', seq)) {
		if (r.query.status === '0') begun = true;
		if (r.query.status === '3' && begun) {
			complete++;
			begun = false;
		}
	}
	return complete;
}

/** How many times a node ran in an execution (each pass of a loop is one run). */
const runsOf = (execution: Execution, node: string): number => (execution.data.resultData.runData[node] ?? []).length;

let rejectedAt = 0;

beforeAll(async () => {
	await ensureN8n();
	sandbox = await startSandbox();
	slack = await startSlackStub();
	liveShow = room('Christmas tea sale', -1800);
	liveShow.liveStatus = 101;
	nextWeek = room('Spring tea tasting', 7 * 86400);
	tonight = room('Tonight’s tea tasting', 2 * 3600);
	teaTray = addGoods(sandbox.state, { name: 'Bamboo tea tray', coverImgUrl: 'sbxmedia_cover', url: 'pages/goods/detail?sku=2001', priceType: 1, price: 39 });
	await control('/followers/seed', { count: 2100, roomId: liveShow.roomId });

	copies = {
		listRooms: testCopy(original.listRooms, { credential: CREDENTIAL }),
		newProduct: testCopy(original.newProduct, { credential: CREDENTIAL, waits: { 'Wait for Review': SECOND, 'Wait 5 Minutes': SECOND } }),
		broadcast: testCopy(original.broadcast, { credential: CREDENTIAL }),
		pushLog: testCopy(original.pushLog, { credential: CREDENTIAL }),
		auditAlert: testCopy(original.auditAlert, {
			credential: CREDENTIAL,
			pollTimes: { 'Goods Rejected': { item: [{ mode: 'everyMinute' }] } },
			urls: { 'Tell the Team on Slack': slack.webhookUrl },
		}),
	};

	n8n = createInstance({ name: 'examples', tarball: await packPackage(REPO_ROOT) });
	await n8n.installPackage();
	await n8n.importCredentials([credential()]);
	await n8n.importWorkflows(Object.values(copies));
	await n8n.publish([copies.newProduct.id, copies.pushLog.id, copies.auditAlert.id]);
	await n8n.start();

	// Publishing polled the goods once: the baseline. WeChat's reviewers now reject the tea tray, and
	// the next poll (within a minute) must tell Slack while the other examples run.
	await waitFor('the rejection alert’s baseline poll', () => goodsPollsSince(0) >= 1, 60_000);
	rejectedAt = seqNow();
	await control(`/goods/${teaTray.goodsId}/audit`, { result: 'reject', reason: 'The picture does not show the product' });
}, 300_000);

afterAll(async () => {
	await n8n?.stop();
	await slack?.close();
	await sandbox?.close();
});

describe('the example files', () => {
	it('are the five examples of the README, each with sticky notes, a stable id and the sandbox credential', () => {
		expect(exampleFiles()).toEqual([
			'audit-rejection-alert.json',
			'list-rooms.json',
			'new-product-to-room.json',
			'push-result-log.json',
			'scheduled-follower-broadcast.json',
		]);
		const readme = fs.readFileSync(path.join(EXAMPLES_DIR, 'README.md'), 'utf8');
		for (const file of exampleFiles()) {
			expect(readme).toContain(`](${file})`);
			const workflow = loadExample(file);
			expect(workflow.id).toMatch(/^[A-Za-z0-9]{1,21}$/);
			expect(workflow.nodes.filter((n: Json) => n.type === 'n8n-nodes-base.stickyNote').length).toBeGreaterThan(0);
			const wired = workflow.nodes.filter((n: Json) => n.credentials?.weChatLiveApi);
			expect(wired.length).toBeGreaterThan(0);
			for (const node of wired) expect(node.credentials.weChatLiveApi).toEqual(SANDBOX_CREDENTIAL);
			// every connection joins nodes of the workflow
			const names = new Set(workflow.nodes.map((n: Json) => n.name));
			for (const [from, { main }] of Object.entries<Json>(workflow.connections)) {
				expect(names).toContain(from);
				for (const target of main.flat()) expect(names).toContain(target.node);
			}
		}
	});

	it('are imported with their logic unchanged: only credential, waits, poll times and the Slack URL differ', () => {
		for (const key of Object.keys(original) as Array<keyof typeof original>) {
			expect(logicOf(copies[key])).toEqual(logicOf(original[key]));
		}
	});
});

describe('list-rooms', () => {
	it('lists the sandbox’s rooms, one item each, with their status in words', async () => {
		const run = await n8n.execute(copies.listRooms.id);
		expect(run.status).toBe('success');
		const rooms = itemsOf(run, 'List Rooms');
		expect(rooms.map((r: Json) => r.roomid).sort()).toEqual([...sandbox.state.rooms.keys()].sort());
		expect(rooms.find((r: Json) => r.roomid === liveShow.roomId)).toMatchObject({ live_status: 101, live_status_label: 'Live' });
	});
});

describe('scheduled-follower-broadcast and push-result-log', () => {
	let messageIds: string[] = [];

	it('run now, it tells all 2,100 subscribers that the live room is on, 2,000 a call', async () => {
		const before = seqNow();
		const run = await n8n.execute(copies.broadcast.id);
		expect(run.status).toBe('success');

		const pushed = itemsOf(run, 'Tell All Subscribers');
		expect(pushed).toEqual([
			expect.objectContaining({ room_id: liveShow.roomId, total_count: 2000, batch: 1, batches: 2 }),
			expect.objectContaining({ room_id: liveShow.roomId, total_count: 100, batch: 2, batches: 2 }),
		]);
		messageIds = pushed.map((item: Json) => item.message_id);
		expect(messageIds.every((id) => /^\d+$/.test(id))).toBe(true);

		const calls = requestsSince('pushMessage', before);
		expect(calls.map((c: Json) => c.errcode)).toEqual([0, 0]);
		const openids = new Set(calls.flatMap((c: Json) => c.body.user_openid));
		expect(openids.size).toBe(2100);
		expect(sandbox.state.followers.every((f: Json) => openids.has(f.openid))).toBe(true);
	});

	it('run again, it announces the same show to nobody a second time', async () => {
		const before = seqNow();
		const run = await n8n.execute(copies.broadcast.id);
		expect(run.status).toBe('success');
		expect(itemsOf(run, 'Find the Live Room')).toHaveLength(1);
		expect(run.runData['Tell All Subscribers']).toBeUndefined();
		expect(requestsSince('pushMessage', before)).toHaveLength(0);
	});

	it('WeChat’s push-result event for that push is logged with its counts', async () => {
		const trigger = nodeNamed(copies.pushLog, 'Push Result Arrives');
		const url = `${n8n.url}/webhook/${trigger.webhookId}/webhook`;
		const event = callbacks.pushResultEvent({
			messageId: messageIds[0],
			roomId: liveShow.roomId,
			totalCount: 2000,
			successCount: 1985,
			openidErrorCount: 5,
			relationErrorCount: 7,
			userRecvLimitCount: 2,
			internalErrorCount: 1,
		});
		const [reply] = await callbacks.sendEvent(url, { event, mode: 'safe', format: 'xml', token: TOKEN, encodingAESKey: AES_KEY, appId: sandbox.app.appId });
		expect(reply).toMatchObject({ status: 200, data: 'success' });

		const [execution] = await n8n.executions(copies.pushLog.id, { waitFor: 1 });
		expect(execution.status).toBe('success');
		expect(itemsOf(execution, 'Log the Counts')).toEqual([
			{
				message_id: messageIds[0],
				room_id: liveShow.roomId,
				total_count: 2000,
				success_count: 1985,
				error_count: 15,
				summary: `Push ${messageIds[0]} for room ${liveShow.roomId}: 1985 of 2000 delivered (5 unknown openids, 7 not subscribed, 2 over their limit, 1 other errors)`,
			},
		]);
	});
});

describe('new-product-to-room', () => {
	it('takes a product from the shop through WeChat’s review into the next room, and pushes it once the show is live', async () => {
		// Tonight's show is planned to start in 15 seconds: the workflow is to wait for it, then for the anchor.
		const plannedStart = Math.floor(Date.now() / 1000) + 15;
		tonight.startTime = plannedStart;
		tonight.endTime = plannedStart + 7200;
		const before = seqNow();
		const product = {
			name: 'Oolong tea 250 g',
			price: 19.9,
			image_url: `${sandbox.url}/__fixtures/image.png?w=240&h=240`,
			page_path: 'pages/goods/detail?sku=1001',
		};
		const answer = await n8n.postWebhook('new-product', { body: product });
		expect(answer.status).toBe(200);

		// The goods is created and waits for WeChat's review: the workflow checks, and checks again.
		await waitFor('the goods to be created', () => requestsSince('goodsAdd', before).length === 1);
		const [add] = requestsSince('goodsAdd', before);
		expect(add).toMatchObject({ errcode: 0, body: { goodsInfo: { name: 'Oolong tea 250 g', price: 19.9, priceType: 1, url: 'pages/goods/detail?sku=1001' } } });
		const goods = [...sandbox.state.goods.values()].find((g: Json) => g.name === 'Oolong tea 250 g');
		await waitFor('two review checks', () => requestsSince('goodsWarehouse', add.seq).length >= 2);
		expect(sandbox.requests('roomAddGoods')).toHaveLength(0);

		// WeChat's reviewers approve it: it goes into tonight's room, the scheduled one that starts first.
		await control(`/goods/${goods.goodsId}/audit`, { result: 'approve' });
		await waitFor('the goods to be imported into a room', () => sandbox.requests('roomAddGoods').length === 1);
		const [imported] = sandbox.requests('roomAddGoods');
		expect(imported).toMatchObject({ errcode: 0, body: { roomId: tonight.roomId, ids: [goods.goodsId] } });
		expect(nextWeek.goods).toHaveLength(0);

		// The workflow now waits for the show: not a look at the room before its planned start, then checks
		// while the anchor is late. Nothing is pushed while the room has not started.
		await waitFor('two room checks', () => requestsSince('getLiveInfo', imported.seq).length >= 2);
		const [firstCheck] = requestsSince('getLiveInfo', imported.seq);
		expect(Date.parse(firstCheck.at)).toBeGreaterThanOrEqual(plannedStart * 1000);
		expect(sandbox.requests('goodsPush')).toHaveLength(0);

		// The anchor starts the show: the goods card is pushed to the viewers.
		await control(`/rooms/${tonight.roomId}/status`, { live_status: 101 });
		const [execution] = await n8n.executions(copies.newProduct.id, { waitFor: 1, timeoutMs: 30_000 });
		expect(execution.status).toBe('success');
		expect(itemsOf(execution, 'Push to Viewers')).toEqual([{ roomId: tonight.roomId, goodsId: goods.goodsId, pushed: true }]);
		expect(sandbox.requests('goodsPush')).toEqual([expect.objectContaining({ errcode: 0, body: { roomId: tonight.roomId, goodsId: goods.goodsId } })]);
		expect(tonight.goods.map((g: Json) => g.goods_id)).toEqual([goods.goodsId]);
		expect(runsOf(execution, 'Check Review')).toBeGreaterThanOrEqual(2);
		expect(runsOf(execution, 'Check Room')).toBeGreaterThanOrEqual(2);
		expect(runsOf(execution, 'Not Approved') + runsOf(execution, 'Room Not Live')).toBe(0);
	});
});

describe('audit-rejection-alert', () => {
	it('posts one Slack message naming the rejected goods after the next poll', async () => {
		await waitFor('the goods poll after the rejection', () => goodsPollsSince(rejectedAt) >= 1, POLL_WAIT_MS);
		const [execution] = await n8n.executions(copies.auditAlert.id, { waitFor: 1 });
		expect(execution.mode).toBe('trigger');
		expect(execution.status).toBe('success');

		expect(slack.messages).toHaveLength(1);
		const [message] = slack.messages;
		expect(message.path).toBe(new URL(slack.webhookUrl).pathname);
		expect(message.json.text).toContain('*Bamboo tea tray*');
		expect(message.json.text).toContain(`goods ID ${teaTray.goodsId}`);
		// WeChat's API reports the status only, never the reviewer's reason: the message says where to read it.
		expect(message.json.text).toContain('商品库');
		expect(itemsOf(execution, 'Tell the Team on Slack')).toHaveLength(1);

		// The approved Oolong tea of the other example started nothing here.
		expect(await n8n.executions(copies.auditAlert.id)).toHaveLength(1);
	});
});
