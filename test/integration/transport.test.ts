/**
 * The transport against the sandbox over HTTP: a changed credential is honoured at once, WeChat's answers that
 * are not errors stay answers, an answer that is not WeChat's says so, and the credential is loaded once per run.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { WeChatLive } from '../../nodes/WeChatLive/WeChatLive.node';
import type { Sandbox } from '../support/sandbox';
import { loadedIn } from '../support/language';
import { useSandbox } from '../support/sandbox';
import { CredentialStore, executeContext, roomById, runNode } from '../support/executeContext';
import { pollContext, pollingWorkflow } from '../support/pollContext';
import { EMPTY_LIST_ERRCODES } from '../../nodes/WeChatLive/transport/errcodes';
import { weChatRequest } from '../../nodes/WeChatLive/transport/request';

const { addApp, appIdOfToken } = require('../sandbox/routes/tokens');
const { startSandbox } = require('../sandbox');

const SECOND_APP = { appId: 'wxsandbox0000000002', appSecret: 'sandbox-app-secret-0002' };
const getMany = { resource: 'room', operation: 'getMany', returnAll: false, limit: 1 };

let sandbox: Sandbox;
let store: CredentialStore;
useSandbox((s, c) => {
	sandbox = s;
	store = c;
});

const tokenAppIds = (endpoint: string) =>
	sandbox.requests(endpoint).map((r) => appIdOfToken(sandbox.state, r.query.access_token));

describe('a changed credential takes effect at once', () => {
	beforeEach(() => addApp(sandbox.state, SECOND_APP));

	it('a run after the App ID and Secret changed calls WeChat with a token of the new mini program only', async () => {
		await runNode({ parameters: getMany, store });
		expect(tokenAppIds('getLiveInfo')).toEqual([sandbox.app.appId]);
		sandbox.clearLog();

		store.data = { ...store.data, ...SECOND_APP }; // the stored token is still fresh, but it is the first app's
		await runNode({ parameters: getMany, store });

		expect(sandbox.requests('stableToken').map((r) => r.body.appid)).toEqual([SECOND_APP.appId]);
		expect(tokenAppIds('getLiveInfo')).toEqual([SECOND_APP.appId]);
	});

	it('a poll context, which n8n keeps for a whole activation, sees the change at the next poll', async () => {
		const context = pollContext(pollingWorkflow(store, {}));
		const read = () => weChatRequest.call(context, 'getLiveInfo', { body: { start: 0, limit: 1 }, acceptErrcodes: EMPTY_LIST_ERRCODES });
		await read();
		store.data = { ...store.data, ...SECOND_APP };
		const now = Date.now();
		const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 60_000); // the next poll, a minute later
		try {
			await read();
		} finally {
			clock.mockRestore();
		}
		expect(tokenAppIds('getLiveInfo')).toEqual([sandbox.app.appId, SECOND_APP.appId]);
	});

	it('a wrong App ID fails the run with its 40013 message, though a fresh token of the old one is stored', async () => {
		await runNode({ parameters: getMany, store });
		store.data = { ...store.data, appId: 'wxwrongappid0000001' };
		await expect(runNode({ parameters: getMany, store })).rejects.toThrow(/App ID is invalid.*40013/);
		expect(sandbox.requests('getLiveInfo')).toHaveLength(1);
	});

	it('a changed API Base URL gets its own token there', async () => {
		await runNode({ parameters: getMany, store });
		const relay: Sandbox = await startSandbox(); // another address answering for the same mini program
		try {
			store.data = { ...store.data, baseUrl: relay.url };
			await runNode({ parameters: getMany, store });
			expect(relay.requests('stableToken')).toHaveLength(1);
			expect(relay.requests('getLiveInfo').map((r) => r.errcode)).toEqual([9410000]); // no rooms there, token accepted
		} finally {
			await relay.close();
		}
	});
});

describe('WeChat’s own answers', () => {
	it('getliveinfo’s errcode 1 (“no room created yet”, WeChat’s sample) is an empty list, like 9410000', async () => {
		sandbox.fault({ endpoint: 'getLiveInfo', errcode: 1, errmsg: 'no room' });
		expect(await runNode({ parameters: getMany, store })).toEqual([]);
	});

	it('a read answered HTTP 404 is not retried, and the error does not claim it was', async () => {
		sandbox.fault({ endpoint: 'getLiveInfo', status: 404, times: 3 });
		const [item] = await runNode({ parameters: getMany, store, continueOnFail: true });
		expect(sandbox.requests('getLiveInfo')).toHaveLength(1);
		expect(String(item.json.description)).not.toMatch(/retried automatically/);
		expect(String(item.json.description)).toMatch(/not retried/);
	});

	it('a read answered HTTP 500 three times says it was retried (3 tries in all)', async () => {
		sandbox.fault({ endpoint: 'getLiveInfo', status: 500, times: 3 });
		const [item] = await runNode({ parameters: getMany, store, continueOnFail: true });
		expect(sandbox.requests('getLiveInfo')).toHaveLength(3);
		expect(String(item.json.description)).toMatch(/retried automatically \(3 tries in all\)/);
	});
});

describe('an API Base URL that is not WeChat’s API', () => {
	let server: http.Server;
	let hits = 0;
	let htmlUrl = '';
	beforeAll(async () => {
		// A web server answering a page to everything, as a mistyped relay address would.
		server = http.createServer((_req, res) => {
			hits++;
			res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><html><body>Welcome to nginx!</body></html>');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		htmlUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise((resolve) => server.close(resolve)));
	beforeEach(() => {
		hits = 0;
	});

	it('is reported as such when the token request gets a web page, not as WeChat’s -1', async () => {
		store.data = { ...store.data, baseUrl: htmlUrl };
		const [item] = await runNode({ parameters: getMany, store, continueOnFail: true });
		expect(String(item.json.error)).toMatch(/not WeChat’s API.*Check the credential’s API Base URL/);
		expect(String(item.json.error)).not.toMatch(/-1/);
		expect(hits).toBe(1);
	});

	it('is reported as such, and not retried, when a read gets a web page', async () => {
		await runNode({ parameters: getMany, store }); // a token from the sandbox first
		store.data = { ...store.data, baseUrl: htmlUrl };
		// the same token, stored as if it had been fetched there
		const { tokenOwner } = await import('../../nodes/WeChatLive/transport/token');
		store.data.tokenFor = tokenOwner(store.data);
		const [item] = await runNode({ parameters: getMany, store, continueOnFail: true });
		expect(String(item.json.error)).toMatch(/not WeChat’s API/);
		expect(hits).toBe(1);
	});

	it('must be https unless it is this machine or plain http was allowed for a private relay', async () => {
		store.data = { ...store.data, baseUrl: 'http://relay.example.internal:8080' };
		await expect(runNode({ parameters: getMany, store })).rejects.toThrow(/plain http.*Allow Plain HTTP/);
		expect(sandbox.requests()).toHaveLength(0);
	});
});

describe('the credential, per run', () => {
	function counting(context: IExecuteFunctions) {
		const calls = { getCredentials: 0, authenticated: 0 };
		const load = context.getCredentials.bind(context);
		const send = context.helpers.httpRequestWithAuthentication;
		context.getCredentials = (async (type: string) => {
			calls.getCredentials++;
			return await load(type);
		}) as never;
		context.helpers.httpRequestWithAuthentication = (async (...args: never[]) => {
			calls.authenticated++;
			return await (send as (...a: never[]) => Promise<unknown>).apply(context, args);
		}) as never;
		return calls;
	}
	const twenty = Array.from({ length: 20 }, (_, i) => ({ json: { i } }));

	it('is loaded once for 20 items, and n8n authenticates only the call that gets the token', async () => {
		const context = executeContext({ parameters: getMany, store, items: twenty });
		const calls = counting(context);
		await new WeChatLive().execute.call(context);
		expect(calls).toEqual({ getCredentials: 1, authenticated: 1 });
		expect(sandbox.requests('getLiveInfo')).toHaveLength(20);
	});

	it('is read once more, and one token fetched, when WeChat kills the token under 10 concurrent items', async () => {
		await runNode({ parameters: getMany, store });
		const tokensBefore = sandbox.requests('stableToken').length;
		sandbox.fault({ endpoint: 'getLiveInfo', times: 1, expireTokens: true });
		const parameters: IDataObject = { ...getMany, batching: { concurrency: 10 } };
		const context = executeContext({ parameters, store, items: twenty });
		const calls = counting(context);
		await new WeChatLive().execute.call(context);
		const answers = sandbox.requests('getLiveInfo').slice(1).map((r) => r.errcode);
		expect(answers.filter((errcode) => errcode !== 40001)).toEqual(Array(20).fill(9410000)); // no rooms: every item done
		expect(sandbox.requests('stableToken').length - tokensBefore).toBe(1);
		expect(calls.getCredentials).toBe(2);
		expect(calls.authenticated).toBe(1);
	});
});

/** The WeChat Live node as a Chinese n8n loads it (the package's language is decided once, at load). */
function chineseNode(): WeChatLive {
	return loadedIn('zh', () => new (require('../../nodes/WeChatLive/WeChatLive.node').WeChatLive)());
}

describe('in a Chinese n8n', () => {
	const node = chineseNode();
	const run = async (parameters: IDataObject) => (await node.execute.call(executeContext({ parameters, store, continueOnFail: true })))[0];

	it('WeChat’s refusal reads in Chinese, its fix too, with WeChat’s own words and the API kept as they are', async () => {
		const [item] = await run({ resource: 'room', operation: 'getPushUrl', roomId: roomById(4242) });
		expect(item.json.error).toBe('该直播间不存在（微信错误码 300022）');
		expect(String(item.json.description)).toMatch(/^请检查直播间 ID（可用“直播间 → 获取列表”查看）。微信返回：“.+”。接口：GET \/wxaapi\/broadcast\/room\/getpushurl（.+）。/);
	});

	it('a read that fails three times says so in Chinese', async () => {
		sandbox.fault({ endpoint: 'getLiveInfo', status: 500, times: 3 });
		const [item] = await run(getMany);
		expect(item.json.error).toBe('微信返回了 HTTP 500');
		expect(String(item.json.description)).toMatch(/^这是读取操作，已自动重试（共尝试 3 次）。请检查网络/);
	});
});
