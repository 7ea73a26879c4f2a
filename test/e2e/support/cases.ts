/**
 * The operation cases of ../cases/*.js (format: ../cases/README.md), shared by operations.e2e.test.ts
 * (every case) and smoke.e2e.test.ts (one per resource): loading, one workflow each, and one run checked.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { ExecuteResult, Json, N8nInstance } from '../harness';
import { actionWorkflow, NODE_TYPE } from './workflows';

const { itemsOf, nodeErrorOf } = require('../harness');

export interface E2ECase {
	title: string;
	setup?: (sandbox: Json) => Json;
	parameters: (ctx: Json) => Json;
	items?: (ctx: Json) => Json[];
	continueOnFail?: boolean;
	expectError?: boolean;
	check: (result: { items: Json[]; requests: Json[]; sandbox: Json; ctx: Json; run: ExecuteResult }) => void;
	file: string;
}

export interface PreparedCase {
	workflow: Json;
	ctx: Json;
}

const casesDir = path.join(__dirname, '..', 'cases');

/** Every case, by file name order; `files` (names without .js) keeps only those files. */
export function loadCases(files?: string[]): E2ECase[] {
	return fs
		.readdirSync(casesDir)
		.filter((f) => f.endsWith('.js'))
		.filter((f) => !files || files.includes(f.replace(/\.js$/, '')))
		.sort()
		.flatMap((file) => (require(path.join(casesDir, file)) as Array<Omit<E2ECase, 'file'>>).map((c) => ({ ...c, file })));
}

/** Runs each case's setup against the sandbox and builds its workflow (import them in one CLI call). */
export async function prepareCases(cases: E2ECase[], sandbox: Json): Promise<Map<string, PreparedCase>> {
	const prepared = new Map<string, PreparedCase>();
	for (const c of cases) {
		const ctx = (await c.setup?.(sandbox)) ?? {};
		const workflow = actionWorkflow(c.title, c.parameters(ctx), { items: c.items?.(ctx), continueOnFail: c.continueOnFail });
		prepared.set(c.title, { workflow, ctx });
	}
	return prepared;
}

/** Executes a prepared case's workflow in n8n and runs the case's check on what n8n and the sandbox saw. */
export async function runCase(n8n: N8nInstance, sandbox: Json, c: E2ECase, { workflow, ctx }: PreparedCase): Promise<void> {
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
}
