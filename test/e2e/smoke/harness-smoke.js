#!/usr/bin/env node
'use strict';
// Proves the e2e harness end to end with a tiny demo package (no dependency on our own build):
//   pack -> npm install into .n8n/nodes -> import credential + workflows -> CLI execute (success and
//   failure) -> publish a Webhook-node workflow -> start -> POST -> read the execution from the DB ->
//   log in as the env-managed owner and list credentials over REST -> stop (no process left).
// Run: node test/e2e/smoke/harness-smoke.js        (exit 0 = green; prints timings)
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureN8n, packPackage, createInstance, itemsOf } = require('../harness');

const PKG = 'n8n-nodes-e2e-demo';
const timings = [];
async function step(label, fn) {
	const t0 = Date.now();
	const result = await fn();
	timings.push([label, Date.now() - t0]);
	process.stderr.write(`[smoke] ${label}: ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);
	return result;
}

function writeDemoPackage(dir) {
	const files = {
		'package.json': JSON.stringify(
			{
				name: PKG,
				version: '0.1.0',
				main: 'index.js',
				files: ['dist', 'index.js'],
				keywords: ['n8n-community-node-package'],
				peerDependencies: { 'n8n-workflow': '*' },
				n8n: {
					n8nNodesApiVersion: 1,
					credentials: ['dist/credentials/E2eApi.credentials.js'],
					nodes: ['dist/nodes/E2eEcho/E2eEcho.node.js'],
				},
			},
			null,
			2,
		),
		'index.js': 'module.exports = {};\n',
		'dist/credentials/E2eApi.credentials.js': `'use strict';
class E2eApi {
	constructor() {
		this.name = 'e2eApi';
		this.displayName = 'E2E API';
		this.properties = [{ displayName: 'Token', name: 'token', type: 'string', typeOptions: { password: true }, default: '' }];
	}
}
module.exports = { E2eApi };
`,
		'dist/nodes/E2eEcho/E2eEcho.node.js': `'use strict';
const { NodeConnectionTypes } = require('n8n-workflow'); // n8n's own copy (no peer dep installed)
class E2eEcho {
	constructor() {
		this.description = {
			displayName: 'E2E Echo', name: 'e2eEcho', group: ['transform'], version: 1,
			description: 'Returns its parameters plus a timestamp', defaults: { name: 'E2E Echo' },
			inputs: [NodeConnectionTypes.Main], outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'e2eApi', required: false }],
			properties: [
				{ displayName: 'Message', name: 'message', type: 'string', default: 'hello' },
				{ displayName: 'Count', name: 'count', type: 'number', default: 1 },
			],
		};
	}
	async execute() {
		const items = this.getInputData();
		let token = null;
		try { token = (await this.getCredentials('e2eApi')).token; } catch (e) { token = null; }
		return [items.map((item, i) => ({
			json: {
				message: this.getNodeParameter('message', i),
				count: this.getNodeParameter('count', i),
				tokenSuffix: token ? String(token).slice(-4) : null,
				input: item.json,
			},
			pairedItem: { item: i },
		}))];
	}
}
module.exports = { E2eEcho };
`,
	};
	for (const [rel, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
		fs.writeFileSync(path.join(dir, rel), text);
	}
}

const CRED = { id: 'e2eCred000000001', name: 'E2E cred', type: 'e2eApi', data: { token: 'secret-token-WXYZ' } };
const node = (id, name, type, parameters, extra = {}) => ({
	id,
	name,
	type,
	typeVersion: 1,
	position: [0, 0],
	parameters,
	...extra,
});
const link = (from, to) => ({ [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } });

const WF_ECHO = {
	id: 'smokeEchoWf00001',
	name: 'smoke echo',
	nodes: [
		node('11111111-1111-4111-8111-111111111111', 'Start', 'n8n-nodes-base.manualTrigger', {}),
		node('22222222-2222-4222-8222-222222222222', 'Echo', `${PKG}.e2eEcho`, { message: 'hi from e2e', count: 3 }, {
			credentials: { e2eApi: { id: CRED.id, name: CRED.name } },
		}),
	],
	connections: link('Start', 'Echo'),
	settings: { executionOrder: 'v1' },
};
const WF_FAIL = {
	id: 'smokeFailWf00001',
	name: 'smoke fail',
	nodes: [
		node('55555555-5555-4555-8555-555555555555', 'Start', 'n8n-nodes-base.manualTrigger', {}),
		node('66666666-6666-4666-8666-666666666666', 'Boom', 'n8n-nodes-base.stopAndError', {
			errorMessage: 'boom from smoke',
		}),
	],
	connections: link('Start', 'Boom'),
	settings: { executionOrder: 'v1' },
};
const HOOK_PATH = 'e2e-smoke-hook';
const WF_HOOK = {
	id: 'smokeHookWf00001',
	name: 'smoke hook',
	nodes: [
		{
			...node('33333333-3333-4333-8333-333333333333', 'Hook', 'n8n-nodes-base.webhook', {
				httpMethod: 'POST',
				path: HOOK_PATH,
				responseMode: 'lastNode',
				options: {},
			}),
			typeVersion: 2,
			webhookId: '6f1c2a3b-0000-4000-8000-00000000e2e1',
		},
		node('44444444-4444-4444-8444-444444444444', 'Echo', `${PKG}.e2eEcho`, {
			message: '={{ $json.body.msg }}',
			count: 7,
		}),
	],
	connections: link('Hook', 'Echo'),
	settings: { executionOrder: 'v1' },
};
const OWNER = { email: 'smoke@example.com', password: 'Smoke-Passw0rd', firstName: 'Smoke', lastName: 'Test' };

async function main() {
	const t0 = Date.now();
	const install = await step('ensure n8n', () => ensureN8n());
	const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-demo-'));
	writeDemoPackage(demoDir);
	const tarball = await step('npm pack demo', () => packPackage(demoDir));

	const n8n = createInstance({ name: 'smoke', tarball, owner: OWNER });
	try {
		const pkg = await step('install package', () => n8n.installPackage());
		assert.equal(pkg.name, PKG);
		assert.ok(fs.existsSync(path.join(n8n.nodesDir, 'node_modules', PKG, 'dist/nodes/E2eEcho/E2eEcho.node.js')));
		assert.ok(!fs.existsSync(path.join(n8n.nodesDir, 'node_modules', 'n8n-workflow')), 'peer dep must not be installed');

		await step('import credential (first CLI: migrations)', () => n8n.importCredentials([CRED]));
		await step('import 3 workflows (one call)', () => n8n.importWorkflows([WF_ECHO, WF_FAIL, WF_HOOK]));

		const ok = await step('cli execute (success)', () => n8n.execute(WF_ECHO.id));
		assert.equal(ok.status, 'success', ok.output);
		assert.equal(ok.exitCode, 0);
		const items = itemsOf(ok, 'Echo');
		assert.equal(items.length, 1);
		assert.deepEqual(
			{ message: items[0].message, count: items[0].count, tokenSuffix: items[0].tokenSuffix },
			{ message: 'hi from e2e', count: 3, tokenSuffix: 'WXYZ' },
		);

		const bad = await step('cli execute (workflow error)', () => n8n.execute(WF_FAIL.id));
		assert.equal(bad.exitCode, 1);
		assert.equal(bad.status, 'error');
		assert.match(JSON.stringify(bad.error), /boom from smoke/);

		await step('publish webhook workflow', () => n8n.publish(WF_HOOK.id));
		await step('server start -> readiness', () => n8n.start());

		const res = await step('webhook round trip', () =>
			n8n.postWebhook(HOOK_PATH, { body: { msg: 'hello webhook' }, query: { q: '1' } }),
		);
		assert.equal(res.status, 200, res.text);
		assert.equal(res.body.message, 'hello webhook');
		assert.equal(res.body.count, 7);
		assert.deepEqual(res.body.input.query, { q: '1' });

		const execs = await step('read execution from DB', () => n8n.executions(WF_HOOK.id, { waitFor: 1 }));
		assert.equal(execs.length, 1);
		assert.equal(execs[0].status, 'success');
		assert.equal(execs[0].mode, 'webhook');
		assert.equal(itemsOf(execs[0], 'Echo')[0].message, 'hello webhook');

		const creds = await step('owner login + REST credentials', () => n8n.rest('GET', '/credentials'));
		assert.equal(creds.status, 200, creds.text);
		assert.deepEqual(
			creds.body.data.map((c) => c.id),
			[CRED.id],
		);
		assert.match(n8n.logs(), /Editor is now accessible/);

		const pid = n8n.server.pid;
		await step('server stop', () => n8n.stop());
		assert.throws(() => process.kill(-pid, 0), 'n8n process group must be gone');
	} finally {
		await n8n.stop();
		fs.rmSync(demoDir, { recursive: true, force: true });
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}

	process.stdout.write(`\nharness smoke: green in ${((Date.now() - t0) / 1000).toFixed(1)}s (n8n ${install.version})\n`);
	for (const [label, ms] of timings) process.stdout.write(`  ${(ms / 1000).toFixed(1).padStart(6)}s  ${label}\n`);
}

main().catch((err) => {
	process.stderr.write(`\nharness smoke FAILED: ${err.stack || err}\n`);
	process.exitCode = 1;
});
