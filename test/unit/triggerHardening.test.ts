/**
 * The WeChat Live Trigger at its edges: what the URL check echoes, labels for odd values, the Timestamp
 * Tolerance as users (and their expressions) give it, how long retries are remembered, and replies that
 * say nothing about which check failed.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { forgetDeliveries, isRepeatDelivery, MAX_ENTRIES_PER_SCOPE } from '../../nodes/WeChatLiveTrigger/dedupe';
import { forgetPushSecrets } from '../../nodes/WeChatLiveTrigger/pushSecrets';
import { WeChatLiveTrigger } from '../../nodes/WeChatLiveTrigger/WeChatLiveTrigger.node';
import { encrypt, sign } from '../sandbox/callbacks';
import { APP_ID, ENCODING_AES, newFollowEvent, now, signedDelivery as delivery, TOKEN } from '../support/pushDelivery';
import { createWebhookContext, deliver } from '../support/webhookContext';
import type { WebhookContextOptions } from '../support/webhookContext';

const CREDENTIALS = { appId: APP_ID, token: TOKEN, encodingAESKey: ENCODING_AES };
const DEFAULTS = { events: ['wxalive_follow_notify', 'wxalive_push_message_notify'], acceptedModes: 'encrypted' };

async function call(options: WebhookContextOptions) {
	const { context, answer, response, logs } = createWebhookContext({
		credentials: CREDENTIALS,
		...options,
		parameters: { ...DEFAULTS, ...options.parameters },
	});
	const result = await deliver(new WeChatLiveTrigger(), { context, answer });
	return { result, response, logs, items: (result.workflowData ?? []).flat().map((i) => i.json) };
}

const post = (d: { query: Record<string, string>; body: string }, parameters: IDataObject = {}) =>
	call({ webhookName: 'default', query: d.query, body: d.body, parameters });

/** What n8n runs when the workflow is published. */
async function activate(parameters: IDataObject) {
	const { context, logs } = createWebhookContext({ credentials: CREDENTIALS, parameters: { ...DEFAULTS, ...parameters } });
	const hooks = new WeChatLiveTrigger().webhookMethods.default;
	await hooks.checkExists.call(context as unknown as IHookFunctions);
	return logs;
}

beforeEach(() => {
	forgetDeliveries();
	forgetPushSecrets();
});

describe('the URL check echoes only what WeChat sends', () => {
	const check = (echostr: string) => {
		const timestamp = String(now());
		return call({ webhookName: 'setup', query: { signature: sign(TOKEN, timestamp, '42'), timestamp, nonce: '42', echostr } });
	};

	it('a genuine echostr comes back as plain text that browsers must not sniff', async () => {
		const { response } = await check('4375120948345356249');
		expect(response.statusCode).toBe(200);
		expect(response.body).toBe('4375120948345356249');
		expect(response.headers['x-content-type-options']).toBe('nosniff');
	});

	it.each([
		['markup', '<script>alert(1)</script>'],
		['a space', '43751 20948'],
		['a line break', '4375120948\r\nSet-Cookie: a=1'],
		['129 characters', '1'.repeat(129)],
		['non-ASCII text', '回显'],
	])('a correctly signed check whose echostr has %s is refused with 400 and nothing echoed', async (_what, echostr) => {
		const { response, result } = await check(echostr);
		expect(response.statusCode).toBe(400);
		expect(response.body).toBeUndefined();
		expect(result.workflowData).toBeUndefined();
	});
});

describe('labels only for the values WeChat documents', () => {
	it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('a subscription event with action "%s" gets no action_label', async (action) => {
		const { response, items } = await post(delivery({ event: newFollowEvent({ action }) }));
		expect(response.statusCode).toBe(200);
		expect(items).toHaveLength(1);
		expect(items[0].action).toBe(action);
		expect(items[0]).not.toHaveProperty('action_label');
	});
});

describe('Timestamp Tolerance', () => {
	const aged = (seconds: number) => delivery({ timestamp: now() - seconds });

	it('given by an expression as text ("600"), it is read as 600 seconds, not the default 300', async () => {
		const accepted = await post(aged(400), { options: { timestampTolerance: '600' } });
		expect(accepted.response.statusCode).toBe(200);
		expect(accepted.items).toHaveLength(1);
		const refused = await post(aged(700), { options: { timestampTolerance: '600' } });
		expect(refused.response.statusCode).toBe(401);
	});

	it.each([['text that is no number', 'five minutes'], ['0', 0], ['"0"', '0'], ['3601', 3601], ['-5', -5], ['NaN', Number.NaN], ['"1e3"', '1e3']])(
		'%s stops the workflow from being published, with the rule and the fix',
		async (_what, timestampTolerance) => {
			await expect(activate({ options: { timestampTolerance } })).rejects.toThrow(/Timestamp Tolerance/);
			await expect(activate({ options: { timestampTolerance } })).rejects.toMatchObject({
				description: expect.stringMatching(/1 to 3600|Turn Off Timestamp Check/),
			});
		},
	);

	it.each([['text that is no number', 'five minutes'], ['0', 0]])('%s, should it reach a delivery, starts nothing and is logged (500)', async (_what, timestampTolerance) => {
		const { response, result, logs } = await post(delivery(), { options: { timestampTolerance } });
		expect(response.statusCode).toBe(500);
		expect(result.workflowData).toBeUndefined();
		expect(logs.some((l) => l.level === 'error' && l.message.includes('Timestamp Tolerance'))).toBe(true);
	});

	it('the check is off only with Turn Off Timestamp Check, and publishing logs a warning', async () => {
		const logs = await activate({ options: { turnOffTimestampCheck: true } });
		expect(logs.some((l) => l.level === 'warn' && l.message.includes('timestamp check is turned off'))).toBe(true);
		const { response, items } = await post(aged(86400), { options: { turnOffTimestampCheck: true } });
		expect(response.statusCode).toBe(200);
		expect(items).toHaveLength(1);
	});

	it('1 and 3600 are accepted when publishing', async () => {
		await expect(activate({ options: { timestampTolerance: 1 } })).resolves.toEqual([]);
		await expect(activate({ options: { timestampTolerance: 3600 } })).resolves.toEqual([]);
	});
});

describe('the retry filter', () => {
	const HOUR = 3600 * 1000;

	it('remembers an event for at least twice the tolerance: a copy 1.5 hours later with a tolerance of an hour is still a repeat', () => {
		const start = Date.now();
		expect(isRepeatDelivery('workflow-a\u0000node', 'event-1', 3600, start)).toBe(false);
		expect(isRepeatDelivery('workflow-a\u0000node', 'event-1', 3600, start + 1.5 * HOUR)).toBe(true);
		expect(isRepeatDelivery('workflow-a\u0000node', 'event-1', 3600, start + 2 * HOUR + 1)).toBe(false);
	});

	it('one busy workflow cannot push another workflow’s events out of memory', () => {
		const start = Date.now();
		expect(isRepeatDelivery('quiet\u0000node', 'the quiet event', 300, start)).toBe(false);
		// More events than one workflow's memory holds (and than the 20,000 all workflows once shared).
		const busy = Math.max(MAX_ENTRIES_PER_SCOPE ?? 0, 20_000) + 1;
		for (let i = 0; i < busy; i++) isRepeatDelivery('busy\u0000node', `event ${i}`, 300, start);
		expect(isRepeatDelivery('quiet\u0000node', 'the quiet event', 300, start + 1000)).toBe(true);
	});
});

describe('after a good signature, every refusal looks the same', () => {
	/** A delivery around a given Encrypt value, correctly signed: only what is inside is wrong. */
	function signedAround(Encrypt: string) {
		const timestamp = String(now());
		const nonce = '987654';
		return {
			query: { timestamp, nonce, encrypt_type: 'aes', msg_signature: sign(TOKEN, timestamp, nonce, Encrypt) },
			body: `<xml><ToUserName><![CDATA[gh_live]]></ToUserName><Encrypt><![CDATA[${Encrypt}]]></Encrypt></xml>`,
		};
	}

	it('a message that is not XML or JSON, one for another App ID, bad padding and a stale timestamp all get the same empty status', async () => {
		const badMessage = signedAround(encrypt('not a message', ENCODING_AES, APP_ID));
		const otherApp = signedAround(encrypt('<xml><Event>x</Event></xml>', ENCODING_AES, 'wxsomeoneelse00001'));
		const good = encrypt('<xml><Event>x</Event></xml>', ENCODING_AES, APP_ID);
		const bytes = Buffer.from(good, 'base64');
		bytes[bytes.length - 17] ^= 0x01; // the last block's ciphertext: garbles the padding
		const badPadding = signedAround(bytes.toString('base64'));
		const stale = delivery({ timestamp: now() - 3600 });
		const statuses = [];
		for (const d of [badMessage, otherApp, badPadding, stale]) {
			const { response, result } = await post(d, { events: ['other', 'wxalive_follow_notify'] });
			expect(response.body).toBeUndefined();
			expect(result.workflowData).toBeUndefined();
			statuses.push(response.statusCode);
		}
		expect(new Set(statuses).size).toBe(1);
	});
});
