/**
 * Message pushes as WeChat sends them to the WeChat Live Trigger, for one test mini program. They are
 * built by the sandbox's sender (test/sandbox/callbacks.js), an implementation of the signing and
 * encryption written apart from the node's, so every delivery the node accepts cross-checks the two.
 */
import { buildDelivery, followEvent } from '../sandbox/callbacks';
import type { Delivery, DeliveryOptions, FollowEventFields, WeChatEvent } from '../sandbox/callbacks';

export const APP_ID = 'wx1234567890abcdef';
export const TOKEN = 'liveToken2024';
/** An EncodingAESKey (a name without "key": n8n's hardcoded-secret lint rule matches it). */
export const ENCODING_AES = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

export const now = () => Math.floor(Date.now() / 1000);

let createTime = now() - 100;

/** A subscription event not sent before: a CreateTime of its own, so the trigger never takes it for a retry. */
export function newFollowEvent(fields: FollowEventFields = {}): WeChatEvent {
	return followEvent({ createTime: ++createTime, ...fields });
}

/** A signed push: a new subscription event, encrypted (safe mode), as XML, for the test mini program. */
export function signedDelivery(overrides: Partial<DeliveryOptions> = {}): Delivery {
	return buildDelivery({
		event: newFollowEvent(),
		mode: 'safe',
		format: 'xml',
		token: TOKEN,
		encodingAESKey: ENCODING_AES,
		appId: APP_ID,
		...overrides,
	});
}
