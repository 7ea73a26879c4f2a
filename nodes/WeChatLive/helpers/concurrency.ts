import { sleep } from 'n8n-workflow';

import { t } from '../../shared/i18n/translate';

/**
 * Starts `work` for each value in order, with at most `limit` of them unsettled at a time, and resolves
 * when every started one has settled. Before each start it awaits `beforeStart`; `false` stops starting
 * more (what is already running still finishes). `work` must not reject: the caller keeps each outcome.
 * Starting in order, from one loop, keeps WeChat's call order the input order and lets `beforeStart` pace
 * the starts without a lock.
 */
export async function runBounded<T>(
	values: Iterable<T>,
	limit: number,
	work: (value: T) => Promise<void>,
	beforeStart: () => boolean | Promise<boolean> = () => true,
): Promise<void> {
	const running = new Set<Promise<void>>();
	try {
		for (const value of values) {
			while (running.size >= limit) await Promise.race(running);
			if (!(await beforeStart())) break;
			const task: Promise<void> = work(value).finally(() => running.delete(task));
			running.add(task);
		}
	} finally {
		// Also when beforeStart throws (the execution was cancelled): nothing is left running unobserved.
		await Promise.allSettled(running);
	}
}

export const MINUTE_MS = 60_000;

/**
 * Waits `ms`, or less when `signal` aborts: then it rejects. The package's own, because n8n-workflow's
 * sleepWithAbort only exists from 1.98 (n8n 1.101) and the package supports older n8n. Built on
 * n8n-workflow's `sleep` (timers are n8n's to set): after an abort that timer just runs out unobserved.
 */
export async function sleepWithAbort(ms: number, signal?: AbortSignal): Promise<void> {
	// Callers catch it, but were one to let it through, the user reads it.
	const stopped = () => new Error(t('The wait was stopped.'));
	if (signal?.aborted) throw stopped();
	let onAbort = () => {};
	const aborted = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(stopped());
		signal?.addEventListener('abort', onAbort, { once: true });
	});
	try {
		await Promise.race([sleep(ms), aborted]);
	} finally {
		signal?.removeEventListener('abort', onAbort);
	}
}

/**
 * At most `max` starts in any 60 seconds (a sliding window, so a run of up to `max` items is never slowed
 * and a longer one settles at `max` a minute). `take()` waits until the next start is allowed.
 */
export class PerMinuteLimit {
	private readonly starts: number[] = [];

	constructor(
		private readonly max: number,
		private readonly signal?: AbortSignal,
		private readonly now: () => number = Date.now,
	) {}

	async take(): Promise<void> {
		if (this.starts.length >= this.max) {
			const wait = this.starts[this.starts.length - this.max] + MINUTE_MS - this.now();
			if (wait > 0) await sleepWithAbort(wait, this.signal);
		}
		this.starts.push(this.now());
		if (this.starts.length > this.max) this.starts.splice(0, this.starts.length - this.max);
	}
}
