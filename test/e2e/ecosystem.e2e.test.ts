/**
 * How our package fits into n8n beyond running workflows, checked in a real n8n (the packed package
 * installed like a community node, a server started, an env-managed owner logged in):
 * `usableAsTool: true` makes n8n generate the AI-tool variant `n8n-nodes-wechat-live.weChatLiveTool`
 * (inputs none, output ai_tool, a "Tool Description" field, the same resources and operations) and
 * lists it to the editor, while the triggers get none; and the tool works: n8n's Tool Executor (what
 * the editor runs a tool with, standing in for an agent: no LLM here) calls it with a $fromAI argument
 * and gets the rooms from the WeChat sandbox.
 * (POST /rest/node-types answers 400 "Unrecognized node type" for the generated …Tool name in 2.41.1:
 * it looks types up in the package loader, which only knows real files. The editor reads tool
 * variants from /types/nodes.json, so that is what we ask.)
 */
import type { Json, N8nInstance } from './harness';
import { CREDENTIAL, PACKAGE, sandboxCredential } from './support/workflows';

const { createInstance, ensureN8n, itemsOf, packPackage, request, REPO_ROOT } = require('./harness');
const { startSandbox } = require('../sandbox');
const { createRoom } = require('../sandbox/routes/rooms');
const { storeMedia } = require('../sandbox/routes/media');
const { png } = require('../sandbox/images');

const OWNER = { email: 'ecosystem@example.com', password: 'Ecosystem-E2e-Passw0rd' };
const ACTION = `${PACKAGE}.weChatLive`;
const TOOL = `${PACKAGE}.weChatLiveTool`;

let n8n: N8nInstance;
let cookie: string;
let sandbox: Json;

/**
 * Manual Trigger → Tool Executor ⇠ WeChat Live Tool (ai_tool). The Tool Executor is the hidden node
 * n8n's editor runs a tool with when you test it on its own: it calls the tool as an agent would,
 * with the arguments in `query` filling the tool's $fromAI() parameters.
 */
const toolWorkflow: Json = {
	id: 'wxEcoToolExec000001',
	name: 'WeChat Live Tool through the Tool Executor',
	nodes: [
		{
			id: 'eco-start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'eco-executor',
			name: 'Tool Executor',
			type: '@n8n/n8n-nodes-langchain.toolExecutor',
			typeVersion: 1,
			position: [240, 0],
			// 2.0.x hands the whole query to the tool; later versions the entry named after the tool
			// (its node name, spaces as _). Both shapes at once suit every 2.x (extra keys are dropped).
			parameters: { query: JSON.stringify({ Limit: 5, WeChat_Live_Tool: { Limit: 5 } }), toolName: '' },
		},
		{
			id: 'eco-tool',
			name: 'WeChat Live Tool',
			type: TOOL,
			typeVersion: 1,
			position: [240, 200],
			parameters: {
				resource: 'room',
				operation: 'getMany',
				returnAll: false,
				limit: "={{ $fromAI('Limit', 'How many rooms to return', 'number') }}",
			},
			credentials: { weChatLiveApi: CREDENTIAL },
		},
	],
	connections: {
		Start: { main: [[{ node: 'Tool Executor', type: 'main', index: 0 }]] },
		'WeChat Live Tool': { ai_tool: [[{ node: 'Tool Executor', type: 'ai_tool', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
};

/** A GET the editor makes with its session cookie (the /types/*.json files need one in 2.x). */
async function editorGet(path: string): Promise<Json> {
	const r = await request(`${n8n.url}${path}`, { headers: { cookie } });
	if (r.status !== 200) throw new Error(`GET ${path}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
	return r.body;
}

const ours = (types: Json[]) => types.filter((t) => String(t.name).startsWith(`${PACKAGE}.`));
const optionValues = (description: Json, name: string) =>
	description.properties
		.filter((p: Json) => p.name === name)
		.flatMap((p: Json) => p.options.map((o: Json) => `${JSON.stringify(p.displayOptions ?? {})} ${o.value}`))
		.sort();

beforeAll(async () => {
	await ensureN8n();
	sandbox = await startSandbox();
	const media = storeMedia(sandbox.state, png(10, 10), 'image/png');
	const start = Math.floor(Date.now() / 1000) + 86400;
	createRoom(sandbox.state, {
		name: 'Tool-run room', coverImg: media, shareImg: media, feedsImg: media, startTime: start, endTime: start + 3600,
		anchorName: 'Anchor', anchorWechat: 'tool_anchor', type: 0, closeLike: 0, closeGoods: 0, closeComment: 0,
	});
	n8n = createInstance({ name: 'ecosystem', tarball: await packPackage(REPO_ROOT), owner: OWNER });
	await n8n.installPackage();
	await n8n.importCredentials([sandboxCredential(sandbox)]);
	await n8n.importWorkflows([toolWorkflow]);
	await n8n.start();
	cookie = await n8n.login();
});

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});

describe('usableAsTool in a real n8n', () => {
	let nodeTypes: Json[];
	beforeAll(async () => {
		nodeTypes = await editorGet('/types/nodes.json');
	});

	it(`lists the tool variant ${TOOL} to the editor (GET /types/nodes.json)`, () => {
		const tool = nodeTypes.find((t) => t.name === TOOL);
		expect(tool).toBeDefined();
		expect(tool).toEqual(
			expect.objectContaining({
				displayName: 'WeChat Live Tool',
				inputs: [],
				outputs: ['ai_tool'],
				credentials: [expect.objectContaining({ name: 'weChatLiveApi', required: true })],
			}),
		);
		expect(tool.usableAsTool).toBeUndefined();
		expect(tool.codex.categories).toContain('AI');
		const names = tool.properties.map((p: Json) => p.name);
		expect(names).toEqual(expect.arrayContaining(['descriptionType', 'toolDescription', 'resource', 'operation']));
	});

	it('offers the same resources and operations in the tool as in the node', () => {
		const action = nodeTypes.find((t) => t.name === ACTION);
		const tool = nodeTypes.find((t) => t.name === TOOL);
		expect(optionValues(tool, 'resource')).toEqual(optionValues(action, 'resource'));
		expect(optionValues(tool, 'operation')).toEqual(optionValues(action, 'operation'));
		expect(optionValues(action, 'operation').length).toBeGreaterThanOrEqual(41);
	});

	it('gives no trigger a tool variant', () => {
		const names = ours(nodeTypes).map((t) => t.name);
		expect(names.filter((n: string) => n.endsWith('Tool'))).toEqual([TOOL]);
		expect(names).toEqual(expect.arrayContaining([ACTION, TOOL, `${PACKAGE}.weChatLiveTrigger`]));
		for (const trigger of ours(nodeTypes).filter((t) => /Trigger$/.test(t.name))) {
			expect({ name: trigger.name, inputs: trigger.inputs, usableAsTool: trigger.usableAsTool }).toEqual({
				name: trigger.name,
				inputs: [],
				usableAsTool: undefined,
			});
		}
	});

	it('registers the credential (GET /types/credentials.json), and the tool asks for that same one', async () => {
		const credentials: Json[] = await editorGet('/types/credentials.json');
		const credential = credentials.find((c) => c.name === 'weChatLiveApi');
		expect(credential).toEqual(expect.objectContaining({ displayName: 'WeChat Live API' }));
		expect(credential.supportedNodes).toEqual(expect.arrayContaining([ACTION]));
		const tool = nodeTypes.find((t) => t.name === TOOL);
		expect(tool.credentials.map((c: Json) => c.name)).toEqual(['weChatLiveApi']);
	});
});

describe('the tool variant at work', () => {
	it('runs Room → Get Many for a caller that is not an agent: n8n’s Tool Executor, with $fromAI parameters', async () => {
		const before = sandbox.requests('getLiveInfo').length;
		const result = await n8n.execute(toolWorkflow.id);
		expect(result.status).toBe('success');

		// the agent's argument reached WeChat: Limit 5 → { start: 0, limit: 5 }
		const calls = sandbox.requests('getLiveInfo').slice(before);
		expect(calls.map((r: Json) => r.body)).toEqual([{ start: 0, limit: 5 }]);
		// the tool ran as a sub-run of the executor, with the arguments an agent would give
		const [toolRun] = result.runData['WeChat Live Tool'];
		expect(toolRun.executionStatus).toBe('success');
		expect(toolRun.inputOverride.ai_tool[0][0].json).toEqual({ Limit: 5 });
		expect(toolRun.data.ai_tool[0][0].json.response).toEqual([
			expect.objectContaining({ name: 'Tool-run room', roomid: 1001, live_status_label: 'Not Started' }),
		]);
		// and what an agent reads back is the node's items as JSON text
		const [answer] = itemsOf(result, 'Tool Executor');
		expect(typeof answer === 'string' ? answer : JSON.stringify(answer)).toContain('"name":"Tool-run room"');
	});
});
