#!/usr/bin/env node
// npm test: everything CI runs, in order — lint, type-check, build, unit + sandbox integration tests
// (jest), then the end-to-end suite in a real n8n at both ends of the supported range: the pinned
// 2.41.1, then the oldest, 2.0.0 (each installed on first use into .cache/n8n-<version>, see test/e2e).
// Ends with one "N passed, N failed" line over all jest tests.
//   SKIP_E2E=1          no end-to-end suite at all
//   SKIP_OLDEST_N8N=1   the end-to-end suite on the pinned n8n only
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { DEFAULT_N8N_VERSION, OLDEST_N8N_VERSION } = require('../test/e2e/harness/install');

const root = path.join(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const resultsDir = path.join(root, '.cache', 'test-results');
fs.mkdirSync(resultsDir, { recursive: true });

const steps = [
	{ name: 'lint', cmd: bin('eslint'), args: ['.'] },
	{ name: 'type-check tests', cmd: bin('tsc'), args: ['-p', 'tsconfig.test.json'] },
	{ name: 'build', cmd: 'npm', args: ['run', '--silent', 'build'], required: true },
	{ name: 'unit and integration tests', cmd: bin('jest'), args: ['--json', `--outputFile=${path.join(resultsDir, 'jest.json')}`], results: 'jest.json' },
	{
		name: `end-to-end tests in a real n8n ${DEFAULT_N8N_VERSION}`,
		cmd: bin('jest'),
		args: ['-c', 'jest.e2e.config.js', '--json', `--outputFile=${path.join(resultsDir, 'e2e.json')}`],
		results: 'e2e.json',
		skip: process.env.SKIP_E2E === '1' && 'SKIP_E2E=1',
	},
	{
		name: `end-to-end tests in the oldest supported n8n, ${OLDEST_N8N_VERSION}`,
		cmd: bin('jest'),
		args: [
			'-c',
			'jest.e2e.config.js',
			// The README's screenshots show the pinned n8n's editor; every other suite runs here too.
			'--testPathIgnorePatterns=/test/e2e/screenshots\\.e2e\\.test\\.ts$',
			'--json',
			`--outputFile=${path.join(resultsDir, `e2e-${OLDEST_N8N_VERSION}.json`)}`,
		],
		env: { N8N_VERSION: OLDEST_N8N_VERSION },
		results: `e2e-${OLDEST_N8N_VERSION}.json`,
		skip:
			(process.env.SKIP_E2E === '1' && 'SKIP_E2E=1') || (process.env.SKIP_OLDEST_N8N === '1' && 'SKIP_OLDEST_N8N=1'),
	},
];

const failed = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const step of steps) {
	if (step.skip) {
		process.stdout.write(`\n▶ ${step.name}: skipped (${step.skip})\n`);
		continue;
	}
	process.stdout.write(`\n▶ ${step.name}\n`);
	const started = Date.now();
	if (step.results) fs.rmSync(path.join(resultsDir, step.results), { force: true });
	const result = spawnSync(step.cmd, step.args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...step.env } });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (step.results && fs.existsSync(path.join(resultsDir, step.results))) {
		const r = JSON.parse(fs.readFileSync(path.join(resultsDir, step.results), 'utf8'));
		totals.passed += r.numPassedTests;
		totals.failed += r.numFailedTests;
		totals.skipped += r.numPendingTests + r.numTodoTests;
	}
	if (result.status !== 0) {
		failed.push(step.name);
		process.stdout.write(`✖ ${step.name} failed after ${seconds}s\n`);
		if (step.required) break;
	} else {
		process.stdout.write(`✔ ${step.name} (${seconds}s)\n`);
	}
}

process.stdout.write(`\n${failed.length ? `Failed steps: ${failed.join(', ')}` : 'All steps passed.'}\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
process.exit(failed.length ? 1 : 0);
