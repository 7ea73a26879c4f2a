/**
 * The WeChat Live Trigger in a real, published n8n: WeChat's URL check, live events in every mode and
 * format from the sandbox's sender, WeChat's retries, forged or malformed deliveries, which must get
 * a 4xx and start nothing while n8n keeps serving, and a Token and EncodingAESKey changed in the
 * credential while the workflow stays published.
 */
import type * as Callbacks from '../sandbox/callbacks';
import type { Json, N8nInstance } from './harness';
import { CREDENTIAL, PACKAGE } from './support/workflows';

const { createInstance, ensureN8n, packPackage, REPO_ROOT, request } = require('./harness');
const callbacks: typeof Callbacks = require('../sandbox/callbacks');

const APP_ID = 'wxe2etrigger0000001';
const TOKEN = 'e2eTriggerToken2026';
const AES_KEY = callbacks.randomEncodingAESKey();
const WEBHOOK_ID = '5b1f3c2a-7e44-4a8e-9d1b-2c6f0e7a9b01';
const WORKFLOW_ID = 'wxE2eTrigger0001';
const OWNER = { email: 'trigger@example.com', password: 'Trigger-E2e-Passw0rd' };
const credentialData = (fields: Record<string, string>) => ({ appId: APP_ID, appSecret: 'unused-secret-0001', baseUrl: 'http://127.0.0.1:9', ...fields });

let n8n: N8nInstance;
let url: string;
let createTime = Math.floor(Date.now() / 1000) - 60;

const triggerWorkflow = {
	id: WORKFLOW_ID,
	name: 'WeChat live events',
	nodes: [
		{
			id: 'e2e-trigger-node',
			name: 'WeChat Live Trigger',
			type: `${PACKAGE}.weChatLiveTrigger`,
			typeVersion: 2, // what the editor adds; hostile.e2e.test.ts keeps a version-1 trigger
			position: [0, 0],
			webhookId: WEBHOOK_ID,
			// Plaintext too, so all three of WeChat's modes can be delivered to one workflow.
			parameters: { acceptedModes: 'encryptedOrPlaintext' },
			credentials: { weChatLiveApi: CREDENTIAL },
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
};

async function executionCount(): Promise<number> {
	return (await n8n.executions(WORKFLOW_ID, { limit: 200 })).length;
}

/** Each event gets its own CreateTime, so WeChat's retry filter does not take it for an earlier one. */
const follow = () => callbacks.followEvent({ createTime: ++createTime, roomId: 4242, userOpenid: 'oE2eSubscriber001' });
const pushResult = () =>
	callbacks.pushResultEvent({ createTime: ++createTime, messageId: '1622047360795164672', roomId: 4242, totalCount: 5, successCount: 4, openidErrorCount: 1 });

async function post(query: Record<string, string>, body: string, contentType = 'text/xml') {
	return await request(`${url}?${new URLSearchParams(query)}`, { method: 'POST', body, headers: { 'content-type': contentType } });
}

beforeAll(async () => {
	await ensureN8n();
	n8n = createInstance({ name: 'trigger', tarball: await packPackage(REPO_ROOT), owner: OWNER });
	await n8n.installPackage();
	await n8n.importCredentials([{ ...CREDENTIAL, type: 'weChatLiveApi', data: credentialData({ token: TOKEN, encodingAESKey: AES_KEY }) }]);
	await n8n.importWorkflows([triggerWorkflow]);
	await n8n.publish(WORKFLOW_ID);
	await n8n.start();
	url = `${n8n.url}/webhook/${WEBHOOK_ID}/webhook`;
	// n8n can answer 404 for a moment after readiness, until the published webhooks are registered.
	for (let tries = 0; tries < 100 && (await request(url)).status === 404; tries++) await new Promise((r) => setTimeout(r, 100));
});

afterAll(async () => {
	await n8n?.stop();
});

it('answers WeChat’s URL check with the exact echostr', async () => {
	const result = await callbacks.verifyUrl(url, { token: TOKEN, echostr: '7364219057712345678' });
	expect(result).toMatchObject({ ok: true, status: 200, data: '7364219057712345678' });

	const forged = await callbacks.verifyUrl(url, { token: 'notTheToken', echostr: '1234' });
	expect(forged.status).toBe(401);
	expect(forged.data).toBe('');
});

describe.each(['plaintext', 'compatible', 'safe'] as const)('in %s mode', (mode) => {
	it.each(['xml', 'json'] as const)('each live event in %s starts exactly one execution with the decoded fields', async (format) => {
		const before = await executionCount();
		for (const event of [follow(), pushResult()]) {
			const [reply] = await callbacks.sendEvent(url, { event, mode, format, token: TOKEN, encodingAESKey: AES_KEY, appId: APP_ID });
			expect(reply.status).toBe(200);
			expect(reply.data).toBe('success');
		}
		const executions = (await n8n.executions(WORKFLOW_ID, { waitFor: before + 2, limit: 200 })).slice(0, 2);
		expect(await executionCount()).toBe(before + 2);
		const items = executions.map((e: Json) => e.data.resultData.runData['WeChat Live Trigger'][0].data.main[0][0].json);
		const byEvent = Object.fromEntries(items.map((item: Json) => [item.Event, item]));
		expect(byEvent.wxalive_follow_notify).toMatchObject({
			room_id: 4242,
			user_openid: 'oE2eSubscriber001',
			action: 'add_follow',
			action_label: 'Subscribed',
			live_status: 101,
			delivery_mode: mode,
			data_format: format,
		});
		expect(byEvent.wxalive_push_message_notify).toMatchObject({
			message_id: '1622047360795164672',
			room_id: 4242,
			total_count: 5,
			success_count: 4,
			openid_error_count: 1,
		});
	});
});

it('starts one execution for a delivery WeChat repeats 4 times', async () => {
	const before = await executionCount();
	const replies = await callbacks.sendEvent(url, { event: follow(), mode: 'safe', format: 'xml', token: TOKEN, encodingAESKey: AES_KEY, appId: APP_ID, repeat: 4 });
	expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
	await n8n.executions(WORKFLOW_ID, { waitFor: before + 1, limit: 200 });
	// A later, different event still comes through, so the count below is settled, not early.
	await callbacks.sendEvent(url, { event: pushResult(), mode: 'safe', format: 'xml', token: TOKEN, encodingAESKey: AES_KEY, appId: APP_ID });
	await n8n.executions(WORKFLOW_ID, { waitFor: before + 2, limit: 200 });
	expect(await executionCount()).toBe(before + 2);
});

describe('forged and malformed deliveries get a 4xx and start nothing', () => {
	const safe = (overrides: Partial<Callbacks.DeliveryOptions> = {}) =>
		callbacks.buildDelivery({ event: follow(), mode: 'safe', format: 'json', token: TOKEN, encodingAESKey: AES_KEY, appId: APP_ID, ...overrides });

	/** A safe-mode JSON delivery whose Encrypt was changed, signed again so only the content is wrong. */
	function tampered(change: (cipher: Buffer) => Buffer) {
		const delivery = safe();
		const body = JSON.parse(delivery.body);
		body.Encrypt = change(Buffer.from(body.Encrypt, 'base64')).toString('base64');
		const query = { ...delivery.query, msg_signature: callbacks.sign(TOKEN, delivery.query.timestamp, delivery.query.nonce, body.Encrypt) };
		return { query, body: JSON.stringify(body), contentType: 'application/json' };
	}

	const hostile: Array<[string, () => { query: Record<string, string>; body: string; contentType: string }]> = [
		['a forged signature', () => ({ ...safe(), query: { ...safe().query, msg_signature: 'f'.repeat(40) } })],
		['a wrong App ID inside the ciphertext', () => safe({ appId: 'wxNotTheRightApp0001' })],
		['a stale timestamp', () => safe({ timestamp: Math.floor(Date.now() / 1000) - 3600 })],
		['missing parameters', () => {
			const d = safe();
			const query = { ...d.query };
			delete query.nonce;
			return { ...d, query };
		}],
		['a truncated ciphertext', () => tampered((c) => c.subarray(0, c.length - 16))],
		['a ciphertext with bad padding', () => tampered((c) => Buffer.concat([c.subarray(0, c.length - 1), Buffer.from([c[c.length - 1] ^ 0xff])]))],
		['an XML entity payload', () => {
			const d = callbacks.buildDelivery({ event: follow(), mode: 'plaintext', format: 'xml', token: TOKEN });
			const body = d.body.replace('<xml>', '<!DOCTYPE xml [<!ENTITY boom "boom">]><xml>').replace('oE2eSubscriber001', '&boom;');
			return { ...d, body };
		}],
		['a body over the size cap', () => {
			const d = callbacks.buildDelivery({ event: follow(), mode: 'plaintext', format: 'xml', token: TOKEN });
			return { ...d, body: d.body.replace('</xml>', `<Padding><![CDATA[${'x'.repeat(200 * 1024)}]]></Padding></xml>`) };
		}],
	];

	it.each(hostile)('%s', async (_story, build) => {
		const before = await executionCount();
		const delivery = build();
		const response = await post(delivery.query, delivery.body, delivery.contentType);
		expect(response.status).toBeGreaterThanOrEqual(400);
		expect(response.status).toBeLessThan(500);
		expect(response.text).toBe('');

		// n8n keeps serving: a genuine delivery right after is accepted and is the only new execution.
		const [reply] = await callbacks.sendEvent(url, { event: pushResult(), mode: 'safe', format: 'xml', token: TOKEN, encodingAESKey: AES_KEY, appId: APP_ID });
		expect(reply.data).toBe('success');
		await n8n.executions(WORKFLOW_ID, { waitFor: before + 1, limit: 200 });
		expect(await executionCount()).toBe(before + 1);
	});
});

describe('a credential changed while the workflow stays published (no restart)', () => {
	const NEW_TOKEN = 'e2eTriggerTokenRotated';
	const NEW_AES_KEY = callbacks.randomEncodingAESKey();
	const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

	/** Saves the credential as the editor does (PATCH /rest/credentials/:id). */
	async function saveCredential(fields: Record<string, string>) {
		const response = await n8n.rest('PATCH', `/credentials/${CREDENTIAL.id}`, { name: CREDENTIAL.name, type: 'weChatLiveApi', data: credentialData(fields) });
		expect(response.status).toBe(200);
		// A moment passes before WeChat's next request, as when the user switches to WeChat's console.
		await pause(1500);
	}

	it('a new Token and EncodingAESKey are honoured at once, and the previous key keeps working while it is filled in', async () => {
		await saveCredential({ token: NEW_TOKEN, encodingAESKey: NEW_AES_KEY, previousEncodingAESKey: AES_KEY });

		// WeChat's console checks the URL with the new Token when the user submits it there.
		expect(await callbacks.verifyUrl(url, { token: NEW_TOKEN, echostr: '8364219057712345678' })).toMatchObject({ status: 200, data: '8364219057712345678' });
		expect((await callbacks.verifyUrl(url, { token: TOKEN, echostr: '1234' })).status).toBe(401);

		const before = await executionCount();
		for (const encodingAESKey of [NEW_AES_KEY, AES_KEY]) {
			const [reply] = await callbacks.sendEvent(url, { event: follow(), mode: 'safe', format: 'json', token: NEW_TOKEN, encodingAESKey, appId: APP_ID });
			expect({ status: reply.status, data: reply.data }).toEqual({ status: 200, data: 'success' });
		}
		await n8n.executions(WORKFLOW_ID, { waitFor: before + 2, limit: 200 });
		expect(await executionCount()).toBe(before + 2);
	});

	it('a previous key removed from the credential stops working within seconds', async () => {
		await saveCredential({ token: NEW_TOKEN, encodingAESKey: NEW_AES_KEY });
		await pause(5000); // the values the trigger holds are now older than its refresh time
		// This delivery is answered from memory; after answering, the trigger re-reads its credential.
		const [genuine] = await callbacks.sendEvent(url, { event: follow(), mode: 'safe', format: 'json', token: NEW_TOKEN, encodingAESKey: NEW_AES_KEY, appId: APP_ID });
		expect(genuine.status).toBe(200);
		await pause(1000);
		const before = await executionCount();
		const oldKey = callbacks.buildDelivery({ event: follow(), mode: 'safe', format: 'json', token: NEW_TOKEN, encodingAESKey: AES_KEY, appId: APP_ID });
		const refused = await post(oldKey.query, oldKey.body, oldKey.contentType);
		expect(refused.status).toBe(401);
		expect(refused.text).toBe('');
		await pause(1000);
		expect(await executionCount()).toBe(before);
	});
});
