'use strict';
// Child processes for the harness: a clean environment, a promise-returning runner, long-running
// process groups (n8n servers, workers) and their clean stop, timing logs.
const fs = require('node:fs');
const { spawn } = require('node:child_process');

function log(scope, message) {
	process.stderr.write(`[e2e${scope ? ` ${scope}` : ''}] ${message}\n`);
}

function since(t0) {
	return `${((Date.now() - t0) / 1000).toFixed(1)}s`;
}

// npm settings that only say where the registry and the cache are; every other npm_config_* that
// `npm start` / `npm test` export (ignore_scripts from our .npmrc, local_prefix, nodedir=/usr…) must
// not leak into the npm and n8n processes the harness starts.
const KEPT_NPM_CONFIG = new Set([
	'registry',
	'cache',
	'cafile',
	'userconfig',
	'globalconfig',
	'proxy',
	'https_proxy',
	'noproxy',
	'strict_ssl',
]);

/**
 * The parent's environment minus what would change n8n's or npm's behaviour behind our back:
 * npm's exported config, jest's NODE_ENV=test (n8n switches on `inTest`), NODE_OPTIONS/NODE_PATH
 * meant for Node 20, and any N8N_/DB_/EXECUTIONS_/QUEUE_ setting from the developer's shell.
 */
function cleanEnv(base = process.env) {
	const env = {};
	for (const [key, value] of Object.entries(base)) {
		if (value === undefined) continue;
		const lower = key.toLowerCase();
		if (lower.startsWith('npm_config_')) {
			if (!KEPT_NPM_CONFIG.has(lower.slice('npm_config_'.length))) continue;
		} else if (lower.startsWith('npm_')) continue;
		if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|JEST_)/.test(key)) continue;
		if (['NODE_ENV', 'NODE_OPTIONS', 'NODE_PATH', 'INIT_CWD', 'WEBHOOK_URL', 'LC_ALL'].includes(key)) continue;
		env[key] = value;
	}
	// The package speaks the message locale's language (nodes/shared/i18n/language.ts): English, unless a
	// test asks for another one (LC_ALL, which would override it, is dropped above).
	env.LC_MESSAGES = 'en_US.UTF-8';
	return env;
}

/**
 * Runs a command to completion. Resolves { code, signal, stdout, stderr, output } (output = both
 * streams interleaved as they came); never rejects for a non-zero exit unless `check` is set.
 * `as`: { uid, gid } to drop root.
 */
function run(command, args, { cwd, env, as, check = false, timeoutMs = 0, onData } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
			...(as ? { uid: as.uid, gid: as.gid } : {}),
		});
		let stdout = '';
		let stderr = '';
		let output = '';
		let timer;
		if (timeoutMs > 0) {
			timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		}
		child.stdout.on('data', (d) => {
			stdout += d;
			output += d;
			if (onData) onData(d);
		});
		child.stderr.on('data', (d) => {
			stderr += d;
			output += d;
			if (onData) onData(d);
		});
		child.on('error', (err) => {
			clearTimeout(timer);
			reject(err);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const result = { code, signal, stdout, stderr, output };
			if (check && code !== 0) {
				const err = new Error(
					`${command} ${args.join(' ')} exited ${code ?? signal}\n${tail(output, 40)}`,
				);
				err.result = result;
				reject(err);
			} else {
				resolve(result);
			}
		});
	});
}

function tail(text, lines = 40) {
	return String(text).trimEnd().split('\n').slice(-lines).join('\n');
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function isAlive(pid) {
	if (!pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return err.code === 'EPERM';
	}
}

// Process groups still up when this (jest) process exits are killed: no n8n outlives its test run.
const liveGroups = new Set();
process.on('exit', () => {
	for (const group of liveGroups) killGroup(group.pid, 'SIGKILL');
});

/**
 * Starts a long-running command in its own process group, so stopGroup() reaches the children it
 * starts too (n8n's task runner), with both streams appended to `logFile`.
 * Returns { child, pid, exited, exit }, kept current as the process ends.
 */
function spawnGroup(command, args, { cwd, env, logFile }) {
	const fd = fs.openSync(logFile, 'a');
	const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
	fs.closeSync(fd);
	const group = { child, pid: child.pid, exited: false, exit: null };
	liveGroups.add(group);
	child.on('exit', (code, signal) => {
		group.exited = true;
		group.exit = { code, signal };
	});
	return group;
}

/** Signals a whole process group; false when none of it is left (signal 0 only asks). */
function killGroup(pid, signal) {
	if (!pid) return false;
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false;
	}
}

async function waitUntil(predicate, timeoutMs, intervalMs = 100) {
	const deadline = Date.now() + timeoutMs;
	while (!(await predicate())) {
		if (Date.now() > deadline) return false;
		await sleep(intervalMs);
	}
	return true;
}

/**
 * SIGTERM to the group's leader (n8n shuts down cleanly), SIGKILL to the group if it has not exited
 * within `timeoutMs`, then SIGKILL for whatever is left (a task runner that outlived n8n).
 * Resolves true when the leader had to be killed.
 */
async function stopGroup(group, { timeoutMs = 30_000 } = {}) {
	let killed = false;
	if (!group.exited) {
		try {
			process.kill(group.pid, 'SIGTERM');
		} catch {
			// already gone
		}
		if (!(await waitUntil(() => group.exited, timeoutMs))) {
			killed = true;
			killGroup(group.pid, 'SIGKILL');
			await waitUntil(() => group.exited, 5000);
		}
	}
	const gone = () => !killGroup(group.pid, 0);
	if (!(await waitUntil(gone, 5000))) {
		killGroup(group.pid, 'SIGKILL');
		await waitUntil(gone, 5000);
	}
	liveGroups.delete(group);
	return killed;
}

module.exports = { log, since, cleanEnv, run, tail, sleep, isAlive, spawnGroup, stopGroup };
