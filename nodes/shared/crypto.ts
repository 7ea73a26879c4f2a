/**
 * WeChat message-push (消息推送) cryptography: the URL/message signatures and the AES scheme of
 * "safe" and "compatible" mode. The scheme: docs/wechat-callback.md; known-answer
 * vectors: test/unit/crypto.test.ts.
 *
 * Every check fails closed with a `CallbackCryptoError` carrying a reason code. The trigger logs the
 * code and answers WeChat with a bare 4xx, so callers never learn which check failed.
 */
import {
	createDecipheriv,
	createHash,
	timingSafeEqual,
} from 'node:crypto';

import { t } from './i18n/translate';

export type CallbackCryptoReason =
	| 'bad_key'
	| 'bad_signature'
	| 'bad_base64'
	| 'bad_length'
	| 'bad_padding'
	| 'bad_utf8'
	| 'wrong_appid';

export class CallbackCryptoError extends Error {
	readonly reason: CallbackCryptoReason;

	constructor(reason: CallbackCryptoReason, message: string) {
		super(message);
		this.name = 'CallbackCryptoError';
		this.reason = reason;
	}
}

export interface DecryptedMessage {
	/** The UTF-8 XML or JSON message. */
	message: string;
	/** The AppID found after the message (already checked against the expected one). */
	appId: string;
	/** The 16 random prefix bytes; only tests look at them. */
	random: Buffer;
}

export type DecryptResult =
	| ({ ok: true } & DecryptedMessage)
	| { ok: false; reason: CallbackCryptoReason; message: string };

/** WeChat pads to the AES *key* size (K = 32), not to the AES block size (16): docs/wechat-callback.md, "Cipher". */
const PAD_BLOCK = 32;
const RANDOM_LENGTH = 16;
const LENGTH_FIELD = 4;
const ENCODING_AES_KEY = /^[A-Za-z0-9]{43}$/;
/** Standard alphabet, `=` padding, length a multiple of 4. Node's decoder would silently skip junk. */
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * `sha1(sort([token, ...parts]).join(''))` as lowercase hex. The default sort compares UTF-16 code
 * units, as WeChat's Java/PHP/Python samples do for the ASCII values involved; never `localeCompare`.
 */
export function computeSignature(token: string, ...parts: string[]): string {
	const sorted = [token, ...parts].sort();
	return createHash('sha1').update(sorted.join(''), 'utf8').digest('hex');
}

/**
 * Constant-time equality of two signature strings. Both sides are hashed first, so the comparison
 * takes the same time whatever their lengths, and a length mismatch cannot throw.
 */
export function signaturesEqual(a: string, b: string): boolean {
	const left = createHash('sha256').update(a, 'utf8').digest();
	const right = createHash('sha256').update(b, 'utf8').digest();
	return timingSafeEqual(left, right) && a.length === b.length;
}

/**
 * `base64(EncodingAESKey + '=')` → the 32-byte AES key. The 43 characters are random alphanumerics,
 * so the last one often carries non-zero trailing bits: a lenient decoder is required (docs/wechat-callback.md, "Key") and
 * the shape is checked here instead.
 */
export function decodeAesKey(encodingAESKey: string): Buffer {
	if (typeof encodingAESKey !== 'string' || !ENCODING_AES_KEY.test(encodingAESKey)) {
		throw new CallbackCryptoError('bad_key', t('The EncodingAESKey must be exactly 43 letters and digits'));
	}
	const key = Buffer.from(`${encodingAESKey}=`, 'base64');
	if (key.length !== 32) throw new CallbackCryptoError('bad_key', t('The EncodingAESKey does not decode to 32 bytes'));
	return key;
}

export function isStrictBase64(value: string): boolean {
	return value.length > 0 && value.length % 4 === 0 && STRICT_BASE64.test(value);
}

/**
 * Decrypts an `Encrypt` value: AES-256-CBC with IV = key[0:16], PKCS#7 padding with block 32, layout
 * `random(16) ‖ msg_len (uint32 BE) ‖ msg ‖ appid`; a failure is returned, not thrown. Check
 * `msg_signature` BEFORE calling this: CBC is malleable and the signature is the only integrity check.
 */
export function tryDecryptMessage(
	encrypt: string,
	key: Buffer,
	expectedAppId: string,
): DecryptResult {
	const fail = (reason: CallbackCryptoReason, message: string): DecryptResult => ({
		ok: false,
		reason,
		message,
	});
	if (key.length !== 32) return fail('bad_key', t('The AES key must be 32 bytes'));
	if (typeof encrypt !== 'string' || !isStrictBase64(encrypt)) {
		return fail('bad_base64', t('Encrypt is not standard base64'));
	}
	const ciphertext = Buffer.from(encrypt, 'base64');
	if (ciphertext.length < PAD_BLOCK || ciphertext.length % PAD_BLOCK !== 0) {
		return fail('bad_length', t('The ciphertext is not a whole number of 32-byte blocks'));
	}

	const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
	decipher.setAutoPadding(false);
	const padded = Buffer.concat([decipher.update(ciphertext), decipher.final()]);

	const pad = padded[padded.length - 1];
	if (pad < 1 || pad > PAD_BLOCK) return fail('bad_padding', t('Invalid PKCS#7 padding'));
	for (let i = padded.length - pad; i < padded.length; i++) {
		if (padded[i] !== pad) return fail('bad_padding', t('Invalid PKCS#7 padding'));
	}
	const plain = padded.subarray(0, padded.length - pad);

	const header = RANDOM_LENGTH + LENGTH_FIELD;
	if (plain.length < header) return fail('bad_length', t('The plaintext is too short'));
	const messageLength = plain.readUInt32BE(RANDOM_LENGTH);
	if (messageLength > plain.length - header) {
		return fail('bad_length', t('The message length field exceeds the plaintext'));
	}
	const messageBytes = plain.subarray(header, header + messageLength);
	const appIdBytes = plain.subarray(header + messageLength);

	// Exact byte comparison: no trimming, no case folding (docs/wechat-callback.md, "AppID check").
	if (!appIdBytes.equals(Buffer.from(expectedAppId, 'utf8'))) {
		return fail('wrong_appid', t('The message was encrypted for another AppID'));
	}
	const message = decodeUtf8(messageBytes);
	if (message === undefined) return fail('bad_utf8', t('The message is not valid UTF-8'));

	return {
		ok: true,
		message,
		appId: expectedAppId,
		random: Buffer.from(plain.subarray(0, RANDOM_LENGTH)),
	};
}

/** Strict UTF-8: a malformed sequence becomes U+FFFD, which does not re-encode to the same bytes. */
function decodeUtf8(bytes: Buffer): string | undefined {
	const text = bytes.toString('utf8');
	return Buffer.from(text, 'utf8').equals(bytes) ? text : undefined;
}
