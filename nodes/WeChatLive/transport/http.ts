import type { IDataObject } from 'n8n-workflow';

import { t } from '../../shared/i18n/translate';

/** WeChat's own API host; anything else in the credential's API Base URL is a relay or the sandbox. */
export const WECHAT_API_URL = 'https://api.weixin.qq.com';

/** Every call to WeChat, the token request included, gives up after this long. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** The credential's fields that say where WeChat is reached. */
export interface ApiAddress {
	baseUrl?: unknown;
	allowHttp?: unknown;
}

/** The API Base URL is unusable; the message says why and what to put there instead. */
export class BaseUrlError extends Error {
	override name = 'WeChatBaseUrlError';
}

/** The answer was not WeChat's (an HTML page, a proxy's error page): said as such, never retried. */
export class NotWeChatError extends Error {
	override name = 'WeChatNotWeChatError';
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

function isLoopback(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * The credential's API Base URL without trailing slashes. The App Secret and the access token travel to it,
 * so plain http is refused except on this machine (the sandbox) or where the user allowed it for a relay
 * on a private network.
 */
export function baseUrlOf(address: ApiAddress): string {
	const text = String(address.baseUrl ?? '').trim() || WECHAT_API_URL;
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (!url) {
		throw new BaseUrlError(
			t('The credential’s API Base URL "{url}" is not a web address. Use {wechat}, or the https address of your relay.', {
				url: text,
				wechat: WECHAT_API_URL,
			}),
		);
	}
	if (url.protocol === 'https:') return text.replace(/\/+$/, '');
	if (url.protocol !== 'http:') {
		throw new BaseUrlError(
			t('The credential’s API Base URL must start with https:// (it is "{url}"). Use {wechat}.', { url: text, wechat: WECHAT_API_URL }),
		);
	}
	if (isLoopback(url.hostname) || address.allowHttp === true) return text.replace(/\/+$/, '');
	throw new BaseUrlError(
		t(
			'The credential’s API Base URL "{url}" uses plain http, so the App Secret and access tokens would travel unencrypted. Use https ({wechat} or an https relay), or, for a relay on a private network, turn on "{allowHttp}" in the credential.',
			{ url: text, wechat: WECHAT_API_URL, allowHttp: t('Allow Plain HTTP (Relay on a Private Network)') },
		),
	);
}

export function apiUrl(base: string, path: string): string {
	return `${base}${path}`;
}

/**
 * WeChat's answer as an object. n8n hands a body it could not parse as JSON over as text (or bytes), and
 * WeChat always answers JSON, so such a body means the API Base URL points at something else.
 */
export function readJson(response: unknown, base: string): IDataObject {
	let value = response;
	if (Buffer.isBuffer(value)) value = value.toString('utf8');
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			value = undefined;
		}
	}
	if (value && typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	throw new NotWeChatError(
		t(
			'The answer from {url} is not WeChat’s API (it did not answer with WeChat’s JSON, for example it sent a web page). Check the credential’s API Base URL: {wechat}, or the address of your relay.',
			{ url: base, wechat: WECHAT_API_URL },
		),
	);
}
