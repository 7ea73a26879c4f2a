#!/usr/bin/env node
'use strict';
// Redis and PostgreSQL for n8n's queue mode (the end-to-end queue test, or a local distributed n8n):
//   node scripts/services.js start    install if missing (Debian packages, as root), init, start, create the "n8n" DB
//   node scripts/services.js stop     stop both and delete their data (throw-away)
//   node scripts/services.js status   what runs where (JSON)
//   node scripts/services.js env      shell exports of n8n's DB_* / QUEUE_BULL_* settings for the running services
// Both listen on 127.0.0.1 only, on free ports (never 5432/6379, so a system install is left alone):
// a PostgreSQL cluster made by initdb (trust auth, no unix socket, no fsync) and a redis-server without
// persistence. Data, logs and the state file live in <repo>/.cache/services (git-ignored), or
// $WECHAT_LIVE_SERVICES_DIR; the Postgres data goes to /tmp when the postgres user cannot reach that folder.
// `start` is idempotent: services already up are reused (well under a second). Tests borrow them
// (start({ user }) ... release(user)): several test runs, even from other checkouts sharing this .cache,
// use them at once, and the last one out stops them unless `node scripts/services.js start` started them.
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const proc = require('../test/e2e/harness/proc');
const { freePort } = require('../test/e2e/harness/http');

const REPO_ROOT = path.resolve(__dirname, '..');
const HOST = '127.0.0.1';
const PG_SUPERUSER = 'postgres';
const DEFAULT_DATABASE = 'n8n';
const APT_PACKAGES = { redis: 'redis-server', postgres: 'postgresql' };

function servicesDir() {
	return path.resolve(process.env.WECHAT_LIVE_SERVICES_DIR || path.join(REPO_ROOT, '.cache', 'services'));
}
const paths = () => {
	const dir = servicesDir();
	return {
		dir,
		state: path.join(dir, 'services.json'),
		lock: path.join(dir, '.lock'),
		installLog: path.join(dir, 'install.log'),
		redisDir: path.join(dir, 'redis'),
	};
};

const say = (message) => process.stderr.write(`[services] ${message}\n`);
const { since, sleep, isAlive } = proc;
/** A command to completion; rejects on a non-zero exit unless `check: false`. `as`: { uid, gid } to drop root. */
const run = (command, args, options) => proc.run(command, args, { check: true, ...options });

// ------------------------------------------------------------------------------------------ processes

function lookPath(name) {
	for (const dir of (process.env.PATH || '').split(path.delimiter).concat(['/usr/sbin', '/usr/bin', '/sbin', '/bin'])) {
		if (!dir) continue;
		const file = path.join(dir, name);
		try {
			fs.accessSync(file, fs.constants.X_OK);
			return file;
		} catch {
			// not here
		}
	}
	return undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

// ------------------------------------------------------------------------------------------ install

/** bin folder of the newest Debian PostgreSQL (/usr/lib/postgresql/<v>/bin), else where pg_ctl is on PATH. */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	if (fs.existsSync(root)) {
		const versions = fs
			.readdirSync(root)
			.filter((v) => /^\d+(\.\d+)?$/.test(v))
			.sort((a, b) => Number(b) - Number(a));
		for (const v of versions) {
			const bin = path.join(root, v, 'bin');
			if (['initdb', 'pg_ctl', 'postgres', 'psql'].every((b) => fs.existsSync(path.join(bin, b)))) return bin;
		}
	}
	const pgCtl = lookPath('pg_ctl');
	if (pgCtl) {
		const bin = path.dirname(fs.realpathSync(pgCtl));
		if (['initdb', 'postgres'].every((b) => fs.existsSync(path.join(bin, b))) && lookPath('psql')) return bin;
	}
	return undefined;
}

function psqlBin(binDir) {
	return fs.existsSync(path.join(binDir, 'psql')) ? path.join(binDir, 'psql') : lookPath('psql');
}

function redisServerBin() {
	return lookPath('redis-server');
}

/**
 * Installs redis-server and postgresql from the distribution's packages when either is missing (Debian
 * or Ubuntu, as root: CI). The packages' own services (redis on 6379, the "main" cluster on 5432) are
 * kept from starting while installing: a policy-rc.d answering 101, only when the machine has none.
 */
async function ensureInstalled() {
	const missing = [];
	if (!redisServerBin()) missing.push(APT_PACKAGES.redis);
	if (!postgresBinDir()) missing.push(APT_PACKAGES.postgres);
	if (missing.length === 0) return { installed: [], ms: 0 };
	const how = `apt-get install -y ${missing.join(' ')}`;
	if (process.platform !== 'linux' || !lookPath('apt-get')) {
		throw new Error(`queue mode needs ${missing.join(' and ')}, and this is not a Debian/Ubuntu machine: install them with your package manager (Redis server and PostgreSQL server binaries: redis-server, initdb, pg_ctl, postgres, psql), then run this again.`);
	}
	if (!isRoot()) {
		throw new Error(`queue mode needs ${missing.join(' and ')}, which are not installed, and installing them needs root: run \`sudo ${how}\` (or run this as root, as CI does), then run this again.`);
	}
	const p = paths();
	fs.mkdirSync(p.dir, { recursive: true });
	const t0 = Date.now();
	say(`installing ${missing.join(', ')} from the Debian packages (log: ${p.installLog})`);
	const policy = '/usr/sbin/policy-rc.d';
	const ownPolicy = !fs.existsSync(policy);
	if (ownPolicy) fs.writeFileSync(policy, '#!/bin/sh\n# n8n-nodes-wechat-live scripts/services.js: no service starts while installing\nexit 101\n', { mode: 0o755 });
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const onData = (d) => fs.appendFileSync(p.installLog, d);
	try {
		fs.appendFileSync(p.installLog, `\n# ${new Date().toISOString()} ${how}\n`);
		await run('apt-get', ['update', '-q'], { env, onData });
		await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env, onData });
	} catch (err) {
		throw new Error(`${how} failed (full log: ${p.installLog}): ${err.message}`);
	} finally {
		if (ownPolicy) fs.rmSync(policy, { force: true });
	}
	if (!redisServerBin() || !postgresBinDir()) {
		throw new Error(`${how} finished, but redis-server or PostgreSQL's initdb/pg_ctl/psql are still not found (log: ${p.installLog})`);
	}
	say(`installed ${missing.join(', ')} in ${since(t0)}`);
	return { installed: missing, ms: Date.now() - t0 };
}

// ------------------------------------------------------------------------------------------ state, lock

function readState() {
	try {
		return JSON.parse(fs.readFileSync(paths().state, 'utf8'));
	} catch {
		return {};
	}
}

function writeState(state) {
	const p = paths();
	fs.mkdirSync(p.dir, { recursive: true });
	const tmp = `${p.state}.${process.pid}`;
	fs.writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
	fs.renameSync(tmp, p.state);
}

/** One start/stop at a time (parallel test processes): a lock folder holding the owner's pid. */
async function withLock(fn) {
	const { dir, lock } = paths();
	fs.mkdirSync(dir, { recursive: true });
	const t0 = Date.now();
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (err) {
			if (err.code !== 'EEXIST') throw err;
			let owner = 0;
			try {
				owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {
				// being written
			}
			const stale = owner ? !isAlive(owner) : Date.now() - fs.statSync(lock).mtimeMs > 10_000;
			if (stale) fs.rmSync(lock, { recursive: true, force: true });
			else if (Date.now() - t0 > 300_000) throw new Error(`timed out waiting for ${lock}`);
			else await sleep(200);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

// ------------------------------------------------------------------------------------------ PostgreSQL

/** The account the cluster runs as: the postgres user when we are root (postgres refuses root). */
function postgresAccount() {
	if (!isRoot()) return undefined;
	const uid = spawnSync('id', ['-u', PG_SUPERUSER], { encoding: 'utf8' });
	const gid = spawnSync('id', ['-g', PG_SUPERUSER], { encoding: 'utf8' });
	if (uid.status !== 0 || gid.status !== 0) {
		throw new Error(`running as root, but there is no "${PG_SUPERUSER}" user to run PostgreSQL as (the postgresql package creates it)`);
	}
	return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** <services>/postgres when the postgres user can write there (every parent searchable), else a /tmp folder. */
function postgresRoot(account) {
	const preferred = path.join(servicesDir(), 'postgres');
	fs.mkdirSync(preferred, { recursive: true });
	if (!account) return preferred;
	fs.chownSync(preferred, account.uid, account.gid);
	const probe = spawnSync('/bin/sh', ['-c', 'test -w "$0" && test -x "$0"', preferred], { uid: account.uid, gid: account.gid });
	if (probe.status === 0) return preferred;
	fs.rmSync(preferred, { recursive: true, force: true });
	const hash = crypto.createHash('sha1').update(servicesDir()).digest('hex').slice(0, 10);
	const fallback = path.join(os.tmpdir(), `wechat-live-postgres-${hash}`);
	fs.mkdirSync(fallback, { recursive: true, mode: 0o700 });
	fs.chownSync(fallback, account.uid, account.gid);
	return fallback;
}

/** psql against the cluster (trust auth over TCP, any OS user). Resolves stdout, trimmed. */
async function psql(pg, sql, { database = 'postgres' } = {}) {
	const r = await run(psqlBin(pg.binDir), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', pg.host, '-p', String(pg.port), '-U', pg.user, '-d', database, '-tAc', sql], {
		env: { ...process.env, PGCONNECT_TIMEOUT: '5' },
	});
	return r.stdout.trim();
}

async function postgresReady(pg) {
	if (!pg || !pg.port || !pg.binDir) return false;
	try {
		return (await psql(pg, 'select 1')) === '1';
	} catch {
		return false;
	}
}

function postmasterPid(dataDir) {
	try {
		return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || 0;
	} catch {
		return 0;
	}
}

async function startPostgres(previous) {
	if (previous && isAlive(postmasterPid(previous.dataDir)) && (await postgresReady(previous))) {
		return { ...previous, startedNow: false };
	}
	const t0 = Date.now();
	const binDir = postgresBinDir();
	const account = postgresAccount();
	const root = postgresRoot(account);
	const dataDir = path.join(root, 'data');
	const logFile = path.join(root, 'postgres.log');
	const opts = { cwd: root, as: account };
	if (isAlive(postmasterPid(dataDir))) {
		// running, but not as recorded (state lost): stop it, then start it as we want it
		await run(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop'], { ...opts, check: false });
	}
	if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
		fs.rmSync(dataDir, { recursive: true, force: true });
		await run(
			path.join(binDir, 'initdb'),
			['-D', dataDir, '-U', PG_SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions'],
			opts,
		);
	}
	const port = await freePort();
	// Loopback TCP only (no unix socket: Debian's default socket folder may not exist); no durability.
	const serverOptions = [
		`-p ${port}`,
		`-c listen_addresses=${HOST}`,
		"-c unix_socket_directories=''",
		'-c fsync=off',
		'-c synchronous_commit=off',
		'-c full_page_writes=off',
		'-c max_connections=200',
	].join(' ');
	await run(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start'], opts).catch((err) => {
		const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-20).join('\n') : '';
		throw new Error(`${err.message}\n${logFile}:\n${log}`);
	});
	const pg = { host: HOST, port, user: PG_SUPERUSER, binDir, root, dataDir, logFile, pid: postmasterPid(dataDir) };
	for (let i = 0; i < 50 && !(await postgresReady(pg)); i++) await sleep(100);
	if (!(await postgresReady(pg))) throw new Error(`PostgreSQL started but does not answer on ${HOST}:${port} (log: ${logFile})`);
	say(`PostgreSQL ${path.basename(path.dirname(binDir))} on ${HOST}:${port} (data ${dataDir}) in ${since(t0)}`);
	return { ...pg, startedNow: true };
}

async function stopPostgres(pg) {
	const binDir = (pg && pg.binDir) || postgresBinDir();
	const candidates = new Set([pg && pg.dataDir].filter(Boolean));
	let account;
	try {
		account = postgresAccount();
	} catch {
		account = undefined;
	}
	for (const dataDir of candidates) {
		if (binDir && isAlive(postmasterPid(dataDir))) {
			await run(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop'], {
				cwd: path.dirname(dataDir),
				as: account,
				check: false,
			});
		}
		const pid = postmasterPid(dataDir);
		if (isAlive(pid)) process.kill(pid, 'SIGKILL');
	}
	if (pg && pg.root) fs.rmSync(pg.root, { recursive: true, force: true });
}

/** Creates database `name` (fresh: drops it first, closing its connections). */
async function createDatabase(name = DEFAULT_DATABASE, { fresh = false } = {}) {
	if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`bad database name "${name}"`);
	const { postgres: pg } = readState();
	if (!pg || !(await postgresReady(pg))) throw new Error('PostgreSQL is not running: node scripts/services.js start');
	if (fresh) await psql(pg, `drop database if exists "${name}" with (force)`);
	const exists = (await psql(pg, `select 1 from pg_database where datname = '${name}'`)) === '1';
	if (!exists) await psql(pg, `create database "${name}"`);
	return { host: pg.host, port: pg.port, user: pg.user, database: name, created: !exists };
}

async function dropDatabase(name) {
	if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`bad database name "${name}"`);
	const { postgres: pg } = readState();
	if (pg && (await postgresReady(pg))) await psql(pg, `drop database if exists "${name}" with (force)`);
}

// ------------------------------------------------------------------------------------------ Redis

/** PING over a raw socket: true on "+PONG". */
function redisPing(port, timeoutMs = 1000) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: HOST, port });
		let data = '';
		const done = (ok) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(timeoutMs, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (d) => {
			data += d;
			if (data.includes('\r\n')) done(data.startsWith('+PONG'));
		});
	});
}

function readPid(file) {
	try {
		return Number(fs.readFileSync(file, 'utf8').trim()) || 0;
	} catch {
		return 0;
	}
}

async function startRedis(previous) {
	if (previous && isAlive(previous.pid) && (await redisPing(previous.port))) return { ...previous, startedNow: false };
	const t0 = Date.now();
	const { redisDir } = paths();
	const pidFile = path.join(redisDir, 'redis.pid');
	const stale = readPid(pidFile);
	if (isAlive(stale)) await stopRedis({ pid: stale, dir: redisDir });
	fs.rmSync(redisDir, { recursive: true, force: true });
	fs.mkdirSync(redisDir, { recursive: true });
	const port = await freePort();
	const logFile = path.join(redisDir, 'redis.log');
	const bin = redisServerBin();
	await run(bin, [
		'--bind', HOST,
		'--port', String(port),
		'--protected-mode', 'yes',
		'--save', '',
		'--appendonly', 'no',
		'--daemonize', 'yes',
		'--pidfile', pidFile,
		'--logfile', logFile,
		'--dir', redisDir,
	]);
	for (let i = 0; i < 100 && !(await redisPing(port)); i++) await sleep(100);
	if (!(await redisPing(port))) {
		const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-20).join('\n') : '';
		throw new Error(`redis-server did not answer on ${HOST}:${port}\n${log}`);
	}
	let pid = 0;
	for (let i = 0; i < 50 && !(pid = readPid(pidFile)); i++) await sleep(50);
	say(`Redis on ${HOST}:${port} (no persistence) in ${since(t0)}`);
	return { host: HOST, port, pid, dir: redisDir, logFile, startedNow: true };
}

async function stopRedis(redis) {
	if (!redis) return;
	const pid = redis.pid || readPid(path.join(redis.dir || paths().redisDir, 'redis.pid'));
	if (isAlive(pid)) {
		process.kill(pid, 'SIGTERM');
		for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(50);
		if (isAlive(pid)) process.kill(pid, 'SIGKILL');
	}
	if (redis.dir) fs.rmSync(redis.dir, { recursive: true, force: true });
}

// ------------------------------------------------------------------------------------------ API

const publicInfo = (state) => ({
	postgres: state.postgres && { host: state.postgres.host, port: state.postgres.port, user: state.postgres.user, database: DEFAULT_DATABASE, dataDir: state.postgres.dataDir, log: state.postgres.logFile },
	redis: state.redis && { host: state.redis.host, port: state.redis.port, log: state.redis.logFile },
});

/** Folder of the borrowers' tickets: one file per user (see start({ user })), holding its pid. */
const usersDir = () => path.join(servicesDir(), 'users');

function ticketFile(user) {
	if (!/^[A-Za-z0-9._-]{1,100}$/.test(user)) throw new Error(`bad services user name "${user}"`);
	return path.join(usersDir(), user);
}

/** Users whose process is still alive; tickets of dead processes are removed. */
function liveUsers() {
	if (!fs.existsSync(usersDir())) return [];
	return fs.readdirSync(usersDir()).filter((user) => {
		const pid = readPid(path.join(usersDir(), user));
		if (isAlive(pid)) return true;
		fs.rmSync(path.join(usersDir(), user), { force: true });
		return false;
	});
}

/**
 * Installs (if needed) and starts both services, reusing running ones, and creates the "n8n" database.
 * Without `user` (the CLI) the services stay up until `stop`. With `user` (a test harness) they are
 * borrowed: release(user) stops them once no borrower is left, unless the CLI started them, or
 * started them too, since the last stop (a developer's services are left alone).
 * @returns {Promise<{ postgres, redis, startedNow: { postgres: boolean, redis: boolean }, installed: string[], keep: boolean, ms }>}
 */
async function start({ user } = {}) {
	const t0 = Date.now();
	if (user) ticketFile(user); // check the name before doing anything
	return await withLock(async () => {
		const install = await ensureInstalled();
		const previous = readState();
		const keep = !user || Boolean(previous.keep);
		const postgres = await startPostgres(previous.postgres);
		writeState({ ...previous, keep, postgres: { ...postgres, startedNow: undefined } });
		const redis = await startRedis(previous.redis);
		const state = { keep, postgres: { ...postgres, startedNow: undefined }, redis: { ...redis, startedNow: undefined } };
		writeState(state);
		await createDatabase(DEFAULT_DATABASE);
		if (user) {
			fs.mkdirSync(usersDir(), { recursive: true });
			fs.writeFileSync(ticketFile(user), String(process.pid));
		}
		return {
			...publicInfo(state),
			startedNow: { postgres: postgres.startedNow, redis: redis.startedNow },
			installed: install.installed,
			keep,
			ms: Date.now() - t0,
		};
	});
}

async function stopUnlocked() {
	const state = readState();
	await stopRedis(state.redis || { dir: paths().redisDir });
	await stopPostgres(state.postgres);
	fs.rmSync(paths().state, { force: true });
	fs.rmSync(usersDir(), { recursive: true, force: true });
}

/** Stops both services and deletes their data, whoever uses them. Safe when nothing runs. */
async function stop() {
	const t0 = Date.now();
	await withLock(stopUnlocked);
	return { ms: Date.now() - t0 };
}

/**
 * Gives back what start({ user }) borrowed: stops the services when no other live user is left and no
 * CLI start asked to keep them. @returns {Promise<{ stopped: boolean, users: string[] }>}
 */
async function release(user) {
	const ticket = ticketFile(user);
	return await withLock(async () => {
		fs.rmSync(ticket, { force: true });
		const users = liveUsers();
		const state = readState();
		if (users.length > 0 || state.keep || (!state.postgres && !state.redis)) return { stopped: false, users };
		await stopUnlocked();
		say('stopped and cleaned (its last user left)');
		return { stopped: true, users };
	});
}

async function status() {
	const state = readState();
	const info = publicInfo(state);
	return {
		postgres: info.postgres ? { ...info.postgres, running: await postgresReady(state.postgres) } : { running: false },
		redis: info.redis ? { ...info.redis, running: isAlive(state.redis.pid) && (await redisPing(state.redis.port)) } : { running: false },
		installed: { postgres: Boolean(postgresBinDir()), redis: Boolean(redisServerBin()) },
		keep: Boolean(state.keep),
		users: liveUsers(),
		dir: servicesDir(),
	};
}

/** n8n's settings for these services (queue mode, Postgres database `database`). */
function n8nEnvFor(info, { database = DEFAULT_DATABASE } = {}) {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: info.postgres.host,
		DB_POSTGRESDB_PORT: String(info.postgres.port),
		DB_POSTGRESDB_USER: info.postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		DB_POSTGRESDB_DATABASE: database,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: info.redis.host,
		QUEUE_BULL_REDIS_PORT: String(info.redis.port),
	};
}

module.exports = { start, stop, release, status, ensureInstalled, createDatabase, dropDatabase, n8nEnvFor, servicesDir, DEFAULT_DATABASE };

if (require.main === module) {
	const command = process.argv[2];
	const main = {
		async start() {
			const info = await start();
			process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
		},
		async stop() {
			const { ms } = await stop();
			say(`stopped and cleaned in ${(ms / 1000).toFixed(1)}s`);
		},
		async status() {
			process.stdout.write(`${JSON.stringify(await status(), null, 2)}\n`);
		},
		async env() {
			const s = await status();
			if (!s.postgres.running || !s.redis.running) throw new Error('not running: node scripts/services.js start');
			for (const [k, v] of Object.entries(n8nEnvFor(s))) process.stdout.write(`export ${k}='${v}'\n`);
		},
	}[command];
	if (!main) {
		process.stderr.write('usage: node scripts/services.js start|stop|status|env\n');
		process.exit(2);
	}
	main().catch((err) => {
		process.stderr.write(`[services] ${err.message}\n`);
		process.exit(1);
	});
}
