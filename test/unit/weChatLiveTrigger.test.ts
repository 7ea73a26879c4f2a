/**
 * The WeChat Live Trigger as WeChat's message push sees it. Deliveries come from the sandbox's
 * callback sender (test/sandbox/callbacks.js), an independent implementation of the signing and
 * encryption, so every accepted delivery here cross-checks the two.
 */
import type { IDataObject, IWebhookResponseData } from 'n8n-workflow';

import { forgetDeliveries } from '../../nodes/WeChatLiveTrigger/dedupe';
import { WeChatLiveTrigger } from '../../nodes/WeChatLiveTrigger/WeChatLiveTrigger.node';
import { encrypt, followEvent, FORMATS, MODES, pushResultEvent, sign } from '../sandbox/callbacks';
import type { Delivery } from '../sandbox/callbacks';
import { APP_ID, ENCODING_AES, now, signedDelivery as delivery, TOKEN } from '../support/pushDelivery';
import { createWebhookContext, deliver } from '../support/webhookContext';
import type { WebhookContextOptions } from '../support/webhookContext';

/** Another EncodingAESKey (no "key" in the name: n8n's hardcoded-secret lint rule matches it). */
const OLD_ENCODING_AES = 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut';
const CREDENTIALS = {
	appId: APP_ID,
	appSecret: 'not-used-by-the-trigger',
	baseUrl: 'https://api.weixin.qq.com',
	token: TOKEN,
	encodingAESKey: ENCODING_AES,
	previousEncodingAESKey: '',
};

/** Readable times of trigger items: ISO 8601 with the workflow's offset (the stand-in's zone is n8n's default). */
const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;

/** What n8n hands the node for parameters the user left alone. */
const DEFAULT_PARAMETERS: IDataObject = Object.fromEntries(
	new WeChatLiveTrigger().description.properties
		.filter((property) => property.type !== 'notice')
		.map((property) => [property.name, property.default]),
);

interface Outcome {
	result: IWebhookResponseData;
	status?: number;
	body?: string;
	contentType?: string;
	items: IDataObject[];
	logs: Array<{ level: string; message: string }>;
}

/** How n8n fares storing the execution a delivery starts. */
type Storing = { storing?: 'succeeds' | 'fails' };

async function call({ storing, ...options }: WebhookContextOptions & Storing): Promise<Outcome> {
	const { context, answer, response, logs } = createWebhookContext({
		credentials: CREDENTIALS,
		...options,
		parameters: { ...DEFAULT_PARAMETERS, ...options.parameters },
	});
	const result = await deliver(new WeChatLiveTrigger(), { context, answer }, { storing });
	const items = (result.workflowData ?? []).flat().map((item) => item.json);
	return {
		result,
		status: response.statusCode,
		body: response.body,
		contentType: response.contentType,
		items,
		logs,
	};
}

/** POST a delivery built by the sandbox sender. */
function post(
	push: Pick<Delivery, 'query' | 'body'>,
	options: Omit<WebhookContextOptions, 'query' | 'body'> & Storing = {},
) {
	return call({ webhookName: 'default', query: push.query, body: push.body, ...options });
}

function expectRefused(outcome: Outcome, status: number) {
	expect(outcome.status).toBe(status);
	expect(outcome.body).toBeUndefined();
	expect(outcome.result.workflowData).toBeUndefined();
	expect(outcome.result.noWebhookResponse).toBe(true);
}

/**
 * WeChat hears "success". For a delivery that starts an execution n8n answers, after storing it (the
 * webhook's responseData); for one that starts nothing (a retry, an event not selected) the node does.
 */
function expectAcknowledged(outcome: Outcome) {
	expect(outcome.status).toBe(200);
	expect(outcome.body).toBe('success');
	if (outcome.items.length > 0) {
		expect(outcome.result.noWebhookResponse).toBeUndefined();
	} else {
		expect(outcome.contentType).toBe('text/plain');
		expect(outcome.result.noWebhookResponse).toBe(true);
	}
}

beforeEach(() => forgetDeliveries());

describe('the URL check WeChat makes when the console settings are submitted', () => {
	function handshake(query: Record<string, unknown>, parameters: IDataObject = {}) {
		return call({ webhookName: 'setup', query, parameters });
	}

	it('answers the echostr verbatim, as plain text, and starts nothing', async () => {
		const timestamp = String(now());
		const outcome = await handshake({
			signature: sign(TOKEN, timestamp, '1514711492'),
			timestamp,
			nonce: '1514711492',
			echostr: '4375120948345356249',
		});
		expect(outcome.status).toBe(200);
		expect(outcome.contentType).toBe('text/plain');
		expect(outcome.body).toBe('4375120948345356249');
		expect(outcome.result).toEqual({ noWebhookResponse: true });
	});

	it("passes WeChat's own documented example (Token AAAAA) when the clock check is off", async () => {
		const { context, answer, response } = createWebhookContext({
			webhookName: 'setup',
			credentials: { ...CREDENTIALS, token: 'AAAAA' },
			parameters: { options: { turnOffTimestampCheck: true } },
			query: {
				signature: 'f464b24fc39322e44b38aa78f5edd27bd1441696',
				echostr: '4375120948345356249',
				timestamp: '1714036504',
				nonce: '1514711492',
			},
		});
		await deliver(new WeChatLiveTrigger(), { context, answer });
		expect(response.statusCode).toBe(200);
		expect(response.body).toBe('4375120948345356249');
	});

	it('a forged signature is refused with an empty 401 and nothing echoed', async () => {
		const timestamp = String(now());
		const outcome = await handshake({
			signature: sign('someone-elses-token', timestamp, '42'),
			timestamp,
			nonce: '42',
			echostr: 'echo-me',
		});
		expectRefused(outcome, 401);
		expect(outcome.logs.some((log) => log.message.includes('bad_signature'))).toBe(true);
	});

	it('a request without its parameters is refused with an empty 400', async () => {
		expectRefused(await handshake({}), 400);
		const timestamp = String(now());
		expectRefused(
			await handshake({ signature: sign(TOKEN, timestamp, '42'), timestamp, nonce: '42' }),
			400,
		);
	});

	it('a repeated parameter is refused rather than guessed at', async () => {
		const timestamp = String(now());
		const outcome = await handshake({
			signature: sign(TOKEN, timestamp, '42'),
			timestamp,
			nonce: ['42', '43'],
			echostr: 'x',
		});
		expectRefused(outcome, 400);
	});

	it('an old, captured check is refused once it is outside the timestamp tolerance', async () => {
		const timestamp = String(now() - 3600);
		const outcome = await handshake({
			signature: sign(TOKEN, timestamp, '42'),
			timestamp,
			nonce: '42',
			echostr: 'x',
		});
		expectRefused(outcome, 401);
	});

	it('without a Token in the credential every check is refused, and the log says why', async () => {
		const timestamp = String(now());
		const outcome = await call({
			webhookName: 'setup',
			credentials: { ...CREDENTIALS, token: '' },
			query: { signature: sign('', timestamp, '42'), timestamp, nonce: '42', echostr: 'x' },
		});
		expectRefused(outcome, 401);
		expect(outcome.logs.some((log) => log.message.includes('no message-push Token'))).toBe(true);
	});
});

describe('live events in every mode and format', () => {
	const follow = () =>
		followEvent({
			fromUserName: 'oFromUser',
			toUserName: 'gh_live',
			createTime: now(),
			roomId: 7,
			userOpenid: 'oSubscriber7',
			time: 1546924844,
			liveStatus: 101,
			action: 'add_follow',
		});
	const pushResult = () =>
		pushResultEvent({
			fromUserName: 'oFromUser',
			toUserName: 'gh_live',
			createTime: now(),
			messageId: '1622047360795164672',
			roomId: 7,
			totalCount: 5,
			successCount: 3,
			openidErrorCount: 1,
			relationErrorCount: 1,
			userRecvLimitCount: 0,
			internalErrorCount: 0,
		});

	const cases = MODES.flatMap((mode) => FORMATS.map((format) => [mode, format] as const));

	it.each(cases)(
		'a subscriber who subscribes (%s, %s) starts one execution with the decoded fields',
		async (mode, format) => {
			const event = follow();
			const outcome = await post(delivery({ event, mode, format }), {
				parameters: { acceptedModes: mode === 'plaintext' ? 'plaintext' : 'encrypted' },
			});
			expectAcknowledged(outcome);
			expect(outcome.items).toEqual([
				{
					ToUserName: 'gh_live',
					FromUserName: 'oFromUser',
					CreateTime: event.CreateTime,
					CreateTime_iso: expect.stringMatching(ISO_WITH_OFFSET),
					MsgType: 'event',
					Event: 'wxalive_follow_notify',
					room_id: 7,
					user_openid: 'oSubscriber7',
					time: 1546924844,
					time_iso: '2019-01-08T00:20:44-05:00',
					live_status: 101,
					action: 'add_follow',
					action_label: 'Subscribed',
					live_status_label: 'Live',
					delivery_mode: mode,
					data_format: format,
					event_id: expect.stringMatching(/^[0-9a-f]{20}$/),
				},
			]);
		},
	);

	it.each(cases)(
		'a mass push result (%s, %s) starts one execution, message_id kept as a string',
		async (mode, format) => {
			const event = pushResult();
			const outcome = await post(delivery({ event, mode, format }), {
				parameters: { acceptedModes: mode === 'plaintext' ? 'plaintext' : 'encrypted' },
			});
			expectAcknowledged(outcome);
			expect(outcome.items).toEqual([
				{
					ToUserName: 'gh_live',
					FromUserName: 'oFromUser',
					CreateTime: event.CreateTime,
					CreateTime_iso: expect.stringMatching(ISO_WITH_OFFSET),
					MsgType: 'event',
					Event: 'wxalive_push_message_notify',
					message_id: '1622047360795164672',
					room_id: 7,
					total_count: 5,
					success_count: 3,
					openid_error_count: 1,
					relation_error_count: 1,
					user_recv_limit_count: 0,
					internal_error_count: 0,
					delivery_mode: mode,
					data_format: format,
					event_id: expect.stringMatching(/^[0-9a-f]{20}$/),
				},
			]);
		},
	);

	it('reads the flat JSON shape too, and a message_id sent as a bare 64-bit number', async () => {
		const event = pushResultEvent({ messageId: BigInt('1622047360795164673') as never });
		const outcome = await post(delivery({ event, format: 'json', jsonShape: 'flat' }));
		expect(delivery({ event, format: 'json', jsonShape: 'flat' }).message).toContain(
			'"message_id":1622047360795164673',
		);
		expectAcknowledged(outcome);
		expect(outcome.items[0]).toMatchObject({
			message_id: '1622047360795164673',
			total_count: 2,
			delivery_mode: 'safe',
			data_format: 'json',
		});
	});

	it('labels an unsubscription and other room states', async () => {
		const event = followEvent({ action: 'del_follow', liveStatus: 103 });
		const outcome = await post(delivery({ event }));
		expect(outcome.items[0]).toMatchObject({
			action: 'del_follow',
			action_label: 'Unsubscribed',
			live_status: 103,
			live_status_label: 'Ended',
		});
	});

	it('adds the message as sent under "raw" when asked', async () => {
		const event = followEvent();
		const outcome = await post(delivery({ event }), {
			parameters: { options: { includeRaw: true } },
		});
		expect(outcome.items[0].raw).toMatchObject({
			Event: 'wxalive_follow_notify',
			FollowNotify: { room_id: 1, action: 'add_follow' },
		});
	});

	it("reads WeChat's official compatible-mode sample (V2), keeping the 64-bit MsgId exact", async () => {
		const encrypted =
			'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=';
		const body = `<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName><CreateTime>1409735668</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[abcdteT]]></Content><MsgId>6054768590064713728</MsgId><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
		const outcome = await post(
			{
				body,
				query: {
					timestamp: '1409735669',
					nonce: '1320562132',
					encrypt_type: 'aes',
					msg_signature: '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
				},
			},
			{
				credentials: {
					...CREDENTIALS,
					token: 'spamtest',
					appId: 'wx2c2769f8efd9abc2',
					encodingAESKey: ENCODING_AES,
				},
				parameters: { events: ['other'], options: { turnOffTimestampCheck: true } },
			},
		);
		expectAcknowledged(outcome);
		expect(outcome.items).toEqual([
			{
				ToUserName: 'gh_10f6c3c3ac5a',
				FromUserName: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs',
				CreateTime: 1409735668,
				CreateTime_iso: '2014-09-03T05:14:28-04:00',
				MsgType: 'text',
				Content: 'abcdteT',
				MsgId: '6054768590064713728',
				delivery_mode: 'compatible',
				data_format: 'xml',
				event_id: expect.stringMatching(/^[0-9a-f]{20}$/),
			},
		]);
	});

	it("reads WeChat's official safe-mode JSON walkthrough (V1) as an 'other' event", async () => {
		const outcome = await post(
			{
				body: JSON.stringify({
					ToUserName: 'gh_97417a04a28d',
					Encrypt:
						'+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=',
				}),
				query: {
					signature: '6c5c811b55cc85e0e1b54100749188c20beb3f5d',
					timestamp: '1714112445',
					nonce: '415670741',
					openid: 'o9AgO5Kd5ggOC-bXrbNODIiE3bGY',
					encrypt_type: 'aes',
					msg_signature: '046e02f8204d34f8ba5fa3b1db94908f3df2e9b3',
				},
			},
			{
				credentials: {
					...CREDENTIALS,
					token: 'AAAAA',
					appId: 'wxba5fad812f8e6fb9',
					encodingAESKey: 'A'.repeat(43),
				},
				parameters: { events: ['other'], options: { turnOffTimestampCheck: true } },
			},
		);
		expectAcknowledged(outcome);
		expect(outcome.items).toEqual([
			{
				ToUserName: 'gh_97417a04a28d',
				FromUserName: 'o9AgO5Kd5ggOC-bXrbNODIiE3bGY',
				CreateTime: 1714112445,
				CreateTime_iso: '2024-04-26T02:20:45-04:00',
				MsgType: 'event',
				Event: 'debug_demo',
				debug_str: 'hello world',
				delivery_mode: 'safe',
				data_format: 'json',
				event_id: expect.stringMatching(/^[0-9a-f]{20}$/),
			},
		]);
	});

	it('keeps a 64-bit MsgId of a plaintext JSON message exact', async () => {
		const event = {
			ToUserName: 'gh_live',
			FromUserName: 'oCustomer',
			CreateTime: now(),
			MsgType: 'text',
			Content: '直播几点开始？',
			MsgId: BigInt('6054768590064713728'),
		};
		const outcome = await post(delivery({ event, mode: 'plaintext', format: 'json' }), {
			parameters: { acceptedModes: 'encryptedOrPlaintext', events: ['other'] },
		});
		expect(outcome.items[0]).toMatchObject({
			MsgId: '6054768590064713728',
			Content: '直播几点开始？',
			delivery_mode: 'plaintext',
		});
	});
});

describe('forged, stale and damaged deliveries start nothing', () => {
	it('plaintext is refused unless the user chose to accept it', async () => {
		const outcome = await post(delivery({ event: followEvent(), mode: 'plaintext' }));
		expectRefused(outcome, 401);
	});

	it('encrypted deliveries are refused when only plaintext is accepted', async () => {
		const outcome = await post(delivery({ event: followEvent() }), {
			parameters: { acceptedModes: 'plaintext' },
		});
		expectRefused(outcome, 401);
	});

	it('a forged plaintext signature is refused', async () => {
		const forged = delivery({ event: followEvent(), mode: 'plaintext', token: 'guessed-token' });
		const outcome = await post(forged, { parameters: { acceptedModes: 'plaintext' } });
		expectRefused(outcome, 401);
	});

	it('a ciphertext swapped under a valid msg_signature is refused', async () => {
		const genuine = delivery({ event: followEvent() });
		const other = delivery({ event: followEvent({ action: 'del_follow' }) });
		const outcome = await post({ query: genuine.query, body: other.body });
		expectRefused(outcome, 401);
	});

	it('the unauthenticated plaintext beside Encrypt in compatible mode is ignored', async () => {
		const genuine = delivery({ event: followEvent({ action: 'add_follow' }), mode: 'compatible' });
		const tampered = genuine.body.replace(
			'<action><![CDATA[add_follow]]>',
			'<action><![CDATA[del_follow]]>',
		);
		expect(tampered).not.toBe(genuine.body);
		const outcome = await post({ query: genuine.query, body: tampered });
		expect(outcome.items[0]).toMatchObject({ action: 'add_follow' });
	});

	it('a delivery with a stale timestamp is refused; with the check off it is accepted', async () => {
		const stale = delivery({ event: followEvent(), timestamp: now() - 301 });
		expectRefused(await post(stale), 401);
		const accepted = await post(stale, { parameters: { options: { turnOffTimestampCheck: true } } });
		expect(accepted.items).toHaveLength(1);
	});

	it('a message encrypted for another mini program (wrong AppID) is refused', async () => {
		const foreign = delivery({ event: followEvent(), appId: 'wx0000000000000000' });
		expectRefused(await post(foreign), 401);
	});

	it('without an EncodingAESKey in the credential, encrypted deliveries are refused', async () => {
		const outcome = await post(delivery({ event: followEvent() }), {
			credentials: { ...CREDENTIALS, encodingAESKey: '' },
		});
		expectRefused(outcome, 401);
	});

	it('a malformed EncodingAESKey in the credential is ignored with a warning, not guessed at', async () => {
		const outcome = await post(delivery({ event: followEvent() }), {
			credentials: { ...CREDENTIALS, encodingAESKey: `${ENCODING_AES}=` },
		});
		expectRefused(outcome, 401);
		expect(outcome.logs.some((log) => log.message.includes('encodingAESKey'))).toBe(true);
	});

	it('a multipart body, whose bytes n8n has already consumed, is refused with 400 and starts nothing', async () => {
		const { query } = delivery({ event: followEvent() });
		const outcome = await call({
			webhookName: 'default',
			query,
			body: null,
			headers: { 'content-type': 'multipart/form-data; boundary=x' },
			readRawBody: async () => {
				throw new Error('stream is not readable');
			},
		});
		expectRefused(outcome, 400);
	});

	it('a body over 64 KiB is refused with 413 before anything is parsed', async () => {
		const event = { ...followEvent(), Padding: 'x'.repeat(70 * 1024) };
		const outcome = await post(delivery({ event, mode: 'plaintext' }), {
			parameters: { acceptedModes: 'plaintext' },
		});
		expectRefused(outcome, 413);
	});

	// Both come after a good signature, so both get the one status of every such refusal (401).
	it('an XML entity payload is refused, in the body and inside the ciphertext', async () => {
		const bomb =
			'<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><xml><ToUserName><![CDATA[gh_live]]></ToUserName><Content>&b;</Content></xml>';
		const timestamp = String(now());
		const nonce = '123456';
		const plaintext = await post(
			{ query: { signature: sign(TOKEN, timestamp, nonce), timestamp, nonce }, body: bomb },
			{ parameters: { acceptedModes: 'plaintext', events: ['other'] } },
		);
		expectRefused(plaintext, 401);

		const Encrypt = encrypt(bomb, ENCODING_AES, APP_ID);
		const encrypted = await post(
			{
				query: {
					timestamp,
					nonce,
					encrypt_type: 'aes',
					msg_signature: sign(TOKEN, timestamp, nonce, Encrypt),
				},
				body: `<xml><ToUserName><![CDATA[gh_live]]></ToUserName><Encrypt><![CDATA[${Encrypt}]]></Encrypt></xml>`,
			},
			{ parameters: { events: ['other'] } },
		);
		expectRefused(encrypted, 401);
	});

	it('a body that is neither XML nor JSON is refused', async () => {
		const genuine = delivery({ event: followEvent() });
		expectRefused(await post({ query: genuine.query, body: 'Encrypt=abc' }), 400);
	});

	it('an unknown encrypt_type is refused', async () => {
		const genuine = delivery({ event: followEvent() });
		const query = { ...genuine.query, encrypt_type: 'des' };
		expectRefused(await post({ query, body: genuine.body }), 400);
	});

	it('a request whose raw bytes n8n did not keep is refused', async () => {
		const genuine = delivery({ event: followEvent() });
		expectRefused(await call({ webhookName: 'default', query: genuine.query, body: null }), 400);
	});
});

describe('key rotation', () => {
	it('a delivery still encrypted with the previous EncodingAESKey is accepted', async () => {
		const oldDelivery = delivery({ event: followEvent(), encodingAESKey: OLD_ENCODING_AES });
		const outcome = await post(oldDelivery, {
			credentials: {
				...CREDENTIALS,
				encodingAESKey: ENCODING_AES,
				previousEncodingAESKey: OLD_ENCODING_AES,
			},
		});
		expectAcknowledged(outcome);
		expect(outcome.items).toHaveLength(1);
	});

	it('without the previous key, such a delivery is refused', async () => {
		const oldDelivery = delivery({ event: followEvent(), encodingAESKey: OLD_ENCODING_AES });
		expectRefused(await post(oldDelivery), 401);
	});
});

describe("WeChat's retries and event selection", () => {
	it('the same event delivered four times (fresh nonce and ciphertext each time) starts one execution', async () => {
		const event = pushResultEvent({ createTime: now() });
		const outcomes = [];
		for (let attempt = 0; attempt < 4; attempt++) {
			outcomes.push(await post(delivery({ event })));
		}
		for (const outcome of outcomes) expectAcknowledged(outcome);
		expect(outcomes.map((outcome) => outcome.items.length)).toEqual([1, 0, 0, 0]);
	});

	it('an event n8n could not store (it answered WeChat with an error) starts on WeChat’s next try, once', async () => {
		const event = pushResultEvent({ createTime: now() });
		const first = await post(delivery({ event }), { storing: 'fails' });
		expect(first.status).toBe(500);
		const retries = [];
		for (let attempt = 0; attempt < 3; attempt++) retries.push(await post(delivery({ event })));
		for (const outcome of retries) expectAcknowledged(outcome);
		expect(retries.map((outcome) => outcome.items.length)).toEqual([1, 0, 0]);
	});

	it('a retry that reaches another workflow (or another webhook process) carries the same event_id', async () => {
		const event = followEvent({ createTime: now() });
		const first = await post(delivery({ event }), { workflowId: 'wf-one' });
		const second = await post(delivery({ event }), { workflowId: 'wf-two' });
		expect(first.items[0].event_id).toBe(second.items[0].event_id);
	});

	it('a retry switching format or mode is still the same event', async () => {
		const event = followEvent({ createTime: now() });
		const first = await post(delivery({ event, mode: 'safe', format: 'xml' }));
		const second = await post(delivery({ event, mode: 'compatible', format: 'json' }));
		expect([first.items.length, second.items.length]).toEqual([1, 0]);
	});

	it('the same event still starts each workflow that listens for it', async () => {
		const event = followEvent({ createTime: now() });
		const first = await post(delivery({ event }), { workflowId: 'shop-a' });
		const second = await post(delivery({ event }), { workflowId: 'shop-b' });
		expect([first.items.length, second.items.length]).toEqual([1, 1]);
	});

	it('two subscribers in the same second are two events', async () => {
		const createTime = now();
		const first = await post(delivery({ event: followEvent({ createTime, userOpenid: 'oA' }) }));
		const second = await post(delivery({ event: followEvent({ createTime, userOpenid: 'oB' }) }));
		expect([first.items.length, second.items.length]).toEqual([1, 1]);
	});

	it('an event that is not selected is answered "success" and starts nothing', async () => {
		const outcome = await post(delivery({ event: pushResultEvent() }), {
			parameters: { events: ['wxalive_follow_notify'] },
		});
		expectAcknowledged(outcome);
		expect(outcome.result.workflowData).toBeUndefined();
	});

	it("other pushes (here the console's debug event) start nothing unless chosen", async () => {
		const debug = {
			ToUserName: 'gh_live',
			FromUserName: 'oDebug',
			CreateTime: now(),
			MsgType: 'event',
			Event: 'debug_demo',
			debug_str: 'hello world',
		};
		const ignored = await post(delivery({ event: debug, format: 'json' }));
		expectAcknowledged(ignored);
		expect(ignored.result.workflowData).toBeUndefined();

		const chosen = await post(delivery({ event: debug, format: 'json' }), {
			parameters: { events: ['other'] },
		});
		expect(chosen.items).toEqual([
			{ ...debug, CreateTime_iso: expect.stringMatching(ISO_WITH_OFFSET), delivery_mode: 'safe', data_format: 'json', event_id: expect.stringMatching(/^[0-9a-f]{20}$/) },
		]);
	});
});
