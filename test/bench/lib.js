// Shared bits of the benchmarks: statistics, tables, the machine, and loading the TypeScript sources.
// Benchmarks print figures and never fail a build: `npm test` does not run them.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return NaN;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (value, digits = 1) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);
const ms = (value) => `${round(value, value < 10 ? 2 : 0)} ms`;
const seconds = (valueMs) => `${round(valueMs / 1000, 2)} s`;
const mb = (bytes) => `${round(bytes / 1024 / 1024, 1)} MB`;

/** A Markdown table (also readable in a terminal). */
function table(headers, rows) {
	const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell ?? '')));
	const widths = headers.map((_, i) => Math.max(3, ...cells.map((row) => row[i].length)));
	const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
	return [line(cells[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}

function n8nVersion() {
	try {
		const { DEFAULT_N8N_VERSION } = require(path.join(ROOT, 'test', 'e2e', 'harness'));
		return DEFAULT_N8N_VERSION;
	} catch {
		return 'unknown';
	}
}

function machine() {
	const cpus = os.cpus();
	return {
		cpu: cpus[0]?.model?.trim() ?? 'unknown',
		cores: cpus.length,
		memoryGb: Math.round(os.totalmem() / 1024 ** 3),
		node: process.version,
		n8n: n8nVersion(),
		loadAverage: os.loadavg().map((l) => round(l, 1)),
	};
}

/** The node's TypeScript sources, compiled on the fly (as jest does), for the in-process benchmarks. */
function registerTypeScript() {
	if (registerTypeScript.done) return;
	require('ts-node').register({ project: path.join(ROOT, 'tsconfig.test.json'), transpileOnly: true });
	// `WeChatLive.node` must resolve to the .ts beside the codex file WeChatLive.node.json (jest's order):
	// Node tries extensions in registration order, so .json goes after .ts.
	const extensions = require('node:module')._extensions;
	const json = extensions['.json'];
	delete extensions['.json'];
	extensions['.json'] = json;
	registerTypeScript.done = true;
}

const sleep = (msValue) => new Promise((resolve) => setTimeout(resolve, msValue));

/** Sampled peak of a number over the time `work` runs (e.g. memory), every `everyMs`. */
async function sampling(read, work, everyMs = 5) {
	let peak = read();
	const timer = setInterval(() => {
		peak = Math.max(peak, read());
	}, everyMs);
	try {
		const result = await work();
		peak = Math.max(peak, read());
		return { result, peak };
	} finally {
		clearInterval(timer);
	}
}

function writeJson(file, data) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

module.exports = { ROOT, median, percentile, round, ms, seconds, mb, table, machine, registerTypeScript, sleep, sampling, writeJson };
