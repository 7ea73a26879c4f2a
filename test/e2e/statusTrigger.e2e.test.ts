/**
 * WeChat Live Status Trigger in a real n8n: two published workflows poll the sandbox on n8n's own
 * schedule, and a rejected goods and a room going live each start exactly one execution.
 *
 * How the polls are driven: n8n 2.41.1 refuses poll times under a minute ("The polling interval is too
 * short. It has to be at least a minute." — n8n-core active-workflow-triggers.js, isSubMinuteCron), so a
 * six-field cron polling every few seconds cannot be used, and a manual run of a poll node ('manual' mode) never touches the
 * stored state. What n8n does offer: activation runs one poll at once (the baseline), then the cron
 * ("Every Minute", at a random second) runs the rest. So the test waits for real polls, seen in the
 * sandbox's request log rather than guessed with timers: baseline at start, the poll that reports the
 * change, and one more that must report nothing. About 2–2.5 minutes in all, both workflows in parallel.
 */
import type { Execution, Json, N8nInstance } from './harness';
import { CREDENTIAL, PACKAGE, sandboxCredential } from './support/workflows';

const { createInstance, ensureN8n, itemsOf, packPackage, REPO_ROOT } = require('./harness');
const { startSandbox } = require('../sandbox');
const { createRoom } = require('../sandbox/routes/rooms');
const { addGoods, decideAudit, AUDIT } = require('../sandbox/routes/goods');

const TRIGGER = 'WeChat Live Status Trigger';
/** A poll comes at most a minute after the previous one; the margin covers a slow CI machine. */
const POLL_WAIT_MS = 100_000;

let sandbox: Json;
let n8n: N8nInstance;
let tea: Json;
let tonight: Json;

let counter = 0;
function statusTriggerWorkflow(name: string, parameters: Json): Json {
	const id = `wxStatus${String(++counter).padStart(2, '0')}${Date.now().toString(36).slice(-6)}`;
	return {
		id,
		name,
		nodes: [
			{
				id: `${id}-trigger`,
				name: TRIGGER,
				type: `${PACKAGE}.weChatLiveStatusTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters },
				credentials: { weChatLiveApi: CREDENTIAL },
			},
			{
				id: `${id}-alert`,
				name: 'Alert',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: { [TRIGGER]: { main: [[{ node: 'Alert', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

const goodsRejected = statusTriggerWorkflow('Goods audit rejected → alert', { event: 'goodsAuditStatus', auditStatusTo: 'rejected' });
const roomStarted = statusTriggerWorkflow('Room went live → alert', { event: 'roomStatus', roomStatusTo: 'live', roomIds: '' });

/** The sandbox's request counter: requests logged later have a higher seq. */
const seqNow = (): number => sandbox.state.counters.requests;

/** Goods polls begun after `seq` and complete: each reads the lists of audit status 0, 1, 2, 3 in order. */
function goodsPollsSince(seq: number): number {
	let begun = false;
	let complete = 0;
	for (const request of sandbox.requests('goodsApproved')) {
		if (request.seq <= seq) continue;
		if (request.query.status === '0') begun = true;
		if (request.query.status === '3' && begun) {
			complete++;
			begun = false;
		}
	}
	return complete;
}

/** Room polls after `seq`: one getliveinfo list each (fewer than 100 rooms). */
const roomPollsSince = (seq: number): number => sandbox.requests('getLiveInfo').filter((r: Json) => r.seq > seq).length;

async function waitFor(what: string, done: () => boolean, timeoutMs = POLL_WAIT_MS): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!done()) {
		if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}\n${n8n.logs().slice(-3000)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** Executions of a workflow, once any started by the last poll have had time to land in the database. */
async function settledExecutions(workflowId: string): Promise<Execution[]> {
	await new Promise((resolve) => setTimeout(resolve, 3000));
	return await n8n.executions(workflowId);
}

let changedAt = 0;

beforeAll(async () => {
	await ensureN8n();
	sandbox = await startSandbox();
	tea = addGoods(sandbox.state, { name: 'Oolong tea 250 g', coverImgUrl: 'sbxmedia_cover', url: 'pages/goods/index?id=1', priceType: 1, price: 19.9 });
	addGoods(sandbox.state, { name: 'Jasmine tea 100 g', coverImgUrl: 'sbxmedia_cover', url: 'pages/goods/index?id=2', priceType: 1, price: 9.9 });
	const start = Math.floor(Date.now() / 1000) + 3600;
	tonight = createRoom(sandbox.state, {
		name: 'Christmas tea sale', coverImg: 'sbxmedia_cover', shareImg: 'sbxmedia_share', feedsImg: 'sbxmedia_feeds',
		startTime: start, endTime: start + 7200, anchorName: 'Anchor Lin', anchorWechat: 'lin_anchor',
		type: 0, closeLike: 0, closeGoods: 0, closeComment: 0,
	});

	n8n = createInstance({ name: 'statusTrigger', tarball: await packPackage(REPO_ROOT) });
	await n8n.installPackage();
	await n8n.importCredentials([sandboxCredential(sandbox)]);
	await n8n.importWorkflows([goodsRejected, roomStarted]);
	await n8n.publish([goodsRejected.id, roomStarted.id]);
	await n8n.start();

	// Activation polls each workflow once: the baseline.
	await waitFor('the baseline polls', () => goodsPollsSince(0) >= 1 && roomPollsSince(0) >= 1, 60_000);
}, 300_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});

describe('published workflows with the WeChat Live Status Trigger', () => {
	it('start nothing on the baseline poll', async () => {
		expect(await settledExecutions(goodsRejected.id)).toHaveLength(0);
		expect(await n8n.executions(roomStarted.id)).toHaveLength(0);

		// WeChat's reviewers reject one goods, and tonight's anchor goes live, between two polls.
		changedAt = seqNow();
		decideAudit(sandbox.state, tea.goodsId, 'reject', 'image unclear');
		tonight.liveStatus = 101;
	});

	it('rejecting one goods starts exactly one execution with one item, and the next poll none', async () => {
		await waitFor('the goods poll after the rejection', () => goodsPollsSince(changedAt) >= 1);
		const [execution] = await n8n.executions(goodsRejected.id, { waitFor: 1 });
		expect(execution.mode).toBe('trigger');
		expect(execution.status).toBe('success');
		const items = itemsOf(execution, TRIGGER);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			event: 'goodsAuditStatus',
			goodsId: tea.goodsId,
			before: { audit_status: 1, audit_status_label: 'Under Review' },
			after: { audit_status: 3, audit_status_label: 'Rejected' },
			goods: { name: 'Oolong tea 250 g', audit_status_label: 'Rejected' },
		});
		expect(itemsOf(execution, 'Alert')).toHaveLength(1);

		await waitFor('one more goods poll', () => goodsPollsSince(changedAt) >= 2);
		expect(await settledExecutions(goodsRejected.id)).toHaveLength(1);
	});

	it('setting a room live starts one execution with one room-status item, and the next poll none', async () => {
		await waitFor('the room poll after the room went live', () => roomPollsSince(changedAt) >= 1);
		const [execution] = await n8n.executions(roomStarted.id, { waitFor: 1 });
		const items = itemsOf(execution, TRIGGER);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			event: 'roomStatus',
			roomId: tonight.roomId,
			before: { live_status: 102, live_status_label: 'Not Started' },
			after: { live_status: 101, live_status_label: 'Live' },
			room: { name: 'Christmas tea sale', live_status_label: 'Live' },
		});

		await waitFor('one more room poll', () => roomPollsSince(changedAt) >= 2);
		expect(await settledExecutions(roomStarted.id)).toHaveLength(1);
	});

	it('asked WeChat for a token once for all those polls', () => {
		expect(sandbox.requests('stableToken')).toHaveLength(1);
		expect(AUDIT.rejected).toBe(sandbox.state.goods.get(tea.goodsId).auditStatus);
	});
});
