/**
 * The WeChat Live Trigger keeps its credential's Token, App ID and EncodingAESKeys in memory: a delivery
 * that checks out never waits for n8n's database, and a changed Token or key is still honoured without a
 * restart. (n8n reads the credential from its database on every getCredentials call; the double counts
 * those reads.)
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { forgetDeliveries } from '../../nodes/WeChatLiveTrigger/dedupe';
import { forgetPushSecrets, REFRESH_AFTER_MS, RELOAD_AFTER_REFUSAL_MS } from '../../nodes/WeChatLiveTrigger/pushSecrets';
import { WeChatLiveTrigger } from '../../nodes/WeChatLiveTrigger/WeChatLiveTrigger.node';
import { sign } from '../sandbox/callbacks';
import type { DeliveryOptions } from '../sandbox/callbacks';
import { APP_ID, signedDelivery } from '../support/pushDelivery';
import { createWebhookContext, deliver as runWebhook } from '../support/webhookContext';

const OLD_AES = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const NEW_AES = 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut';
const PARAMETERS = { events: ['wxalive_follow_notify'], acceptedModes: 'encrypted', options: {} };
let clock = Date.now();

/** One credential as n8n stores it: the test edits it as a user saving the credential would. */
let stored: IDataObject;
let reads: number;

async function deliver(overrides: Partial<DeliveryOptions> = {}) {
	const d = signedDelivery({ token: 'tokenBefore', encodingAESKey: OLD_AES, ...overrides });
	const { context, answer, response } = createWebhookContext({
		webhookName: 'default',
		query: d.query,
		body: d.body,
		credentials: stored,
		credentialId: 'credential-7',
		onCredentialRead: () => reads++,
		parameters: PARAMETERS,
	});
	const result = await runWebhook(new WeChatLiveTrigger(), { context, answer });
	return { status: response.statusCode, started: (result.workflowData ?? []).flat().length };
}

async function urlCheck(token: string) {
	const timestamp = String(Math.floor(clock / 1000));
	const { context, answer, response } = createWebhookContext({
		webhookName: 'setup',
		query: { signature: sign(token, timestamp, '42'), timestamp, nonce: '42', echostr: '1234567890' },
		credentials: stored,
		credentialId: 'credential-7',
		onCredentialRead: () => reads++,
		parameters: PARAMETERS,
	});
	await runWebhook(new WeChatLiveTrigger(), { context, answer });
	return response.statusCode;
}

async function publish() {
	const { context } = createWebhookContext({ credentials: stored, credentialId: 'credential-7', onCredentialRead: () => reads++, parameters: PARAMETERS });
	await new WeChatLiveTrigger().webhookMethods.default.checkExists.call(context as unknown as IHookFunctions);
}

/** Lets background work (a re-read started after an answer) finish. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
	forgetDeliveries();
	forgetPushSecrets();
	stored = { appId: APP_ID, token: 'tokenBefore', encodingAESKey: OLD_AES, previousEncodingAESKey: '' };
	reads = 0;
	clock = Date.now();
	jest.spyOn(Date, 'now').mockImplementation(() => clock);
});

afterEach(() => jest.restoreAllMocks());

it('publishing reads the credential once; 50 deliveries after it read nothing', async () => {
	await publish();
	expect(reads).toBe(1);
	for (let i = 0; i < 50; i++) expect(await deliver()).toEqual({ status: 200, started: 1 });
	expect(reads).toBe(1);
});

it('in a process that did not publish the workflow (a webhook processor), only the first delivery reads it', async () => {
	for (let i = 0; i < 10; i++) expect((await deliver()).status).toBe(200);
	expect(reads).toBe(1);
});

it('a Token changed in the credential is honoured at once: the first delivery signed with it is accepted', async () => {
	await publish();
	clock += RELOAD_AFTER_REFUSAL_MS + 1;
	stored = { ...stored, token: 'tokenAfter' };
	expect(await deliver({ token: 'tokenAfter' })).toEqual({ status: 200, started: 1 });
	expect(await urlCheck('tokenAfter')).toBe(200);
	// The values in memory are the new ones now: the old Token is refused.
	expect((await deliver({ token: 'tokenBefore' })).status).toBe(401);
});

it('a rotated EncodingAESKey is honoured at once, and the previous key keeps working while it is filled in', async () => {
	await publish();
	clock += RELOAD_AFTER_REFUSAL_MS + 1;
	stored = { ...stored, encodingAESKey: NEW_AES, previousEncodingAESKey: OLD_AES };
	expect(await deliver({ encodingAESKey: NEW_AES })).toEqual({ status: 200, started: 1 });
	expect(await deliver({ encodingAESKey: OLD_AES })).toEqual({ status: 200, started: 1 });
});

it('a key removed from the credential stops working within seconds of the next deliveries, re-read after answering', async () => {
	stored = { ...stored, previousEncodingAESKey: NEW_AES };
	await publish();
	stored = { ...stored, previousEncodingAESKey: '' };
	expect((await deliver({ encodingAESKey: NEW_AES })).status).toBe(200); // within the refresh time
	clock += REFRESH_AFTER_MS + 1;
	expect((await deliver()).status).toBe(200); // answered from memory, then re-read in the background
	await settle();
	expect(reads).toBe(2);
	expect((await deliver({ encodingAESKey: NEW_AES })).status).toBe(401);
});

it('a flood of forged deliveries costs at most one credential read per interval', async () => {
	await publish();
	clock += RELOAD_AFTER_REFUSAL_MS + 1;
	for (let i = 0; i < 100; i++) expect((await deliver({ token: `forger${i}` })).status).toBe(401);
	expect(reads).toBe(2);
});

it('a burst on a process that has not read the credential yet reads it once', async () => {
	const replies = await Promise.all(Array.from({ length: 20 }, () => deliver()));
	expect(replies.map((r) => r.status)).toEqual(Array(20).fill(200));
	expect(reads).toBe(1);
});
