'use strict';
// One n8n "instance" = one user folder (DB, config, installed community packages) driven by the
// CLI (import, publish, execute) and, when started, one `n8n start` server on 127.0.0.1.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ensureN8n, REPO_ROOT } = require('./install');
const { n8nFilesOf } = require('./pack');
const { freePort, request, waitForHttp } = require('./http');
const { bcryptHash, readExecutions } = require('./node24');
const { parseRawOutput, itemsOf } = require('./run-data');
const { log, since, cleanEnv, run, tail, sleep, spawnGroup, stopGroup } = require('./proc');
const {
	BROWSER_ID,
	activateArgs,
	backfillWorkflowHistory,
	compatEnv,
	compatWorkflow,
	legacyImport,
	needsHistoryBackfill,
	ownerCookie,
	settledStatus,
	waitForRest,
} = require('./compat');

const WORK_ROOT = path.join(REPO_ROOT, 'test', 'e2e', '.work'); // git-ignored
const DEFAULT_ENCRYPTION_KEY = 'e2e-only-not-a-secret-0123456789';
const INSTANCE_MARKER = '.e2e-instance'; // we only ever wipe folders that carry it
// n8n 2.41.1 CLI processes now and then die like this while exiting, after their work is done
const CRASH_SIGNALS = new Set(['SIGSEGV', 'SIGBUS', 'SIGABRT', 'SIGILL']);
const PACKAGE_NAME_RE = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?n8n-nodes-[a-z0-9-._~]+$/;

/** package.json inside an npm tarball, without unpacking it anywhere. */
function packageJsonOfTarball(tarball) {
	const r = spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`cannot read package/package.json from ${tarball}: ${r.stderr}`);
	return JSON.parse(r.stdout);
}

/** Environment for every n8n process of an instance. */
function n8nEnv({ install, userFolder, port, encryptionKey, owner, ownerHash, extra }) {
	const env = cleanEnv();
	env.PATH = `${path.join(install.nodeHome, 'bin')}${path.delimiter}${env.PATH || ''}`; // runner child = `node` on PATH
	Object.assign(env, {
		N8N_USER_FOLDER: userFolder, // set before ANY n8n command: even --help writes .n8n/config
		N8N_ENCRYPTION_KEY: encryptionKey, // fixed, so imported credentials stay readable
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry', // background fetch of api.n8n.io; never disable community-packages
		// The vetted community-node list, fetched at start from api.n8n.io, or from api-staging.n8n.io when
		// NODE_ENV is not production (ENOTFOUND stack traces offline). Installing packages by name still works.
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false', // plain http on loopback
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_PORT: String(port),
		N8N_LOG_LEVEL: 'info', // error/warn silences `execute --rawOutput` (it prints via logger.info)
	});
	// Not E2E_TESTS=true: that mounts n8n's /rest/e2e reset endpoints. n8n's bin loads a .env from the
	// working directory, so every n8n process runs in the user folder, which has none.
	if (owner) {
		Object.assign(env, {
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: owner.email,
			N8N_INSTANCE_OWNER_FIRST_NAME: owner.firstName || 'E2E',
			N8N_INSTANCE_OWNER_LAST_NAME: owner.lastName || 'Owner',
			N8N_INSTANCE_OWNER_PASSWORD_HASH: ownerHash,
		});
	}
	return compatEnv(install, Object.assign(env, extra || {}));
}

class N8nInstance {
	/**
	 * @param {object} o
	 * @param {string} [o.name='n8n']       label for logs; default folder test/e2e/.work/<name>
	 * @param {number} [o.port]             server port (default: a free one, chosen on first use)
	 * @param {number} [o.brokerPort]       task-broker port of the server (default: a free one)
	 * @param {string} [o.tarball]          default tarball for installPackage()
	 * @param {object} [o.env]              extra/overriding env for every n8n process
	 * @param {string} [o.userFolder]       N8N_USER_FOLDER
	 * @param {boolean} [o.fresh=true]      wipe the user folder first (only one this harness created)
	 * @param {string} [o.version]          n8n version (default $N8N_VERSION or 2.41.1)
	 * @param {string} [o.encryptionKey]
	 * @param {{email,password,firstName?,lastName?}} [o.owner]  env-managed owner (for REST/UI login)
	 */
	constructor(o = {}) {
		this.name = o.name || 'n8n';
		this.port = o.port;
		this.brokerPort = o.brokerPort;
		this.tarball = o.tarball;
		this.extraEnv = o.env || {};
		this.userFolder = path.resolve(o.userFolder || path.join(WORK_ROOT, this.name));
		this.version = o.version;
		this.encryptionKey = o.encryptionKey || DEFAULT_ENCRYPTION_KEY;
		this.owner = o.owner;
		this.workDir = path.join(this.userFolder, 'e2e'); // files we write for the CLI, and logs
		this.serverLog = path.join(this.workDir, 'server.log');
		this.cliLog = path.join(this.workDir, 'cli.log');
		this.server = null;
		this.packages = [];
		this._seq = 0;
		this._cookie = null;
		this._prepared = null;

		if (o.fresh !== false && fs.existsSync(this.userFolder)) {
			const ours = fs.existsSync(path.join(this.userFolder, INSTANCE_MARKER));
			if (!ours && fs.readdirSync(this.userFolder).length > 0) {
				throw new Error(`refusing to wipe ${this.userFolder}: not a folder this harness created`);
			}
			fs.rmSync(this.userFolder, { recursive: true, force: true });
		}
		fs.mkdirSync(this.workDir, { recursive: true });
		fs.writeFileSync(path.join(this.userFolder, INSTANCE_MARKER), `${this.name}\n`);
	}

	_log(message) {
		log(this.name, message);
	}

	/** Installs n8n if needed, fixes the ports, hashes the owner password. Memoised. */
	_prepare() {
		if (!this._prepared) {
			this._prepared = (async () => {
				this.install = await ensureN8n({ version: this.version });
				if (!this.port) this.port = await freePort();
				if (this.owner) this._ownerHash = await bcryptHash(this.install, this.owner.password);
			})();
		}
		return this._prepared;
	}

	/** Full environment of this instance's n8n processes (after _prepare). */
	env(overrides = {}) {
		return n8nEnv({
			install: this.install,
			userFolder: this.userFolder,
			port: this.port,
			encryptionKey: this.encryptionKey,
			owner: this.owner,
			ownerHash: this._ownerHash,
			extra: { ...this.extraEnv, ...overrides },
		});
	}

	get url() {
		if (!this.port) throw new Error(`${this.name}: no port yet (call start() first)`);
		return `http://127.0.0.1:${this.port}`;
	}

	get dbFile() {
		return path.join(this.userFolder, '.n8n', 'database.sqlite');
	}

	get nodesDir() {
		return path.join(this.userFolder, '.n8n', 'nodes');
	}

	/**
	 * npm-installs a packed community package into <userFolder>/.n8n/nodes, as n8n's own installer
	 * does (no scripts, no peer deps: n8n-workflow resolves to n8n's copy), offline. Do it before start().
	 * @returns {Promise<{ name, version, dir }>}
	 */
	async installPackage(tarball = this.tarball) {
		if (!tarball) throw new Error(`${this.name}: installPackage() needs a tarball`);
		const t0 = Date.now();
		tarball = path.resolve(tarball);
		const pkg = packageJsonOfTarball(tarball);
		if (!PACKAGE_NAME_RE.test(pkg.name)) {
			throw new Error(`${pkg.name}: n8n only loads packages named n8n-nodes-* or @scope/n8n-nodes-*`);
		}
		const nodesDir = this.nodesDir;
		const tarDir = path.join(nodesDir, 'tarballs'); // kept, so package.json's file: specs stay valid
		fs.mkdirSync(tarDir, { recursive: true });
		const manifest = path.join(nodesDir, 'package.json');
		if (!fs.existsSync(manifest)) {
			fs.writeFileSync(manifest, `${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`);
		}
		const local = path.join(tarDir, path.basename(tarball));
		fs.copyFileSync(tarball, local);
		const dir = path.join(nodesDir, 'node_modules', pkg.name);
		fs.rmSync(dir, { recursive: true, force: true }); // same version, new build: force a real reinstall
		await run(
			'npm',
			[
				'install',
				`./tarballs/${path.basename(tarball)}`,
				'--legacy-peer-deps', // do not fetch n8n-workflow: n8n provides it
				'--ignore-scripts',
				'--offline', // tests make no network traffic; a real dependency must already be in the npm cache
				'--no-audit',
				'--no-fund',
				'--no-package-lock',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--loglevel=error',
			],
			{ cwd: nodesDir, env: cleanEnv(), check: true },
		);
		const landed = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
		if (landed.version !== pkg.version) {
			throw new Error(`${pkg.name}: installed ${landed.version}, expected ${pkg.version}`);
		}
		const missing = n8nFilesOf(landed).filter((f) => !fs.existsSync(path.join(dir, f)));
		if (missing.length) throw new Error(`${pkg.name}: installed package lacks ${missing.join(', ')}`);
		if (!this.packages.includes(pkg.name)) this.packages.push(pkg.name);
		this._log(`installed ${pkg.name}@${pkg.version} into ${nodesDir} in ${since(t0)}`);
		return { name: pkg.name, version: pkg.version, dir };
	}

	/**
	 * Runs `n8n <args>` (own task-broker port). Throws on a non-zero exit unless allowFailure.
	 * retryOnCrash: run once more when the process died from a signal (n8n 2.41.1 CLI processes
	 * now and then segfault while exiting, after their work is done); only for idempotent commands.
	 */
	async cli(args, { allowFailure = false, timeoutMs = 300_000, retryOnCrash = false } = {}) {
		await this._prepare();
		for (let attempt = 1; ; attempt++) {
			const t0 = Date.now();
			const env = this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
			const r = await run(this.install.nodeBin, [this.install.n8nBin, ...args], {
				cwd: this.userFolder,
				env,
				timeoutMs,
			});
			const how = r.code ?? r.signal;
			fs.appendFileSync(this.cliLog, `\n$ n8n ${args.join(' ')}   # exit ${how}, ${since(t0)}\n${r.output}`);
			this._log(`n8n ${args.join(' ')} -> exit ${how} in ${since(t0)}`);
			if (CRASH_SIGNALS.has(r.signal) && retryOnCrash && attempt < 2) {
				this._log(`n8n ${args[0]} died from ${r.signal}; running it again (idempotent)`);
				continue;
			}
			if (r.code !== 0 && !allowFailure) {
				throw new Error(`n8n ${args.join(' ')} failed (exit ${how}):\n${tail(r.output, 40)}`);
			}
			return r;
		}
	}

	/** Imports credentials ([{ id, name, type, data: {…plain…} }]); data is encrypted on import. Upserts by id. */
	async importCredentials(credentials) {
		const list = Array.isArray(credentials) ? credentials : [credentials];
		const file = path.join(this.workDir, `credentials-${++this._seq}.json`);
		fs.writeFileSync(file, JSON.stringify(list, null, 2));
		await this.cli(['import:credentials', `--input=${file}`], { retryOnCrash: true });
		return list.map((c) => c.id);
	}

	/**
	 * Imports workflows in one CLI call (upsert by id; everything lands inactive - see publish()).
	 * Give each workflow an `id` of at most 21 characters, or `execute` cannot find it.
	 */
	async importWorkflows(workflows) {
		const list = Array.isArray(workflows) ? workflows : [workflows];
		for (const wf of list) {
			if (wf.id && String(wf.id).length > 21) {
				throw new Error(`workflow id "${wf.id}" is longer than 21 characters: n8n execute rejects it`);
			}
		}
		await this._prepare();
		const legacy = legacyImport(this.install);
		const dir = path.join(this.workDir, `workflows-${++this._seq}`);
		fs.mkdirSync(dir, { recursive: true });
		list.forEach((wf, i) => {
			const json = JSON.stringify(compatWorkflow(wf, legacy), null, 2);
			fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.json`), json);
		});
		await this.cli(['import:workflow', '--separate', `--input=${dir}`], { retryOnCrash: true });
		if (needsHistoryBackfill(this.install)) await backfillWorkflowHistory(this);
		return list.map((wf) => wf.id);
	}

	/**
	 * Activates workflows for the next start() (a running server only sees it after a restart): 2.x
	 * publishes them, 1.x sets them Active (compat.js).
	 */
	async publish(ids) {
		await this._prepare();
		for (const id of Array.isArray(ids) ? ids : [ids]) {
			await this.cli(activateArgs(this.install, id), { retryOnCrash: true });
		}
	}

	/**
	 * `n8n execute --id --rawOutput` (start node: Manual Trigger). Exit 1 = the workflow failed; the
	 * run data is still returned. A crash while exiting (see cli()) after the complete run data was
	 * printed counts as the printed result (crashedOnExit = the signal). Throws when no run data came.
	 * @returns {Promise<{ status, runData, error, lastNodeExecuted, exitCode, crashedOnExit, raw, output }>}
	 */
	async execute(id, { timeoutMs = 300_000 } = {}) {
		const r = await this.cli(['execute', `--id=${id}`, '--rawOutput'], { allowFailure: true, timeoutMs });
		const raw = parseRawOutput(r.stdout) || parseRawOutput(r.output);
		const crashed = CRASH_SIGNALS.has(r.signal);
		// A complete IRun ends with its status (an errored run may print no `finished`).
		const complete = raw && (raw.finished !== undefined || raw.status !== undefined);
		if (!raw || (r.signal && !(crashed && complete))) {
			throw new Error(`n8n execute --id=${id} printed no run data (exit ${r.code ?? r.signal}):\n${tail(r.output, 40)}`);
		}
		const resultData = (raw.data && raw.data.resultData) || {};
		const status = settledStatus(raw, r.code);
		if (crashed) this._log(`execute ${id}: run data complete (${status}), the process then died from ${r.signal}`);
		return {
			status,
			runData: resultData.runData || {},
			error: resultData.error,
			lastNodeExecuted: resultData.lastNodeExecuted,
			exitCode: crashed ? (status === 'success' ? 0 : 1) : r.code,
			crashedOnExit: crashed ? r.signal : undefined,
			raw,
			output: r.output,
		};
	}

	/** Same as the module's itemsOf(run, nodeName, { runIndex, output }). */
	itemsOf(run, nodeName, options) {
		return itemsOf(run, nodeName, options);
	}

	/**
	 * Starts `n8n start` in its own process group (n8n + task-runner child) and waits for
	 * /healthz/readiness. Installed packages and published workflows are read now, once.
	 */
	async start({ timeoutMs = 180_000 } = {}) {
		if (this.server) throw new Error(`${this.name}: already started (pid ${this.server.pid})`);
		await this._prepare();
		const t0 = Date.now();
		const brokerPort = this.brokerPort || (await freePort());
		const offset = fs.existsSync(this.serverLog) ? fs.statSync(this.serverLog).size : 0;
		const server = spawnGroup(this.install.nodeBin, [this.install.n8nBin, 'start'], {
			cwd: this.userFolder,
			env: this.env({ N8N_RUNNERS_BROKER_PORT: String(brokerPort) }),
			logFile: this.serverLog,
		});
		this._logOffset = offset;
		this.server = server;
		const ready = await waitForHttp(`${this.url}/healthz/readiness`, {
			timeoutMs,
			alive: () => !server.exited,
		});
		if (!ready) {
			const why = server.exited ? `exited (${JSON.stringify(server.exit)})` : `not ready after ${timeoutMs} ms`;
			const logs = this.logs();
			await this.stop();
			throw new Error(`${this.name}: n8n start ${why}\n${tail(logs, 40)}`);
		}
		await waitForRest(this.url);
		this._log(`server ready on ${this.url} in ${since(t0)} (pid ${server.pid}, broker ${brokerPort})`);
		return { url: this.url, pid: server.pid, ms: Date.now() - t0 };
	}

	/** SIGTERM (clean, ~2 s), then SIGKILL for whatever is left of the process group. */
	async stop({ timeoutMs = 30_000 } = {}) {
		const server = this.server;
		if (!server) return;
		const t0 = Date.now();
		if (await stopGroup(server, { timeoutMs })) this._log(`n8n did not stop within ${timeoutMs} ms: killed`);
		this.server = null;
		this._cookie = null;
		this._log(`server stopped in ${since(t0)} (${JSON.stringify(server.exit)})`);
	}

	get running() {
		return Boolean(this.server && !this.server.exited);
	}

	/**
	 * Calls a production webhook: `path` relative to /webhook/ (or /webhook-test/ with test: true), or
	 * absolute when it starts with '/'. Retries 404 for up to retryMs (registration race).
	 * @returns {Promise<{ status, headers, text, body }>}
	 */
	async postWebhook(webhookPath, { method = 'POST', query, body, headers, test = false, retryMs = 10_000 } = {}) {
		let p = webhookPath.startsWith('/') ? webhookPath : `/${test ? 'webhook-test' : 'webhook'}/${webhookPath}`;
		if (query && Object.keys(query).length) {
			p += `${p.includes('?') ? '&' : '?'}${new URLSearchParams(query)}`;
		}
		const deadline = Date.now() + retryMs;
		for (;;) {
			const r = await request(`${this.url}${p}`, { method, headers, body });
			if (r.status !== 404 || Date.now() > deadline) return r;
			await sleep(100);
		}
	}

	/**
	 * Executions of a workflow, newest first, each with `data` (parsed IRun data: data.resultData.runData),
	 * read from the sqlite DB. waitFor: n waits until at least n of them have finished.
	 */
	async executions(workflowId, { limit = 20, waitFor = 0, timeoutMs = 20_000 } = {}) {
		await this._prepare();
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const rows = fs.existsSync(this.dbFile)
				? await readExecutions(this.install, this.dbFile, { workflowId, limit })
				: [];
			const finished = rows.filter((r) => !['new', 'running', 'waiting'].includes(r.status));
			if (finished.length >= waitFor) return rows;
			if (Date.now() > deadline) {
				throw new Error(
					`${this.name}: waited ${timeoutMs} ms for ${waitFor} finished execution(s) of ${workflowId}, ` +
						`have ${rows.map((r) => `${r.id}:${r.status}`).join(', ') || 'none'}`,
				);
			}
			await sleep(250);
		}
	}

	/** Server log of the current (or last) start(); all: true for every start of this user folder. */
	logs({ all = false } = {}) {
		if (!fs.existsSync(this.serverLog)) return '';
		return fs.readFileSync(this.serverLog).subarray(all ? 0 : this._logOffset || 0).toString('utf8');
	}

	/**
	 * Logs in as the owner (env-managed, or set up on first login where n8n has none) and returns the
	 * n8n-auth cookie, which rest() then sends.
	 */
	async login() {
		if (!this.owner) throw new Error(`${this.name}: login() needs createInstance({ owner })`);
		this._cookie = await ownerCookie(this.url, this.owner);
		return this._cookie;
	}

	/** An authenticated call to n8n's internal REST API (/rest/...), logging in first if needed. */
	async rest(method, restPath, body) {
		if (!this._cookie) await this.login();
		return request(`${this.url}/rest${restPath.startsWith('/') ? '' : '/'}${restPath}`, {
			method,
			headers: { cookie: this._cookie, 'browser-id': BROWSER_ID },
			body,
		});
	}

	/** Stops the server and, with remove: true, deletes the user folder. */
	async dispose({ remove = false } = {}) {
		await this.stop();
		if (remove) fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/** See N8nInstance's constructor for the options. */
function createInstance(options) {
	return new N8nInstance(options);
}

module.exports = { createInstance, N8nInstance, n8nEnv, WORK_ROOT, DEFAULT_ENCRYPTION_KEY };
