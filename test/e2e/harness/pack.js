'use strict';
// `npm pack` of an already built package: the same artefact users get from the registry.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { log, since, cleanEnv, run } = require('./proc');

/** The files package.json#n8n promises (nodes + credentials), relative to the package folder. */
function n8nFilesOf(pkg) {
	const n8n = pkg.n8n || {};
	return [...(n8n.nodes || []), ...(n8n.credentials || [])];
}

/**
 * Packs repoDir into a fresh temp folder (or `destination`) and returns the tarball's absolute path.
 * Does not build: fails with a clear message when the files package.json#n8n lists are missing.
 */
async function packPackage(repoDir, { destination } = {}) {
	const t0 = Date.now();
	repoDir = path.resolve(repoDir);
	const pkg = JSON.parse(fs.readFileSync(path.join(repoDir, 'package.json'), 'utf8'));
	const missing = n8nFilesOf(pkg).filter((f) => !fs.existsSync(path.join(repoDir, f)));
	if (!pkg.n8n || missing.length) {
		throw new Error(
			`${pkg.name}: ${pkg.n8n ? `missing ${missing.join(', ')}` : 'no "n8n" section in package.json'}` +
				` - run \`npm run build\` in ${repoDir} first`,
		);
	}
	const dest = destination || fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-pack-'));
	// A temp folder of our own is removed when this process ends (each test file packs afresh).
	if (!destination) process.once('exit', () => fs.rmSync(dest, { recursive: true, force: true }));
	fs.mkdirSync(dest, { recursive: true });
	// --ignore-scripts: no prepack/prepare build here, packing is not building
	const r = await run(
		'npm',
		['pack', '--json', '--ignore-scripts', '--loglevel=error', '--pack-destination', dest],
		{ cwd: repoDir, env: cleanEnv(), check: true },
	);
	const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
	const tarball = path.join(dest, info.filename);
	if (!fs.existsSync(tarball)) throw new Error(`npm pack reported ${tarball} but it is not there`);
	log('pack', `${info.id} -> ${tarball} (${info.entryCount} files, ${info.size} B) in ${since(t0)}`);
	return tarball;
}

module.exports = { packPackage, n8nFilesOf };
