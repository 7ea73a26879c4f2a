#!/usr/bin/env node
'use strict';
// `npm start`: a real n8n with this package, talking to the local WeChat API sandbox.
//   build -> pack -> npm install the tarball into .cache/start-home (n8n's user folder, kept between runs)
//   -> sandbox on 127.0.0.1:8788 -> credential "WeChat Live (sandbox)" + examples/*.json
//   -> n8n on http://127.0.0.1:5678 with a ready-made owner login. Ctrl-C stops everything.
// Ports (env only): WECHAT_LIVE_N8N_PORT (5678), WECHAT_LIVE_N8N_BROKER_PORT (n8n port + 1),
// WECHAT_LIVE_SANDBOX_PORT (8788). n8n version: N8N_VERSION (default pinned in the harness).
// Language of the node panels: `npm start --lang zh` (or `-- --lang zh`), `--lang en`; without it, your
// shell's locale (README.md, "Language").
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const REPO = path.resolve(__dirname, '..');
const HOME = path.join(REPO, '.cache', 'start-home');
const N8N_PORT = Number(process.env.WECHAT_LIVE_N8N_PORT || 5678);
const BROKER_PORT = Number(process.env.WECHAT_LIVE_N8N_BROKER_PORT || N8N_PORT + 1);
const SANDBOX_PORT = Number(process.env.WECHAT_LIVE_SANDBOX_PORT || 8788);
const CREDENTIAL = { id: 'wxLiveSandbox001', name: 'WeChat Live (sandbox)', type: 'weChatLiveApi' };
const OWNER = {
	email: 'owner@example.com',
	password: 'WeChatLive-dev-1',
	firstName: 'WeChat Live',
	lastName: 'Developer',
};

/** 'zh' or 'en': --lang (npm passes `npm start --lang zh` as npm_config_lang), else this shell's locale. */
function panelLanguage() {
	const flag = process.argv.indexOf('--lang');
	const asked = flag === -1 ? process.env.npm_config_lang : process.argv[flag + 1];
	const locale = asked || Intl.DateTimeFormat().resolvedOptions().locale;
	if (asked && !/^(zh|en)\b/i.test(asked)) fail(`--lang ${asked}: say zh (Simplified Chinese) or en (English).`);
	return /^zh/i.test(locale) ? 'zh' : 'en';
}

const state = { stopping: false };
const say = (message) => process.stdout.write(`[start] ${message}\n`);
function fail(message) {
	process.stderr.write(`\n[start] ${message}\n`);
	process.exit(1);
}

function loadSandbox() {
	const dir = path.join(REPO, 'test', 'sandbox');
	try {
		require.resolve(dir);
	} catch {
		fail('The WeChat API sandbox (test/sandbox/index.js) is not there yet, and npm start needs it.');
	}
	let sandbox;
	try {
		sandbox = require(dir);
	} catch (err) {
		fail(`Could not load the WeChat API sandbox (test/sandbox): ${err.stack || err}`);
	}
	if (typeof sandbox.startSandbox !== 'function') {
		fail('test/sandbox does not export startSandbox({ port, host, seed }), which npm start needs.');
	}
	return sandbox;
}

/** The running sandbox's app (sb.app, else the module's DEFAULT_APP); otherwise the documented defaults. */
function sandboxCredentialData(sandboxModule, sb) {
	const app = sb.app || sandboxModule.DEFAULT_APP || {};
	return {
		appId: app.appId || 'wxsandbox0000000001',
		appSecret: app.appSecret || 'sandbox-secret',
		baseUrl: sb.url,
		token: app.pushToken,
		encodingAESKey: app.encodingAESKey,
	};
}

function portFree(port) {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

/** examples/*.json -> workflows with stable ids and the sandbox credential wired in. */
function exampleWorkflows() {
	const dir = path.join(REPO, 'examples');
	if (!fs.existsSync(dir)) return [];
	const out = [];
	for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
		let parsed;
		try {
			parsed = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		} catch (err) {
			say(`skipping examples/${file}: ${err.message}`);
			continue;
		}
		const list = Array.isArray(parsed) ? parsed : [parsed];
		list.forEach((wf, i) => {
			if (!wf || !Array.isArray(wf.nodes)) return say(`skipping examples/${file}: not a workflow`);
			// a stable id (<= 21 chars), so each start updates the same workflow instead of adding a copy
			if (!wf.id || String(wf.id).length > 21) {
				const hash = crypto.createHash('sha1').update(`${file}#${i}`).digest('hex');
				wf.id = `ex${hash.slice(0, 14)}`;
			}
			for (const node of wf.nodes) {
				if (node.credentials && node.credentials[CREDENTIAL.type]) {
					node.credentials[CREDENTIAL.type] = { id: CREDENTIAL.id, name: CREDENTIAL.name };
				}
			}
			out.push({ file, workflow: wf });
		});
	}
	return out;
}

/** Copies new lines of n8n's log file to our stdout while it runs. */
function followLog(file, fromOffset) {
	let offset = fromOffset;
	let partial = '';
	const timer = setInterval(() => {
		let size;
		try {
			size = fs.statSync(file).size;
		} catch {
			return;
		}
		if (size <= offset) return;
		const fd = fs.openSync(file, 'r');
		const buf = Buffer.alloc(size - offset);
		fs.readSync(fd, buf, 0, buf.length, offset);
		fs.closeSync(fd);
		offset = size;
		const lines = (partial + buf.toString('utf8')).split('\n');
		partial = lines.pop();
		for (const line of lines) if (line.trim()) process.stdout.write(`[n8n] ${line}\n`);
	}, 500);
	timer.unref();
	return () => clearInterval(timer);
}

async function main() {
	const t0 = Date.now();
	const sandboxModule = loadSandbox();
	for (const [what, port] of [
		['n8n (WECHAT_LIVE_N8N_PORT)', N8N_PORT],
		['n8n task broker (WECHAT_LIVE_N8N_BROKER_PORT)', BROKER_PORT],
		['sandbox (WECHAT_LIVE_SANDBOX_PORT)', SANDBOX_PORT],
	]) {
		if (!(await portFree(port))) fail(`Port ${port} for the ${what} is in use (another npm start?). Choose another with that env variable.`);
	}

	const { ensureN8n, packPackage, createInstance } = require('../test/e2e/harness');
	const install = await ensureN8n();

	say('npm run build');
	const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
	if (build.status !== 0) fail(`npm run build failed (exit ${build.status ?? build.signal}); fix the build and run npm start again.`);

	const tarball = await packPackage(REPO);
	const language = panelLanguage();
	say(`node panels in ${language === 'zh' ? 'Simplified Chinese' : 'English'} (--lang zh|en)`);
	const n8n = createInstance({
		env: { LC_MESSAGES: language === 'zh' ? 'zh_CN.UTF-8' : 'en_US.UTF-8' },
		name: 'start',
		userFolder: HOME,
		fresh: false, // keep the DB: your own workflows and executions survive restarts
		port: N8N_PORT,
		brokerPort: BROKER_PORT,
		owner: OWNER,
		version: install.version,
	});
	let sandbox = null;
	let stopLog = () => {};
	async function shutdown(signal, code = 0) {
		if (state.stopping) {
			say('second signal: killing n8n now');
			if (n8n.server) {
				try {
					process.kill(-n8n.server.pid, 'SIGKILL');
				} catch {
					// gone
				}
			}
			process.exit(code || 130);
		}
		state.stopping = true;
		say(`${signal}: stopping n8n and the sandbox...`);
		stopLog();
		try {
			await n8n.stop();
		} catch (err) {
			process.stderr.write(`[start] stopping n8n: ${err.message}\n`);
		}
		if (sandbox) {
			await Promise.resolve()
				.then(() => sandbox.close())
				.catch((err) => process.stderr.write(`[start] closing the sandbox: ${err.message}\n`));
		}
		say('stopped.');
		process.exit(code);
	}
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));

	const pkg = await n8n.installPackage(tarball);
	fs.rmSync(path.dirname(tarball), { recursive: true, force: true });

	sandbox = await sandboxModule.startSandbox({ port: SANDBOX_PORT, host: '127.0.0.1', seed: true });
	say(`sandbox on ${sandbox.url}`);

	await n8n.importCredentials([{ ...CREDENTIAL, data: sandboxCredentialData(sandboxModule, sandbox) }]);
	const examples = exampleWorkflows();
	if (examples.length) {
		await n8n.importWorkflows(examples.map((e) => e.workflow));
		const toPublish = examples.filter((e) => e.workflow.active === true).map((e) => e.workflow.id);
		if (toPublish.length) await n8n.publish(toPublish);
	}

	await n8n.start();
	// n8n 1.x and 2.0.x have no owner from the environment: set it up now, so the login printed below works.
	await n8n.login();
	const logOffset = fs.statSync(n8n.serverLog).size;
	n8n.server.child.on('exit', (code, signal) => {
		if (!state.stopping) {
			process.stderr.write(`[start] n8n exited on its own (${code ?? signal}); last log lines:\n${n8n.logs().split('\n').slice(-30).join('\n')}\n`);
			shutdown('n8n exit', 1);
		}
	});

	const rel = (p) => path.relative(process.cwd(), p) || '.';
	const lines = [
		'',
		`  n8n ${install.version} (Node ${install.nodeVersion}) with ${pkg.name}@${pkg.version} is running   [ready in ${((Date.now() - t0) / 1000).toFixed(0)}s]`,
		'',
		`  Open       http://127.0.0.1:${N8N_PORT}`,
		`  Log in     ${OWNER.email}   password: ${OWNER.password}`,
		`  Sandbox    ${sandbox.url}   (stands in for api.weixin.qq.com, seeded)`,
		`  Credential "${CREDENTIAL.name}"   (id ${CREDENTIAL.id}, type ${CREDENTIAL.type}, baseUrl ${sandbox.url})`,
		`  Events     POST ${sandbox.url}/__sandbox/callbacks {"url": "<trigger production URL>", "event": "pushResult" | "follow"}`,
		`             sends a signed, encrypted live event to a published WeChat Live Trigger`,
		`  Workflows  ${examples.length ? examples.map((e) => `${e.workflow.name || e.file} (${e.workflow.id})`).join(', ') : 'none (no examples/*.json)'}`,
		`  Webhooks   http://127.0.0.1:${N8N_PORT}/webhook/...   (published workflows only)`,
		`  Data       ${rel(HOME)}   (n8n user folder, kept; delete it to start over)`,
		`  Log        ${rel(n8n.serverLog)}   (also copied below)`,
		'',
		'  Ctrl-C stops n8n, its task runner and the sandbox. Rebuilt? Stop and run npm start again.',
		'',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	stopLog = followLog(n8n.serverLog, logOffset);
}

main().catch((err) => {
	if (!state.stopping) fail(err.stack || String(err)); // while stopping, shutdown() owns the exit
});
