import { createHash } from 'node:crypto';

import { MAX_TOLERANCE_SECONDS } from './timestampCheck';

/**
 * WeChat re-sends a push it got no timely answer for ("总共重试三次"), so the same event can arrive four
 * times a few seconds apart, each time with a fresh timestamp, nonce and ciphertext. Remembering events
 * in workflow static data would not work: n8n saves static data only after an execution finishes,
 * which is too late for retries that arrive while the first execution still runs (or never saves it
 * for executions we do not start). So the trigger keeps what it has seen in process memory, expired
 * lazily by the clock on each access (no timers). Each workflow and node has its own memory and its own
 * bound, so a busy workflow cannot push out another's entries. An event is remembered for an hour, or
 * twice the timestamp tolerance if that is longer, so a copy signed within the tolerance either side of
 * the clock is still recognised. After a restart (or across several n8n processes) a retry can slip
 * through; downstream steps should stay idempotent anyway, since WeChat promises at-least-once delivery.
 */
const MIN_TTL_MS = 60 * 60 * 1000;
/** Per workflow and node: at 100 events a second, a little over 15 minutes of them. */
export const MAX_ENTRIES_PER_SCOPE = 100_000;

/** Scope → (hashed event → expiry time), in insertion order, which is expiry order for one tolerance. */
const scopes = new Map<string, Map<string, number>>();

/** How long an event is remembered for a given tolerance (0 = the check is off: the longest). */
export function rememberMs(toleranceSeconds: number): number {
	const seconds = toleranceSeconds > 0 ? toleranceSeconds : MAX_TOLERANCE_SECONDS;
	return Math.max(MIN_TTL_MS, 2 * seconds * 1000);
}

/** True when this event was already accepted for this workflow and node within its memory time. */
export function isRepeatDelivery(
	scope: string,
	eventKey: string,
	toleranceSeconds: number,
	now = Date.now(),
): boolean {
	let seen = scopes.get(scope);
	if (seen === undefined) {
		seen = new Map();
		scopes.set(scope, seen);
	}
	for (const [key, expiresAt] of seen) {
		if (expiresAt > now) break;
		seen.delete(key);
	}
	const key = hashed(eventKey);
	const expiresAt = seen.get(key);
	if (expiresAt !== undefined && expiresAt > now) return true;

	seen.set(key, now + rememberMs(toleranceSeconds));
	if (seen.size > MAX_ENTRIES_PER_SCOPE) {
		const oldest = seen.keys().next();
		if (!oldest.done) seen.delete(oldest.value);
	}
	return false;
}

/**
 * n8n could not take the event after all (it answered WeChat with an error, so WeChat sends it again):
 * forget it, so that the next copy starts the execution this one could not.
 */
export function forgetDelivery(scope: string, eventKey: string): void {
	scopes.get(scope)?.delete(hashed(eventKey));
}

/** What is kept of an event: a hash, never the subscriber's openid itself. */
function hashed(eventKey: string): string {
	return createHash('sha256').update(eventKey).digest('base64');
}

/** For tests: start from an empty memory. */
export function forgetDeliveries(): void {
	scopes.clear();
}
