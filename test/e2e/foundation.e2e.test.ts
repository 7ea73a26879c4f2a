/**
 * The foundation's promises, checked in a real n8n: one access token serves every item, execution and
 * workflow; a token WeChat kills mid-run is replaced once and the run completes; and whatever goes wrong,
 * neither the App Secret nor any access token lands in n8n's database, logs or output.
 */
import type { Json, N8nInstance } from './harness';
import { expectNoSecrets } from './support/secretScan';
import { actionWorkflow, sandboxCredential } from './support/workflows';

const { createInstance, ensureN8n, itemsOf, packPackage, REPO_ROOT } = require('./harness');
const { startSandbox } = require('../sandbox');
const { createRoom } = require('../sandbox/routes/rooms');

let sandbox: Json;
let n8n: N8nInstance;

const twentyItems = Array.from({ length: 20 }, (_, i) => ({ i }));
const getMany = actionWorkflow('Room Get Many ×20', { resource: 'room', operation: 'getMany', returnAll: false, limit: 1 }, { items: twentyItems });
const deleteRoom = (continueOnFail: boolean) =>
	actionWorkflow(`Delete room (continue on fail: ${continueOnFail})`, { resource: 'room', operation: 'delete', roomId: { __rl: true, mode: 'id', value: '1001' } }, { continueOnFail });
const createUnverified = (continueOnFail: boolean) =>
	actionWorkflow(
		'Create a room for an unverified anchor',
		{
			resource: 'room',
			operation: 'create',
			name: 'Unverified anchor show',
			startTime: new Date(Date.now() + 30 * 3600e3).toISOString(),
			endTime: new Date(Date.now() + 31 * 3600e3).toISOString(),
			anchorName: 'Anchor X',
			anchorWechat: 'unverified_anchor',
			imageSource: 'url',
			coverImg: 'http://127.0.0.1:1/unused.png',
			shareImg: 'http://127.0.0.1:1/unused.png',
			feedsImg: 'http://127.0.0.1:1/unused.png',
		},
		{ continueOnFail },
	);
const workflows = {
	getMany,
	getManyOnFail: actionWorkflow('Room Get Many, continue on fail', { resource: 'room', operation: 'getMany', returnAll: true }, { continueOnFail: true }),
	deleteStrict: deleteRoom(false),
	deleteOnFail: deleteRoom(true),
	createUnverified: createUnverified(false),
	createUnverifiedOnFail: createUnverified(true),
};

beforeAll(async () => {
	await ensureN8n();
	sandbox = await startSandbox();
	const media = require('../sandbox/routes/media').storeMedia(sandbox.state, require('../sandbox/images').png(10, 10), 'image/png');
	const start = Math.floor(Date.now() / 1000) + 86400;
	createRoom(sandbox.state, {
		name: 'Seeded room', coverImg: media, shareImg: media, feedsImg: media, startTime: start, endTime: start + 3600,
		anchorName: 'Anchor', anchorWechat: 'seed_anchor', type: 0, closeLike: 0, closeGoods: 0, closeComment: 0,
	});
	n8n = createInstance({ name: 'foundation', tarball: await packPackage(REPO_ROOT) });
	await n8n.installPackage();
	await n8n.importCredentials([sandboxCredential(sandbox)]);
	// the image URLs of the unverified-anchor workflow point at the sandbox
	for (const field of ['coverImg', 'shareImg', 'feedsImg']) {
		workflows.createUnverified.nodes.at(-1).parameters[field] = `${sandbox.url}/__fixtures/image.png?w=50&h=50`;
		workflows.createUnverifiedOnFail.nodes.at(-1).parameters[field] = `${sandbox.url}/__fixtures/image.png?w=50&h=50`;
	}
	await n8n.importWorkflows(Object.values(workflows));
});

afterEach(() => sandbox.clearFaults());

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});

describe('the access token', () => {
	it('is requested once for three executions of a 20-item Room → Get Many workflow', async () => {
		for (let run = 0; run < 3; run++) {
			const result = await n8n.execute(workflows.getMany.id);
			expect(result.status).toBe('success');
			expect(itemsOf(result, 'WeChat Live')).toHaveLength(20);
		}
		expect(sandbox.requests('getLiveInfo')).toHaveLength(60);
		expect(sandbox.requests('stableToken')).toHaveLength(1);
	});

	it('is replaced once, and the run completes, when WeChat expires every token mid-run', async () => {
		const tokenRequestsBefore = sandbox.requests('stableToken').length;
		sandbox.fault({ endpoint: 'getLiveInfo', after: 10, times: 1, expireTokens: true });
		const result = await n8n.execute(workflows.getMany.id);

		expect(result.status).toBe('success');
		expect(itemsOf(result, 'WeChat Live')).toHaveLength(20);
		expect(sandbox.requests('stableToken').length - tokenRequestsBefore).toBe(1);
		expect(sandbox.requests('getLiveInfo').filter((r: Json) => r.errcode === 40001)).toHaveLength(1);
	});
});

describe('errors keep the App Secret and every access token out of n8n', () => {
	it.each([
		['WeChat’s daily quota (45009) on a read', 'getManyOnFail', { endpoint: 'getLiveInfo', errcode: 45009 }, /daily call quota/],
		['an HTTP 500 on a read', 'getManyOnFail', { endpoint: 'getLiveInfo', times: 3, status: 500 }, /WeChat answered HTTP 500/],
		['a dropped connection on a read', 'getManyOnFail', { endpoint: 'getLiveInfo', times: 3, drop: true }, /could not be reached/],
		['a -1 on a write that WeChat applied', 'deleteOnFail', { endpoint: 'roomDelete', times: 1, errcode: -1, afterApply: true }, /check the current state/],
		['an unverified anchor (300036)', 'createUnverifiedOnFail', null, /real-name verified/],
	])('%s becomes a clear error item', async (_story, workflow, fault, message) => {
		if (fault) sandbox.fault(fault);
		const result = await n8n.execute(workflows[workflow as keyof typeof workflows].id);
		const [item] = itemsOf(result, 'WeChat Live');
		expect(`${item.error} ${item.description}`).toMatch(message);
		expect(item.description).toBeTruthy();
	});

	it('and a failing workflow says what went wrong', async () => {
		const result = await n8n.execute(workflows.createUnverified.id);
		expect(result.status).toBe('error');
		expect(JSON.stringify(result.raw)).toMatch(/qrcode_url|sandbox-realname-qrcode/);
	});

	it('with a wrong App Secret, the run fails saying so, without the secret', async () => {
		await n8n.importCredentials([{ ...sandboxCredential(sandbox), data: { ...sandboxCredential(sandbox).data, appSecret: 'wrong-secret-e2e-0001' } }]);
		const result = await n8n.execute(workflows.getMany.id);
		expect(result.status).toBe('error');
		expect(result.output).toMatch(/App Secret is invalid/);
		expect(result.output).not.toContain('wrong-secret-e2e-0001');
		await n8n.importCredentials([sandboxCredential(sandbox)]);
	});

	it('in n8n’s database, its logs and every execution’s data', () => {
		expect(sandbox.state.issuedTokens.length).toBeGreaterThan(0);
		expectNoSecrets(n8n, [sandbox.app.appSecret, 'wrong-secret-e2e-0001', ...sandbox.state.issuedTokens]);
	});
});
