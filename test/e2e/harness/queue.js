'use strict';
// n8n in queue mode, as a real distributed set-up runs it: one main (`n8n start`: editor, REST,
// activation, no production webhooks), webhook processors (`n8n webhook`) and workers (`n8n worker`),
// each its own process with its own user folder, port, task-broker port and log, all sharing one
// PostgreSQL database, one Redis and the encryption key. Redis and PostgreSQL come from
// scripts/services.js (installed and started on demand). See test/e2e/README.md "Queue mode".
//
//   const { createQueueCluster } = require('./harness/queue');
//   const cluster = createQueueCluster({ name: 'queue', tarball, workers: 2, webhookProcessors: 1 });
//   await cluster.setup();                    // services, a fresh database, the package in every user folder
//   await cluster.importCredentials([...]); await cluster.importWorkflows([...]); await cluster.publish(id);
//   await cluster.start();                    // main, webhook processors and workers at once; all ready
//   await cluster.postWebhook('path', { body });          // to webhook processor 0
//   const runs = await cluster.executions(wfId, { waitFor: 20 });   // from Postgres; each with data + worker
//   await cluster.dispose();                  // stop every process, drop the database, release the services
const fs = require('node:fs');
const path = require('node:path');
const { createInstance, WORK_ROOT, DEFAULT_ENCRYPTION_KEY } = require('./instance');
const { ensureN8n } = require('./install');
const { freePort, request, waitForHttp } = require('./http');
const { runInN8n } = require('./node24');
const { log, since, tail, sleep, spawnGroup, stopGroup } = require('./proc');
const services = require('../../../scripts/services');

const INSTANCE_MARKER = '.e2e-instance';

// ---------------------------------------------------------------------------------------- Postgres reads

/** Runs `sql` with `params` on the cluster's database with n8n's own `pg` (Node 24); rows as JSON. */
function pgQuery(install, conn, sql, params = [], { parseData = false } = {}) {
	return runInN8n(
		install,
		`
		const { Client } = n8nRequire('pg');
		const { parse } = n8nRequire('flatted');
		(async () => {
			const client = new Client(input.conn);
			await client.connect();
			try {
				const { rows } = await client.query(input.sql, input.params);
				const out = input.parseData
					? rows.map((r) => ({ ...r, data: typeof r.data === 'string' ? parse(r.data) : r.data ?? null }))
					: rows;
				process.stdout.write(JSON.stringify(out));
			} finally {
				await client.end();
			}
		})().catch((err) => { console.error(err.message); process.exit(2); });`,
		{ conn, sql, params, parseData },
	);
}

// storedAt: null where n8n has no such column yet (2.0.x).
const EXECUTIONS_SQL = (storedAt) => `
	select e.id, e.status, e.mode, e.finished, e."workflowId", e."startedAt", e."stoppedAt", e."createdAt",
	       ${storedAt ? 'e."storedAt"' : 'null as "storedAt"'}, d.data
	from execution_entity e left join execution_data d on d."executionId" = e.id
	where e."deletedAt" is null and ($1::varchar is null or e."workflowId" = $1)
	order by e.id desc limit $2`;

// ---------------------------------------------------------------------------------------- members

const ROLES = {
	main: { command: ['start'], health: 'port' },
	webhook: { command: ['webhook'], health: 'port' },
	worker: { command: ['worker'], health: 'queueHealth' },
};

/** One n8n process of the cluster: its user folder (an N8nInstance for env, install and CLI) and process. */
class Member {
	constructor(cluster, role, index) {
		this.cluster = cluster;
		this.role = role;
		this.name = role === 'main' ? 'main' : `${role}-${index + 1}`;
		this.instance = createInstance({
			name: `${cluster.name}-${this.name}`,
			userFolder: path.join(cluster.root, this.name),
			tarball: cluster.tarball,
			encryptionKey: cluster.encryptionKey,
			version: cluster.version,
			env: {}, // the shared env goes in once setup() knows the services
		});
		this.proc = null;
		this.brokerPort = undefined;
		this.healthPort = undefined;
	}

	get logFile() {
		return this.instance.serverLog;
	}

	/** The URL a client reaches this process on (main, webhook processors). */
	get url() {
		return `http://127.0.0.1:${this.instance.port}`;
	}

	get healthUrl() {
		const port = ROLES[this.role].health === 'port' ? this.instance.port : this.healthPort;
		return `http://127.0.0.1:${port}/healthz/readiness`;
	}

	async env() {
		await this.instance._prepare(); // n8n install, port
		this.brokerPort = this.brokerPort || (await freePort());
		const extra = { N8N_RUNNERS_BROKER_PORT: String(this.brokerPort) };
		if (this.role === 'worker') {
			this.healthPort = this.healthPort || (await freePort());
			Object.assign(extra, {
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(this.healthPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			});
		}
		return this.instance.env(extra);
	}

	async start({ timeoutMs = 180_000 } = {}) {
		if (this.proc && !this.proc.exited) throw new Error(`${this.name}: already running (pid ${this.proc.pid})`);
		const t0 = Date.now();
		const env = await this.env();
		const args = [this.instance.install.n8nBin, ...ROLES[this.role].command];
		if (this.role === 'worker') args.push(`--concurrency=${this.cluster.concurrency}`);
		this.logOffset = fs.existsSync(this.logFile) ? fs.statSync(this.logFile).size : 0;
		// cwd: n8n reads a .env from its working directory, and there is none in the user folder
		const proc = spawnGroup(this.instance.install.nodeBin, args, { cwd: this.instance.userFolder, env, logFile: this.logFile });
		this.proc = proc;
		const ready = await waitForHttp(this.healthUrl, { timeoutMs, alive: () => !proc.exited });
		if (!ready) {
			const why = proc.exited ? `exited (${JSON.stringify(proc.exit)})` : `not ready after ${timeoutMs} ms`;
			const logs = this.logs();
			await this.stop();
			throw new Error(`${this.cluster.name} ${this.name}: n8n ${ROLES[this.role].command[0]} ${why}\n${tail(logs, 40)}`);
		}
		const where = this.role === 'worker' ? `health ${this.healthPort}` : this.url;
		log(this.cluster.name, `${this.name} ready (${where}, broker ${this.brokerPort}, pid ${proc.pid}) in ${since(t0)}`);
		return Date.now() - t0;
	}

	/** SIGTERM (n8n shuts down cleanly), then SIGKILL for whatever is left of the process group. */
	async stop({ timeoutMs = 30_000 } = {}) {
		const proc = this.proc;
		if (!proc) return;
		const t0 = Date.now();
		if (await stopGroup(proc, { timeoutMs })) log(this.cluster.name, `${this.name} did not stop within ${timeoutMs} ms: killed`);
		this.proc = null;
		log(this.cluster.name, `${this.name} stopped in ${since(t0)} (${JSON.stringify(proc.exit)})`);
	}

	get running() {
		return Boolean(this.proc && !this.proc.exited);
	}

	/** This process's log since its last start (all: every start). */
	logs({ all = false } = {}) {
		if (!fs.existsSync(this.logFile)) return '';
		return fs.readFileSync(this.logFile).subarray(all ? 0 : this.logOffset || 0).toString('utf8');
	}
}

// ---------------------------------------------------------------------------------------- cluster

class QueueCluster {
	/**
	 * @param {object} o
	 * @param {string} [o.name='queue']         label; folders test/e2e/.work/<name>/<member>
	 * @param {string} [o.tarball]              packed package, installed into every member
	 * @param {number} [o.workers=2]
	 * @param {number} [o.webhookProcessors=1]
	 * @param {number} [o.concurrency=5]        jobs each worker runs at once (n8n warns below 5)
	 * @param {object} [o.env]                  extra env for every process
	 * @param {string} [o.database]             Postgres database (default e2e_<name>), recreated by setup()
	 * @param {string} [o.encryptionKey]
	 * @param {string} [o.version]              n8n version
	 */
	constructor(o = {}) {
		this.name = o.name || 'queue';
		this.tarball = o.tarball;
		this.concurrency = o.concurrency || 5;
		this.extraEnv = o.env || {};
		this.version = o.version;
		this.encryptionKey = o.encryptionKey || DEFAULT_ENCRYPTION_KEY;
		// The services may be shared with other test runs (other checkouts using the same .cache): this
		// run's database and Redis prefixes carry its pid, so nobody else's are touched.
		this.database = o.database || `e2e_${this.name.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}_${process.pid}`.toLowerCase();
		this.root = path.join(WORK_ROOT, this.name);
		// Isolates this cluster's Bull queue, pub/sub channels and cache from any other user of the Redis.
		const tag = `${this.name}-${process.pid}-${Date.now().toString(36)}`;
		this.servicesUser = `queue-${tag}`.replace(/[^A-Za-z0-9._-]/g, '_');
		this.redisPrefix = `n8n-${tag}`;
		this.bullPrefix = `bull-${tag}`;
		this._wipeRoot();
		this.main = new Member(this, 'main', 0);
		this.webhookProcessors = Array.from({ length: o.webhookProcessors ?? 1 }, (_, i) => new Member(this, 'webhook', i));
		this.workers = Array.from({ length: o.workers ?? 2 }, (_, i) => new Member(this, 'worker', i));
		this.services = null;
		this.servicesStartedHere = false;
	}

	_wipeRoot() {
		if (fs.existsSync(this.root)) {
			const entries = fs.readdirSync(this.root);
			const ours = entries.every((e) => fs.existsSync(path.join(this.root, e, INSTANCE_MARKER)));
			if (!ours) throw new Error(`refusing to wipe ${this.root}: not a folder this harness created`);
			fs.rmSync(this.root, { recursive: true, force: true });
		}
		fs.mkdirSync(this.root, { recursive: true });
	}

	get members() {
		return [this.main, ...this.webhookProcessors, ...this.workers];
	}

	/** Env every process shares: Postgres, Redis, queue mode, webhooks off on the main. */
	sharedEnv() {
		if (!this.services) throw new Error(`${this.name}: call setup() first`);
		return {
			...services.n8nEnvFor(this.services, { database: this.database }),
			QUEUE_BULL_PREFIX: this.bullPrefix,
			N8N_REDIS_KEY_PREFIX: this.redisPrefix,
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true', // production webhooks go to the webhook processors only
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true', // editor runs too (n8n 2.41 deprecates running them on the main)
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5', // see stop(): a webhook processor can wait for a job it missed
			DB_POSTGRESDB_POOL_SIZE: '4',
			...this.extraEnv,
		};
	}

	/** Postgres connection of this cluster's database, for pgQuery(). */
	get pgConnection() {
		const pg = this.services.postgres;
		return { host: pg.host, port: pg.port, user: pg.user, database: this.database };
	}

	/**
	 * Starts Redis and Postgres (scripts/services.js; installs them on first use), creates a fresh
	 * database, installs n8n if needed and the package into every member's user folder. Memoised.
	 */
	setup() {
		if (!this._setup) {
			this._setup = (async () => {
				const t0 = Date.now();
				this.install = await ensureN8n({ version: this.version });
				const info = await services.start({ user: this.servicesUser });
				this.services = info;
				this.servicesStartedHere = info.startedNow.postgres || info.startedNow.redis;
				await this._dropStaleDatabases();
				await services.createDatabase(this.database, { fresh: true });
				for (const member of this.members) Object.assign(member.instance.extraEnv, this.sharedEnv());
				if (this.tarball) await Promise.all(this.members.map((m) => m.instance.installPackage(this.tarball)));
				log(this.name, `setup (services${info.installed.length ? ` + apt ${info.installed.join(', ')}` : ''}, database ${this.database}, package x${this.members.length}) in ${since(t0)}`);
				return { ms: Date.now() - t0, installed: info.installed, servicesMs: info.ms };
			})();
		}
		return this._setup;
	}

	/** Databases e2e_<name>_<pid> left by runs whose process is gone (killed before dispose()). */
	async _dropStaleDatabases() {
		const pg = this.services.postgres;
		const rows = await pgQuery(this.install, { host: pg.host, port: pg.port, user: pg.user, database: 'postgres' }, "select datname from pg_database where datname ~ '^e2e_[a-z0-9]*_[0-9]+$'");
		for (const { datname } of rows) {
			const pid = Number(datname.slice(datname.lastIndexOf('_') + 1));
			let alive = true;
			try {
				process.kill(pid, 0);
			} catch (err) {
				alive = err.code === 'EPERM';
			}
			if (!alive) await services.dropDatabase(datname);
		}
	}

	/**
	 * The first CLI call creates n8n's tables in the fresh database. n8n 2.41.1 now and then fails a
	 * migration there with "deadlock detected" (a migration's ALTER TABLE against a query of its own
	 * process on another pooled connection); the next run resumes at the failed migration, so the first
	 * call (an upsert: import or publish) is made up to 3 times.
	 */
	async _cliCall(fn) {
		await this.setup();
		for (let attempt = 1; ; attempt++) {
			try {
				const result = await fn();
				this._migrated = true;
				return result;
			} catch (err) {
				const retry = !this._migrated && attempt < 3 && /error running database migrations/i.test(err.message);
				if (!retry) throw err;
				log(this.name, `migrating the fresh database failed (${/deadlock detected/.test(err.message) ? 'deadlock detected' : 'see cli.log'}); running it again`);
			}
		}
	}

	/** `n8n <args>` in the main's user folder, against the cluster's Postgres and Redis. */
	async cli(args, options) {
		return await this._cliCall(() => this.main.instance.cli(args, options));
	}

	/** Imports credentials through the main's CLI (encrypted with the shared key). Upserts by id. */
	async importCredentials(credentials) {
		return await this._cliCall(() => this.main.instance.importCredentials(credentials));
	}

	/** Imports workflows in one CLI call (all inactive; publish() them before start()). Upserts by id. */
	async importWorkflows(workflows) {
		return await this._cliCall(() => this.main.instance.importWorkflows(workflows));
	}

	/**
	 * Publishes workflows, one CLI call each, before start(): the main activates them when it starts.
	 * (`import:workflow --activeState=fromJson`, meant for queue mode, fails in 2.41.1: "User attempted
	 * to activate a workflow without permissions".)
	 */
	async publish(ids) {
		return await this._cliCall(() => this.main.instance.publish(ids));
	}

	/**
	 * Starts every process at once (the CLI imports have migrated the database already; the webhook
	 * processors look webhooks up per request, so the main may register them last) and waits for each
	 * one's readiness: /healthz/readiness on the main and webhook ports, the queue health port of workers.
	 */
	async start({ timeoutMs = 180_000 } = {}) {
		await this.setup();
		const t0 = Date.now();
		const timings = {};
		const results = await Promise.allSettled(this.members.map((m) => m.start({ timeoutMs })));
		results.forEach((r, i) => {
			if (r.status === 'fulfilled') timings[this.members[i].name] = r.value;
		});
		const failed = results.find((r) => r.status === 'rejected');
		if (failed) {
			await this.stop();
			throw failed.reason;
		}
		timings.total = Date.now() - t0;
		log(this.name, `cluster ready in ${since(t0)}: ${this.members.map((m) => m.name).join(', ')}`);
		return timings;
	}

	/**
	 * Stops webhook processors and workers, then the main. A webhook processor now and then keeps
	 * "Waiting for 1 active executions to finish" for a job that has finished (Bull's job.finished()
	 * subscribes after a fast job completed), until N8N_GRACEFUL_SHUTDOWN_TIMEOUT, then exits 1.
	 */
	async stop() {
		await Promise.all([...this.webhookProcessors, ...this.workers].map((m) => m.stop()));
		await this.main.stop();
	}

	/** Base URL of webhook processor `i` (production webhooks are served there, not by the main). */
	webhookUrl(i = 0) {
		return this.webhookProcessors[i].url;
	}

	get mainUrl() {
		return this.main.url;
	}

	/** POST (or `method`) to /webhook/<path> on webhook processor `via`; retries 404 for retryMs (registration). */
	async postWebhook(webhookPath, { method = 'POST', query, body, headers, via = 0, retryMs = 10_000 } = {}) {
		let p = webhookPath.startsWith('/') ? webhookPath : `/webhook/${webhookPath}`;
		if (query && Object.keys(query).length) p += `${p.includes('?') ? '&' : '?'}${new URLSearchParams(query)}`;
		const deadline = Date.now() + retryMs;
		for (;;) {
			const r = await request(`${this.webhookUrl(via)}${p}`, { method, headers, body });
			if (r.status !== 404 || Date.now() > deadline) return r;
			await sleep(100);
		}
	}

	/** SQL on the cluster's database (n8n's pg under Node 24). */
	async query(sql, params = []) {
		await this.setup();
		return await pgQuery(this.install, this.pgConnection, sql, params);
	}

	/**
	 * executionId -> worker name, from the workers' logs ("Worker started execution <id>"): n8n 2.41 does
	 * not record which worker ran an execution in the database.
	 */
	workerOfExecutions() {
		const map = {};
		for (const worker of this.workers) {
			for (const m of worker.logs({ all: true }).matchAll(/Worker started execution (\d+)\b/g)) map[m[1]] = worker.name;
		}
		return map;
	}

	/**
	 * Executions of a workflow (null: all), newest first, each with `data` (parsed IRun) and `worker`
	 * (the worker that ran it, from its log; undefined if none did). waitFor: n waits until at least n
	 * have finished.
	 */
	async executions(workflowId, { limit = 50, waitFor = 0, timeoutMs = 60_000 } = {}) {
		await this.setup();
		if (this._hasStoredAt === undefined) {
			const column = await this.query(
				"select 1 from information_schema.columns where table_name = 'execution_entity' and column_name = 'storedAt'",
			);
			this._hasStoredAt = column.length > 0;
		}
		const sql = EXECUTIONS_SQL(this._hasStoredAt);
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const rows = await pgQuery(this.install, this.pgConnection, sql, [workflowId, limit], { parseData: true });
			const finished = rows.filter((r) => !['new', 'running', 'waiting'].includes(r.status));
			if (finished.length >= waitFor) {
				const workers = this.workerOfExecutions();
				return rows.map((r) => ({ ...r, worker: workers[String(r.id)] }));
			}
			if (Date.now() > deadline) {
				throw new Error(
					`${this.name}: waited ${timeoutMs} ms for ${waitFor} finished execution(s) of ${workflowId}, have ` +
						`${rows.map((r) => `${r.id}:${r.status}`).join(', ') || 'none'}`,
				);
			}
			await sleep(250);
		}
	}

	/** Number of executions of a workflow (any status), from Postgres. */
	async executionCount(workflowId) {
		const [row] = await this.query('select count(*)::int as n from execution_entity where "workflowId" = $1 and "deletedAt" is null', [workflowId]);
		return row.n;
	}

	/** The stored credential rows (data stays encrypted), e.g. to see the token being persisted. */
	async credentialRows() {
		return await this.query('select id, name, type, data, "updatedAt" from credentials_entity order by id');
	}

	/**
	 * Stops every process, drops the cluster's database (dropDatabase: false keeps it) and gives the
	 * services back: Redis and Postgres stop when no other test run uses them and no
	 * `node scripts/services.js start` asked to keep them (stopServices: true stops them regardless).
	 */
	async dispose({ dropDatabase = true, stopServices = false } = {}) {
		await this.stop();
		if (!this._setup) return;
		try {
			await this._setup;
		} catch {
			await services.release(this.servicesUser).catch(() => undefined);
			return;
		}
		if (dropDatabase) await services.dropDatabase(this.database);
		const released = await services.release(this.servicesUser);
		if (stopServices && !released.stopped) await services.stop();
	}
}

/** See QueueCluster's constructor for the options. */
function createQueueCluster(options) {
	return new QueueCluster(options);
}

module.exports = { createQueueCluster, QueueCluster, pgQuery };
