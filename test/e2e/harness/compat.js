'use strict';
// What differs between the n8n versions the suite runs on (the 1.x floor 1.85.3, the newest 1.x 1.123.x,
// 2.0.0 and the pinned 2.41.1), found by running the suites there. Every check looks at the installed
// n8n itself (its module list, its commands, its import service) or at what n8n answered, never at a
// version number, so it is right for the versions in between. instance.js and queue.js call these.
//
//   compatEnv(install, env)             N8N_DISABLED/ENABLED_MODULES without names this n8n lacks;
//                                       N8N_RUNNERS_ENABLED=true where it is opt-in (1.x)
//   activateArgs(install, id)           `publish:workflow` (2.x) or `update:workflow --active=true` (1.x)
//   legacyImport(install)               true when `import:workflow` writes no workflow history (< 2.3)
//   compatWorkflow(workflow, legacy)    workflow JSON such an import accepts
//   needsHistoryBackfill(install)       such an import, before a `publish:workflow` that needs history
//   backfillWorkflowHistory(instance)   the history rows such an import leaves out
//   waitForRest(url)                    resolves once n8n's REST API is mounted (after start())
//   ownerCookie(url, owner)             n8n-auth cookie of the owner (env-managed, or set up on 2.0.x)
//   settledStatus(raw, exitCode)        the status of an `execute --rawOutput` run, as 2.41.1 prints it
const fs = require('node:fs');
const { randomUUID } = require('node:crypto');
const { request } = require('./http');
const { runInN8n } = require('./node24');

/** Sent on every REST call of a session: n8n ties its auth cookie to it. */
const BROWSER_ID = 'e2e-harness-browser';

const cache = new Map();
function memo(key, fn) {
	if (!cache.has(key)) cache.set(key, fn());
	return cache.get(key);
}

function n8nFile(install, request) {
	try {
		return fs.readFileSync(require.resolve(request, { paths: [install.n8nDir] }), 'utf8');
	} catch {
		return undefined;
	}
}

/**
 * The backend module names this n8n accepts in N8N_ENABLED_MODULES / N8N_DISABLED_MODULES
 * (@n8n/backend-common MODULE_NAMES); undefined when the list cannot be read (nothing is filtered).
 */
function knownModules(install) {
	return memo(`modules:${install.n8nDir}`, () => {
		const text = n8nFile(install, '@n8n/backend-common/dist/modules/modules.config.js');
		const match = text && /MODULE_NAMES\s*=\s*\[([^\]]*)\]/.exec(text);
		return match ? [...match[1].matchAll(/'([^']+)'|"([^"]+)"/g)].map((m) => m[1] || m[2]) : undefined;
	});
}

/**
 * n8n 1.x runs Code nodes without task runners unless told, and says so at every start ("There is a
 * deprecation related to your environment variables … N8N_RUNNERS_ENABLED"); 2.x always uses them and
 * calls the variable safe to remove. So it is set where this n8n's deprecation list asks for it.
 */
function runnersOptIn(install) {
	return memo(`runners:${install.n8nDir}`, () =>
		/Running n8n without task runners is deprecated/.test(n8nFile(install, 'n8n/dist/deprecation/deprecation.service.js') || ''),
	);
}

/**
 * n8n 2.0.x has no `mcp-registry` module (the harness disables it: it fetches api.n8n.io), and an
 * unknown name stops every command at once: `Error: Unknown module "mcp-registry"`.
 */
function compatEnv(install, env) {
	const out = { ...env };
	if (install && out.N8N_RUNNERS_ENABLED === undefined && runnersOptIn(install)) out.N8N_RUNNERS_ENABLED = 'true';
	const known = install && knownModules(install);
	for (const key of ['N8N_DISABLED_MODULES', 'N8N_ENABLED_MODULES']) {
		if (!known || out[key] === undefined) continue;
		const kept = out[key]
			.split(',')
			.map((s) => s.trim())
			.filter((name) => name && known.includes(name));
		if (kept.length) out[key] = kept.join(',');
		else delete out[key];
	}
	return out;
}

/** True when this n8n has `publish:workflow` (2.x: publishing replaced 1.x's Active toggle). */
function hasPublishCommand(install) {
	return memo(`publish:${install.n8nDir}`, () => fs.existsSync(`${install.n8nDir}/dist/commands/publish/workflow.js`));
}

/**
 * The CLI arguments that activate a workflow for the next start: 2.x publishes it; 1.x has no
 * `publish:workflow` (`Error: Command "publish:workflow" not found`) and sets the Active flag.
 */
function activateArgs(install, id) {
	return hasPublishCommand(install) ? ['publish:workflow', `--id=${id}`] : ['update:workflow', `--id=${id}`, '--active=true'];
}

/**
 * n8n before 2.3 (checked: 2.0.0, 2.0.3, 2.1.4 lack it; 2.3.6 has it): `import:workflow` upserts the
 * workflow row as is and writes no workflow_history row for it.
 */
function legacyImport(install) {
	return memo(`import:${install.n8nDir}`, () => {
		const text = n8nFile(install, 'n8n/dist/services/import.service.js');
		return Boolean(text) && !text.includes('WorkflowHistory');
	});
}

/**
 * For such an import: a workflow without `active` or `versionId` fails with `SQLITE_CONSTRAINT: NOT
 * NULL constraint failed: workflow_entity.active` (then `….versionId`), and one with `active: true`
 * hangs the import on its own transaction (`Timeout waiting for lock SqliteWriteConnectionMutex to
 * become available`: it records the deactivation on a second connection). Imports always land
 * inactive (instance.js publish() activates), so `active: false` changes nothing. Every import gets
 * a fresh versionId, as newer n8n gives it (the import is a new version of the workflow).
 */
function compatWorkflow(workflow, legacy = true) {
	if (!legacy || !workflow || typeof workflow !== 'object') return workflow;
	const out = { ...workflow, active: false, versionId: randomUUID() };
	delete out.activeVersionId;
	return out;
}

/**
 * Only 2.x's `publish:workflow` needs the history rows (below); 1.x activates without them, and its
 * import (no history written before 1.9x either) is left as it is.
 */
function needsHistoryBackfill(install) {
	return legacyImport(install) && hasPublishCommand(install);
}

// n8n's own backfill (migration 1762763704614-BackfillMissingWorkflowHistoryRecords), for any DB.
const BACKFILL_SQL = (prefix) => `
	INSERT INTO ${prefix}workflow_history ("versionId", "workflowId", "authors", "nodes", "connections")
	SELECT w."versionId", w."id", 'import', w."nodes", w."connections"
	FROM ${prefix}workflow_entity w
	LEFT JOIN ${prefix}workflow_history wh ON w."versionId" = wh."versionId"
	WHERE wh."versionId" IS NULL`;

/**
 * After such an import, `publish:workflow` fails: `Version "<uuid>" not found for workflow "<id>"`,
 * because publishing needs the version's history row. Writes the missing rows the way n8n's own
 * migration does, into the instance's database (SQLite file, or Postgres from its DB_* env), with
 * Node 24 and n8n's own sqlite3 / pg. Returns the number of rows written.
 */
async function backfillWorkflowHistory(instance) {
	const env = instance.env();
	const prefix = env.DB_TABLE_PREFIX || '';
	const db =
		env.DB_TYPE === 'postgresdb'
			? {
					type: 'postgresdb',
					pg: {
						host: env.DB_POSTGRESDB_HOST || 'localhost',
						port: Number(env.DB_POSTGRESDB_PORT || 5432),
						user: env.DB_POSTGRESDB_USER || 'postgres',
						password: env.DB_POSTGRESDB_PASSWORD || '',
						database: env.DB_POSTGRESDB_DATABASE || 'n8n',
					},
					schema: env.DB_POSTGRESDB_SCHEMA || 'public',
				}
			: { type: 'sqlite', file: instance.dbFile };
	return runInN8n(
		instance.install,
		`
		(async () => {
			if (input.db.type === 'postgresdb') {
				const { Client } = n8nRequire('pg');
				const client = new Client(input.db.pg);
				await client.connect();
				try {
					await client.query('SET search_path TO ' + JSON.stringify(input.db.schema));
					const r = await client.query(input.sql);
					process.stdout.write(JSON.stringify(r.rowCount));
				} finally {
					await client.end();
				}
			} else {
				const sqlite3 = n8nRequire('sqlite3');
				const db = new sqlite3.Database(input.db.file);
				db.configure('busyTimeout', 10000);
				await new Promise((resolve, reject) =>
					db.run(input.sql, function done(err) {
						if (err) return reject(err);
						process.stdout.write(JSON.stringify(this.changes));
						db.close(resolve);
					}),
				);
			}
		})().catch((err) => { console.error(err.stack || err); process.exit(1); });`,
		{ db, sql: BACKFILL_SQL(prefix) },
	);
}

/**
 * n8n 2.0.x answers /healthz/readiness (what start() waits for) before it has mounted its REST API: a
 * login right after start() gets `Cannot POST /rest/login` (404). Waits until /rest/settings, which
 * every 2.x serves without a login, stops answering 404.
 */
async function waitForRest(url, { timeoutMs = 60_000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const r = await request(`${url}/rest/settings`).catch(() => ({ status: 0 }));
		if (r.status !== 404 && r.status !== 0) return r.status;
		if (Date.now() > deadline) throw new Error(`${url}/rest/settings still answers ${r.status} after ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/**
 * A logged-in session cookie for the owner. n8n 2.0.x has no env-managed owner (it ignores
 * N8N_INSTANCE_OWNER_*; the login answers 401 "Wrong username or password"): then the owner is set
 * up once through POST /rest/owner/setup, as the editor's first screen does, which logs in too.
 */
async function ownerCookie(url, owner) {
	const headers = { 'browser-id': BROWSER_ID };
	const cookieOf = (r) =>
		([].concat(r.headers['set-cookie'] || []).find((c) => c.startsWith('n8n-auth=')) || '').split(';')[0];
	const login = await request(`${url}/rest/login`, {
		method: 'POST',
		headers,
		body: { emailOrLdapLoginId: owner.email, password: owner.password },
	});
	if (login.status === 200 && cookieOf(login)) return cookieOf(login);
	const setup = await request(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers,
		body: {
			email: owner.email,
			firstName: owner.firstName || 'E2E',
			lastName: owner.lastName || 'Owner',
			password: owner.password,
		},
	});
	if (setup.status === 200 && cookieOf(setup)) return cookieOf(setup);
	throw new Error(
		`owner login failed: HTTP ${login.status} ${login.text.slice(0, 200)}; ` +
			`owner setup: HTTP ${setup.status} ${setup.text.slice(0, 200)}`,
	);
}

/**
 * The status of a run printed by `execute --rawOutput`. n8n 2.0.x prints `"status": "running"` for a
 * run that has ended (it sets the status after printing; `finished` is true after a success): the
 * process has exited by then, so resultData.error, `finished` and the exit code say how it went, as
 * 2.41.1's status does.
 */
function settledStatus(raw, exitCode) {
	const printed = raw.status;
	if (printed && !['running', 'new'].includes(printed)) return printed;
	const error = raw.data && raw.data.resultData && raw.data.resultData.error;
	if (error) return 'error';
	return raw.finished === true || exitCode === 0 ? 'success' : 'error';
}

module.exports = {
	BROWSER_ID,
	activateArgs,
	backfillWorkflowHistory,
	compatEnv,
	compatWorkflow,
	knownModules,
	legacyImport,
	needsHistoryBackfill,
	ownerCookie,
	settledStatus,
	waitForRest,
};
