/**
 * A changed credential takes effect at once, in a real n8n, the way a user changes it in the editor: open
 * the saved credential, change a field, save, and n8n tests it. The stored access token belongs to the App
 * ID, App Secret and API Base URL it was fetched for, so a wrong App ID fails the test with WeChat's 40013
 * message (n8n 2.41 said "Connection tested successfully" and kept the old token), and a run after a change
 * acts as the new mini program only.
 */
import type { Json, N8nInstance } from './harness';
import { actionWorkflow, CREDENTIAL, sandboxCredential } from './support/workflows';

const { createInstance, ensureN8n, packPackage, REPO_ROOT } = require('./harness');
const { startSandbox } = require('../sandbox');
const { addApp, appIdOfToken } = require('../sandbox/routes/tokens');

const OWNER = { email: 'credential-change@example.com', password: 'Credential-Change-E2e-Passw0rd' };
const SECOND_SHOP = { appId: 'wxsandbox0000000002', appSecret: 'sandbox-app-secret-0002' };
const WRONG_APP_ID = 'wxwrongappid0000001';

let sandbox: Json;
let n8n: N8nInstance;
const getMany = actionWorkflow('Room Get Many (credential change)', { resource: 'room', operation: 'getMany', returnAll: true });

/** The credential as the editor opens it: n8n hides the secret and the token behind placeholders. */
async function openCredential(): Promise<Json> {
	const r = await n8n.rest('GET', `/credentials/${CREDENTIAL.id}?includeData=true`);
	if (r.status !== 200) throw new Error(`GET credential: HTTP ${r.status} ${r.text.slice(0, 200)}`);
	return r.body.data;
}

/** Changes fields and saves, then tests the credential as the editor does after Save: n8n's answer. */
async function changeAndTest(changes: Json): Promise<{ status: string; message: string }> {
	const opened = await openCredential();
	const data = { ...opened.data, ...changes };
	const saved = await n8n.rest('PATCH', `/credentials/${CREDENTIAL.id}`, { name: opened.name, type: opened.type, data });
	if (saved.status !== 200) throw new Error(`PATCH credential: HTTP ${saved.status} ${saved.text.slice(0, 200)}`);
	const tested = await n8n.rest('POST', '/credentials/test', {
		credentials: { id: CREDENTIAL.id, name: opened.name, type: opened.type, data },
	});
	if (tested.status !== 200) throw new Error(`test credential: HTTP ${tested.status} ${tested.text.slice(0, 200)}`);
	return tested.body.data;
}

const tokenAppIds = (requests: Json[]) => requests.map((r: Json) => appIdOfToken(sandbox.state, r.query.access_token));

beforeAll(async () => {
	await ensureN8n();
	sandbox = await startSandbox();
	addApp(sandbox.state, SECOND_SHOP);
	n8n = createInstance({ name: 'credential-change', tarball: await packPackage(REPO_ROOT), owner: OWNER });
	await n8n.installPackage();
	await n8n.importCredentials([sandboxCredential(sandbox)]);
	await n8n.importWorkflows([getMany]);
	await n8n.start();
});

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});

describe('a changed credential in a real n8n', () => {
	it('runs with a token of its mini program once it is saved', async () => {
		const result = await n8n.execute(getMany.id);
		expect(result.status).toBe('success');
		expect(tokenAppIds(sandbox.requests('getLiveInfo'))).toEqual([sandbox.app.appId]);
	});

	it('with a wrong App ID, fails the credential test with the 40013 message, though a fresh token is stored', async () => {
		sandbox.clearLog();
		const result = await changeAndTest({ appId: WRONG_APP_ID });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/App ID is invalid \(WeChat errcode 40013/);
		expect(sandbox.requests('stableToken').map((r: Json) => r.body.appid)).toEqual([WRONG_APP_ID]);
		expect(sandbox.requests('getLiveInfo')).toHaveLength(0); // the old token was not used
	});

	it('with a wrong App Secret, fails it with the 40125 message', async () => {
		const result = await changeAndTest({ appId: sandbox.app.appId, appSecret: 'wrong-secret-e2e-0002' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/App Secret is invalid \(WeChat errcode 40125/);
		expect(result.message).not.toContain('wrong-secret-e2e-0002');
	});

	it('changed back, passes the test again', async () => {
		const result = await changeAndTest({ appId: sandbox.app.appId, appSecret: sandbox.app.appSecret });
		expect(result).toEqual({ status: 'OK', message: expect.any(String) });
	});

	it('changed to another mini program, runs with a token of the new App ID only', async () => {
		const tested = await changeAndTest(SECOND_SHOP);
		expect(tested.status).toBe('OK');
		sandbox.clearLog();
		const result = await n8n.execute(getMany.id);
		expect(result.status).toBe('success');
		expect(tokenAppIds(sandbox.requests('getLiveInfo'))).toEqual([SECOND_SHOP.appId]);
	});
});
