/**
 * Every operation of the WeChat Live node, run as a workflow in a real n8n (the packed package installed
 * like a community node) against the sandbox, checking the items n8n produced and the requests WeChat's
 * stand-in received. Cases live in ./cases/*.js (format: ./cases/README.md).
 */
import { designPairs } from '../support/design';
import type { Json, N8nInstance } from './harness';
import { loadCases, prepareCases, runCase, type PreparedCase } from './support/cases';
import { sandboxCredential } from './support/workflows';

const { createInstance, ensureN8n, packPackage, REPO_ROOT } = require('./harness');
const { startSandbox } = require('../sandbox');

// E2E_CASES=room,goods runs only those files (a quicker loop while working on one resource).
const cases = loadCases(process.env.E2E_CASES ? process.env.E2E_CASES.split(',') : undefined);

let sandbox: Json;
let n8n: N8nInstance;
let prepared = new Map<string, PreparedCase>();

beforeAll(async () => {
	await ensureN8n();
	sandbox = await startSandbox();
	n8n = createInstance({ name: 'operations', tarball: await packPackage(REPO_ROOT) });
	await n8n.installPackage();
	await n8n.importCredentials([sandboxCredential(sandbox)]);
	// Fixtures first, then one import of every workflow: an n8n CLI call costs ~2 s.
	prepared = await prepareCases(cases, sandbox);
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
		await runCase(n8n, sandbox, c, prepared.get(c.title)!);
	});
});
