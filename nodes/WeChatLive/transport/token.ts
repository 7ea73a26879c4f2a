import { createHash } from 'node:crypto';

import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { t } from '../../shared/i18n/translate';
import { explainErrcode } from './errcodes';
import type { ApiAddress } from './http';
import { apiUrl, baseUrlOf, readJson, REQUEST_TIMEOUT_MS, WECHAT_API_URL } from './http';
import { redact } from './redact';

export const CREDENTIAL_TYPE = 'weChatLiveApi';

/** Where the nodes call WeChat from: an execution, a list load in the editor, or a poll. */
export type WeChatContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** Refresh a little before WeChat's expiry so a token never dies between our check and WeChat's. */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

/** The credential's fields a token belongs to: a token is used only with the values it was fetched for. */
export interface StableTokenInput extends ApiAddress {
	appId?: unknown;
	appSecret?: unknown;
}

export interface StableToken {
	accessToken: string;
	expiresAt: number;
}

/** The token fields preAuthentication stores in the credential (hidden fields, encrypted by n8n). */
export interface StoredToken {
	accessToken?: unknown;
	expiresAt?: unknown;
	/** tokenOwner() of the App ID, App Secret and base URL the token was fetched with. */
	tokenFor?: unknown;
}

/** Getting a token failed (wrong App ID or Secret, IP whitelist, unreachable…): retrying cannot help. */
export class TokenFailure extends Error {
	override name = 'WeChatTokenFailure';
}

/** Also through n8n's wrapping: httpRequestWithAuthentication re-throws preAuthentication's error as a cause. */
export function asTokenFailure(error: unknown): TokenFailure | undefined {
	for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
		if (e instanceof TokenFailure || (e as Error).name === 'WeChatTokenFailure') return e as TokenFailure;
	}
	return undefined;
}

type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

/** The value, or the error it threw (so the caller can throw its own error outside a catch block). */
function attempt<T>(run: () => T): T | Error {
	try {
		return run();
	} catch (error) {
		return error as Error;
	}
}

export function isTokenFresh(accessToken: unknown, expiresAt: unknown, now = Date.now()): boolean {
	return (
		typeof accessToken === 'string' &&
		accessToken !== '' &&
		Number(expiresAt) - TOKEN_REFRESH_MARGIN_MS > now
	);
}

/**
 * A fingerprint of the App ID, App Secret and base URL (a hash: the secret itself is never stored beside the
 * token). Changing any of them in the credential makes the stored token someone else's.
 */
export function tokenOwner(input: StableTokenInput): string {
	const base = String(input.baseUrl ?? '').trim().replace(/\/+$/, '') || WECHAT_API_URL;
	return createHash('sha256')
		.update(JSON.stringify([base, String(input.appId ?? ''), String(input.appSecret ?? '')]))
		.digest('base64url');
}

/** The stored token may be sent: it is fresh and was fetched for exactly these App ID, Secret and base URL. */
export function isTokenUsable(credentials: StableTokenInput & StoredToken, now = Date.now()): boolean {
	return isTokenFresh(credentials.accessToken, credentials.expiresAt, now) && credentials.tokenFor === tokenOwner(credentials);
}

// The one single-flight for tokens in this process, per tokenOwner: concurrent callers share one
// stable_token request, and a caller that read the credential before n8n stored a new token (two workflows
// activating at once) gets the token just fetched instead of asking WeChat again.
const tokens = new Map<string, { request: Promise<StableToken>; token?: StableToken }>();

/** WeChat refused `accessToken` (40001, 42001…): the next request for these credentials must fetch a new one. */
export function forgetToken(input: StableTokenInput, accessToken: unknown): void {
	const key = tokenOwner(input);
	if (tokens.get(key)?.token?.accessToken === accessToken) tokens.delete(key);
}

/** Tokens this process holds, so redaction also catches one that is not in the credential yet. */
export function knownTokens(): string[] {
	return [...tokens.values()].flatMap((entry) => (entry.token ? [entry.token.accessToken] : []));
}

/**
 * POST /cgi-bin/stable_token in normal mode (never force_refresh): within its lifetime WeChat hands every
 * caller the same token, so n8n and the shop's other systems never invalidate each other's tokens, unlike
 * /cgi-bin/token.
 */
export async function requestStableToken(httpRequest: HttpRequest, input: StableTokenInput): Promise<StableToken> {
	const key = tokenOwner(input);
	const known = tokens.get(key);
	if (known && (!known.token || isTokenFresh(known.token.accessToken, known.token.expiresAt))) {
		return await known.request;
	}
	const entry: { request: Promise<StableToken>; token?: StableToken } = {
		request: fetchStableToken(httpRequest, input).then(
			(token) => {
				entry.token = token;
				return token;
			},
			(error: unknown) => {
				if (tokens.get(key) === entry) tokens.delete(key);
				throw error;
			},
		),
	};
	tokens.set(key, entry);
	return await entry.request;
}

async function fetchStableToken(httpRequest: HttpRequest, input: StableTokenInput): Promise<StableToken> {
	const secrets = [String(input.appSecret ?? '')];
	if (!input.appId || !input.appSecret) {
		throw new TokenFailure(
			t('Getting an access token failed: fill in both the App ID and the App Secret of the mini program in the credential.'),
		);
	}
	const base = attempt(() => baseUrlOf(input));
	if (base instanceof Error) throw new TokenFailure(base.message);
	let answer: unknown;
	let unreachable: string | undefined;
	try {
		answer = await httpRequest({
			method: 'POST',
			url: apiUrl(base, '/cgi-bin/stable_token'),
			body: { grant_type: 'client_credential', appid: input.appId, secret: input.appSecret, force_refresh: false },
			json: true,
			headers: { 'Content-Type': 'application/json' },
			timeout: REQUEST_TIMEOUT_MS,
		});
	} catch (error) {
		// Never pass the underlying error on: it carries the request body, and so the App Secret.
		unreachable = redact(String((error as Error)?.message ?? error), secrets);
	}
	if (unreachable !== undefined) {
		throw new TokenFailure(
			t(
				'Getting an access token failed: could not reach WeChat at {url} ({reason}). Check the credential’s API Base URL and that this server can reach it.',
				{ url: base, reason: unreachable },
			),
		);
	}
	const response = attempt(() => readJson(answer, base));
	if (response instanceof Error) throw new TokenFailure(t('Getting an access token failed: {reason}', { reason: response.message }));
	const errcode = Number(response.errcode ?? 0);
	if (errcode !== 0) {
		const errmsg = redact(String(response.errmsg ?? ''), secrets);
		const { message, fix } = explainErrcode(errcode, errmsg);
		throw new TokenFailure(
			t('Getting an access token failed: {message} (WeChat errcode {errcode}: {errmsg}). {fix}', { message, errcode, errmsg, fix }),
		);
	}
	if (typeof response.access_token !== 'string' || response.access_token === '') {
		throw new TokenFailure(
			t(
				'Getting an access token failed: the answer from {url} has no access_token. Check that the credential’s API Base URL is {wechat}, or a relay that passes WeChat’s answers on unchanged.',
				{ url: base, wechat: WECHAT_API_URL },
			),
		);
	}
	const expiresIn = Number(response.expires_in) > 0 ? Number(response.expires_in) : 7200;
	return { accessToken: response.access_token, expiresAt: Date.now() + expiresIn * 1000 };
}

// ——— The token of one execution ———
// n8n loads and decrypts the credential on every getCredentials() (about a millisecond each), so an execution
// (one node run: one context object) loads it once and keeps it here. A forced refresh is the only other load:
// one read of the stored credential, in case another execution or worker already stored a new token, then one
// request through n8n, which runs preAuthentication and stores its token.

interface Session {
	credentials: Promise<ICredentialDataDecryptedObject>;
	/** Set while one item of this execution replaces the token; the others wait for it. */
	refresh?: Promise<void>;
	/** When a context outlives one run (see SHORT_SESSION_MS), the moment this session must be reloaded. */
	until?: number;
}

// n8n keeps one poll context for every poll of an activation (n8n-core active-workflow-triggers.ts,
// activatePollTrigger), and a list load is one short request: outside a node execution the credential is kept
// only this long, so a changed credential takes effect from the next poll.
const SHORT_SESSION_MS = 5_000;

const sessions = new WeakMap<object, Session>();

function sessionOf(context: WeChatContext): Session {
	let session = sessions.get(context);
	if (session?.until !== undefined && session.until < Date.now() && !session.refresh) session = undefined;
	if (!session) {
		const execution = typeof (context as IExecuteFunctions).getInputData === 'function';
		session = {
			credentials: context.getCredentials(CREDENTIAL_TYPE),
			until: execution ? undefined : Date.now() + SHORT_SESSION_MS,
		};
		sessions.set(context, session);
		const loaded = session;
		session.credentials.catch(() => {
			if (sessions.get(context) === loaded) sessions.delete(context); // a failed load is tried again next call
		});
	}
	return session;
}

/** This execution's credential, loaded from n8n once. */
export async function credentialsOf(context: WeChatContext): Promise<ICredentialDataDecryptedObject> {
	return await sessionOf(context).credentials;
}

export interface SentWithToken {
	answer: unknown;
	/** The token the request carried, to tell WeChat's refusal of it from a token another item just got. */
	accessToken: string;
}

/**
 * Sends `options` with this execution's access token: the stored one while it is usable; otherwise, or when
 * WeChat refused `rejected`, a new one, got once for all items of the execution and stored by n8n.
 */
export async function sendWithToken(
	context: WeChatContext,
	options: IHttpRequestOptions,
	rejected?: string,
): Promise<SentWithToken> {
	const session = sessionOf(context);
	for (;;) {
		if (session.refresh) await session.refresh;
		const credentials = await session.credentials;
		if (isTokenUsable(credentials) && credentials.accessToken !== rejected) {
			const accessToken = credentials.accessToken as string;
			// The credential's `authenticate` does the same (access_token in the query) for n8n's own requests.
			const answer = await context.helpers.httpRequest({ ...options, qs: { ...options.qs, access_token: accessToken } });
			return { answer, accessToken };
		}
		if (!session.refresh) return await refreshAndSend(context, session, credentials, options, rejected);
	}
}

async function refreshAndSend(
	context: WeChatContext,
	session: Session,
	loaded: ICredentialDataDecryptedObject,
	options: IHttpRequestOptions,
	rejected: string | undefined,
): Promise<SentWithToken> {
	let settle!: (failure?: unknown) => void;
	const refresh = new Promise<void>((resolve, reject) => {
		settle = (failure) => (failure === undefined ? resolve() : reject(failure));
	});
	refresh.catch(() => undefined); // waiting items get the failure; nobody else needs to
	session.refresh = refresh;
	try {
		let credentials = loaded;
		if (rejected !== undefined) {
			forgetToken(credentials, rejected);
			credentials = await context.getCredentials(CREDENTIAL_TYPE);
			if (isTokenUsable(credentials) && credentials.accessToken !== rejected) {
				session.credentials = Promise.resolve(credentials); // another execution or worker stored it
				settle();
				session.refresh = undefined;
				return await sendWithToken(context, options, rejected);
			}
		}
		// n8n runs preAuthentication when the token is empty, copies its result into `data` and stores it.
		const data: ICredentialDataDecryptedObject = { ...credentials, accessToken: '', expiresAt: 0 };
		const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
		let answer: unknown;
		let failure: unknown;
		try {
			answer = await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, options, {
				credentialsDecrypted: { id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data },
			});
		} catch (error) {
			failure = error;
		}
		const token = isTokenUsable(data) ? data : failure === undefined ? await context.getCredentials(CREDENTIAL_TYPE) : undefined;
		if (token && isTokenUsable(token)) {
			session.credentials = Promise.resolve(token);
			settle();
		} else {
			settle(asTokenFailure(failure) ?? failure ?? new TokenFailure(t('Getting an access token failed: n8n did not store the new token. Run the workflow again.')));
		}
		if (failure !== undefined) throw failure;
		return { answer, accessToken: String(token?.accessToken ?? '') };
	} finally {
		// unless settled above
		settle(new TokenFailure(t('Getting an access token failed: n8n could not read the credential. Run the workflow again.')));
		if (session.refresh === refresh) session.refresh = undefined;
	}
}
