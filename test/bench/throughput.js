#!/usr/bin/env node
// Throughput of the Batching option, in-process: the WeChat Live node run as n8n runs it (test/support/
// executeContext: real HTTP to the sandbox, n8n's credential flow) on 1,000 Room Goods → Push items, the
// sandbox adding 20 ms to every call, at Batching → Concurrency 1 and 10 (Max Items per Minute 0: no cap).
// Target: concurrency 10 at least 6× faster than 1 on these latency-bound calls. The sandbox runs in a
// child process, so it does not compete with the node for one event loop.
const { main } = require('./common');
const { median, ms, round, seconds, registerTypeScript } = require('./lib');
const { startSandboxProcess } = require('./sandboxProcess');

registerTypeScript();
const { CredentialStore, runNode } = require('../support/executeContext');

const ITEMS = 1000;
const LATENCY_MS = 20;

async function pushAll(sandbox, store, rooms, concurrency) {
	await sandbox.call('endPushes');
	const parameters = (i) => ({
		resource: 'roomGoods',
		operation: 'push',
		roomId: { __rl: true, mode: 'id', value: String(rooms[i].roomId) },
		goodsId: { __rl: true, mode: 'id', value: String(rooms[i].goodsId) },
		batching: { concurrency, maxItemsPerMinute: 0 },
	});
	const started = process.hrtime.bigint();
	const output = await runNode({ parameters, items: rooms.map((json) => ({ json })), store });
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	const pushed = output.filter((item) => item.json.pushed === true).length;
	if (pushed !== ITEMS) throw new Error(`concurrency ${concurrency}: ${pushed} of ${ITEMS} pushed`);
	return wallMs;
}

async function run({ quick }) {
	const rounds = quick ? 1 : 3;
	const sandbox = await startSandboxProcess({ latencyMs: LATENCY_MS, rooms: ITEMS });
	try {
		const { rooms } = sandbox;
		const store = new CredentialStore({ ...sandbox.app, baseUrl: sandbox.url, accessToken: '', expiresAt: 0 });
		await pushAll(sandbox, store, rooms, 10); // warm-up; gets the token
		const times = { 1: [], 10: [] };
		for (let r = 0; r < rounds; r++) {
			for (const concurrency of [1, 10]) times[concurrency].push(await pushAll(sandbox, store, rooms, concurrency));
		}
		const c1 = median(times[1]);
		const c10 = median(times[10]);
		const speedup = c1 / c10;
		return {
			title: `Throughput in-process: ${ITEMS} pushes, ${LATENCY_MS} ms sandbox latency`,
			headers: ['concurrency', 'runs', 'median', 'per item', 'calls per second'],
			rows: [1, 10].map((c) => [c, times[c].map(seconds).join(', '), seconds(median(times[c])), ms(median(times[c]) / ITEMS), round(ITEMS / (median(times[c]) / 1000), 0)]),
			figures: [{ what: `concurrency 10 vs 1, ${ITEMS} calls at ${LATENCY_MS} ms latency, through the node in-process (median of ${rounds})`, value: `${round(speedup, 1)}× faster (${seconds(c1)} → ${seconds(c10)})`, target: '≥ 6×', met: speedup >= 6 }],
			notes: ['The node runs in the benchmark process (Node 20) through test/support/executeContext (axios to the sandbox, the credential flow of n8n); the sandbox in a child process.'],
			summary: `concurrency 10 is ${round(speedup, 1)}× faster than 1 on ${ITEMS} latency-bound calls in-process (target ≥ 6×, ${speedup >= 6 ? 'met' : 'not met'}).`,
			data: { c1, c10, speedup, times },
		};
	} finally {
		await sandbox.close();
	}
}

if (require.main === module) main('throughput', run);
module.exports = { run };
