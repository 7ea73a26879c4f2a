import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { sentences, t } from '../../shared/i18n/translate';
import endpointTable from './endpoints.json';
import { explainErrcode, TOKEN_ERRCODES } from './errcodes';
import { apiUrl, baseUrlOf, BaseUrlError, NotWeChatError, readJson, REQUEST_TIMEOUT_MS } from './http';
import { redact } from './redact';
import type { TokenFailure, WeChatContext } from './token';
import { asTokenFailure, credentialsOf, knownTokens, sendWithToken } from './token';

export { CREDENTIAL_TYPE } from './token';
export type { WeChatContext } from './token';

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
	const credentials = await credentialsOf(this);
	const secrets = (...more: unknown[]) => [String(credentials.appSecret ?? ''), ...more.map(String), ...knownTokens()];
	let base: string;
	try {
		base = baseUrlOf(credentials);
	} catch (error) {
		throw configurationError(this, error as BaseUrlError, request.itemIndex);
	}
	const options = buildOptions(endpoint, base, request);

	let rejected: string | undefined;
	let retries = 0;
	for (;;) {
		let sent;
		try {
			sent = await sendWithToken(this, options, rejected);
		} catch (error) {
			const failure = asTokenFailure(error);
			if (failure) throw tokenError(this, failure, request.itemIndex, secrets(rejected));
			if (endpoint.read && retries < READ_RETRY_DELAYS_MS.length && isTransient(error)) {
				await sleep(READ_RETRY_DELAYS_MS[retries++]);
				continue;
			}
			throw transportError(this, endpointName, error, request.itemIndex, secrets(rejected), retries + 1);
		}
		let response: IDataObject;
		try {
			response = readJson(sent.answer, base);
		} catch (error) {
			throw configurationError(this, error as NotWeChatError, request.itemIndex);
		}

		const errcode = Number(response.errcode ?? 0);
		if (errcode === 0 || request.acceptErrcodes?.includes(errcode)) return response;
		if (TOKEN_ERRCODES.has(errcode) && rejected === undefined) {
			// WeChat rejected the token (it expired early or another system refreshed it): replace it once and
			// resend. The request was refused, so resending even a write cannot apply it twice.
			rejected = sent.accessToken;
			continue;
		}
		if (errcode === -1 && endpoint.read && retries < READ_RETRY_DELAYS_MS.length) {
			await sleep(READ_RETRY_DELAYS_MS[retries++]);
			continue;
		}
		throw weChatError(this, endpointName, response, request.itemIndex, secrets(sent.accessToken, rejected));
	}
}

function buildOptions(endpoint: Endpoint, base: string, request: WeChatRequest): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		method: endpoint.method,
		url: apiUrl(base, endpoint.path),
		qs: request.qs,
		json: true,
		timeout: REQUEST_TIMEOUT_MS,
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

function statusOf(error: unknown): number | undefined {
	const e = error as { httpCode?: string; response?: { status?: number }; status?: number };
	const status = Number(e?.response?.status ?? e?.httpCode ?? e?.status);
	return Number.isFinite(status) && status > 0 ? status : undefined;
}

/** Network errors, 5xx and 429 may pass; any other 4xx answers the same way every time. */
function isTransient(error: unknown): boolean {
	const status = statusOf(error);
	return status === undefined || status >= 500 || status === 429;
}

function tokenError(
	context: WeChatContext,
	failure: TokenFailure,
	itemIndex: number | undefined,
	secrets: string[],
): NodeApiError {
	const message = redact(failure.message, secrets);
	return new NodeApiError(context.getNode(), { message } as JsonObject, {
		message,
		description: t(
			'Check the WeChat Live API credential (App ID, App Secret, API Base URL) and the API IP whitelist in the WeChat MP console.',
		),
		itemIndex,
	});
}

/** The API Base URL is refused, or what answers there is not WeChat: nothing was retried. */
function configurationError(context: WeChatContext, error: Error, itemIndex: number | undefined): NodeApiError {
	return new NodeApiError(context.getNode(), { message: error.message } as JsonObject, {
		message: error.message,
		description: t('Fix the API Base URL in the WeChat Live API credential, then run again.'),
		itemIndex,
	});
}

/** Which WeChat API a message is about: method, path and the name WeChat's Chinese docs give it. */
function apiLine(endpoint: Endpoint): string {
	return t('API: {method} {path} ({name}).', { method: endpoint.method, path: endpoint.path, name: endpoint.zh });
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
		message: t('{message} (WeChat errcode {errcode})', { message, errcode }),
		description: sentences(
			fix,
			link && t('Verification link: {link}', { link }),
			t('WeChat said: "{errmsg}".', { errmsg }),
			apiLine(endpoint),
			rid && t('Request ID for WeChat support: {rid}.', { rid }),
		),
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
	attempts: number,
): NodeApiError {
	const endpoint = ENDPOINTS[endpointName];
	const status = statusOf(error);
	const reason = redact(String((error as Error)?.message ?? error), secrets);
	const what = status ? t('WeChat answered HTTP {status}', { status }) : t('WeChat could not be reached ({reason})', { reason });
	const fix = endpoint.read
		? [
				attempts > 1
					? t('The read was retried automatically ({attempts} tries in all).', { attempts })
					: t('It was not retried: this answer does not change when asked again.'),
				status && status < 500 && status !== 429
					? t('Check the network and the credential’s API Base URL (an HTTP 4xx usually means it does not point at WeChat’s API), then run again.')
					: t('Check the network and the credential’s API Base URL, then run again.'),
			]
		: [
				t(
					'This was a write and it was NOT retried automatically, because WeChat may have applied it anyway: check the current state in WeChat (for example with a Get operation) before running this item again.',
				),
			];
	// A fresh error object: the original carries the request URL, and with it the access token.
	return new NodeApiError(
		context.getNode(),
		{ message: what, httpCode: status ? String(status) : null } as JsonObject,
		{
			message: what,
			description: sentences(...fix, apiLine(endpoint)),
			httpCode: status ? String(status) : undefined,
			itemIndex,
		},
	);
}
