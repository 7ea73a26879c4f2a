import { createHash } from 'node:crypto';

import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { explainErrcode } from './errcodes';
import { redact } from './redact';

/** Refresh a little before WeChat's expiry so a token never dies between our check and WeChat's. */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

/** Starts every token failure's message, so the transport can tell it from a network fault after n8n re-wraps it. */
export const TOKEN_FAILURE = 'Getting an access token failed:';

export interface StableTokenInput {
	baseUrl: string;
	appId: string;
	appSecret: string;
}

export interface StableToken {
	accessToken: string;
	expiresAt: number;
}

type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

export function apiUrl(baseUrl: string, path: string): string {
	return `${String(baseUrl || 'https://api.weixin.qq.com').replace(/\/+$/, '')}${path}`;
}

export function isTokenFresh(accessToken: unknown, expiresAt: unknown, now = Date.now()): boolean {
	return (
		typeof accessToken === 'string' &&
		accessToken !== '' &&
		Number(expiresAt) - TOKEN_REFRESH_MARGIN_MS > now
	);
}

// Concurrent refreshes for one App ID in this process share a single stable_token request.
const inFlight = new Map<string, Promise<StableToken>>();

// The last token this process got per App ID. Within its lifetime stable_token hands every caller this same
// token, so a caller that read the credential before n8n stored it (two workflows activating at once) reuses
// it instead of asking WeChat again. The secret is part of the key so a corrected secret is really tested.
const recent = new Map<string, StableToken>();

/** The credential's fields that identify a token; a stored credential passes as it is. */
type TokenOwner = Partial<Record<keyof StableTokenInput, unknown>>;

function keyOf(input: TokenOwner): string {
	const secret = createHash('sha256').update(String(input.appSecret)).digest('hex');
	return `${String(input.baseUrl)}|${String(input.appId)}|${secret}`;
}

/** WeChat refused `accessToken` (40001, 42001…): the next request must fetch a new one. */
export function forgetToken(input: TokenOwner, accessToken: unknown): void {
	const key = keyOf(input);
	if (recent.get(key)?.accessToken === accessToken) recent.delete(key);
}

/**
 * POST /cgi-bin/stable_token in normal mode (never force_refresh): within its lifetime WeChat hands every
 * caller the same token, so n8n and the shop's other systems never invalidate each other's tokens, unlike
 * /cgi-bin/token.
 */
export async function requestStableToken(
	httpRequest: HttpRequest,
	input: StableTokenInput,
): Promise<StableToken> {
	const key = keyOf(input);
	const known = recent.get(key);
	if (known && isTokenFresh(known.accessToken, known.expiresAt)) return known;
	const pending = inFlight.get(key);
	if (pending) return await pending;
	const request = fetchStableToken(httpRequest, input)
		.then((token) => {
			recent.set(key, token);
			return token;
		})
		.finally(() => inFlight.delete(key));
	inFlight.set(key, request);
	return await request;
}

async function fetchStableToken(httpRequest: HttpRequest, input: StableTokenInput): Promise<StableToken> {
	const secrets = [input.appSecret];
	if (!input.appId || !input.appSecret) {
		throw new Error(`${TOKEN_FAILURE} fill in both the App ID and the App Secret of the mini program in the credential.`);
	}
	let response: IDataObject | undefined;
	let unreachable: string | undefined;
	try {
		response = (await httpRequest({
			method: 'POST',
			url: apiUrl(input.baseUrl, '/cgi-bin/stable_token'),
			body: {
				grant_type: 'client_credential',
				appid: input.appId,
				secret: input.appSecret,
				force_refresh: false,
			},
			json: true,
			headers: { 'Content-Type': 'application/json' },
		})) as IDataObject;
	} catch (error) {
		// Never pass the underlying error on: it carries the request body, and so the App Secret.
		unreachable = redact(String((error as Error).message ?? error), secrets);
	}
	if (unreachable !== undefined || response === undefined) {
		// Credentials have no node to attach a NodeApiError to; n8n shows this message as it is.
		throw new Error(
			`${TOKEN_FAILURE} could not reach WeChat at ${apiUrl(input.baseUrl, '')} (${unreachable}). Check the credential's API Base URL and that this server can reach it.`,
		);
	}
	if (typeof response === 'string') response = safeJson(response as string);
	const errcode = Number(response?.errcode ?? 0);
	if (errcode !== 0 || typeof response?.access_token !== 'string') {
		const errmsg = redact(String(response?.errmsg ?? 'no access_token in the answer'), secrets);
		const { message, fix } = explainErrcode(errcode, errmsg);
		throw new Error(`${TOKEN_FAILURE} ${message} (WeChat errcode ${errcode}: ${errmsg}). ${fix}`);
	}
	const expiresIn = Number(response.expires_in) > 0 ? Number(response.expires_in) : 7200;
	return { accessToken: response.access_token, expiresAt: Date.now() + expiresIn * 1000 };
}

function safeJson(text: string): IDataObject {
	try {
		return JSON.parse(text) as IDataObject;
	} catch {
		return { errcode: -1, errmsg: 'WeChat did not answer with JSON' };
	}
}
