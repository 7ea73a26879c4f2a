'use strict';
// Loopback HTTP for the harness: free ports, one small request helper, readiness polling.
const http = require('node:http');
const net = require('node:net');
const { sleep } = require('./proc');

/**
 * Never hand these out: `npm start` uses 5678 (n8n) and 5679 (its task broker); 5432 and 6379 are
 * where a developer's own PostgreSQL and Redis listen.
 */
const RESERVED_PORTS = new Set([5432, 6379, 5678, 5679, 5680, 5681, 8788]);

/** A currently free TCP port on 127.0.0.1. */
async function freePort() {
	for (let attempt = 0; attempt < 20; attempt++) {
		const port = await new Promise((resolve, reject) => {
			const srv = net.createServer();
			srv.unref();
			srv.on('error', reject);
			srv.listen(0, '127.0.0.1', () => {
				const { port: p } = srv.address();
				srv.close(() => resolve(p));
			});
		});
		if (!RESERVED_PORTS.has(port)) return port;
	}
	throw new Error('no free port found');
}

/**
 * One HTTP request. `body`: object -> JSON (unless a content-type says otherwise), string/Buffer as is.
 * Resolves { status, headers, text, body } where body is parsed JSON when the response says JSON.
 */
function request(url, { method = 'GET', headers = {}, body, timeoutMs = 30_000 } = {}) {
	return new Promise((resolve, reject) => {
		const h = { ...headers };
		const lower = Object.fromEntries(Object.keys(h).map((k) => [k.toLowerCase(), k]));
		let payload;
		if (body !== undefined && body !== null) {
			if (Buffer.isBuffer(body) || typeof body === 'string') {
				payload = body;
			} else {
				payload = JSON.stringify(body);
				if (!lower['content-type']) h['content-type'] = 'application/json';
			}
			h['content-length'] = Buffer.byteLength(payload);
		}
		const req = http.request(url, { method, headers: h, agent: false }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				let parsed = text;
				if (/json/i.test(res.headers['content-type'] || '')) {
					try {
						parsed = JSON.parse(text);
					} catch {
						parsed = text;
					}
				}
				resolve({ status: res.statusCode, headers: res.headers, text, body: parsed });
			});
			res.on('error', reject);
		});
		req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${url} timed out after ${timeoutMs} ms`)));
		req.on('error', reject);
		if (payload !== undefined) req.write(payload);
		req.end();
	});
}

/** Polls url until it answers 200; `alive()` returning false aborts early (the process died). */
async function waitForHttp(url, { timeoutMs = 120_000, intervalMs = 100, alive = () => true } = {}) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (!alive()) return false;
		try {
			const r = await request(url, { timeoutMs: 2000 });
			if (r.status === 200) return true;
		} catch {
			// not listening yet
		}
		await sleep(intervalMs);
	}
	return false;
}

module.exports = { freePort, request, waitForHttp, RESERVED_PORTS };
