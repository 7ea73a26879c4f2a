// The WeChat API sandbox: a stand-in for api.weixin.qq.com on 127.0.0.1, plain node:http.
// It does what WeChat does around every call (method, access token, JSON body, errcodes), keeps state,
// logs each request for tests, and injects faults on demand. Which endpoints exist, with their method
// and path, is the sandbox's own table (endpoints.js, from WeChat's docs); each route file adds its
// endpoints' behaviour.
const http = require('node:http');
const { URL } = require('node:url');

const endpoints = require('./endpoints');
const { createState, now, DEFAULT_APP } = require('./state');
const { fail } = require('./routes/util');
const { png } = require('./images');
const { serveFixture } = require('./hostileImages');

/** Route files: each exports one handler per endpoint it serves (named as in endpoints.js), and `control` routes. */
const routeModules = [
	'tokens',
	'media',
	'rooms',
	'assistants',
	'subAnchors',
	'roomSwitches',
	'roomGoods',
	'widget',
	'goods',
	'roles',
	'subscribers',
];

function loadRoutes() {
	const handlers = {};
	const controls = [];
	for (const name of routeModules) {
		const mod = require(`./routes/${name}`);
		for (const [key, fn] of Object.entries(mod)) if (endpoints[key] && typeof fn === 'function') handlers[key] = fn;
		for (const [route, fn] of Object.entries(mod.control ?? {})) {
			const [method, pattern] = route.split(' ');
			const names = [];
			const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, n) => (names.push(n), '([^/]+)'))}$`);
			controls.push({ method, regex, names, fn });
		}
	}
	const unserved = Object.keys(endpoints).filter((key) => !handlers[key]);
	if (unserved.length > 0) throw new Error(`sandbox bug: no route file handles ${unserved.join(', ')}`);
	return { handlers, controls };
}

const byPath = new Map(Object.entries(endpoints).map(([name, e]) => [e.path.toLowerCase(), name]));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function send(res, status, body, contentType = 'application/json; charset=utf-8') {
	const data = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': data.length });
	res.end(data);
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function checkToken(state, token) {
	if (!token) return fail(41001, 'access_token missing');
	const info = state.tokens.get(token);
	if (!info) return fail(40001, 'invalid credential, access_token is invalid or not latest');
	if (info.expiresAt <= now(state)) return fail(42001, 'access_token expired');
	return undefined;
}

/** The next fault armed for this endpoint, if any (a fault with `times` counts itself down). */
function takeFault(state, endpoint) {
	const fault = state.faults.find((f) => (f.endpoint === '*' || f.endpoint === endpoint) && f.times > 0);
	if (!fault) return undefined;
	if (fault.after > 0) {
		fault.after--; // let this many matching calls through first
		return undefined;
	}
	fault.times--;
	if (fault.times === 0) state.faults.splice(state.faults.indexOf(fault), 1);
	return fault;
}

function createSandbox(options = {}) {
	const state = createState(options.app ?? DEFAULT_APP);
	if (options.customerServiceConfigured) state.customerServiceConfigured = true;
	const { handlers, controls } = loadRoutes();
	const control = require('./control');
	let baseUrl = '';

	async function handleApi(req, res, url, raw) {
		const endpoint = byPath.get(url.pathname.toLowerCase());
		const query = Object.fromEntries(url.searchParams);
		const entry = {
			seq: ++state.counters.requests,
			at: new Date(now(state)).toISOString(),
			method: req.method,
			path: url.pathname,
			endpoint: endpoint ?? null,
			query,
			contentType: req.headers['content-type'] ?? null,
			body: null,
			errcode: null,
		};
		state.log.push(entry);
		const reply = (status, json) => {
			entry.status = status;
			entry.errcode = json && typeof json === 'object' ? (json.errcode ?? 0) : null;
			send(res, status, json);
		};

		if (!endpoint) return reply(404, fail(40066, 'invalid url'));
		const spec = endpoints[endpoint];
		if (spec.method === 'GET' && req.method !== 'GET') return reply(200, fail(43001, 'require GET method'));
		if (spec.method === 'POST' && req.method !== 'POST') return reply(200, fail(43002, 'require POST method'));

		let body = {};
		const isMultipart = /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
		if (req.method === 'POST' && !isMultipart) {
			if (raw.length === 0) return reply(200, fail(44002, 'empty post data'));
			if (!/^application\/json/i.test(req.headers['content-type'] ?? '')) {
				return reply(200, fail(47001, 'data format error'));
			}
			try {
				body = JSON.parse(raw.toString('utf8'));
			} catch {
				return reply(200, fail(47001, 'data format error'));
			}
			if (!body || typeof body !== 'object' || Array.isArray(body)) return reply(200, fail(47001, 'data format error'));
		}
		entry.body = isMultipart ? { multipartBytes: raw.length } : body;

		if (endpoint !== 'stableToken') {
			const refused = checkToken(state, query.access_token);
			if (refused) return reply(200, refused);
		}

		if (options.latencyMs) await sleep(options.latencyMs);
		const fault = takeFault(state, endpoint);
		entry.fault = fault ? { ...fault } : undefined;
		// expireTokens: every token dies now (as when WeChat expires them), so this very call is refused.
		if (fault?.expireTokens) {
			require('./routes/tokens').expireAll(state);
			return reply(200, checkToken(state, query.access_token));
		}
		if (fault?.delayMs) await sleep(fault.delayMs);
		if (fault?.drop) {
			entry.status = 'dropped';
			return req.socket.destroy();
		}
		if (fault?.status) return reply(fault.status, fault.errcode ? fail(fault.errcode, 'injected') : { errmsg: 'injected' });
		if (fault?.errcode !== undefined && !fault.afterApply) return reply(200, fail(fault.errcode, fault.errmsg ?? 'injected fault'));

		const result = await handlers[endpoint]({ state, body, query, raw, headers: req.headers, baseUrl, method: req.method });
		// afterApply: WeChat applied the write yet answered an error (it has done so with -1).
		if (fault?.errcode !== undefined) return reply(200, fail(fault.errcode, fault.errmsg ?? 'injected fault'));
		return reply(200, result);
	}

	async function handle(req, res) {
		const url = new URL(req.url, baseUrl);
		const raw = await readBody(req);
		if (url.pathname.startsWith('/__media/')) {
			const media = state.media.get(decodeURIComponent(url.pathname.slice('/__media/'.length)));
			return media ? send(res, 200, media.data, media.type) : send(res, 404, 'not found', 'text/plain');
		}
		if (url.pathname.startsWith('/__fixtures/') && serveFixture(state, req, res, url)) return undefined;
		if (url.pathname === '/__fixtures/image.png') {
			const w = Number(url.searchParams.get('w') ?? 300);
			const h = Number(url.searchParams.get('h') ?? 300);
			const pad = Number(url.searchParams.get('pad') ?? 0);
			return send(res, 200, png(w, h, { padBytes: pad }), 'image/png');
		}
		if (url.pathname.startsWith('/__sandbox/')) {
			const path = url.pathname.slice('/__sandbox'.length);
			let body = {};
			try {
				body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
			} catch {
				return send(res, 400, { error: 'body must be JSON' });
			}
			for (const c of [...control.routes, ...controls]) {
				const m = c.method === req.method && c.regex.exec(path);
				if (!m) continue;
				const params = Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
				try {
					return send(res, 200, (await c.fn({ sandbox, state, body, params, query: Object.fromEntries(url.searchParams) })) ?? { ok: true });
				} catch (error) {
					return send(res, 400, { error: error.message });
				}
			}
			return send(res, 404, { error: `no control route ${req.method} ${path}` });
		}
		return handleApi(req, res, url, raw);
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((error) => send(res, 500, { errcode: -1, errmsg: `sandbox bug: ${error.message}` }));
	});

	const sandbox = {
		state,
		server,
		get url() {
			return baseUrl;
		},
		get app() {
			return state.app;
		},
		/** Requests received, optionally only those of one endpoint (by its name in endpoints.js). */
		requests(endpoint) {
			return endpoint ? state.log.filter((e) => e.endpoint === endpoint) : [...state.log];
		},
		clearLog() {
			state.log.length = 0;
		},
		expireTokens() {
			require('./routes/tokens').expireAll(state);
		},
		/**
		 * Arms a fault: { endpoint: name | '*', times = 1, after = 0 (matching calls let through first), errcode?,
		 * errmsg?, afterApply? (apply the write, then answer errcode), delayMs?, status?, drop?, expireTokens? }
		 */
		fault(spec) {
			state.faults.push({ endpoint: '*', times: 1, ...spec });
		},
		clearFaults() {
			state.faults.length = 0;
		},
		async listen(port = 0, host = '127.0.0.1') {
			await new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(port, host, resolve);
			});
			const address = server.address();
			baseUrl = `http://${host}:${address.port}`;
			return sandbox;
		},
		close() {
			return new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			});
		},
	};
	return sandbox;
}

module.exports = { createSandbox };
