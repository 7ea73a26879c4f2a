/**
 * The package in Chinese, in a real n8n: a shop runs n8n with the Chinese editor (N8N_DEFAULT_LOCALE=zh-CN)
 * and the process's message locale Chinese (LC_MESSAGES=zh_CN.UTF-8, README.md "Language"). The editor
 * still loads every node type, built-in and ours; our panels come in Chinese; a workflow with a bad input
 * fails with a Chinese error naming the field and the fix. The same workflow file, imported unchanged into
 * an n8n whose locale is German, loads there too, shows English panels and fails with the English error.
 */
import type { HttpResponse, Json, N8nInstance } from './harness';
import { PACKAGE, roomCreateWorkflow, sandboxCredential } from './support/workflows';

const { createInstance, ensureN8n, nodeErrorOf, packPackage, request, REPO_ROOT } = require('./harness');
const { startSandbox } = require('../sandbox');
const { storeMedia } = require('../sandbox/routes/media');
const { png } = require('../sandbox/images');

jest.setTimeout(420_000);

const OWNER = { email: 'language@example.com', password: 'Language-E2e-Passw0rd' };
const CJK = /[\u3400-\u9fff]/;

let sandbox: Json;
let tarball: string;
let badRoom: Json;
const instances: N8nInstance[] = [];

async function running(name: string, env: Record<string, string>): Promise<{ n8n: N8nInstance; cookie: string }> {
	const n8n: N8nInstance = createInstance({ name, tarball, env, owner: OWNER });
	instances.push(n8n);
	await n8n.installPackage();
	await n8n.importCredentials([sandboxCredential(sandbox)]);
	await n8n.importWorkflows([badRoom]);
	await n8n.start();
	return { n8n, cookie: await n8n.login() };
}

const editorGet = async (n8n: N8nInstance, cookie: string, path: string): Promise<HttpResponse> =>
	request(`${n8n.url}${path}`, { headers: { cookie } });

/**
 * What the editor asks when it opens nodes: every node type n8n lists, built-in and ours, at its newest
 * version (not the …Tool variants n8n generates from usableAsTool nodes: n8n 2.41.1 answers 400
 * "Unrecognized node type" for those whatever the locale, see ecosystem.e2e.test.ts).
 */
async function allNodeDescriptions(n8n: N8nInstance, cookie: string): Promise<{ asked: number; answer: HttpResponse }> {
	const listed = ((await editorGet(n8n, cookie, '/types/nodes.json')).body as Json[]).filter((t) => !/Tool$/.test(t.name));
	const nodeInfos = listed.map((t) => ({ name: t.name, version: Array.isArray(t.version) ? Math.max(...t.version) : t.version }));
	const answer = await n8n.rest('POST', '/node-types', { nodeInfos });
	return { asked: nodeInfos.length, answer };
}

const ours = (types: Json[], name: string): Json => types.find((t) => t.name === `${PACKAGE}.${name}`);
const resourceLabel = (node: Json, value: string): string =>
	node.properties.find((p: Json) => p.name === 'resource').options.find((o: Json) => o.value === value).name;

beforeAll(async () => {
	await ensureN8n();
	sandbox = await startSandbox();
	tarball = await packPackage(REPO_ROOT);
	const media = storeMedia(sandbox.state, png(100, 100), 'image/png');
	const start = new Date(Date.now() + 2 * 86400_000).toISOString();
	const end = new Date(Date.now() + 2 * 86400_000 + 3600_000).toISOString();
	badRoom = roomCreateWorkflow('A room whose name is too short', { media, startTime: start, endTime: end, name: 'ab' });
});

afterAll(async () => {
	for (const n8n of instances) await n8n.stop();
	await sandbox?.close();
});

describe('n8n with the Chinese editor locale and a Chinese message locale', () => {
	let n8n: N8nInstance;
	let cookie: string;
	beforeAll(async () => {
		({ n8n, cookie } = await running('language-zh', { N8N_DEFAULT_LOCALE: 'zh-CN', LC_MESSAGES: 'zh_CN.UTF-8' }));
	});

	it('still gives the editor every node type, built-in and ours (POST /rest/node-types answers 200)', async () => {
		const { asked, answer } = await allNodeDescriptions(n8n, cookie);
		expect(answer.status).toBe(200);
		expect(answer.body.data).toHaveLength(asked);
		expect(asked).toBeGreaterThan(300);
		// descriptions carry their short names
		expect(answer.body.data.map((d: Json) => d.name)).toEqual(expect.arrayContaining(['weChatLive', 'weChatLiveTrigger', 'httpRequest']));
	});

	it('shows our nodes and the credential in Chinese', async () => {
		const types = (await editorGet(n8n, cookie, '/types/nodes.json')).body as Json[];
		const action = ours(types, 'weChatLive');
		expect(action.displayName).toBe('微信直播');
		expect(resourceLabel(action, 'room')).toBe('直播间');
		expect(action.subtitle).toContain('直播间 · 创建');
		expect(ours(types, 'weChatLiveTrigger').displayName).toMatch(CJK);
		expect(ours(types, 'weChatLiveStatusTrigger').displayName).toMatch(CJK);
		const credentials = (await editorGet(n8n, cookie, '/types/credentials.json')).body as Json[];
		expect(credentials.find((c) => c.name === 'weChatLiveApi').displayName).toMatch(CJK);
	});

	it('fails a room with a too-short name with a Chinese error that names the field and the fix', async () => {
		const run = await n8n.execute(badRoom.id);
		expect(run.status).toBe('error');
		const error = nodeErrorOf(run, 'WeChat Live');
		expect(error.message).toContain('直播间名称');
		expect(error.message).not.toMatch(/Room Name/);
		expect(error.description).toMatch(CJK);
		expect(sandbox.requests('roomCreate')).toHaveLength(0);
	});
});

describe('the same workflow file in an n8n whose locale is German', () => {
	let n8n: N8nInstance;
	let cookie: string;
	beforeAll(async () => {
		({ n8n, cookie } = await running('language-de', { N8N_DEFAULT_LOCALE: 'de', LC_MESSAGES: 'de_DE.UTF-8' }));
	});

	it('still gives the editor every node type, built-in and ours', async () => {
		const { asked, answer } = await allNodeDescriptions(n8n, cookie);
		expect(answer.status).toBe(200);
		expect(answer.body.data).toHaveLength(asked);
	});

	it('shows our panels in English, with the same parameters', async () => {
		const action = ours((await editorGet(n8n, cookie, '/types/nodes.json')).body, 'weChatLive');
		expect(action.displayName).toBe('WeChat Live');
		expect(resourceLabel(action, 'room')).toBe('Room');
	});

	it('runs the workflow built for the Chinese instance, and fails it with the English error', async () => {
		const run = await n8n.execute(badRoom.id);
		expect(run.status).toBe('error');
		const error = nodeErrorOf(run, 'WeChat Live');
		expect(error.message).toContain('Room Name');
		expect(error.message).not.toMatch(CJK);
	});
});
