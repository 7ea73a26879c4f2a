/**
 * Sending many requests to a local n8n, a bounded number at a time: the hostile-input suite's sender.
 * Everything goes to 127.0.0.1; every request and the whole run have a time limit.
 */
import http from 'node:http';
import net from 'node:net';

import type { HostileRequest } from './hostileRequests';

export interface Outcome {
	status?: number;
	body: string;
	/** Set when no HTTP answer came: the connection was reset or closed, or the request timed out. */
	error?: string;
	ms: number;
}

/** One request to `<base><path><query>` (or its raw bytes), answered or failed within `timeoutMs`. */
export function send(base: string, path: string, request: HostileRequest, agent: http.Agent, timeoutMs = 15_000): Promise<Outcome> {
	const started = Date.now();
	const url = new URL(base);
	if (request.raw) return sendRaw(url, path, request.raw, timeoutMs, started);
	return new Promise((resolve) => {
		let settled = false;
		const done = (outcome: Omit<Outcome, 'ms'>) => {
			if (settled) return;
			settled = true;
			resolve({ ...outcome, ms: Date.now() - started });
		};
		const headers: Record<string, string | number> = { ...request.headers };
		if (request.body) headers['content-length'] = request.body.length;
		let req: http.ClientRequest;
		try {
			req = http.request({ host: url.hostname, port: url.port, method: request.method, path: `${path}${request.query}`, headers, agent }, (res) => {
				const chunks: Buffer[] = [];
				let size = 0;
				res.on('data', (chunk: Buffer) => {
					size += chunk.length;
					if (size <= 64 * 1024) chunks.push(chunk);
				});
				res.on('end', () => done({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
				res.on('error', (error) => done({ status: res.statusCode, body: '', error: error.message }));
			});
		} catch (error) {
			// The client itself refused to send it (e.g. characters Node will not put in a request line).
			done({ body: '', error: `client: ${(error as Error).message}` });
			return;
		}
		req.setTimeout(timeoutMs, () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
		req.on('error', (error) => done({ body: '', error: error.message }));
		if (request.body) req.write(request.body);
		req.end();
	});
}

/** Malformed HTTP over a plain socket: reads the status line of whatever comes back. */
function sendRaw(url: URL, path: string, raw: Buffer, timeoutMs: number, started: number): Promise<Outcome> {
	return new Promise((resolve) => {
		const socket = net.connect(Number(url.port), url.hostname);
		const chunks: Buffer[] = [];
		let settled = false;
		const done = () => {
			if (settled) return;
			settled = true;
			socket.destroy();
			const text = Buffer.concat(chunks).toString('latin1');
			const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
			const body = text.includes('\r\n\r\n') ? text.slice(text.indexOf('\r\n\r\n') + 4) : '';
			resolve({ status: status ? Number(status) : undefined, body, error: status ? undefined : 'no HTTP answer', ms: Date.now() - started });
		};
		socket.setTimeout(timeoutMs, done);
		socket.on('data', (chunk: Buffer) => chunks.push(chunk));
		socket.on('end', done);
		socket.on('close', done);
		socket.on('error', done);
		socket.on('connect', () => socket.write(Buffer.from(raw.toString('latin1').replace('PATH', path), 'latin1')));
	});
}

/**
 * Runs `work` over `items`, at most `concurrency` at once, stopping early (and saying so) when `deadlineMs`
 * passes. Returns how many were started.
 */
export async function pool<T>(items: Iterable<T>, concurrency: number, work: (item: T, index: number) => Promise<void>, deadlineMs: number): Promise<{ started: number; timedOut: boolean }> {
	const iterator = items[Symbol.iterator]();
	const deadline = Date.now() + deadlineMs;
	let started = 0;
	let timedOut = false;
	const worker = async () => {
		for (;;) {
			if (Date.now() > deadline) {
				timedOut = true;
				return;
			}
			const next = iterator.next();
			if (next.done) return;
			const index = started++;
			await work(next.value, index);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return { started, timedOut };
}
