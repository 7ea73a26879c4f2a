/**
 * The test-side halves of the message-push crypto in nodes/shared/crypto.ts: the node only ever checks
 * and decrypts, returning failures (tryDecryptMessage); tests also encrypt, and like a decrypt that
 * throws. Kept apart from the sandbox's own sender (test/sandbox/callbacks.js), which is written
 * independently, so the two cross-check each other and the official known-answer vectors.
 */
import { createCipheriv, randomBytes } from 'node:crypto';

import type { DecryptedMessage } from '../../nodes/shared/crypto';
import { CallbackCryptoError, tryDecryptMessage } from '../../nodes/shared/crypto';

/** WeChat pads to the AES key size (32), not the block size (16); see docs/wechat-callback.md. */
const PAD_BLOCK = 32;
const RANDOM_LENGTH = 16;
const LENGTH_FIELD = 4;

/** The node's tryDecryptMessage, throwing a CallbackCryptoError (with its reason) on failure. */
export function decryptMessage(encrypt: string, key: Buffer, expectedAppId: string): DecryptedMessage {
	const result = tryDecryptMessage(encrypt, key, expectedAppId);
	if (!result.ok) throw new CallbackCryptoError(result.reason, result.message);
	return { message: result.message, appId: result.appId, random: result.random };
}

/**
 * The mirror image of decryptMessage: `random(16) ‖ msg_len (uint32 BE) ‖ msg ‖ appid`, PKCS#7-padded to
 * 32, AES-256-CBC with IV = key[0:16], as standard base64 with `=` padding. `random16` is for
 * known-answer tests; by default it is random.
 */
export function encryptMessage(
	plaintext: string,
	key: Buffer,
	appId: string,
	random16: Buffer = randomBytes(RANDOM_LENGTH),
): string {
	if (key.length !== 32) throw new CallbackCryptoError('bad_key', 'The AES key must be 32 bytes');
	if (random16.length !== RANDOM_LENGTH) {
		throw new CallbackCryptoError('bad_length', 'The random prefix must be 16 bytes');
	}
	const message = Buffer.from(plaintext, 'utf8');
	const length = Buffer.alloc(LENGTH_FIELD);
	length.writeUInt32BE(message.length, 0);
	const body = Buffer.concat([random16, length, message, Buffer.from(appId, 'utf8')]);
	const pad = PAD_BLOCK - (body.length % PAD_BLOCK);
	const padded = Buffer.concat([body, Buffer.alloc(pad, pad)]);

	const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
	cipher.setAutoPadding(false);
	return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}
