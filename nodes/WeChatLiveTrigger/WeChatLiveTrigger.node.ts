import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { createHash } from 'node:crypto';

import { localize } from '../shared/i18n/localize';
import { labelsOf, listSubtitleOf } from '../shared/i18n/subtitle';
import { timeZoneOf } from '../shared/time';
import { forgetDelivery, isRepeatDelivery } from './dedupe';
import { MAX_BODY_BYTES, mayBeStaleSecrets, readDelivery, verifyHandshake } from './delivery';
import type { AcceptedModes, Rejection } from './delivery';
import {
	eventChoiceOf,
	eventIdentity,
	FOLLOW_EVENT,
	OTHER_EVENTS,
	PUSH_RESULT_EVENT,
	toEventItem,
} from './events';
import {
	primePushSecrets,
	pushSecrets,
	refreshPushSecretsIfOld,
	reloadPushSecretsAfterRefusal,
} from './pushSecrets';
import type { PushSecrets } from './pushSecrets';
import { MAX_TOLERANCE_SECONDS, readTimestampCheck } from './timestampCheck';

interface RequestWithRawBody {
	rawBody?: unknown;
	body?: unknown;
	readRawBody?: () => Promise<void>;
}

const EVENT_CHOICES: INodePropertyOptions[] = [
	{
		name: 'Any Other Message or Event',
		value: OTHER_EVENTS,
		description:
			'Every other push to this URL, such as customer service messages or the console debug event (debug_demo)',
	},
	{
		name: 'Mass Push Result',
		value: PUSH_RESULT_EVENT,
		description:
			'The result of a push to long-term subscribers (长期订阅群发结果, wxalive_push_message_notify): message_id and delivery counts',
	},
	{
		name: 'Subscriber Added or Removed',
		value: FOLLOW_EVENT,
		description:
			'A user subscribed to or unsubscribed from a live room (长期订阅状态, wxalive_follow_notify)',
	},
];

export class WeChatLiveTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeChat Live Trigger',
		name: 'weChatLiveTrigger',
		icon: {
			light: 'file:../../icons/wechatLive.svg',
			dark: 'file:../../icons/wechatLive.dark.svg',
		},
		group: ['trigger'],
		// Both versions behave the same. For a version-1 webhook node n8n evaluates an expression
		// (`$parameter["options"]["binaryData"]`) on every request before calling it, which under n8n 2.x's
		// isolated expression engine costs a V8 isolate per delivery (test/bench/RESULTS.md); new triggers
		// are version 2, saved workflows keep version 1.
		version: [1, 2],
		subtitle: listSubtitleOf('$parameter["events"]', labelsOf(EVENT_CHOICES)),
		description:
			'Starts the workflow when WeChat pushes a live event (a subscriber added or removed, a mass push result). The WeChat Live node beside it has the 41 actions on rooms, goods, roles, subscribers and images.',
		defaults: {
			name: 'WeChat Live Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'weChatLiveApi',
				required: true,
			},
		],
		webhooks: [
			{
				name: 'setup',
				httpMethod: 'GET',
				responseMode: 'onReceived',
				path: 'webhook',
			},
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// What n8n answers for a delivery that starts an execution (see webhook() below).
				responseData: 'success',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'Register the Production URL above by hand in the mini program admin console (mp.weixin.qq.com): 开发 (Development) → 开发管理 (Development Management) → 消息推送 (Message Push). Paste the Production URL, enter the same Token and EncodingAESKey as in the credential, choose 安全模式 (safe mode) and the data format (JSON recommended; XML works too). Publish this workflow BEFORE you press 提交 (Submit): WeChat checks the URL with a GET request at that moment. WeChat only calls a public https address: the Production URL must start with https:// and be reachable from the internet. n8n builds it from its WEBHOOK_URL setting; if it starts with http:// or shows localhost or 127.0.0.1, set WEBHOOK_URL to your public https address (e.g. https://n8n.example.com/) and restart n8n.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [FOLLOW_EVENT, PUSH_RESULT_EVENT],
				description:
					'Which pushes start the workflow. Others are still answered with "success", so WeChat does not retry them.',
				options: EVENT_CHOICES,
			},
			{
				displayName: 'Accepted Modes',
				name: 'acceptedModes',
				type: 'options',
				default: 'encrypted',
				description:
					'Message encryption modes (消息加解密方式) this trigger accepts. Encrypted deliveries need the EncodingAESKey in the credential.',
				options: [
					{
						name: 'Encrypted Only (Safe or Compatible Mode)',
						value: 'encrypted',
						description:
							'安全模式 or 兼容模式: the message is signed and encrypted with the EncodingAESKey. Recommended.',
					},
					{
						name: 'Encrypted or Plaintext',
						value: 'encryptedOrPlaintext',
						description: 'Only while switching the console between plaintext and an encrypted mode',
					},
					{
						name: 'Plaintext Only',
						value: 'plaintext',
						description:
							'明文模式 only: the message body is not authenticated. Compatible mode (兼容模式) deliveries count as encrypted.',
					},
				],
			},
			{
				displayName:
					'In plaintext mode (明文模式) WeChat signs only the URL parameters (Token, timestamp, nonce), not the message: anyone who has seen one delivery URL can post made-up events to this workflow until the timestamp tolerance runs out. Prefer safe mode (安全模式).',
				name: 'plaintextNotice',
				type: 'notice',
				default: '',
				displayOptions: {
					show: {
						acceptedModes: ['plaintext', 'encryptedOrPlaintext'],
					},
				},
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Include Raw Message',
						name: 'includeRaw',
						type: 'boolean',
						default: false,
						description:
							'Whether to add the message as WeChat sent it (decrypted, with its nested elements) under "raw"',
					},
					{
						displayName: 'Timestamp Tolerance (Seconds)',
						name: 'timestampTolerance',
						type: 'number',
						default: 300,
						typeOptions: { minValue: 1, maxValue: MAX_TOLERANCE_SECONDS },
						description: `Refuse deliveries whose signed timestamp is further than this from this server's clock, which limits replays. From 1 to ${MAX_TOLERANCE_SECONDS} seconds.`,
					},
					{
						displayName: 'Turn Off Timestamp Check',
						name: 'turnOffTimestampCheck',
						type: 'boolean',
						default: false,
						description:
							'Whether to accept deliveries whatever their signed timestamp. Not recommended: a captured delivery can then be replayed at any time. Only for a server whose clock cannot be kept right.',
					},
				],
			},
		],
	};

	// The panel in the package's language (nodes/shared/i18n); the literal above stays what n8n's lint reads.
	constructor() {
		this.description = localize(this.description);
	}

	// WeChat has no API to register a message-push URL: the user enters it in the admin console (see
	// the notice above). Activation only checks the settings and reads the credential's values into
	// memory, so the first delivery does not wait for n8n's database. Kept, though it creates nothing:
	// n8n's verification scanner fails a webhook trigger without all three
	// (@n8n/community-nodes/webhook-lifecycle-complete, in its recommended rules).
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const timestampCheck = readTimestampCheck(this.getNodeParameter('options', {}) as IDataObject);
				if (!timestampCheck.ok) {
					throw new NodeOperationError(this.getNode(), timestampCheck.message, {
						description: timestampCheck.description,
					});
				}
				if (timestampCheck.toleranceSeconds === 0) {
					this.logger.warn(
						'WeChat Live Trigger: the timestamp check is turned off, so a captured delivery can be replayed at any time',
					);
				}
				try {
					await primePushSecrets(this);
				} catch (error) {
					// Not fatal here: the first delivery reads the credential again.
					this.logger.warn(
						`WeChat Live Trigger could not read its credential on activation: ${error instanceof Error ? error.message : String(error)}`,
					);
				}
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const res = this.getResponseObject();
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const query = this.getQueryData() as Record<string, unknown>;
		const now = Math.floor(Date.now() / 1000);

		// Rejections get a bare status and no execution; the reason goes to the log only.
		const refuse = (rejection: Rejection): IWebhookResponseData => {
			this.logger.warn(`WeChat Live Trigger refused a request (${rejection.reason})`, {
				reason: rejection.reason,
				status: rejection.status,
			});
			res.status(rejection.status).end();
			return { noWebhookResponse: true };
		};
		const timestampCheck = readTimestampCheck(options);
		if (!timestampCheck.ok) {
			// Publishing refuses this setting; it can only come from an expression that changed since.
			this.logger.error(
				`WeChat Live Trigger cannot check deliveries: ${timestampCheck.message}. ${timestampCheck.description}`,
			);
			res.status(500).end();
			return { noWebhookResponse: true };
		}
		const timestampTolerance = timestampCheck.toleranceSeconds;

		// Checked with the credential's values in memory; only a refusal may re-read them (see pushSecrets.ts).
		const check = async <Result extends { ok: true } | Rejection>(
			verify: (secrets: PushSecrets) => Result,
		): Promise<Result> => {
			const result = verify(await pushSecrets(this));
			if (result.ok || !mayBeStaleSecrets(result as Rejection)) return result;
			const fresh = await reloadPushSecretsAfterRefusal(this);
			return fresh === undefined ? result : verify(fresh);
		};

		if (this.getWebhookName() === 'setup') {
			const handshake = await check(({ token }) =>
				verifyHandshake(query, { token, timestampTolerance, now }),
			);
			if (!handshake.ok) return refuse(handshake);
			// Only WeChat's form of echostr gets here, and never as something a browser would render.
			res.setHeader('X-Content-Type-Options', 'nosniff');
			res.status(200).type('text/plain').send(handshake.echostr);
			refreshPushSecretsIfOld(this);
			return { noWebhookResponse: true };
		}

		const rawBody = await readRawBody(this.getRequestObject() as RequestWithRawBody);
		if (rawBody === undefined) return refuse({ ok: false, status: 400, reason: 'no_raw_body' });

		const acceptedModes = this.getNodeParameter('acceptedModes', 'encrypted') as AcceptedModes;
		const delivery = await check(({ token, appId, aesKeys }) =>
			readDelivery(query, rawBody, {
				token,
				timestampTolerance,
				now,
				appId,
				aesKeys,
				acceptedModes,
				maxBodyBytes: MAX_BODY_BYTES,
			}),
		);
		if (!delivery.ok) return refuse(delivery);

		refreshPushSecretsIfOld(this);
		// WeChat only needs to hear "success" within 5 s. A delivery that starts nothing is answered here.
		const acknowledge = (): IWebhookResponseData => {
			res.status(200).type('text/plain').send('success');
			return { noWebhookResponse: true };
		};

		const selected = this.getNodeParameter('events', []) as string[];
		if (!selected.includes(eventChoiceOf(delivery.message))) return acknowledge();

		const item = toEventItem(delivery.message, delivery, options.includeRaw === true, timeZoneOf(this));
		const identity = eventIdentity(item);
		const scope = `${this.getWorkflow().id ?? ''}\u0000${this.getNode().id}`;
		if (isRepeatDelivery(scope, identity, timestampTolerance)) return acknowledge();
		// The same for every retry of this event, so a Remove Duplicates node can drop retries that reached
		// another webhook process (the filter above holds within one process).
		item.event_id = createHash('sha1').update(identity).digest('hex').slice(0, 20);

		// An event that starts an execution is answered by n8n (the webhook's responseData): n8n 2.x does so
		// once it has stored the execution, as for its own Webhook node, so an event n8n could not take (its
		// database overloaded, test/bench/RESULTS.md) is not acknowledged and WeChat sends it again. Its
		// error answer makes the retry filter forget the event, so that copy gets through.
		res.once('finish', () => {
			if (res.statusCode >= 300) forgetDelivery(scope, identity);
		});
		return { workflowData: [[{ json: item }]] };
	}
}

/**
 * Signatures and decryption need the bytes WeChat sent: n8n's own body parser lower-cases XML tag
 * names and JSON.parse rounds 64-bit ids. n8n keeps them in `rawBody`; older versions read them on
 * demand. A plain string body is the same text; a parsed object is not, so it is refused.
 */
async function readRawBody(request: RequestWithRawBody): Promise<Buffer | undefined> {
	if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
	if (typeof request.readRawBody === 'function') {
		try {
			await request.readRawBody();
		} catch {
			// The stream is gone: n8n already consumed a multipart/form-data body, or the client aborted.
			// There are no bytes to check, so the request is refused like any other (400, empty body).
			return undefined;
		}
		if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
	}
	if (typeof request.body === 'string') return Buffer.from(request.body, 'utf8');
	return undefined;
}
