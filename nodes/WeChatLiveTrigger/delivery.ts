/**
 * Checking one request from WeChat's message push, without n8n in the way: the GET handshake, and a
 * POST in plaintext, compatible or safe mode, XML or JSON. Every failure is a status code and a reason
 * code; the node answers with the bare status and logs the reason: nothing in the reply says which check
 * failed. Once the signature checks out, every failure answers the same status (AFTER_SIGNATURE), so a
 * reply cannot tell "bad message" from "bad padding" or "wrong App ID".
 */
import { computeSignature, signaturesEqual, tryDecryptMessage } from '../shared/crypto';
import type { CallbackCryptoReason } from '../shared/crypto';
import { parseXml } from '../shared/xml';
import type { DeliveryInfo, MessageObject, MessageValue } from './events';

export type AcceptedModes = 'encrypted' | 'encryptedOrPlaintext' | 'plaintext';

export interface VerificationSettings {
	/** Message-push Token; empty when the credential has none. */
	token: string;
	/** Seconds either side of the server clock; 0 turns the check off. */
	timestampTolerance: number;
	/** Unix seconds. */
	now: number;
}

export interface DeliverySettings extends VerificationSettings {
	appId: string;
	/** Current key first, then the previous one (rotation: docs/wechat-callback.md, "Key rotation"). */
	aesKeys: Buffer[];
	acceptedModes: AcceptedModes;
	maxBodyBytes: number;
}

export type Rejection = { ok: false; status: 400 | 401 | 413; reason: string };

/** The one status of every refusal after the signature check. */
export const AFTER_SIGNATURE = 401;
export type HandshakeResult = { ok: true; echostr: string } | Rejection;
export type DeliveryResult = ({ ok: true; message: MessageObject } & DeliveryInfo) | Rejection;

export const MAX_BODY_BYTES = 64 * 1024;
const MAX_JSON_DEPTH = 8;
const TIMESTAMP = /^[0-9]{1,10}$/;
const NONCE = /^[0-9A-Za-z]{1,32}$/;
const SIGNATURE = /^[0-9a-fA-F]{40}$/;
/**
 * WeChat's echostr is a string of digits (mini programs) or base64 (the WeCom-style variant); bounded,
 * so the handshake cannot be used to make this server answer arbitrary text.
 */
const ECHOSTR = /^[A-Za-z0-9+/=_-]{1,128}$/;
/** Refusals that a newer Token, EncodingAESKey or App ID might turn into an acceptance. */
const SECRET_REASONS = new Set([
	'no_token',
	'bad_signature',
	'no_aes_key',
	'bad_padding',
	'bad_length',
	'wrong_appid',
	'bad_utf8',
]);
/** 64-bit ids that JSON carries as numbers (docs/wechat-callback.md, "JSON quirks"); they are read as strings instead. */
const JSON_ID_NUMBER = /"(MsgId|message_id)"(\s*:\s*)(-?[0-9]+)/g;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Envelope keys that are not message content: their absence beside Encrypt means safe mode. */
const ENVELOPE_KEYS = new Set(['ToUserName', 'AppId', 'Encrypt']);

const reject = (status: Rejection['status'], reason: string): Rejection => ({
	ok: false,
	status,
	reason,
});

/** Whether the credential's values, if they changed since they were read, could accept this request. */
export function mayBeStaleSecrets(rejection: Rejection): boolean {
	return SECRET_REASONS.has(rejection.reason);
}

/** GET: `signature` over Token, timestamp and nonce; the answer is `echostr`, verbatim. */
export function verifyHandshake(
	query: Record<string, unknown>,
	settings: VerificationSettings,
): HandshakeResult {
	const params = readParams(query, ['signature', 'timestamp', 'nonce', 'echostr']);
	if (!params.ok) return params;
	const { signature, timestamp, nonce, echostr } = params.values;
	if (signature === undefined || timestamp === undefined || nonce === undefined) {
		return reject(400, 'missing_params');
	}
	if (echostr === undefined || echostr === '') return reject(400, 'missing_params');
	if (!ECHOSTR.test(echostr)) return reject(400, 'bad_echostr');
	const checked = checkSignedParams(signature, timestamp, nonce, [], settings);
	if (!checked.ok) return checked;
	return { ok: true, echostr };
}

/** POST: verify, decrypt and parse one delivery. */
export function readDelivery(
	query: Record<string, unknown>,
	rawBody: Buffer,
	settings: DeliverySettings,
): DeliveryResult {
	if (rawBody.length > settings.maxBodyBytes) return reject(413, 'body_too_large');
	const params = readParams(query, [
		'signature',
		'timestamp',
		'nonce',
		'encrypt_type',
		'msg_signature',
	]);
	if (!params.ok) return params;
	const { signature, timestamp, nonce, msg_signature: msgSignature } = params.values;
	const encryptType = params.values.encrypt_type;
	if (timestamp === undefined || nonce === undefined) return reject(400, 'missing_params');
	if (encryptType !== undefined && encryptType !== 'aes' && encryptType !== 'raw') {
		return reject(400, 'bad_encrypt_type');
	}
	const encrypted = encryptType === 'aes';
	// Spelled out so that an unexpected setting accepts nothing rather than everything.
	const modes = settings.acceptedModes;
	const accepted = encrypted
		? modes === 'encrypted' || modes === 'encryptedOrPlaintext'
		: modes === 'plaintext' || modes === 'encryptedOrPlaintext';
	if (!accepted) return reject(401, 'mode_not_accepted');

	const body = decodeUtf8(rawBody);
	if (body === undefined) return reject(400, 'bad_body');
	const format = sniffFormat(body);
	if (format === undefined) return reject(400, 'bad_body');

	if (!encrypted) {
		// Plaintext: `signature` covers only Token/timestamp/nonce. The body is not authenticated.
		if (signature === undefined) return reject(400, 'missing_params');
		const checked = checkSignedParams(signature, timestamp, nonce, [], settings);
		if (!checked.ok) return checked;
		const message = parseMessage(body, format);
		if (message === undefined) return reject(AFTER_SIGNATURE, 'bad_body');
		return { ok: true, message, mode: 'plaintext', format };
	}

	// Safe and compatible mode: `msg_signature` covers the Encrypt value. `signature` proves nothing.
	if (msgSignature === undefined) return reject(400, 'missing_params');
	const envelope = format === 'xml' ? parseXmlObject(body, false) : parseJsonObject(body);
	if (envelope === undefined) return reject(400, 'bad_body');
	const encrypt = envelope.Encrypt;
	if (typeof encrypt !== 'string' || encrypt === '') return reject(400, 'missing_encrypt');
	const checked = checkSignedParams(msgSignature, timestamp, nonce, [encrypt], settings);
	if (!checked.ok) return checked;
	if (settings.aesKeys.length === 0) return reject(AFTER_SIGNATURE, 'no_aes_key');

	let failure: CallbackCryptoReason | undefined;
	for (const key of settings.aesKeys) {
		const decrypted = tryDecryptMessage(encrypt, key, settings.appId);
		if (!decrypted.ok) {
			failure = failure ?? decrypted.reason;
			continue;
		}
		// Only the decrypted fields count: compatible mode's plaintext siblings are unauthenticated.
		const innerFormat = sniffFormat(decrypted.message);
		const message = innerFormat && parseMessage(decrypted.message, innerFormat);
		if (!innerFormat || message === undefined) return reject(AFTER_SIGNATURE, 'bad_message');
		const compatible = Object.keys(envelope).some((key) => !ENVELOPE_KEYS.has(key));
		return { ok: true, message, mode: compatible ? 'compatible' : 'safe', format };
	}
	return reject(AFTER_SIGNATURE, failure ?? 'decrypt_failed');
}

function checkSignedParams(
	signature: string,
	timestamp: string,
	nonce: string,
	extra: string[],
	settings: VerificationSettings,
): { ok: true } | Rejection {
	if (!TIMESTAMP.test(timestamp) || !NONCE.test(nonce)) return reject(400, 'bad_params');
	if (settings.token === '') return reject(401, 'no_token');
	if (!SIGNATURE.test(signature)) return reject(401, 'bad_signature');
	const expected = computeSignature(settings.token, timestamp, nonce, ...extra);
	if (!signaturesEqual(expected, signature.toLowerCase())) return reject(401, 'bad_signature');
	if (
		settings.timestampTolerance > 0 &&
		Math.abs(settings.now - Number(timestamp)) > settings.timestampTolerance
	) {
		return reject(AFTER_SIGNATURE, 'stale_timestamp');
	}
	return { ok: true };
}

/** One string per name. A repeated key (`?nonce=1&nonce=2`) is refused rather than guessed at. */
function readParams<Name extends string>(
	query: Record<string, unknown>,
	names: Name[],
): { ok: true; values: Partial<Record<Name, string>> } | Rejection {
	const values: Partial<Record<Name, string>> = {};
	for (const name of names) {
		const value = query[name];
		if (value === undefined) continue;
		if (typeof value !== 'string') return reject(400, 'bad_params');
		values[name] = value;
	}
	return { ok: true, values };
}

function sniffFormat(text: string): DeliveryInfo['format'] | undefined {
	const first = text.replace(/^[\s\uFEFF]+/, '').charAt(0);
	if (first === '<') return 'xml';
	if (first === '{') return 'json';
	return undefined;
}

function parseMessage(text: string, format: DeliveryInfo['format']): MessageObject | undefined {
	return format === 'xml' ? parseXmlObject(text, true) : parseJsonObject(text);
}

function parseXmlObject(text: string, numbers: boolean): MessageObject | undefined {
	const result = safely(() => parseXml(text, { numbers, maxLength: MAX_BODY_BYTES }));
	return result instanceof Error ? undefined : (result as MessageObject);
}

/** JSON.parse with the 64-bit ids kept as strings, a depth bound and no prototype-touching keys. */
function parseJsonObject(text: string): MessageObject | undefined {
	const quoted = text.replace(JSON_ID_NUMBER, '"$1"$2"$3"');
	const parsed = safely(() => JSON.parse(quoted) as unknown);
	if (parsed instanceof Error) return undefined;
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
	return isSafeJson(parsed as MessageValue, 1) ? (parsed as MessageObject) : undefined;
}

function isSafeJson(value: MessageValue, depth: number): boolean {
	if (typeof value !== 'object' || value === null) return true;
	if (depth > MAX_JSON_DEPTH) return false;
	if (Array.isArray(value)) return value.every((entry) => isSafeJson(entry, depth + 1));
	return Object.keys(value).every(
		(key) => !FORBIDDEN_KEYS.has(key) && isSafeJson(value[key], depth + 1),
	);
}

/** Runs a parser and hands back what it threw instead of throwing it. */
function safely<T>(parse: () => T): T | Error {
	try {
		return parse();
	} catch (error) {
		return error instanceof Error ? error : new Error(String(error));
	}
}

/** Strict UTF-8: a malformed sequence becomes U+FFFD, which does not re-encode to the same bytes. */
function decodeUtf8(bytes: Buffer): string | undefined {
	const text = bytes.toString('utf8');
	return Buffer.from(text, 'utf8').equals(bytes) ? text : undefined;
}
