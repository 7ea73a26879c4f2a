import { WeChatLiveApi } from '../../credentials/WeChatLiveApi.credentials';
import { AUDIT_STATUS, LIVE_STATUS } from '../../nodes/shared/labels';
import { zh } from '../../nodes/shared/i18n/zh';
import { ERRCODES, explainErrcode } from '../../nodes/WeChatLive/transport/errcodes';
import { baseUrlOf, readJson } from '../../nodes/WeChatLive/transport/http';
import { redact } from '../../nodes/WeChatLive/transport/redact';
import { ridOf } from '../../nodes/WeChatLive/transport/request';
import { forgetToken, isTokenFresh, isTokenUsable, requestStableToken, TOKEN_REFRESH_MARGIN_MS, tokenOwner } from '../../nodes/WeChatLive/transport/token';
import { loadedIn } from '../support/language';

describe('errcodes in plain language', () => {
	it.each([40164, 40013, 40125, 45009, 48001, 300036, 9410006])('explain %i with a fix', (code) => {
		const { message, fix } = explainErrcode(code);
		expect(message.length).toBeGreaterThan(10);
		expect(fix.length).toBeGreaterThan(10);
	});

	it('tell users where to whitelist the server’s IP (40164, the most common first-day problem)', () => {
		expect(explainErrcode(40164).fix).toMatch(/IP whitelist \(IP白名单\)/);
	});

	it('cover every live errcode of WeChat’s consolidated table', () => {
		const live = [-1, 1, 1003, 47001, 200002, ...Array.from({ length: 53 }, (_, i) => 300001 + i).filter((c) => ![300016, 300019, 300020].includes(c)), 400001, 400002, 400003, 400004, 400005, 500001, 500002, 500003, 500004, 500005, 600001, 600002, 9410000, 9410001, 9410002, 9410003, 9410005, 9410006];
		expect(live.filter((code) => !ERRCODES[code])).toEqual([]);
	});

	it('name the IP address to whitelist, taken from WeChat’s own message', () => {
		const { message, fix } = explainErrcode(40164, 'invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist rid: 1');
		expect(message).toBe('This server’s IP address is not in the App’s API IP whitelist: 203.0.113.7');
		expect(fix).toMatch(/^Add 203\.0\.113\.7 to the whitelist\./);
	});

	it('explain 268489001: WeChat grants no new live permissions, and what that means for the shop', () => {
		expect(explainErrcode(268489001).message).toMatch(/not granting new live permissions/);
		expect(explainErrcode(268489001).fix).toMatch(/already has the permission/);
	});

	it('still say something useful for an undocumented code', () => {
		expect(explainErrcode(2003).message).toBe('WeChat refused the request with an error code it does not document');
		expect(explainErrcode(2003).fix).toMatch(/what WeChat said/);
	});

	it('keep WeChat’s request id for support', () => {
		expect(ridOf('invalid credential rid: 6571f2c4-1d2e3f4a-0b1c2d3e')).toBe('6571f2c4-1d2e3f4a-0b1c2d3e');
		expect(ridOf('ok')).toBeUndefined();
	});
});

describe('redaction', () => {
	it('removes access tokens from URLs, JSON and query strings', () => {
		expect(redact('GET https://api.weixin.qq.com/x?access_token=ABC123&roomId=1')).toBe('GET https://api.weixin.qq.com/x?access_token=***&roomId=1');
		expect(redact('{"access_token":"ABC123","expires_in":7200}')).toBe('{"access_token":"***","expires_in":7200}');
	});

	it('removes the App Secret wherever it appears', () => {
		expect(redact('secret=my-app-secret-1 failed', ['my-app-secret-1'])).toBe('secret=*** failed');
	});

	it('removes a token’s value itself, also URL-encoded or escaped inside JSON', () => {
		const token = '88_Ab/c+d=e"f';
		const texts = [
			`token ${token} refused`,
			`GET /x?t=${encodeURIComponent(token)}`,
			`{"detail":${JSON.stringify(token)}}`,
			`next=${encodeURIComponent(`/x?t=${encodeURIComponent(token)}`)}`,
		];
		for (const text of texts) expect(redact(text, [token])).not.toMatch(/Ab|c\+d|Ab%2F/);
	});
});

describe('the access token', () => {
	// The token is remembered per process and App ID: each story uses its own mini program.
	let apps = 0;
	const input = { baseUrl: 'http://127.0.0.1:1', appId: 'wx1', appSecret: 'shh-secret' };
	beforeEach(() => {
		input.appId = `wx${++apps}`;
	});

	it('counts as fresh only until a minute before it expires', () => {
		const now = 1_000_000;
		expect(isTokenFresh('t', now + TOKEN_REFRESH_MARGIN_MS + 1, now)).toBe(true);
		expect(isTokenFresh('t', now + TOKEN_REFRESH_MARGIN_MS, now)).toBe(false);
		expect(isTokenFresh('', now + 10 * TOKEN_REFRESH_MARGIN_MS, now)).toBe(false);
	});

	it('is requested once when many refreshes start together', async () => {
		let calls = 0;
		const httpRequest = async () => {
			calls++;
			await new Promise((resolve) => setTimeout(resolve, 20));
			return { access_token: 'T', expires_in: 7200 };
		};
		const tokens = await Promise.all(Array.from({ length: 10 }, () => requestStableToken(httpRequest, input)));
		expect(calls).toBe(1);
		expect(new Set(tokens.map((t) => t.accessToken))).toEqual(new Set(['T']));
	});

	it('is reused by a caller that comes after it was fetched, until WeChat refuses it', async () => {
		let calls = 0;
		const httpRequest = async () => ({ access_token: `T${++calls}`, expires_in: 7200 });
		// Two workflows activating together: the second read the credential before n8n stored the first token.
		expect((await requestStableToken(httpRequest, input)).accessToken).toBe('T1');
		expect((await requestStableToken(httpRequest, input)).accessToken).toBe('T1');
		expect(calls).toBe(1);

		forgetToken(input, 'T0'); // an older token refused: T1 stays
		expect((await requestStableToken(httpRequest, input)).accessToken).toBe('T1');
		forgetToken(input, 'T1');
		expect((await requestStableToken(httpRequest, input)).accessToken).toBe('T2');
	});

	it('is fetched again when the App Secret changes, so a corrected secret is really tried', async () => {
		let calls = 0;
		const httpRequest = async () => ({ access_token: `T${++calls}`, expires_in: 7200 });
		await requestStableToken(httpRequest, input);
		await requestStableToken(httpRequest, { ...input, appSecret: 'another-secret' });
		expect(calls).toBe(2);
	});

	it('uses stable_token in normal mode, never force_refresh, with a timeout like every other call', async () => {
		let sent: Record<string, unknown> = {};
		await requestStableToken(async (options) => {
			sent = options as never;
			return { access_token: 'T', expires_in: 7200 };
		}, input);
		expect(sent).toMatchObject({ method: 'POST', url: 'http://127.0.0.1:1/cgi-bin/stable_token', body: { force_refresh: false }, timeout: 30_000 });
	});

	it('stored for one App ID, App Secret and base URL, is not used with any other', () => {
		const stored = { ...input, accessToken: 'T', expiresAt: Date.now() + 3600e3, tokenFor: tokenOwner(input) };
		expect(isTokenUsable(stored)).toBe(true);
		expect(isTokenUsable({ ...stored, appId: 'wx-other' })).toBe(false);
		expect(isTokenUsable({ ...stored, appSecret: 'other-secret' })).toBe(false);
		expect(isTokenUsable({ ...stored, baseUrl: 'https://relay.example.com' })).toBe(false);
		expect(isTokenUsable({ ...stored, tokenFor: undefined })).toBe(false); // stored before fingerprints existed
		expect(stored.tokenFor).not.toContain(input.appSecret);
	});

	it('is fetched by the credential test when the App ID changed, though the stored token is fresh', async () => {
		const credential = new WeChatLiveApi();
		const stored = { ...input, accessToken: 'T-old', expiresAt: Date.now() + 3600e3, tokenFor: tokenOwner(input), tokenCheck: '' };
		const refuse = async () => ({ errcode: 40013, errmsg: 'invalid appid' });
		await expect(credential.preAuthentication.call({ helpers: { httpRequest: refuse } } as never, stored)).resolves.toEqual({});
		await expect(
			credential.preAuthentication.call({ helpers: { httpRequest: refuse } } as never, { ...stored, appId: 'wx-wrong' }),
		).rejects.toThrow(/App ID is invalid \(WeChat errcode 40013/);
	});

	it('fails with a message that never contains the secret, even when the network error does', async () => {
		const failing = async () => {
			throw new Error('connect ECONNREFUSED while sending {"secret":"shh-secret"}');
		};
		await expect(requestStableToken(failing, input)).rejects.toThrow(/could not reach WeChat/);
		await expect(requestStableToken(failing, input)).rejects.not.toThrow(/shh-secret/);
	});
});

describe('the API Base URL', () => {
	it('must be https, except on this machine or with Allow Plain HTTP', () => {
		expect(baseUrlOf({ baseUrl: 'https://api.weixin.qq.com/' })).toBe('https://api.weixin.qq.com');
		expect(baseUrlOf({ baseUrl: 'http://127.0.0.1:8788' })).toBe('http://127.0.0.1:8788');
		expect(baseUrlOf({ baseUrl: 'http://localhost:8788' })).toBe('http://localhost:8788');
		expect(() => baseUrlOf({ baseUrl: 'http://10.0.0.5:8080' })).toThrow(/plain http.*Allow Plain HTTP/);
		expect(baseUrlOf({ baseUrl: 'http://10.0.0.5:8080', allowHttp: true })).toBe('http://10.0.0.5:8080');
		expect(() => baseUrlOf({ baseUrl: 'ftp://relay' })).toThrow(/must start with https/);
		expect(() => baseUrlOf({ baseUrl: 'api.weixin.qq.com' })).toThrow(/not a web address/);
	});

	it('that answers a web page is not WeChat’s API', () => {
		expect(() => readJson('<html>502 Bad Gateway</html>', 'https://relay.example.com')).toThrow(
			/answer from https:\/\/relay\.example\.com is not WeChat’s API.*Check the credential’s API Base URL/,
		);
		expect(readJson('{"errcode":0}', 'x')).toEqual({ errcode: 0 });
	});
});

describe('the credential form', () => {
	it('warns beside the API Base URL whenever it is not WeChat’s own address', () => {
		const notice = new WeChatLiveApi().properties.find((p) => p.name === 'relayNotice');
		expect(notice?.type).toBe('notice');
		expect(notice?.displayName).toMatch(/App Secret and every access token go to this server/);
		expect(notice?.displayOptions).toEqual({ hide: { baseUrl: ['https://api.weixin.qq.com', 'https://api.weixin.qq.com/'] } });
	});
});

/** The transport's modules loaded fresh, as a Chinese n8n loads them. */
function inChinese() {
	return loadedIn('zh', () => ({
		errcodes: require('../../nodes/WeChatLive/transport/errcodes') as typeof import('../../nodes/WeChatLive/transport/errcodes'),
		http: require('../../nodes/WeChatLive/transport/http') as typeof import('../../nodes/WeChatLive/transport/http'),
		token: require('../../nodes/WeChatLive/transport/token') as typeof import('../../nodes/WeChatLive/transport/token'),
		resultName: require('../../nodes/WeChatLive/methods/resultName') as typeof import('../../nodes/WeChatLive/methods/resultName'),
	}));
}

describe('the transport’s messages in Chinese', () => {
	const chinese = inChinese();

	it('explain a WeChat errcode in Chinese, with the IP address WeChat named', () => {
		const { message, fix } = chinese.errcodes.explainErrcode(40164, 'invalid ip 203.0.113.7, not in whitelist rid: 1');
		expect(message).toBe('本服务器的 IP 地址不在小程序的 IP 白名单中：203.0.113.7');
		expect(fix).toMatch(/^请把 203\.0\.113\.7 加入 IP 白名单。/);
		expect(chinese.errcodes.explainErrcode(2003).message).toBe('微信拒绝了请求，返回的错误码不在微信文档中');
	});

	it('refuse a plain-http API Base URL in Chinese, naming the credential’s switch as the dialog shows it', () => {
		expect(() => chinese.http.baseUrlOf({ baseUrl: 'http://10.0.0.5:8080' })).toThrow(/明文 http.*“允许明文 HTTP（内网中转）”/);
	});

	it('say in Chinese that getting a token failed, keeping WeChat’s own words', async () => {
		const refuse = async () => ({ errcode: 40125, errmsg: 'invalid appsecret rid: 42' });
		await expect(
			chinese.token.requestStableToken(refuse, { baseUrl: 'http://127.0.0.1:1', appId: 'wx-zh', appSecret: 'zh-secret' }),
		).rejects.toThrow('获取接口调用凭据（access_token）失败：AppSecret 无效（微信错误码 40125：invalid appsecret rid: 42）。');
	});

	it('show a picked room’s or goods’ status in Chinese, every status WeChat has', () => {
		expect(chinese.resultName.resultName('春季上新', 1001, LIVE_STATUS, 102)).toBe('春季上新（#1001，未开始）');
		expect(chinese.resultName.resultName('春季上新', 1001, LIVE_STATUS, 199)).toBe('春季上新（#1001，未知（199））');
		const untranslated = [...Object.values(LIVE_STATUS), ...Object.values(AUDIT_STATUS)].filter((label) => !zh[label]);
		expect(untranslated).toEqual([]);
	});
});
