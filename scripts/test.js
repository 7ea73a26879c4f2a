#!/usr/bin/env node
// npm test: everything CI runs, in order — lint, type-check, build, unit + sandbox integration tests
// (jest), then end-to-end tests in a real n8n: the full suite on the pinned newest 2.x, and the smoke
// suite (test/e2e/smoke.e2e.test.ts) on the other ends of the supported range: the oldest 2.x, the
// newest 1.x and the 1.x floor. Each n8n is installed on first use into the shared cache (see
// test/e2e/README.md); the smoke versions install in the background while the full suite runs.
// Ends with one "N passed, N failed" line over all jest tests.
//   SKIP_E2E=1     no end-to-end tests at all
//   SKIP_SMOKE=1   the full suite on the pinned n8n only
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { DEFAULT_N8N_VERSION, SMOKE_N8N_VERSIONS } = require('../test/e2e/harness/install');

const root = path.join(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const resultsDir = path.join(root, '.cache', 'test-results');
fs.mkdirSync(resultsDir, { recursive: true });

const skipE2e = process.env.SKIP_E2E === '1' && 'SKIP_E2E=1';
const skipSmoke = skipE2e || (process.env.SKIP_SMOKE === '1' && 'SKIP_SMOKE=1');
const installLog = path.join(resultsDir, 'n8n-installs.log');
const background = { child: null, exit: null };

/** Installs the smoke versions one after another in the background; output to a log file, not the terminal. */
function installSmokeVersionsInBackground() {
	const out = fs.openSync(installLog, 'w');
	background.child = spawn(process.execPath, [path.join(__dirname, 'install-n8n.js'), ...SMOKE_N8N_VERSIONS], {
		cwd: root,
		stdio: ['ignore', out, out],
	});
	background.child.on('exit', (code, signal) => (background.exit = code ?? signal));
	fs.closeSync(out);
	process.stdout.write(`  (meanwhile n8n ${SMOKE_N8N_VERSIONS.join(', ')} install in the background if needed: ${path.relative(root, installLog)})\n`);
}

const e2e = (file, name) => ['-c', 'jest.e2e.config.js', ...(file ? [file] : []), '--json', `--outputFile=${path.join(resultsDir, name)}`];
const steps = [
	{ name: 'lint', cmd: bin('eslint'), args: ['.'] },
	{ name: 'type-check tests', cmd: bin('tsc'), args: ['-p', 'tsconfig.test.json'] },
	{ name: 'build', cmd: 'npm', args: ['run', '--silent', 'build'], required: true },
	{ name: 'unit and integration tests', cmd: bin('jest'), args: ['--json', `--outputFile=${path.join(resultsDir, 'jest.json')}`], results: 'jest.json' },
	{
		name: `install n8n ${DEFAULT_N8N_VERSION} (cached after the first run)`,
		cmd: process.execPath,
		args: [path.join(__dirname, 'install-n8n.js'), DEFAULT_N8N_VERSION],
		skip: skipE2e,
		then: () => !skipSmoke && installSmokeVersionsInBackground(),
	},
	{
		name: `end-to-end tests in a real n8n ${DEFAULT_N8N_VERSION}: the full suite`,
		cmd: bin('jest'),
		args: [...e2e(null, 'e2e.json'), '--testPathIgnorePatterns=/test/e2e/smoke\\.e2e\\.test\\.ts$'],
		env: { N8N_VERSION: DEFAULT_N8N_VERSION },
		results: 'e2e.json',
		skip: skipE2e,
	},
	...SMOKE_N8N_VERSIONS.map((version) => ({
		name: `end-to-end smoke tests in n8n ${version}`,
		cmd: bin('jest'),
		args: e2e('test/e2e/smoke.e2e.test.ts', `smoke-${version}.json`),
		env: { N8N_VERSION: version },
		results: `smoke-${version}.json`,
		skip: skipSmoke,
	})),
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
	// The tests read the package's messages in English (the language follows the message locale,
	// nodes/shared/i18n/language.ts; LC_ALL would override LC_MESSAGES).
	const env = { ...process.env, LC_MESSAGES: 'en_US.UTF-8', ...step.env };
	delete env.LC_ALL;
	const result = spawnSync(step.cmd, step.args, { cwd: root, stdio: 'inherit', env });
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
		step.then?.();
	}
}

// A smoke step installs its n8n itself when the background install did not; a failed background
// install is still reported, with its log.
if (background.child) {
	if (background.exit === null) background.child.kill('SIGTERM');
	else if (background.exit !== 0) {
		failed.push('background n8n installs');
		process.stdout.write(`\n✖ the background n8n install failed (exit ${background.exit}); see ${path.relative(root, installLog)}:\n`);
		process.stdout.write(`${fs.readFileSync(installLog, 'utf8').split('\n').slice(-15).join('\n')}\n`);
	}
}

process.stdout.write(`\n${failed.length ? `Failed steps: ${failed.join(', ')}` : 'All steps passed.'}\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
process.exit(failed.length ? 1 : 0);
