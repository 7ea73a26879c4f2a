#!/usr/bin/env node
// Per-item overhead and throughput in a real n8n (the pinned 2.41.1, `n8n execute`), against the sandbox:
//  1. 1,000 Room Goods → Push items through the WeChat Live node, next to a plain HTTP loop making the
//     same 1,000 calls (axios, sequential, the same token) to the same sandbox, rounds interleaved.
//     Compared: the node's own execution time as n8n records it (runData executionTime) with the loop's
//     wall time. Target: ≤ 1.2× the plain loop. Beside them, n8n's own HTTP Request node making the same
//     calls with the same credential (it loads the credential for every call): target ≤ 0.5× its time.
//  2. The same 1,000 pushes with 20 ms sandbox latency at Batching → Concurrency 1 and 10 (Max Items per
//     Minute 0: no cap). Target: 10 at least 6× faster than 1.
// Each push goes to its own live room (a push blocks its room for 5 s, error 300047); between rounds the
// bench takes every goods card down directly in the sandbox state.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const axios = require('axios');

const { main } = require('./common');
const { liveRoomsWithGoods, endPushes, sandboxToken } = require('./fixtures');
const { breakdown, findProfile } = require('./profile');
const { median, ms, round, seconds, registerTypeScript, ROOT } = require('./lib');

registerTypeScript();
const { actionWorkflow, CREDENTIAL, sandboxCredential } = require('../e2e/support/workflows');
const { createInstance, ensureN8n, packPackage } = require('../e2e/harness');
const { startSandbox } = require('../sandbox');

const ITEMS = 1000;
const LATENCY_MS = 20;

const locator = (field) => ({ __rl: true, mode: 'id', value: `={{ $json.${field} }}` });

function pushWorkflow(name, rooms, batching) {
	const parameters = { resource: 'roomGoods', operation: 'push', roomId: locator('roomId'), goodsId: locator('goodsId') };
	if (batching) parameters.batching = batching;
	return actionWorkflow(name, parameters, { items: rooms });
}

/** The same pushes through n8n's HTTP Request node, authenticated with the WeChat Live API credential. */
function httpRequestWorkflow(sandbox, rooms) {
	const workflow = pushWorkflow('Bench: 1,000 pushes, HTTP Request node', rooms);
	const node = workflow.nodes.at(-1);
	Object.assign(node, {
		name: 'WeChat Live',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${sandbox.url}/wxaapi/broadcast/goods/push`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'weChatLiveApi',
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={ "roomId": {{ $json.roomId }}, "goodsId": {{ $json.goodsId }} }',
			options: {},
		},
		credentials: { weChatLiveApi: CREDENTIAL },
	});
	return workflow;
}

/** The sandbox's arrival times of the pushes: first to last, in ms. */
function sandboxSpan(sandbox) {
	const at = sandbox.requests('goodsPush').map((r) => Date.parse(r.at));
	return Math.max(...at) - Math.min(...at);
}

async function runInN8n(n8n, sandbox, workflow) {
	endPushes(sandbox.state);
	sandbox.clearLog();
	const started = Date.now();
	const result = await n8n.execute(workflow.id, { timeoutMs: 600_000 });
	const cliMs = Date.now() - started;
	const items = n8n.itemsOf(result, 'WeChat Live');
	const pushed = items.filter((item) => item.pushed === true || item.errcode === 0).length;
	if (result.status !== 'success' || pushed !== ITEMS) {
		throw new Error(`${workflow.name}: ${result.status}, ${pushed} of ${ITEMS} pushed: ${JSON.stringify(items.find((i) => i.error) ?? result.error)}`);
	}
	const nodeMs = result.runData['WeChat Live'][0].executionTime;
	return { nodeMs, cliMs, spanMs: sandboxSpan(sandbox), tokenRequests: sandbox.requests('stableToken').length };
}

async function plainLoop(sandbox, rooms, token) {
	endPushes(sandbox.state);
	sandbox.clearLog();
	const url = `${sandbox.url}/wxaapi/broadcast/goods/push`;
	const started = process.hrtime.bigint();
	for (const { roomId, goodsId } of rooms) {
		const { data } = await axios.post(url, { roomId, goodsId }, { params: { access_token: token }, headers: { 'Content-Type': 'application/json' } });
		if (data.errcode !== 0) throw new Error(`plain loop: room ${roomId}: ${JSON.stringify(data)}`);
	}
	return { wallMs: Number(process.hrtime.bigint() - started) / 1e6, spanMs: sandboxSpan(sandbox) };
}

/**
 * One more run of the 1,000 pushes with n8n under V8's CPU profiler (not timed: profiling slows it), to
 * show where the node's time goes. Same user folder, so the same database, credential and workflows.
 */
async function profiledRun(sandbox, workflow) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-live-bench-prof-'));
	try {
		const profiled = createInstance({ name: 'bench-items', fresh: false, env: { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` } });
		endPushes(sandbox.state);
		sandbox.clearLog();
		const result = await profiled.execute(workflow.id, { timeoutMs: 600_000 });
		if (result.status !== 'success') return undefined;
		const profile = findProfile(dir);
		return profile ? breakdown(profile) : undefined;
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

async function run({ quick }) {
	const rounds = quick ? 1 : 3;
	await ensureN8n();
	const sandboxOptions = {};
	const sandbox = await startSandbox(sandboxOptions);
	const n8n = createInstance({ name: 'bench-items', tarball: await packPackage(ROOT) });
	try {
		const rooms = liveRoomsWithGoods(sandbox.state, ITEMS);
		const workflows = {
			plain: pushWorkflow('Bench: 1,000 pushes', rooms),
			http: httpRequestWorkflow(sandbox, rooms),
			c1: pushWorkflow('Bench: 1,000 pushes, concurrency 1', rooms, { concurrency: 1, maxItemsPerMinute: 0 }),
			c10: pushWorkflow('Bench: 1,000 pushes, concurrency 10', rooms, { concurrency: 10, maxItemsPerMinute: 0 }),
		};
		await n8n.installPackage();
		await n8n.importCredentials([sandboxCredential(sandbox)]);
		await n8n.importWorkflows(Object.values(workflows));

		// A first run gets the token and warms n8n up; it is not counted.
		await runInN8n(n8n, sandbox, workflows.plain);
		const token = await sandboxToken(sandbox);

		const overhead = [];
		for (let round = 0; round < rounds; round++) {
			const loop = await plainLoop(sandbox, rooms, token);
			const node = await runInN8n(n8n, sandbox, workflows.plain);
			const http = await runInN8n(n8n, sandbox, workflows.http);
			overhead.push({ loop, node, http });
		}

		sandboxOptions.latencyMs = LATENCY_MS; // the sandbox reads its options on every request
		const throughput = [];
		for (let round = 0; round < rounds; round++) {
			throughput.push({ c1: await runInN8n(n8n, sandbox, workflows.c1), c10: await runInN8n(n8n, sandbox, workflows.c10) });
		}
		const loop20 = await plainLoop(sandbox, rooms, token);
		// The same pair with n8n's expressions evaluated without an isolate (same user folder and database), to
		// show how much of the per-item CPU that bounds the speed-up is n8n's expression engine.
		const legacy = createInstance({ name: 'bench-items', fresh: false, env: { N8N_EXPRESSION_ENGINE: 'legacy' } });
		const legacyRun = { c1: await runInN8n(legacy, sandbox, workflows.c1), c10: await runInN8n(legacy, sandbox, workflows.c10) };
		sandboxOptions.latencyMs = 0;
		const profile = await profiledRun(sandbox, workflows.plain).catch((error) => {
			process.stderr.write(`profiled run skipped: ${error.message}\n`);
			return undefined;
		});

		const loopMs = median(overhead.map((o) => o.loop.wallMs));
		const nodeMs = median(overhead.map((o) => o.node.nodeMs));
		const httpMs = median(overhead.map((o) => o.http.nodeMs));
		// Each round's runs follow each other closely: the median of the per-round ratios is the figure.
		const roundRatios = overhead.map((o) => o.node.nodeMs / o.loop.wallMs);
		const ratio = median(roundRatios);
		const httpRatios = overhead.map((o) => o.node.nodeMs / o.http.nodeMs);
		const httpRatio = median(httpRatios);
		const c1 = median(throughput.map((t) => t.c1.nodeMs));
		const c10 = median(throughput.map((t) => t.c10.nodeMs));
		const speedup = c1 / c10;
		// At concurrency 10 the latency is hidden and n8n's CPU per item (the zero-latency node time) is left.
		const cpuPerItem = nodeMs / ITEMS;
		const bound = (LATENCY_MS + cpuPerItem) / cpuPerItem;
		const legacySpeedup = legacyRun.c1.nodeMs / legacyRun.c10.nodeMs;

		const rows = [
			...overhead.map((o, i) => [`overhead round ${i + 1}`, 'plain HTTP loop', seconds(o.loop.wallMs), ms(o.loop.wallMs / ITEMS), seconds(o.loop.spanMs), '']),
			...overhead.map((o, i) => [`overhead round ${i + 1}`, 'n8n, WeChat Live node', seconds(o.node.nodeMs), ms(o.node.nodeMs / ITEMS), seconds(o.node.spanMs), `${round(o.node.nodeMs / o.loop.wallMs, 2)}× the loop (n8n execute in all: ${seconds(o.node.cliMs)})`]),
			...overhead.map((o, i) => [`overhead round ${i + 1}`, 'n8n, HTTP Request node (reference)', seconds(o.http.nodeMs), ms(o.http.nodeMs / ITEMS), seconds(o.http.spanMs), `WeChat Live node: ${round(o.node.nodeMs / o.http.nodeMs, 2)}× this`]),
			...throughput.map((t, i) => [`20 ms latency round ${i + 1}`, 'n8n, concurrency 1', seconds(t.c1.nodeMs), ms(t.c1.nodeMs / ITEMS), seconds(t.c1.spanMs), '']),
			...throughput.map((t, i) => [`20 ms latency round ${i + 1}`, 'n8n, concurrency 10', seconds(t.c10.nodeMs), ms(t.c10.nodeMs / ITEMS), seconds(t.c10.spanMs), `${round(t.c1.nodeMs / t.c10.nodeMs, 1)}× faster than concurrency 1`]),
			['20 ms latency, N8N_EXPRESSION_ENGINE=legacy', 'n8n, concurrency 1', seconds(legacyRun.c1.nodeMs), ms(legacyRun.c1.nodeMs / ITEMS), seconds(legacyRun.c1.spanMs), ''],
			['20 ms latency, N8N_EXPRESSION_ENGINE=legacy', 'n8n, concurrency 10', seconds(legacyRun.c10.nodeMs), ms(legacyRun.c10.nodeMs / ITEMS), seconds(legacyRun.c10.spanMs), `${round(legacySpeedup, 1)}× faster than concurrency 1`],
			['20 ms latency (reference)', 'plain HTTP loop, sequential', seconds(loop20.wallMs), ms(loop20.wallMs / ITEMS), seconds(loop20.spanMs), `n8n at concurrency 1: ${round(c1 / loop20.wallMs, 2)}× this`],
			...(profile
				? profile.parts.map(([part, partMs]) => ['profiled run (not timed)', part, seconds(partMs), ms(partMs / ITEMS), '', `${round((100 * partMs) / profile.windowMs, 0)}% of the node’s ${seconds(profile.windowMs)}`])
				: []),
		];
		const figures = [
			{ what: `per-item overhead: node time / plain HTTP loop, ${ITEMS} pushes (median of ${rounds} paired rounds)`, value: `${round(ratio, 2)}× (medians ${seconds(nodeMs)} vs ${seconds(loopMs)}; rounds ${roundRatios.map((r) => round(r, 2)).join(', ')})`, target: '≤ 1.2×', met: ratio <= 1.2 },
			{ what: `node time / n8n's HTTP Request node making the same ${ITEMS} calls with the same credential`, value: `${round(httpRatio, 2)}× (medians ${seconds(nodeMs)} vs ${seconds(httpMs)}; rounds ${httpRatios.map((r) => round(r, 2)).join(', ')})`, target: '≤ 0.5×', met: httpRatio <= 0.5 },
			{ what: `real n8n: concurrency 10 vs 1, ${ITEMS} pushes at ${LATENCY_MS} ms latency (median of ${rounds})`, value: `${round(speedup, 1)}× faster (${seconds(c1)} → ${seconds(c10)}); bound by n8n's own CPU per item (${ms(cpuPerItem)}): ${round(bound, 1)}×; with N8N_EXPRESSION_ENGINE=legacy ${round(legacySpeedup, 1)}×`, target: '≥ 6×', met: speedup >= 6 },
		];
		return {
			title: `Real n8n ${n8n.install?.version ?? ''}: ${ITEMS} Room Goods → Push items`,
			headers: ['run', 'what', 'time', 'per item', 'sandbox saw (first → last call)', 'note'],
			rows,
			figures,
			notes: [
				'Node time = the WeChat Live node’s executionTime in n8n’s run data (what n8n spends on the node: parameters and expressions per item, the credential, the HTTP calls, output items); `n8n execute` in all adds n8n’s start-up and the Code node.',
				'Plain loop = axios from the benchmark process (Node 20), one call after another, with the token the node used; n8n runs on Node 24.',
				'n8n’s own HTTP Request node, making the same calls with the same credential, loads and decrypts the credential and authenticates every call; the WeChat Live node loads the credential once per execution and sends with the token it holds (n8n authenticates only the call that gets a new token). The distance to the plain loop is n8n’s per-item work (the workflow’s expressions, its HTTP client; see the profiled rows), while this package’s own code is well under 0.1 ms an item. Against WeChat itself (tens of ms a call) the same few ms are a small share.',
				`At concurrency 10 the 20 ms latency is hidden: the run then takes about as long as n8n’s own CPU work for 1,000 items (the zero-latency node time above), which bounds the speed-up on this machine to about (latency + CPU per item) / CPU per item: (${LATENCY_MS} + ${round(cpuPerItem, 2)}) / ${round(cpuPerItem, 2)} = ${round(bound, 1)}× in this run. Most of that CPU is n8n’s (its expression engine and HTTP client, see the profiled rows), not this package’s. The legacy-engine rows (n8n evaluating the workflow’s expressions without a V8 isolate) show the same node with less of n8n’s per-item CPU; they are a measurement, not a recommendation: the isolate is n8n’s protection against hostile expressions.`,
				`Token requests during the counted n8n runs: ${[...overhead.map((o) => o.node.tokenRequests), ...throughput.flatMap((t) => [t.c1.tokenRequests, t.c10.tokenRequests])].reduce((a, b) => a + b, 0)}.`,
			],
			summary: `per-item overhead ${round(ratio, 2)}× a plain HTTP loop (target ≤ 1.2×, ${ratio <= 1.2 ? 'met' : 'not met'}); ${round(httpRatio, 2)}× n8n's own HTTP Request node (target ≤ 0.5×, ${httpRatio <= 0.5 ? 'met' : 'not met'}); concurrency 10 is ${round(speedup, 1)}× faster than 1 at ${LATENCY_MS} ms latency in real n8n (target ≥ 6×, ${speedup >= 6 ? 'met' : 'not met'}).`,
			data: { ratio, httpRatio, loopMs, nodeMs, httpMs, c1, c10, speedup, bound, legacyRun, legacySpeedup, overhead, throughput, loop20, profile },
		};
	} finally {
		await n8n.stop().catch(() => undefined);
		await sandbox.close();
	}
}

if (require.main === module) main('n8nItems', run);
module.exports = { run };
