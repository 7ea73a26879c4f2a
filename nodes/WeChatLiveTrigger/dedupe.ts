import { createHash } from 'node:crypto';

/**
 * WeChat re-sends a push it got no timely answer for ("总共重试三次"), so the same event can arrive four
 * times a few seconds apart, each time with a fresh timestamp, nonce and ciphertext. Remembering events
 * in workflow static data would not work: n8n saves static data only after an execution finishes,
 * which is too late for retries that arrive while the first execution still runs (or never saves it
 * for executions we do not start). So the trigger keeps what it has seen in process memory: bounded,
 * expired lazily by the clock on each access (no timers), keyed per workflow and node. After a restart
 * (or across several n8n main processes) a retry can slip through; downstream steps should stay
 * idempotent anyway, since WeChat promises at-least-once delivery.
 */
const TTL_MS = 60 * 60 * 1000;
const MAX_ENTRIES = 20000;

/** Hashed key → expiry time. Insertion order is expiry order, as every entry lives TTL_MS. */
const seen = new Map<string, number>();

/** True when this event was already accepted for this workflow and node within the last hour. */
export function isRepeatDelivery(scope: string, eventKey: string, now = Date.now()): boolean {
	for (const [key, expiresAt] of seen) {
		if (expiresAt > now) break;
		seen.delete(key);
	}
	const key = createHash('sha256').update(scope).update('\u0000').update(eventKey).digest('base64');
	const expiresAt = seen.get(key);
	if (expiresAt !== undefined && expiresAt > now) return true;

	seen.set(key, now + TTL_MS);
	if (seen.size > MAX_ENTRIES) {
		const oldest = seen.keys().next();
		if (!oldest.done) seen.delete(oldest.value);
	}
	return false;
}

/** For tests: start from an empty memory. */
export function forgetDeliveries(): void {
	seen.clear();
}
