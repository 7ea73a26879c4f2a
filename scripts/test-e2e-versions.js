#!/usr/bin/env node
// The end-to-end suite (jest -c jest.e2e.config.js: the packed package in a real n8n) once per n8n
// version we support, oldest first, then one summary line per version.
//
//   node scripts/test-e2e-versions.js                          # every supported version
//   node scripts/test-e2e-versions.js --versions 2.0.0         # only these (comma-separated)
//   node scripts/test-e2e-versions.js --no-build -- ecosystem  # skip the build; args after -- go to jest
//
// Each version is installed on first use into .cache/n8n-<version> (Node 24 + n8n from the npm
// registry, ~4 min and ~3 GB each; see test/e2e/README.md) and reused afterwards. The harness picks the
// version from N8N_VERSION. test/e2e/harness/compat-setup.js (a jest setupFilesAfterEnv file) adapts
// the harness to what differs in older n8n versions (test/e2e/harness/compat.js says what and why).
// The README screenshots (screenshots.e2e) run on the pinned version only.
// Per-version jest results: .cache/test-results/e2e-<version>.json.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

// The supported range, oldest first: the oldest n8n 2.x this package loads and passes the suite on,
// and the version the rest of the suite pins (test/e2e/harness/install.js DEFAULT_N8N_VERSION).
const SUPPORTED_N8N_VERSIONS = ['2.0.0', '2.41.1'];

// Suites that document the pinned n8n rather than test compatibility: the editor screenshots for the
// README (scripts/screenshots.js) follow 2.41.1's editor and its env-managed owner sign-in.
const PINNED_ONLY = ['/test/e2e/screenshots\\.e2e\\.test\\.ts$'];

const root = path.join(__dirname, '..');
const resultsDir = path.join(root, '.cache', 'test-results');

function parseArgs(argv) {
	const dash = argv.indexOf('--');
	const own = dash >= 0 ? argv.slice(0, dash) : argv;
	const jestArgs = dash >= 0 ? argv.slice(dash + 1) : [];
	let versions = (process.env.N8N_VERSIONS || '').split(',').filter(Boolean);
	const i = own.indexOf('--versions');
	if (i >= 0) versions = (own[i + 1] || '').split(',').filter(Boolean);
	return { versions: versions.length ? versions : SUPPORTED_N8N_VERSIONS, build: !own.includes('--no-build'), jestArgs };
}

const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

async function main() {
	const { versions, build, jestArgs } = parseArgs(process.argv.slice(2));
	fs.mkdirSync(resultsDir, { recursive: true });

	if (build) {
		process.stdout.write('▶ build\n');
		const b = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
		if (b.status !== 0) {
			process.stdout.write('✖ build failed\n');
			return 1;
		}
	}

	const { ensureN8n, DEFAULT_N8N_VERSION } = require('../test/e2e/harness');
	const summary = [];
	for (const version of versions) {
		process.stdout.write(`\n▶ end-to-end tests on n8n ${version}\n`);
		const pinnedOnlySkipped = version !== DEFAULT_N8N_VERSION;
		const line = { version, install: '', tests: '', counts: '', ok: false, note: '' };
		const t0 = Date.now();
		let install;
		try {
			install = await ensureN8n({ version });
			line.install = seconds(t0);
		} catch (err) {
			line.counts = `not installed: ${String(err.message).split('\n')[0]}`;
			summary.push(line);
			continue;
		}

		const outputFile = path.join(resultsDir, `e2e-${version}.json`);
		fs.rmSync(outputFile, { force: true });
		const t1 = Date.now();
		const r = spawnSync(
			path.join(root, 'node_modules', '.bin', 'jest'),
			[
				'-c',
				'jest.e2e.config.js',
				// first: jest's array options below would swallow test-path arguments that follow them
				...jestArgs,
				'--json',
				`--outputFile=${outputFile}`,
				'--setupFilesAfterEnv=./test/e2e/harness/compat-setup.js',
				...(pinnedOnlySkipped ? PINNED_ONLY.map((p) => `--testPathIgnorePatterns=${p}`) : []),
			],
			{ cwd: root, stdio: 'inherit', env: { ...process.env, N8N_VERSION: version } },
		);
		line.tests = seconds(t1);
		line.node = install.nodeVersion;
		if (fs.existsSync(outputFile)) {
			const j = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
			const skipped = j.numPendingTests + j.numTodoTests;
			line.counts =
				`${j.numPassedTests} passed, ${j.numFailedTests} failed` +
				(skipped ? `, ${skipped} skipped` : '') +
				(j.numRuntimeErrorTestSuites ? `, ${j.numRuntimeErrorTestSuites} suites did not run` : '');
		} else {
			line.counts = `jest exited ${r.status ?? r.signal} without results`;
		}
		line.ok = r.status === 0;
		if (pinnedOnlySkipped) line.note = ' (screenshots: pinned n8n only)';
		summary.push(line);
	}

	process.stdout.write('\nend-to-end tests per n8n version:\n');
	for (const l of summary) {
		process.stdout.write(
			`${l.ok ? '✔' : '✖'} n8n ${l.version}${l.node ? ` (Node ${l.node})` : ''}: ${l.counts}` +
				(l.install ? ` - install/check ${l.install}` : '') +
				(l.tests ? `, tests ${l.tests}` : '') +
				l.note +
				'\n',
		);
	}
	return summary.every((l) => l.ok) ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(err) => {
		process.stderr.write(`${err.stack || err}\n`);
		process.exit(1);
	},
);
