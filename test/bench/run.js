#!/usr/bin/env node
// npm run bench: every benchmark, each in a process of its own, then test/bench/RESULTS.md (figures with
// their targets, the machine, the n8n version). `node test/bench/run.js throughput trigger` runs some
// (RESULTS.md keeps the others' last figures); `--quick` makes one round of each instead of three.
// Benchmarks time things, so they are not part of `npm test`; on a shared machine, run them twice.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { report, metText } = require('./common');
const { machine, table } = require('./lib');

const BENCHES = {
	n8nItems: 'per-item overhead and throughput in a real n8n (1,000 Room Goods → Push items)',
	tokens: 'token economy in a real n8n server (100 executions × 20 items)',
	throughput: 'throughput at concurrency 1 and 10, in-process (1,000 calls, 20 ms latency)',
	returnAll: 'Return All of 20,000 subscribers: time and memory',
	trigger: 'WeChat Live Trigger: verify + decrypt rate, webhook latency beside n8n’s Webhook node (regular mode 10 and 25 req/s, queue mode 50 and 100 req/s), profile',
};
const RESULTS = path.join(__dirname, 'RESULTS.md');
const DATA_MARK = 'bench-data:';

function previous() {
	if (!fs.existsSync(RESULTS)) return {};
	const match = new RegExp(`<!-- ${DATA_MARK}([A-Za-z0-9+/=]+) -->`).exec(fs.readFileSync(RESULTS, 'utf8'));
	if (!match) return {};
	try {
		return JSON.parse(Buffer.from(match[1], 'base64').toString('utf8'));
	} catch {
		return {};
	}
}

function render(results) {
	const names = Object.keys(BENCHES).filter((name) => results[name]);
	const figures = names.flatMap((name) => results[name].figures.map((f) => [name, f.what, f.value, f.target, metText(f.met)]));
	const machines = [...new Set(names.map((name) => JSON.stringify(results[name].machine)))].map((m) => JSON.parse(m));
	const first = machines[0] ?? machine();
	return [
		'# Benchmarks',
		'',
		'`npm run bench` runs them all (about 30 minutes on 2 cores), `node test/bench/run.js <name> …` some of them',
		`(${Object.keys(BENCHES).join(', ')}), \`--quick\` one round each. Not part of \`npm test\`: tests never time things.`,
		'',
		`Machine: ${first.cpu}, ${first.cores} cores, ${first.memoryGb} GB; n8n ${first.n8n} (on its own Node 24);`,
		`benchmark process Node ${first.node}. The load average at the start of each benchmark is under its section`,
		'(other work on the machine makes timings noisy, so each run says how busy it was); each figure is the median',
		'of three rounds unless it says otherwise.',
		'',
		'## Figures and targets',
		'',
		table(['benchmark', 'figure', 'measured', 'target', 'met'], figures),
		'',
		...names.flatMap((name) => [
			report(results[name]).replace(/^\n## /, '## '),
			'',
			`_${BENCHES[name]}; run ${results[name].finishedAt}, load average ${results[name].machine.loadAverage.join(' / ')}, ${results[name].seconds} s._`,
			'',
		]),
		`<!-- ${DATA_MARK}${Buffer.from(JSON.stringify(results)).toString('base64')} -->`,
		'',
	].join('\n');
}

/** The real-n8n benchmarks install the built package (dist/): say so when the sources are newer. */
function warnIfStale(names) {
	if (!names.some((name) => ['n8nItems', 'tokens', 'trigger'].includes(name))) return;
	const root = path.join(__dirname, '..', '..');
	const built = path.join(root, 'dist', 'nodes', 'WeChatLive', 'WeChatLive.node.js');
	if (!fs.existsSync(built)) {
		process.stderr.write('dist/ is missing: run `npm run build` first (the real-n8n benchmarks install the built package).\n');
		process.exit(2);
	}
	const builtAt = fs.statSync(built).mtimeMs;
	const newer = [];
	const walk = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.ts') && fs.statSync(full).mtimeMs > builtAt) newer.push(path.relative(root, full));
		}
	};
	for (const dir of ['nodes', 'credentials']) walk(path.join(root, dir));
	if (newer.length) process.stderr.write(`Warning: ${newer.length} source file(s) changed since the last build (e.g. ${newer[0]}): the real-n8n benchmarks measure dist/. Run \`npm run build\` first.\n`);
}

function main() {
	const asked = process.argv.slice(2).filter((a) => !a.startsWith('--'));
	const unknown = asked.filter((name) => !BENCHES[name]);
	if (unknown.length) {
		process.stderr.write(`Unknown benchmark(s): ${unknown.join(', ')}. Choose from: ${Object.keys(BENCHES).join(', ')}\n`);
		process.exit(2);
	}
	const names = asked.length ? asked : Object.keys(BENCHES);
	warnIfStale(names);
	const flags = process.argv.includes('--quick') ? ['--quick'] : [];
	const results = previous();
	const failed = [];
	for (const name of names) {
		process.stdout.write(`\n▶ ${name}: ${BENCHES[name]}\n`);
		const out = path.join(os.tmpdir(), `wechat-live-bench-${process.pid}-${name}.json`);
		const machineAtStart = machine();
		const started = Date.now();
		const child = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, `${name}.js`), '--out', out, ...flags], { stdio: 'inherit', cwd: path.join(__dirname, '..', '..') });
		if (child.status !== 0 || !fs.existsSync(out)) {
			failed.push(name);
			continue;
		}
		results[name] = { ...JSON.parse(fs.readFileSync(out, 'utf8')), machine: machineAtStart, finishedAt: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000) };
		fs.rmSync(out, { force: true });
		fs.writeFileSync(RESULTS, render(results)); // after each one, so an interrupted run keeps what it has
	}
	process.stdout.write(`\nWrote ${path.relative(process.cwd(), RESULTS)}.`);
	const summaries = names.filter((name) => results[name] && !failed.includes(name)).map((name) => `${name}: ${results[name].summary}`);
	process.stdout.write(`\n\n${summaries.join('\n')}\n`);
	if (failed.length) {
		process.stderr.write(`\nFailed: ${failed.join(', ')}\n`);
		process.exit(1);
	}
}

main();
