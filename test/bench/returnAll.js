#!/usr/bin/env node
// Subscriber → Get Many with Return All over 20,000 long-term subscribers (10 pages of 2,000), through the
// node in-process (test/support/executeContext: real HTTP, n8n's credential flow); the sandbox in a child
// process so its heap is not counted. Time and peak memory growth over the run (RSS and V8 heap, sampled
// every 5 ms, from a baseline after a full GC). Targets: < 2 s, memory growth < 100 MB.
const { main } = require('./common');
const { mb, median, round, sampling, seconds, registerTypeScript } = require('./lib');
const { startSandboxProcess } = require('./sandboxProcess');

registerTypeScript();
const { CredentialStore, runNode } = require('../support/executeContext');

const SUBSCRIBERS = 20_000;

async function run({ quick }) {
	const rounds = quick ? 1 : 3;
	const sandbox = await startSandboxProcess({ followers: SUBSCRIBERS });
	const gc = global.gc ?? (() => undefined);
	try {
		const store = new CredentialStore({ ...sandbox.app, baseUrl: sandbox.url, accessToken: '', expiresAt: 0 });
		const parameters = { resource: 'subscriber', operation: 'getMany', returnAll: true };
		await runNode({ parameters: { ...parameters, returnAll: false, limit: 1 }, store }); // token, warm-up
		const runs = [];
		for (let r = 0; r < rounds; r++) {
			gc();
			gc();
			const base = process.memoryUsage();
			let heapPeak = base.heapUsed;
			const started = process.hrtime.bigint();
			const { result: output, peak: rssPeak } = await sampling(() => {
				const usage = process.memoryUsage();
				heapPeak = Math.max(heapPeak, usage.heapUsed);
				return usage.rss;
			}, () => runNode({ parameters, store }));
			const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
			if (output.length !== SUBSCRIBERS) throw new Error(`Return All gave ${output.length} items, not ${SUBSCRIBERS}`);
			runs.push({ wallMs, rssGrowth: rssPeak - base.rss, heapGrowth: heapPeak - base.heapUsed, items: output.length });
		}
		const time = median(runs.map((r) => r.wallMs));
		const rss = median(runs.map((r) => r.rssGrowth));
		const heap = median(runs.map((r) => r.heapGrowth));
		// RSS rarely shrinks back after the warm-up, so it can understate; the larger of the two is judged.
		const growth = Math.max(rss, heap);
		const gcNote = global.gc ? 'baseline after a full GC' : 'run without --expose-gc: baseline without a GC first';
		return {
			title: `Return All: ${SUBSCRIBERS.toLocaleString('en')} subscribers through the node`,
			headers: ['run', 'time', 'items', 'peak RSS growth', 'peak V8 heap growth'],
			rows: runs.map((r, i) => [i + 1, seconds(r.wallMs), r.items, mb(r.rssGrowth), mb(r.heapGrowth)]),
			figures: [
				{ what: `time, ${SUBSCRIBERS.toLocaleString('en')} subscribers (median of ${rounds})`, value: seconds(time), target: '< 2 s', met: time < 2000 },
				{ what: `peak memory growth (the larger of RSS and V8 heap; median of ${rounds}; ${gcNote})`, value: `${mb(growth)} (RSS ${mb(rss)}, V8 heap ${mb(heap)})`, target: '< 100 MB', met: growth < 100 * 1024 * 1024 },
			],
			notes: ['The output is 20,000 n8n items held in memory, as n8n holds them; the sandbox (another process) is not counted.'],
			summary: `Return All of ${SUBSCRIBERS.toLocaleString('en')} subscribers took ${seconds(time)} (target < 2 s, ${time < 2000 ? 'met' : 'not met'}) with ${mb(growth)} peak memory growth (target < 100 MB, ${growth < 100 * 1024 * 1024 ? 'met' : 'not met'}).`,
			data: { runs, time, rss, heap: round(heap, 0) },
		};
	} finally {
		await sandbox.close();
	}
}

if (require.main === module) main('returnAll', run);
module.exports = { run };
