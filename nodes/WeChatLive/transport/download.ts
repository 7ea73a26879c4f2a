import type { IExecuteFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import { t } from '../../shared/i18n/translate';
import { sleepWithAbort } from '../helpers/concurrency';

/**
 * Downloads a file for the user (an image URL), streamed and bounded. n8n's httpRequest helper has no size
 * option: it hands axios maxContentLength: Infinity (n8n-core request-helper-functions in 1.x and 2.0,
 * @n8n/backend-network in 2.41), so a plain download holds the whole answer in memory before any check.
 * What the helper does honour in all these versions: encoding 'stream', disableFollowRedirect,
 * ignoreHttpStatusErrors, timeout (idle time on the socket) and abortSignal; the rest is done here.
 */

/** Redirects followed per download: image links on shops and CDNs use one or two. */
export const MAX_REDIRECTS = 5;
/** The whole download, redirects included: a server that trickles bytes never trips the idle timeout. */
export const DOWNLOAD_DEADLINE_MS = 60_000;
/** Silence on the connection before n8n's helper gives up. */
const IDLE_TIMEOUT_MS = 30_000;

export type DownloadProblem =
	| { kind: 'tooLarge'; bytes?: number }
	| { kind: 'status'; status: number; statusText?: string }
	| { kind: 'redirects' }
	| { kind: 'badRedirect'; location: string }
	| { kind: 'deadline' }
	| { kind: 'network'; message: string };

/** A download's outcome; `url` is where the file was found, or the last address tried. */
export type DownloadResult = { ok: true; data: Buffer; url: string } | { ok: false; problem: DownloadProblem; url: string };

/** The part of Node's Readable that n8n's helper returns for encoding 'stream' and this file uses. */
interface ByteStream {
	on(event: 'data', listener: (chunk: Buffer) => void): unknown;
	on(event: 'error', listener: (error: Error) => void): unknown;
	once(event: 'end' | 'close', listener: () => void): unknown;
	destroy(): unknown;
}

export interface DownloadLimits {
	maxBytes: number;
	deadlineMs?: number;
}

function header(response: IN8nHttpFullResponse, name: string): string | undefined {
	const value = (response.headers as Record<string, unknown> | undefined)?.[name];
	return typeof value === 'string' ? value : undefined;
}

/** GET `url`, following at most MAX_REDIRECTS http(s) redirects, and read at most `maxBytes` of the body. */
export async function downloadCapped(context: IExecuteFunctions, url: string, limits: DownloadLimits): Promise<DownloadResult> {
	const finished = new AbortController(); // ends the deadline's wait
	const cancel = new AbortController(); // ends n8n's request
	let body: ByteStream | undefined;
	let target = url;
	let expired = false;
	void sleepWithAbort(limits.deadlineMs ?? DOWNLOAD_DEADLINE_MS, finished.signal).then(
		() => {
			expired = true;
			body?.destroy();
			cancel.abort();
		},
		() => undefined,
	);
	const failed = (problem: DownloadProblem): DownloadResult => ({ ok: false, problem: expired ? { kind: 'deadline' } : problem, url: target });
	try {
		for (let redirects = 0; ; redirects++) {
			let response: IN8nHttpFullResponse;
			try {
				response = (await context.helpers.httpRequest({
					method: 'GET',
					url: target,
					encoding: 'stream',
					returnFullResponse: true,
					disableFollowRedirect: true,
					ignoreHttpStatusErrors: true,
					timeout: IDLE_TIMEOUT_MS,
					abortSignal: cancel.signal,
				})) as IN8nHttpFullResponse;
			} catch (error) {
				return failed({ kind: 'network', message: (error as Error).message });
			}
			const current = response.body as ByteStream | Buffer;
			const discard = () => (Buffer.isBuffer(current) ? undefined : current.destroy());
			if (!Buffer.isBuffer(current)) body = current;
			const status = response.statusCode;
			const location = header(response, 'location');
			if (status >= 300 && status < 400 && location) {
				discard();
				if (redirects >= MAX_REDIRECTS) return failed({ kind: 'redirects' });
				const next = nextUrl(location, target);
				if (!next) return failed({ kind: 'badRedirect', location });
				target = next;
				continue;
			}
			if (status < 200 || status >= 300) {
				discard();
				return failed({ kind: 'status', status, statusText: response.statusMessage });
			}
			const declared = Number(header(response, 'content-length'));
			if (declared > limits.maxBytes) {
				discard();
				return failed({ kind: 'tooLarge', bytes: declared });
			}
			const read = await readAtMost(current, limits.maxBytes);
			return 'problem' in read ? failed(read.problem) : { ok: true, data: read.data, url: target };
		}
	} finally {
		finished.abort();
	}
}

/** An http(s) redirect target, or undefined for anything else (file:, javascript:, no URL at all). */
function nextUrl(location: string, from: string): string | undefined {
	try {
		const next = new URL(location, from);
		return next.protocol === 'http:' || next.protocol === 'https:' ? next.href : undefined;
	} catch {
		return undefined;
	}
}

type ReadResult = { data: Buffer } | { problem: DownloadProblem };

/** The body, or tooLarge as soon as it passes maxBytes (the connection is closed then). */
function readAtMost(body: ByteStream | Buffer, maxBytes: number): Promise<ReadResult> {
	// A helper that buffered the answer anyway (one that ignored encoding) still gets the same check.
	if (Buffer.isBuffer(body)) return Promise.resolve(body.length > maxBytes ? { problem: { kind: 'tooLarge' } } : { data: body });
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		// The first outcome wins: 'close' follows 'end' and every error.
		body.on('data', (chunk) => {
			size += chunk.length;
			if (size <= maxBytes) return chunks.push(chunk);
			resolve({ problem: { kind: 'tooLarge' } });
			return body.destroy();
		});
		body.once('end', () => resolve({ data: Buffer.concat(chunks, size) }));
		body.on('error', (error) => resolve({ problem: { kind: 'network', message: error.message } }));
		body.once('close', () =>
			resolve({ problem: { kind: 'network', message: t('the connection closed before the whole image had arrived') } }),
		);
	});
}
