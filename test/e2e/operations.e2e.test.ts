/**
 * Every operation of the WeChat Live node, run as a workflow in a real n8n (the packed package installed
 * like a community node) against the sandbox, checking the items n8n produced and the requests WeChat's
 * stand-in received. Cases live in ./cases/*.js (format: ./cases/README.md).
 */
import fs from 'node:fs';
import path from 'node:path';

import { designPairs } from '../support/design';
import type { ExecuteResult, Json, N8nInstance } from './harness';
import { actionWorkflow, NODE_TYPE, sandboxCredential } from './support/workflows';

const { createInstance, ensureN8n, itemsOf, nodeErrorOf, packPackage, REPO_ROOT } = require('./harness');
const { startSandbox } = require('../sandbox');

interface E2ECase {
	title: string;
	setup?: (sandbox: Json) => Json;
	parameters: (ctx: Json) => Json;
	items?: (ctx: Json) => Json[];
	continueOnFail?: boolean;
	expectError?: boolean;
	check: (result: { items: Json[]; requests: Json[]; sandbox: Json; ctx: Json; run: ExecuteResult }) => void;
}

const casesDir = path.join(__dirname, 'cases');
const cases: Array<E2ECase & { file: string }> = fs
	.readdirSync(casesDir)
	.filter((f) => f.endsWith('.js'))
	// E2E_CASES=room,goods runs only those files (a quicker loop while working on one resource).
	.filter((f) => !process.env.E2E_CASES || process.env.E2E_CASES.split(',').includes(f.replace(/\.js$/, '')))
	.sort()
	.flatMap((file) => (require(path.join(casesDir, file)) as E2ECase[]).map((c) => ({ ...c, file })));

let sandbox: Json;
let n8n: N8nInstance;
const prepared = new Map<string, { workflow: Json; ctx: Json }>();

beforeAll(async () => {
	await ensureN8n();
	sandbox = await startSandbox();
	n8n = createInstance({ name: 'operations', tarball: await packPackage(REPO_ROOT) });
	await n8n.installPackage();
	await n8n.importCredentials([sandboxCredential(sandbox)]);
	// Fixtures first, then one import of every workflow: an n8n CLI call costs ~2 s.
	for (const c of cases) {
		const ctx = (await c.setup?.(sandbox)) ?? {};
		const workflow = actionWorkflow(c.title, c.parameters(ctx), {
			items: c.items?.(ctx),
			continueOnFail: c.continueOnFail,
		});
		prepared.set(c.title, { workflow, ctx });
	}
	await n8n.importWorkflows([...prepared.values()].map((p) => p.workflow));
});

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});

test('every operation of the node has a case', () => {
	const covered = new Set([...prepared.values()].map(({ workflow }) => {
		const { resource, operation } = workflow.nodes.at(-1).parameters;
		return `${resource}:${operation}`;
	}));
	const expected = process.env.E2E_CASES ? [] : designPairs;
	expect(expected.filter((pair) => !covered.has(pair))).toEqual([]);
});

describe.each([...new Set(cases.map((c) => c.file))])('%s', (file) => {
	it.each(cases.filter((c) => c.file === file).map((c) => [c.title, c] as const))('%s', async (_title, c) => {
		const { workflow, ctx } = prepared.get(c.title)!;
		const firstSeq = sandbox.state.counters.requests;
		const run: ExecuteResult = await n8n.execute(workflow.id);
		// The token request belongs to whichever case runs first; the token story is told in foundation.e2e.
		const requests = sandbox.requests().filter((r: Json) => r.seq > firstSeq && r.endpoint !== 'stableToken');
		const parameters = workflow.nodes.at(-1).parameters;
		// Shows in the test output that n8n itself ran our node type.
		process.stdout.write(
			`[e2e] ${NODE_TYPE} ${parameters.resource}:${parameters.operation} → ${run.status} (${requests.length} sandbox request(s))\n`,
		);
		if (c.expectError) {
			expect(run.status).toBe('error');
		} else if (run.status !== 'success') {
			throw new Error(`n8n run ${run.status}: ${JSON.stringify(nodeErrorOf(run, 'WeChat Live') ?? run.error)}`);
		}
		const items = c.expectError ? [] : itemsOf(run, 'WeChat Live');
		c.check({ items, requests, sandbox, ctx, run });
	});
});
