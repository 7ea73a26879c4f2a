/**
 * A hand-written stand-in for n8n's IWebhookFunctions: just what a webhook trigger touches. The
 * request carries `rawBody` as n8n's body parser leaves it; the response records what the node wrote.
 */
import type { IDataObject, INodeType, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

export interface RecordedResponse {
	statusCode?: number;
	contentType?: string;
	headers: Record<string, string>;
	body?: string;
	ended: boolean;
}

export interface WebhookContextOptions {
	webhookName?: 'setup' | 'default';
	query?: Record<string, unknown>;
	/** n8n's lazy body reader, for requests whose raw body n8n did not keep (e.g. one that throws). */
	readRawBody?: () => Promise<void>;
	/** The bytes as sent; `null` leaves `rawBody` out, as if n8n had not kept it. */
	body?: string | Buffer | null;
	headers?: Record<string, string>;
	credentials?: IDataObject;
	/**
	 * The ID n8n keeps on the node for its credential. Each context gets its own unless one is given, as
	 * different credentials have different IDs in n8n.
	 */
	credentialId?: string;
	/** Counts the node's reads of its credential (n8n reads it from its database each time). */
	onCredentialRead?: () => void;
	parameters?: IDataObject;
	workflowId?: string;
	nodeId?: string;
	/** What getTimezone() gives; n8n's default zone when not set. */
	timeZone?: string;
}

export interface WebhookContext {
	context: IWebhookFunctions;
	response: RecordedResponse;
	logs: Array<{ level: string; message: string }>;
	/** n8n writing the answer itself (see deliver()). */
	answer: (status: number, body: string) => void;
}

let contexts = 0;

export function createWebhookContext(options: WebhookContextOptions = {}): WebhookContext {
	const response: RecordedResponse = { ended: false, headers: {} };
	const credentialId = options.credentialId ?? `credential-${++contexts}`;
	const logs: WebhookContext['logs'] = [];
	const parameters: IDataObject = options.parameters ?? {};
	const rawBody =
		options.body === null || options.body === undefined
			? undefined
			: Buffer.isBuffer(options.body)
				? options.body
				: Buffer.from(options.body, 'utf8');

	const finished: Array<() => void> = [];
	const finish = () => {
		response.ended = true;
		for (const listener of finished.splice(0)) listener();
	};
	const res = {
		get statusCode() {
			return response.statusCode ?? 200;
		},
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		once(event: string, listener: () => void) {
			if (event === 'finish') finished.push(listener);
			return res;
		},
		setHeader(name: string, value: string) {
			response.headers[name.toLowerCase()] = value;
			return res;
		},
		type(type: string) {
			response.contentType = type;
			return res;
		},
		send(body: string) {
			response.body = body;
			finish();
			return res;
		},
		end() {
			finish();
			return res;
		},
	};
	const req = {
		method: options.webhookName === 'setup' ? 'GET' : 'POST',
		query: options.query ?? {},
		headers: options.headers ?? {},
		rawBody,
		readRawBody: options.readRawBody,
	};
	const log = (level: string) => (message: string) => {
		logs.push({ level, message });
	};

	const context = {
		getWebhookName: () => options.webhookName ?? 'default',
		getQueryData: () => options.query ?? {},
		getHeaderData: () => options.headers ?? {},
		getBodyData: () => ({}),
		getRequestObject: () => req,
		getResponseObject: () => res,
		getCredentials: async () => {
			options.onCredentialRead?.();
			return options.credentials ?? {};
		},
		getNodeParameter: (name: string, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getNode: () => ({
			id: options.nodeId ?? 'node-1',
			name: 'WeChat Live Trigger',
			type: 'n8n-nodes-wechat-live.weChatLiveTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: { weChatLiveApi: { id: credentialId, name: 'WeChat Live API' } },
		}),
		getWorkflow: () => ({ id: options.workflowId ?? 'workflow-1', name: 'Test', active: true }),
		getMode: () => 'webhook',
		getTimezone: () => options.timeZone ?? 'America/New_York',
		logger: {
			debug: log('debug'),
			info: log('info'),
			warn: log('warn'),
			error: log('error'),
		},
	};
	return { context: context as unknown as IWebhookFunctions, response, logs, answer: (status, body) => {
		response.statusCode = status;
		response.body = body;
		finish();
	} };
}

/**
 * Calls the node's webhook() as n8n does. When the node leaves the answer to n8n (no noWebhookResponse), n8n
 * stores the execution and then answers with the webhook's responseData, or, when it could not store it
 * (`storing: 'fails'`), with HTTP 500 (n8n's dist/webhooks/webhook-helpers.js, executeWebhook).
 */
export async function deliver(
	node: INodeType,
	{ context, answer }: Pick<WebhookContext, 'context' | 'answer'>,
	{ storing = 'succeeds' }: { storing?: 'succeeds' | 'fails' } = {},
): Promise<IWebhookResponseData> {
	const result = await node.webhook!.call(context);
	if (result.noWebhookResponse !== true) {
		const description = node.description.webhooks?.find((w) => w.name === context.getWebhookName());
		if (storing === 'fails') answer(500, '{"code":0,"message":"Workflow Webhook Error: Workflow could not be started!"}');
		else answer(200, String(description?.responseData ?? ''));
	}
	return result;
}
