'use strict';
// Small scripts run with the install's Node (Node 24, or this machine's where n8n's engines exclude 24) inside
// the n8n install, so n8n's own modules (sqlite3 built for that Node, flatted, bcryptjs) are the ones
// used: the jest process cannot load them itself.
const { cleanEnv, run } = require('./proc');

/**
 * Runs `source` (a CommonJS script body) with the install's Node. The script gets `n8nRequire` (require from
 * n8n's package) and `input` (the JSON-cloned argument) and must print its answer as JSON on stdout.
 */
async function runInN8n(install, source, input) {
	const prelude =
		"const n8nRequire = require('node:module').createRequire(process.env.E2E_N8N_DIR + '/package.json');" +
		'const input = JSON.parse(process.env.E2E_INPUT);';
	const env = cleanEnv();
	env.E2E_N8N_DIR = install.n8nDir;
	env.E2E_INPUT = JSON.stringify(input === undefined ? null : input);
	const r = await run(install.nodeBin, ['-e', `${prelude}\n${source}`], { cwd: install.root, env });
	if (r.code !== 0) throw new Error(`n8n-side helper failed (exit ${r.code}):\n${r.output.trim()}`);
	return JSON.parse(r.stdout);
}

/** bcrypt hash (cost 10) made with n8n's own bcryptjs, for N8N_INSTANCE_OWNER_PASSWORD_HASH. */
function bcryptHash(install, password) {
	return runInN8n(
		install,
		"process.stdout.write(JSON.stringify(n8nRequire('bcryptjs').hashSync(input, 10)));",
		password,
	);
}

// storedAt: null where n8n has no such column yet (2.0.x).
const EXECUTIONS_SQL = (storedAt) => `
	select e.id, e.status, e.mode, e.finished, e.workflowId, e.startedAt, e.stoppedAt, e.createdAt,
	       ${storedAt ? 'e.storedAt' : 'null as storedAt'}, d.data
	from execution_entity e left join execution_data d on d.executionId = e.id
	where e.deletedAt is null and (? is null or e.workflowId = ?)
	order by e.id desc limit ?`;

/**
 * Executions newest first, each with `data` = the parsed IRun data ({ resultData: { runData, error,
 * lastNodeExecuted }, … }), read straight from the sqlite file. Works with or without a running
 * server (WAL), needs no owner and no API key.
 */
function readExecutions(install, dbFile, { workflowId = null, limit = 20 } = {}) {
	return runInN8n(
		install,
		`
		const sqlite3 = n8nRequire('sqlite3');
		const { parse } = n8nRequire('flatted');
		const fail = (code) => (err) => { console.error(err.message); process.exit(code); };
		const db = new sqlite3.Database(input.dbFile, sqlite3.OPEN_READONLY, (openErr) => {
			if (openErr) return fail(2)(openErr);
			db.configure('busyTimeout', 5000);
			db.all('pragma table_info(execution_entity)', [], (infoErr, columns) => {
				if (infoErr) return fail(3)(infoErr);
				const sql = columns.some((c) => c.name === 'storedAt') ? input.sql : input.sqlWithoutStoredAt;
				db.all(sql, [input.workflowId, input.workflowId, input.limit], (err, rows) => {
					if (err) return fail(3)(err);
					const out = rows.map((r) => ({ ...r, finished: Boolean(r.finished), data: r.data ? parse(r.data) : null }));
					db.close(() => process.stdout.write(JSON.stringify(out)));
				});
			});
		});`,
		{
			dbFile: require('node:path').resolve(dbFile),
			sql: EXECUTIONS_SQL(true),
			sqlWithoutStoredAt: EXECUTIONS_SQL(false),
			workflowId,
			limit,
		},
	);
}

module.exports = { runInN8n, bcryptHash, readExecutions };
