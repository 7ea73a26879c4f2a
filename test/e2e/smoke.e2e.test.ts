/**
 * The smoke suite: what can differ between n8n versions, on each version npm test proves besides the
 * newest (where the full suite runs): 2.0.0, the newest 1.x and the 1.x floor (N8N_VERSION selects it).
 * The package uses only n8n-workflow exports this n8n has and loads, with its credential and AI-tool
 * variant; the credential test passes; one operation of every resource runs (the first case of each
 * ./cases file); Continue On Fail gives an error item; the WeChat Live Trigger answers WeChat's URL check
 * and starts one execution for a safe-mode event; the Status Trigger records a baseline, then reports
 * the first change.
 */
import fs from 'node:fs';
import path from 'node:path';

import type * as Callbacks from '../sandbox/callbacks';
import type { Json, N8nInstance } from './harness';
import { loadCases, prepareCases, runCase, type PreparedCase } from './support/cases';
import { actionWorkflow, CREDENTIAL, PACKAGE, sandboxCredential } from './support/workflows';

const { createInstance, ensureN8n, itemsOf, packPackage, REPO_ROOT, request, runInN8n } = require('./harness');
const { startSandbox } = require('../sandbox');
const { createRoom } = require('../sandbox/routes/rooms');
const callbacks: typeof Callbacks = require('../sandbox/callbacks');

const OWNER = { email: 'smoke@example.com', password: 'Smoke-E2e-Passw0rd' };
const WEBHOOK_ID = '0d7c9a55-3b1e-4c2f-8a6d-5e4f3a2b1c0d';
const TRIGGER = 'WeChat Live Trigger';
const STATUS_TRIGGER = 'WeChat Live Status Trigger';

/**
 * One operation of every resource: the first case of each ./cases file, leaving out the 3,000-subscriber
 * read: n8n 1.123's `execute --rawOutput` loses the end of so long a printout (the process exits before
 * the pipe drains), which says nothing about the package.
 */
const allCases = loadCases();
const cases = allCases
	.filter((c) => !/page_break cursor/.test(c.title))
	.filter((c, i, all) => all.findIndex((other) => other.file === c.file) === i);

const continueOnFail = actionWorkflow('Room Get Many, continue on fail', { resource: 'room', operation: 'getMany', returnAll: true }, { continueOnFail: true });
const liveEvents = {
	id: 'wxSmokeTrigger001',
	name: 'WeChat live events',
	nodes: [
		{
			id: 'smoke-trigger', name: TRIGGER, type: `${PACKAGE}.weChatLiveTrigger`, typeVersion: 2, position: [0, 0],
			webhookId: WEBHOOK_ID, parameters: {}, credentials: { weChatLiveApi: CREDENTIAL },
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
};
const roomWentLive = {
	id: 'wxSmokeStatus001',
	name: 'Room went live',
	nodes: [
		{
			id: 'smoke-status', name: STATUS_TRIGGER, type: `${PACKAGE}.weChatLiveStatusTrigger`, typeVersion: 1, position: [0, 0],
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'roomStatus', roomStatusTo: 'live', roomIds: '' },
			credentials: { weChatLiveApi: CREDENTIAL },
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
};

let sandbox: Json;
let n8n: N8nInstance;
let prepared = new Map<string, PreparedCase>();
let tonight: Json;

/** The sandbox credential with the message-push settings, so the trigger can use it too. */
const credential = () => {
	const base = sandboxCredential(sandbox);
	return { ...base, data: { ...base.data, token: sandbox.app.pushToken, encodingAESKey: sandbox.app.encodingAESKey } };
};

async function waitFor(what: string, done: () => boolean, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!done()) {
		if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}\n${n8n.logs().slice(-3000)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

beforeAll(async () => {
	await ensureN8n();
	sandbox = await startSandbox();
	const start = Math.floor(Date.now() / 1000) + 3600;
	tonight = createRoom(sandbox.state, {
		name: 'Smoke test show', coverImg: 'sbxmedia_cover', shareImg: 'sbxmedia_share', feedsImg: 'sbxmedia_feeds',
		startTime: start, endTime: start + 7200, anchorName: 'Anchor Lin', anchorWechat: 'lin_anchor',
		type: 0, closeLike: 0, closeGoods: 0, closeComment: 0,
	});
	n8n = createInstance({ name: 'smoke', tarball: await packPackage(REPO_ROOT), owner: OWNER });
	await n8n.installPackage();
	await n8n.importCredentials([credential()]);
	// Every case's setup, as in the full suite (a case may read what an earlier one's setup seeded).
	prepared = await prepareCases(allCases, sandbox);
	await n8n.importWorkflows([...cases.map((c) => prepared.get(c.title)!.workflow), continueOnFail, liveEvents, roomWentLive]);
});

afterEach(() => sandbox.clearFaults());

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});

it('uses only n8n-workflow exports this n8n has (read from its own n8n-workflow)', async () => {
	const dist = path.join(REPO_ROOT, 'dist');
	const files = (fs.readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.js'));
	const used = new Set<string>();
	for (const file of files) {
		const js = fs.readFileSync(path.join(dist, file), 'utf8');
		// tsc's CommonJS output: `const n8n_workflow_1 = require("n8n-workflow")`, then `n8n_workflow_1.Name`
		const requires = js.match(/require\("n8n-workflow"\)/g) ?? [];
		const aliases = [...js.matchAll(/(?:const|var) (n8n_workflow_\d+) = require\("n8n-workflow"\)/g)].map((m) => m[1]);
		expect({ file, requires: requires.length }).toEqual({ file, requires: aliases.length }); // no other form hides a use
		for (const alias of aliases) for (const m of js.matchAll(new RegExp(`\\b${alias}\\.([A-Za-z_$][\\w$]*)`, 'g'))) used.add(m[1]);
	}
	expect(used.size).toBeGreaterThan(0);
	const available: string[] = await runInN8n(n8n.install ?? (await ensureN8n()), "process.stdout.write(JSON.stringify(Object.keys(n8nRequire('n8n-workflow'))));");
	expect([...used].filter((name) => !available.includes(name)).sort()).toEqual([]);
});

describe.each([...new Set(cases.map((c) => c.file))])('one operation of %s', (file) => {
	const c = cases.find((one) => one.file === file)!;
	it(c.title, async () => {
		await runCase(n8n, sandbox, c, prepared.get(c.title)!);
	});
});

it('with Continue On Fail, WeChat’s daily quota (45009) becomes an error item saying what to do', async () => {
	sandbox.fault({ endpoint: 'getLiveInfo', errcode: 45009 });
	const run = await n8n.execute(continueOnFail.id);
	expect(run.status).toBe('success');
	const [item] = itemsOf(run, 'WeChat Live');
	expect(`${item.error} ${item.description}`).toMatch(/daily call quota/);
});

describe('the running n8n', () => {
	let cookie: string;
	let url: string;
	let roomPollsBefore = 0;
	// A poll lists every room (pages of 100); the credential test reads one room.
	const roomPolls = (): number =>
		sandbox.requests('getLiveInfo').filter((r: Json) => r.body?.limit !== 1).length - roomPollsBefore;

	beforeAll(async () => {
		roomPollsBefore = roomPolls();
		await n8n.publish([liveEvents.id, roomWentLive.id]);
		await n8n.start();
		cookie = await n8n.login();
		url = `${n8n.url}/webhook/${WEBHOOK_ID}/webhook`;
		for (let tries = 0; tries < 100 && (await request(url)).status === 404; tries++) await new Promise((r) => setTimeout(r, 100));
	});

	it('lists the three nodes, the AI-tool variant of the action node and the credential to the editor', async () => {
		const nodes = await request(`${n8n.url}/types/nodes.json`, { headers: { cookie } });
		expect(nodes.status).toBe(200);
		const names = nodes.body.map((t: Json) => t.name).filter((name: string) => name.startsWith(`${PACKAGE}.`));
		expect(names.sort()).toEqual([`${PACKAGE}.weChatLive`, `${PACKAGE}.weChatLiveStatusTrigger`, `${PACKAGE}.weChatLiveTool`, `${PACKAGE}.weChatLiveTrigger`]);
		const credentials = await request(`${n8n.url}/types/credentials.json`, { headers: { cookie } });
		expect(credentials.body.map((c: Json) => c.name)).toContain('weChatLiveApi');
	});

	it('passes the credential test: a token from WeChat, then one room read', async () => {
		const r = await n8n.rest('POST', '/credentials/test', { credentials: { ...credential(), id: CREDENTIAL.id } });
		expect(r.status).toBe(200);
		expect(r.body.data).toMatchObject({ status: 'OK' });
	});

	it('answers WeChat’s URL check, and a safe-mode event starts one execution with its fields', async () => {
		const check = await callbacks.verifyUrl(url, { token: sandbox.app.pushToken, echostr: '7364219057712345678' });
		expect(check).toMatchObject({ ok: true, status: 200, data: '7364219057712345678' });

		const event = callbacks.followEvent({ createTime: Math.floor(Date.now() / 1000), roomId: 4242, userOpenid: 'oSmokeSubscriber01' });
		const [reply] = await callbacks.sendEvent(url, { event, mode: 'safe', format: 'json', token: sandbox.app.pushToken, encodingAESKey: sandbox.app.encodingAESKey, appId: sandbox.app.appId });
		expect(reply).toMatchObject({ status: 200, data: 'success' });
		const [execution] = await n8n.executions(liveEvents.id, { waitFor: 1 });
		expect(itemsOf(execution, TRIGGER)).toEqual([
			expect.objectContaining({ Event: 'wxalive_follow_notify', room_id: 4242, user_openid: 'oSmokeSubscriber01', action_label: 'Subscribed', delivery_mode: 'safe' }),
		]);
	});

	it('polls a baseline that starts nothing, then reports the room going live once', async () => {
		// Activation polls once at once (the baseline); n8n's cron polls again within a minute.
		await waitFor('the baseline poll', () => roomPolls() >= 1, 60_000);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(await n8n.executions(roomWentLive.id)).toHaveLength(0);
		const pollsBefore = roomPolls();
		tonight.liveStatus = 101;
		await waitFor('the poll after the room went live', () => roomPolls() > pollsBefore, 100_000);
		const [execution] = await n8n.executions(roomWentLive.id, { waitFor: 1 });
		expect(itemsOf(execution, STATUS_TRIGGER)).toEqual([
			expect.objectContaining({ event: 'roomStatus', roomId: tonight.roomId, after: expect.objectContaining({ live_status: 101, live_status_label: 'Live' }) }),
		]);
	}, 240_000);
});
