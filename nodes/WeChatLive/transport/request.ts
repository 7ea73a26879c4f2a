import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import endpointTable from './endpoints.json';
import { explainErrcode, TOKEN_ERRCODES } from './errcodes';
import { redact } from './redact';
import { apiUrl, forgetToken, isTokenFresh, TOKEN_FAILURE } from './token';

export const CREDENTIAL_TYPE = 'weChatLiveApi';

export type EndpointName = keyof typeof endpointTable;

export interface Endpoint {
	method: IHttpRequestMethods;
	path: string;
	/** Safe to send twice: reads are retried on WeChat's -1 and on network errors, writes never are. */
	read: boolean;
	doc: string;
	zh: string;
	dailyQuota?: number;
}

export const ENDPOINTS = endpointTable as Record<EndpointName, Endpoint>;

export type WeChatContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface WeChatRequest {
	body?: IDataObject;
	qs?: IDataObject;
	/** A ready multipart body (media upload). */
	multipart?: { body: Buffer; contentType: string };
	itemIndex?: number;
	/** Errcodes that are an ordinary answer for this call, e.g. 9410000 "empty room list". */
	acceptErrcodes?: number[];
}

/** Backoff for retried reads: three tries in all, bounded to a few seconds. */
const READ_RETRY_DELAYS_MS = [300, 1000];

// Forced token refreshes in flight, per App ID: concurrent items wait for one refresh instead of each
// starting their own (WeChat's stable_token would answer them all alike, but it costs a request each).
const refreshes = new Map<string, Promise<unknown>>();

/**
 * The one place that talks to WeChat: the access token (reuse, forced refresh, one resend on a token
 * errcode), errcodes turned into plain-language NodeApiErrors, bounded retries for reads only, and
 * redaction of the token and secret from anything that can reach the user.
 */
export async function weChatRequest(
	this: WeChatContext,
	endpointName: EndpointName,
	request: WeChatRequest = {},
): Promise<IDataObject> {
	const endpoint = ENDPOINTS[endpointName];
	let credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const secrets = [credentials.appSecret as string];
	const options = buildOptions(endpoint, credentials, request);

	let tokenRetried = false;
	for (let attempt = 0; ; attempt++) {
		let response: IDataObject;
		try {
			response = await sendWithToken(this, options, credentials);
		} catch (error) {
			if (isTokenFailure(error)) throw tokenError(this, error, request.itemIndex, secrets);
			if (endpoint.read && attempt < READ_RETRY_DELAYS_MS.length && isTransient(error)) {
				await sleep(READ_RETRY_DELAYS_MS[attempt]);
				continue;
			}
			throw transportError(this, endpointName, error, request.itemIndex, secrets);
		}

		const errcode = Number(response.errcode ?? 0);
		if (errcode === 0 || request.acceptErrcodes?.includes(errcode)) return response;
		if (TOKEN_ERRCODES.has(errcode) && !tokenRetried) {
			// WeChat rejected the token (it expired early or another system refreshed it): refresh once and
			// resend. The request was refused, so resending even a write cannot apply it twice.
			tokenRetried = true;
			// Another item may have refreshed it meanwhile: use that token rather than fetch one more.
			const stored = await this.getCredentials(CREDENTIAL_TYPE);
			const refreshedElsewhere =
				isTokenFresh(stored.accessToken, stored.expiresAt) && stored.accessToken !== credentials.accessToken;
			if (!refreshedElsewhere) forgetToken(credentials, credentials.accessToken);
			credentials = refreshedElsewhere ? stored : { ...credentials, accessToken: '', expiresAt: 0 };
			attempt--;
			continue;
		}
		if (errcode === -1 && endpoint.read && attempt < READ_RETRY_DELAYS_MS.length) {
			await sleep(READ_RETRY_DELAYS_MS[attempt]);
			continue;
		}
		throw weChatError(this, endpointName, response, request.itemIndex, secrets);
	}
}

function buildOptions(
	endpoint: Endpoint,
	credentials: ICredentialDataDecryptedObject,
	request: WeChatRequest,
): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		method: endpoint.method,
		url: apiUrl(credentials.baseUrl as string, endpoint.path),
		qs: request.qs,
		json: true,
		timeout: 30_000,
	};
	if (request.multipart) {
		options.body = request.multipart.body;
		options.headers = { 'Content-Type': request.multipart.contentType };
	} else if (endpoint.method === 'POST') {
		// WeChat reads only JSON bodies; a form body fails with misleading 200002 / 47001 errors.
		options.body = request.body ?? {};
		options.headers = { 'Content-Type': 'application/json' };
	}
	return options;
}

async function sendWithToken(
	context: WeChatContext,
	options: IHttpRequestOptions,
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	if (isTokenFresh(credentials.accessToken, credentials.expiresAt)) {
		return parse(
			await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, options),
		);
	}
	const key = `${credentials.baseUrl}|${credentials.appId}`;
	const running = refreshes.get(key);
	if (running) {
		await running.catch(() => undefined);
		const reread = await context.getCredentials(CREDENTIAL_TYPE);
		if (isTokenFresh(reread.accessToken, reread.expiresAt) && reread.accessToken !== credentials.accessToken) {
			return await sendWithToken(context, options, reread);
		}
	}
	const forced = sendForcingRefresh(context, options, credentials);
	refreshes.set(key, forced);
	try {
		return await forced;
	} finally {
		if (refreshes.get(key) === forced) refreshes.delete(key);
	}
}

/**
 * n8n refreshes an expirable credential only when its token is empty (or on HTTP 401, which WeChat never
 * sends), so an emptied copy of the credential makes n8n run preAuthentication and store the new token.
 */
async function sendForcingRefresh(
	context: WeChatContext,
	options: IHttpRequestOptions,
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
	return parse(
		await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, options, {
			credentialsDecrypted: {
				id: reference?.id ?? '',
				name: reference?.name ?? '',
				type: CREDENTIAL_TYPE,
				data: { ...credentials, accessToken: '', expiresAt: 0 },
			},
		}),
	);
}

function parse(response: unknown): IDataObject {
	if (typeof response === 'string') {
		try {
			return JSON.parse(response) as IDataObject;
		} catch {
			return { errcode: -1, errmsg: 'WeChat did not answer with JSON' };
		}
	}
	if (Buffer.isBuffer(response)) return parse(response.toString('utf8'));
	return (response ?? {}) as IDataObject;
}

function statusOf(error: unknown): number | undefined {
	const e = error as { httpCode?: string; response?: { status?: number }; status?: number };
	const status = Number(e?.response?.status ?? e?.httpCode ?? e?.status);
	return Number.isFinite(status) && status > 0 ? status : undefined;
}

function isTransient(error: unknown): boolean {
	const status = statusOf(error);
	return status === undefined || status >= 500 || status === 429;
}

/** A failure of our preAuthentication (wrong App ID or Secret, IP not whitelisted…): retrying cannot help. */
function isTokenFailure(error: unknown): boolean {
	return String((error as Error)?.message ?? '').includes(TOKEN_FAILURE);
}

function tokenError(
	context: WeChatContext,
	error: unknown,
	itemIndex: number | undefined,
	secrets: string[],
): NodeApiError {
	const text = redact(String((error as Error).message), secrets);
	const message = text.slice(text.indexOf(TOKEN_FAILURE));
	return new NodeApiError(context.getNode(), { message } as JsonObject, {
		message,
		description: 'Check the WeChat Live API credential (App ID, App Secret, API Base URL) and the API IP whitelist in the WeChat MP console.',
		itemIndex,
	});
}

/** WeChat appends "rid: <request id>" to errmsg; support asks for it. */
export function ridOf(errmsg: string): string | undefined {
	return /rid:\s*([\w-]+)/.exec(errmsg)?.[1];
}

function weChatError(
	context: WeChatContext,
	endpointName: EndpointName,
	response: IDataObject,
	itemIndex: number | undefined,
	secrets: string[],
): NodeApiError {
	const errcode = Number(response.errcode);
	const errmsg = redact(String(response.errmsg ?? ''), secrets);
	const rid = ridOf(errmsg);
	const endpoint = ENDPOINTS[endpointName];
	const { message, fix } = explainErrcode(errcode, errmsg);
	const details: JsonObject = { errcode, errmsg };
	if (rid) details.rid = rid;
	// 300036 / 400002 carry the link the anchor or member must open to verify their identity.
	for (const key of ['qrcode_url', 'codeurl']) {
		if (typeof response[key] === 'string') details[key] = response[key] as string;
	}
	const link = (details.qrcode_url ?? details.codeurl) as string | undefined;
	const error = new NodeApiError(context.getNode(), details, {
		message: `${message} (WeChat errcode ${errcode})`,
		description: [
			fix,
			link ? `Verification link: ${link}` : '',
			`WeChat said: "${errmsg}". API: ${endpoint.method} ${endpoint.path} (${endpoint.zh}).`,
			rid ? `Request ID for WeChat support: ${rid}.` : '',
		]
			.filter(Boolean)
			.join(' '),
		itemIndex,
	});
	(error as NodeApiError & { weChat?: JsonObject }).weChat = details;
	return error;
}

function transportError(
	context: WeChatContext,
	endpointName: EndpointName,
	error: unknown,
	itemIndex: number | undefined,
	secrets: string[],
): NodeApiError {
	const endpoint = ENDPOINTS[endpointName];
	const status = statusOf(error);
	const reason = redact(String((error as Error)?.message ?? error), secrets);
	const what = status ? `WeChat answered HTTP ${status}` : `WeChat could not be reached (${reason})`;
	const fix = endpoint.read
		? 'The read was retried automatically. Check the network and the credential’s API Base URL, then run again.'
		: 'This was a write and it was NOT retried automatically, because WeChat may have applied it anyway: check the current state in WeChat (for example with a Get operation) before running this item again.';
	// A fresh error object: the original carries the request URL, and with it the access token.
	return new NodeApiError(
		context.getNode(),
		{ message: what, httpCode: status ? String(status) : null } as JsonObject,
		{
			message: what,
			description: `${fix} API: ${endpoint.method} ${endpoint.path}.`,
			httpCode: status ? String(status) : undefined,
			itemIndex,
		},
	);
}
