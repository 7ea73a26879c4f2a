#!/usr/bin/env node
'use strict';
// `node scripts/screenshots.js [--lang zh]`: the READMEs' screenshots, taken in a real browser in a real n8n.
//   Debian's chromium (+ a CJK font) -> build, pack -> n8n from the e2e cache with this package, the
//   WeChat API sandbox with demo data and the "WeChat Live (sandbox)" credential -> headless Chromium
//   (playwright-core) signs in as an env-managed owner, searches the node creator for the words staff
//   type (SEARCHES), builds a workflow through it and runs a room with a too-short name.
// Writes {node-creator,trigger-setup,node-room-create,node-room-picker,credential,node-error}.png
// (1440x900) only when every step passed, every search listed our node AND the editor logged no console
// error or uncaught page error (a few known n8n messages are ignored, each for the reason in BENIGN).
//
// Options: --lang en|zh (default en; zh: n8n runs with LC_MESSAGES=zh_CN.UTF-8, so our nodes speak
// Chinese in n8n's stock English editor), --no-build (use the dist/ that is there; `npm test` builds
// first), --out DIR (default docs/images, for zh docs/images/zh), --report FILE (JSON: screenshots,
// searches, the error shown, console errors, ignored messages, timings).
// Env: CHROMIUM_PATH (default /usr/bin/chromium), N8N_VERSION (as for the harness).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const REPO = path.resolve(__dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	// what works on this kind of machine (see the env notes): root needs --no-sandbox, and Chromium's own
	// background traffic (updates, sync, QUIC probes) is refused by the closed network
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const VIEWPORT = { width: 1440, height: 900 };
const CREDENTIAL = { id: 'wxLiveSandbox001', name: 'WeChat Live (sandbox)', type: 'weChatLiveApi' };
const OWNER = {
	email: 'owner@example.com',
	password: 'WeChatLive-dev-1',
	firstName: 'WeChat Live',
	lastName: 'Developer',
};
// The URL n8n shows for webhooks: a public HTTPS address, as WeChat's Message Push needs one.
const PUBLIC_URL = 'https://n8n.example.com/';
const PACKAGE = 'n8n-nodes-wechat-live';
const TIMEOUT = 60_000; // per UI wait: the machine may be busy with other n8n instances
const SHOTS = {
	nodeCreator: 'node-creator.png',
	trigger: 'trigger-setup.png',
	roomCreate: 'node-room-create.png',
	roomPicker: 'node-room-picker.png',
	credential: 'credential.png',
	error: 'node-error.png',
};
// What staff type into the node panel's search (issue 11): each must list the WeChat Live node, in
// both languages (the words are in nodes/*/…node.json `alias`; in Chinese our names match too).
const SEARCHES = ['微信', '直播', '直播间', '小程序', '商品', '提审', '推送', '订阅', '回放', '创建直播间'];
// n8n's message locale per language; the harness gives its n8n en_US unless told otherwise
const MESSAGE_LOCALE = { en: 'en_US.UTF-8', zh: 'zh_CN.UTF-8' };

/**
 * Console messages of n8n's own editor that say nothing about our nodes. Everything else logged as an
 * error (console.error, failed loads) and every uncaught page error fails the run.
 */
const BENIGN = [
	{
		why: 'the signed-out editor asks who is logged in (GET /rest/login) and gets 401 before the sign-in form is sent',
		test: (e) => e.phase === 'sign in' && /status of 401/.test(e.text) && pathOf(e.url) === '/rest/login',
	},
	{
		why:
			"a request that would leave 127.0.0.1, which this run blocks (n8n's node details look the community " +
			'package up on registry.npmjs.org)',
		test: (e) => /ERR_BLOCKED_BY_CLIENT/.test(e.text) && e.url !== '' && !isLoopback(e.url),
	},
	{
		why:
			"n8n's input panel probes an optional output schema of the previous node (/schemas/<type>/<version>.json) " +
			"and logs the 404 when a node ships none; n8n's own GitHub Trigger -> GitHub logs the same",
		test: (e) => /status of 404/.test(e.text) && pathOf(e.url).startsWith(`/schemas/${PACKAGE}.`),
	},
];

const t0 = Date.now();
const timings = {};
const say = (message) => process.stdout.write(`[screenshots] ${message}\n`);
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

class Failure extends Error {}
function fail(message) {
	throw new Failure(message);
}

function pathOf(url) {
	try {
		return new URL(url).pathname;
	} catch {
		return '';
	}
}

function isLoopback(url) {
	try {
		const { protocol, hostname } = new URL(url);
		if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
		return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
	} catch {
		return false;
	}
}

function parseArgs(argv) {
	const o = { lang: 'en', build: true, out: null, report: null };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--lang') o.lang = argv[++i];
		else if (a === '--no-build') o.build = false;
		else if (a === '--out') o.out = path.resolve(argv[++i] || fail('--out needs a folder'));
		else if (a === '--report') o.report = path.resolve(argv[++i] || fail('--report needs a file'));
		else if (a === '--help' || a === '-h') {
			process.stdout.write(fs.readFileSync(__filename, 'utf8').split('\n').slice(2, 16).join('\n').replace(/^\/\/ ?/gm, '') + '\n');
			process.exit(0);
		} else fail(`unknown option ${a} (see --help)`);
	}
	if (!Object.hasOwn(MESSAGE_LOCALE, o.lang)) fail(`--lang must be one of ${Object.keys(MESSAGE_LOCALE).join(', ')}, not ${o.lang}`);
	o.out ??= path.join(REPO, 'docs', 'images', ...(o.lang === 'en' ? [] : [o.lang]));
	return o;
}

// ---------------------------------------------------------------------------------------------------
// The browser: Debian's chromium and a font for the Chinese labels (else they render as empty boxes)

function chromiumVersion() {
	if (!fs.existsSync(CHROMIUM)) return null;
	const r = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : null;
}

function hasCjkFont() {
	const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
	return r.status === 0 && r.stdout.trim() !== '';
}

function ensureBrowser() {
	const started = Date.now();
	const missing = [];
	if (!chromiumVersion()) missing.push('chromium');
	if (!hasCjkFont()) missing.push('fonts-noto-cjk');
	if (missing.length) {
		const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
		const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
		if (!isRoot || !hasApt || (missing.includes('chromium') && CHROMIUM !== '/usr/bin/chromium')) {
			fail(
				`missing: ${missing.join(', ')}. Install Debian's ${missing.join(' and ')} (as root: ` +
					`apt-get update && apt-get install -y ${missing.join(' ')}), or point CHROMIUM_PATH at a Chromium ` +
					'binary and install a Chinese font (fc-list :lang=zh must list one); then run this again.',
			);
		}
		say(`installing ${missing.join(', ')} with apt-get (once per machine)`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		for (const args of [['update', '-q'], ['install', '-y', '-q', ...missing]]) {
			const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
			if (r.status !== 0) fail(`apt-get ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
		}
		if (!chromiumVersion()) fail(`${CHROMIUM} still does not run after installing chromium`);
		if (!hasCjkFont()) fail('still no Chinese font after installing fonts-noto-cjk (fc-list :lang=zh is empty)');
		timings.aptInstall = Date.now() - started;
	}
	return chromiumVersion();
}

function loadPlaywright() {
	try {
		return require('playwright-core');
	} catch (err) {
		if (err.code !== 'MODULE_NOT_FOUND') throw err;
		return fail('playwright-core is not installed: run `npm install` (it is a devDependency of this repo).');
	}
}

// ---------------------------------------------------------------------------------------------------
// n8n with this package, the sandbox and its credential

function build() {
	const started = Date.now();
	say('npm run build');
	const r = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
	if (r.status !== 0) fail(`npm run build failed (exit ${r.status ?? r.signal})`);
	timings.build = Date.now() - started;
}

/** The number of actions the node creator must list: every operation of every resource. */
function expectedActionCount() {
	const file = path.join(REPO, 'dist', 'nodes', 'WeChatLive', 'WeChatLive.node.js');
	if (!fs.existsSync(file)) fail(`${path.relative(REPO, file)} is missing: run npm run build (or drop --no-build)`);
	const { WeChatLive } = require(file);
	return new WeChatLive().description.properties
		.filter((p) => p.name === 'operation' && Array.isArray(p.options))
		.reduce((sum, p) => sum + p.options.length, 0);
}

/**
 * Our texts as the editor shows them in `lang`: the English as the nodes write it, through the package's
 * own translation (dist/nodes/shared/i18n/translate.js), so the walk never keeps a second copy of the Chinese.
 */
function ourTexts(lang) {
	const dir = path.join(REPO, 'dist', 'nodes', 'shared', 'i18n');
	const { translateTo } = require(path.join(dir, 'translate.js'));
	const { zh } = require(path.join(dir, 'zh', 'index.js'));
	const text = (english) => translateTo(lang, english);
	/** A long text by its first words: the whole English is the table's key. */
	text.startingWith = (start) => {
		const english = Object.keys(zh).find((key) => key.startsWith(start));
		if (!english) fail(`no text of the package starts with "${start}"`);
		return text(english);
	};
	return text;
}

/**
 * The node creator's entry that adds the WeChat Live Trigger, by n8n's rule (2.41.1, editor-ui
 * useActionsGeneration): a trigger whose property is labelled Event, Events or Trigger On lists each of
 * its events as "On <event, lower case>"; any other trigger gets one entry, "On new <its name without
 * 'Trigger'> event" (the Chinese panels label it 事件). "On …" is n8n's text, the names are ours.
 */
function triggerEntry(text) {
	if (['event', 'events', 'trigger on'].includes(text('Events').toLowerCase())) {
		return `On ${text('Subscriber Added or Removed').toLowerCase()}`;
	}
	return `On new ${text('WeChat Live Trigger').replace('Trigger', '').trimEnd()} event`;
}

/** Manual Trigger -> WeChat Live, Room → Create with a too-short Room Name: the error picture. */
function badRoomWorkflow(mediaId) {
	const day = (n) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
	return {
		id: 'wxLiveShotsError01',
		name: 'A room whose name is too short',
		nodes: [
			{
				id: 'shots-start',
				name: 'When clicking ‘Execute workflow’',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'shots-room',
				name: 'WeChat Live',
				type: `${PACKAGE}.weChatLive`,
				typeVersion: 1,
				position: [260, 0],
				parameters: {
					resource: 'room',
					operation: 'create',
					name: 'ab',
					startTime: `${day(2)}T20:00:00`, // wall-clock time in the workflow's time zone
					endTime: `${day(2)}T21:30:00`,
					anchorName: 'Anchor Lin',
					anchorWechat: 'lin_anchor',
					imageSource: 'mediaId',
					coverImg: mediaId,
					shareImg: mediaId,
					feedsImg: mediaId,
				},
				credentials: { weChatLiveApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
			},
		],
		connections: { 'When clicking ‘Execute workflow’': { main: [[{ node: 'WeChat Live', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

async function startServers(state, lang) {
	const started = Date.now();
	const { ensureN8n, packPackage, createInstance } = require('../test/e2e/harness');
	const { startSandbox } = require('../test/sandbox');
	const install = await ensureN8n();
	const tarball = await packPackage(REPO);
	state.n8n = createInstance({
		name: `screenshots-${lang}`,
		tarball,
		owner: OWNER,
		env: { WEBHOOK_URL: PUBLIC_URL, LC_MESSAGES: MESSAGE_LOCALE[lang] },
	});
	await state.n8n.installPackage();
	fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	state.sandbox = await startSandbox({ seed: true });
	const { storeMedia } = require('../test/sandbox/routes/media');
	const { png } = require('../test/sandbox/images');
	state.errorWorkflow = badRoomWorkflow(storeMedia(state.sandbox.state, png(100, 100), 'image/png'));
	await state.n8n.importWorkflows([state.errorWorkflow]);
	await state.n8n.importCredentials([
		{
			...CREDENTIAL,
			data: { appId: state.sandbox.app.appId, appSecret: state.sandbox.app.appSecret, baseUrl: state.sandbox.url },
		},
	]);
	await state.n8n.start();
	timings.servers = Date.now() - started;
	say(`n8n ${install.version} on ${state.n8n.url}, sandbox on ${state.sandbox.url} (${secs(timings.servers)})`);
	return install;
}

// ---------------------------------------------------------------------------------------------------
// The editor

function watchConsole(page, state) {
	page.on('console', (msg) => {
		if (msg.type() !== 'error') return;
		const { url = '' } = msg.location() || {};
		state.messages.push({ kind: 'console.error', phase: state.phase, text: msg.text(), url });
	});
	page.on('pageerror', (err) => {
		state.messages.push({ kind: 'pageerror', phase: state.phase, text: String(err.stack || err), url: '' });
	});
}

async function settle(page) {
	// no hover effects or tooltips in the pictures; let transitions finish
	await page.mouse.move(VIEWPORT.width - 60, VIEWPORT.height - 30);
	await page.waitForTimeout(700);
}

async function shot(page, state, key) {
	await settle(page);
	const file = path.join(state.shotDir, SHOTS[key]);
	await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
	say(`  -> ${SHOTS[key]}`);
}

/** One named part of the walk through the editor; its console messages are tagged with its name. */
async function step(state, name, fn) {
	state.phase = name;
	const started = Date.now();
	try {
		await fn();
	} catch (err) {
		const file = path.join(state.n8n.workDir, `failed-${name.replace(/\W+/g, '-')}.png`);
		await state.page?.screenshot({ path: file }).catch(() => {});
		const message = err instanceof Failure ? err.message : (err.message || String(err)).split('\n')[0];
		fail(`step "${name}" failed: ${message}\n  page at that moment: ${file}\n  n8n log: ${state.n8n.serverLog}`);
	}
	say(`${name} (${secs(Date.now() - started)})`);
}

/** Types `word` into the node creator's search; what it lists, and whether our node is among it. */
async function search(creator, word, ours) {
	const names = creator.locator('[data-test-id=node-creator-item-name]');
	await creator.locator('[data-test-id=node-creator-search-bar]').fill(word);
	await creator.page().waitForTimeout(300); // the list re-renders on input
	let shown = [];
	for (const deadline = Date.now() + 5000; Date.now() < deadline; await creator.page().waitForTimeout(250)) {
		shown = (await names.allInnerTexts()).map((name) => name.trim());
		if (shown.includes(ours)) break;
	}
	return { word, found: shown.includes(ours), shown };
}

async function walkEditor(page, state, actions, text) {
	const url = state.n8n.url;
	const ndv = page.locator('[data-test-id=ndv]');
	const creator = page.locator('[data-test-id=node-creator]');
	const creatorSearch = creator.locator('[data-test-id=node-creator-search-bar]');
	const creatorItem = (name) =>
		creator.locator('[data-test-id=node-creator-item-name]').filter({ hasText: new RegExp(`^${name}$`) }).first();

	await step(state, 'sign in', async () => {
		await page.goto(`${url}/signin`);
		await page.locator('input[type=email]').fill(OWNER.email);
		await page.locator('input[type=password]').fill(OWNER.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: TIMEOUT });
	});

	// n8n merges WeChat Live Trigger into the WeChat Live entry, under the action node's name
	const ourEntry = text('WeChat Live');
	await step(state, 'add the WeChat Live Trigger', async () => {
		await page.goto(`${url}/workflow/new`);
		await page.locator('[data-test-id=canvas-add-button]').click();
		await creatorSearch.fill(ourEntry);
		await creatorItem(ourEntry).click(); // the trigger view
		await creator.getByText(triggerEntry(text), { exact: true }).click();
		await ndv.waitFor();
		await ndv.getByText('Webhook URLs', { exact: true }).click();
		await ndv.getByText('Production URL', { exact: true }).click();
		const urls = ndv.getByText(new RegExp(`^${PUBLIC_URL}webhook/[0-9a-f-]+/webhook$`));
		await urls.first().waitFor();
		if ((await urls.count()) !== 2) fail('the trigger does not show its GET and POST Production URLs');
		await ndv.getByText(text.startingWith('Register the Production URL above by hand').slice(0, 20)).first().waitFor();
		await shot(page, state, 'trigger');
		await ndv.locator('[data-test-id=ndv-close-button]').click();
		await ndv.waitFor({ state: 'hidden' });
	});

	await step(state, 'search the node panel as staff would', async () => {
		await page.locator('[data-test-id=canvas-handle-plus-wrapper]').first().click();
		for (const word of SEARCHES) {
			const result = await search(creator, word, ourEntry);
			state.searches.push(result);
			say(`  ${word}: ${result.found ? 'found' : 'NOT FOUND'} (${result.shown.slice(0, 6).join(', ') || 'nothing'})`);
		}
	});

	await step(state, 'find the WeChat Live node', async () => {
		await creatorSearch.fill(ourEntry);
		await creatorItem(ourEntry).click();
		const header = creator.getByText(/^Actions \(\d+\)$/);
		await header.waitFor();
		const shown = Number((await header.innerText()).match(/\d+/)[0]);
		if (shown !== actions) fail(`the node creator lists ${shown} actions; the node defines ${actions}`);
		await creator.getByText(text('Create a room'), { exact: true }).waitFor();
		await shot(page, state, 'nodeCreator');
	});

	const param = (name) => ndv.locator(`[data-test-id=parameter-input-${name}]`);
	await step(state, 'Room → Create', async () => {
		await creator.getByText(text('Create a room'), { exact: true }).click();
		await param('name').waitFor();
		const resource = await param('resource').locator('input').inputValue();
		const operation = await param('operation').locator('input').inputValue();
		if (resource !== text('Room') || operation !== text('Create')) {
			fail(`the panel shows ${resource} → ${operation}, not ${text('Room')} → ${text('Create')}`);
		}
		for (const field of ['startTime', 'endTime', 'anchorWechat', 'imageSource', 'coverImg']) await param(field).waitFor();
		await shot(page, state, 'roomCreate');
	});

	await step(state, 'Room → Get, room picker', async () => {
		await param('operation').click();
		await page
			.locator('.el-select-dropdown__item:visible')
			.filter({ has: page.getByText(text('Get'), { exact: true }) })
			.click();
		await ndv.locator('[data-test-id=rlc-input]').click();
		const items = page.locator('[data-test-id=rlc-item]');
		await items.filter({ hasText: '#1001' }).waitFor(); // the sandbox's demo rooms, through searchRooms
		const names = await items.allInnerTexts();
		if (names.length < 3) fail(`the room list shows ${names.length} rooms, the sandbox has 3: ${names.join(' | ')}`);
		await shot(page, state, 'roomPicker');
		await page.keyboard.press('Escape');
	});

	await step(state, 'credential dialog', async () => {
		await ndv.locator('[data-test-id=credential-edit-button]').click();
		const modal = page.locator('[data-test-id=editCredential-modal]');
		await modal.waitFor();
		// n8n tests the credential when the dialog opens: the stable_token call to the sandbox
		await modal.locator('[data-test-id=credentials-config-container-test-success]').waitFor();
		await shot(page, state, 'credential');
	});

	await step(state, 'a room with a too-short name fails with its fix', async () => {
		// a fresh tab: the unsaved workflow above would hold the page with n8n's "leave without saving?"
		const previous = page;
		page = await previous.context().newPage();
		watchConsole(page, state);
		state.page = page;
		await previous.close();
		await page.goto(`${url}/workflow/${state.errorWorkflow.id}`);
		await page.locator('[data-test-id=canvas-node]').filter({ hasText: 'WeChat Live' }).first().dblclick();
		const panel = page.locator('[data-test-id=ndv]');
		await panel.waitFor();
		await panel.locator('[data-test-id=node-execute-button]').first().click();
		const message = panel.locator('[data-test-id=node-error-message]').first();
		await message.waitFor();
		const description = panel.locator('[data-test-id=node-error-description]').first();
		state.error = { message: (await message.innerText()).trim(), description: (await description.innerText().catch(() => '')).trim() };
		if (!state.error.description) fail(`the error "${state.error.message}" shows no fix (description)`);
		if (!state.error.message.includes(text('Room Name'))) {
			// Before the run-time messages are translated the Chinese n8n still says "Room Name"
			if (!state.error.message.includes('Room Name')) fail(`the error does not name the field: ${state.error.message}`);
			state.error.untranslated = true;
		}
		await shot(page, state, 'error');
	});
}

// ---------------------------------------------------------------------------------------------------

function pngSize(file) {
	const buf = fs.readFileSync(file);
	if (buf.length < 24 || buf.readUInt32BE(0) !== 0x89504e47) fail(`${file} is not a PNG`);
	return { bytes: buf.length, width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const state = { phase: 'start', messages: [], blocked: [], searches: [], n8n: null, sandbox: null, browser: null, page: null };
	const report = {
		ok: false,
		lang: options.lang,
		screenshots: [],
		searches: state.searches,
		error: null,
		consoleErrors: [],
		ignored: [],
		blockedRequests: state.blocked,
		timings,
	};
	let stopping = false;
	async function cleanup() {
		await state.browser?.close().catch(() => {});
		await state.n8n?.stop().catch((err) => say(`stopping n8n: ${err.message}`));
		await Promise.resolve(state.sandbox?.close()).catch(() => {});
	}
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => {
			if (stopping) process.exit(130);
			stopping = true;
			say(`${signal}: stopping`);
			cleanup().finally(() => process.exit(130));
		});
	}

	try {
		report.chromium = ensureBrowser();
		const { chromium } = loadPlaywright();
		if (options.build) build();
		const actions = expectedActionCount();
		const text = ourTexts(options.lang);
		const install = await startServers(state, options.lang);
		report.n8n = install.version;

		state.shotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-live-shots-'));
		const started = Date.now();
		state.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
		const context = await state.browser.newContext({
			viewport: VIEWPORT,
			deviceScaleFactor: 1,
			locale: 'en-US',
			timezoneId: 'UTC',
			colorScheme: 'light',
			reducedMotion: 'reduce',
		});
		context.setDefaultTimeout(TIMEOUT);
		// nothing leaves the machine: only n8n and the sandbox on 127.0.0.1 are reached
		await context.route('**/*', (route) => {
			const url = route.request().url();
			if (isLoopback(url)) return route.continue();
			state.blocked.push(url);
			return route.abort('blockedbyclient');
		});
		state.page = await context.newPage();
		watchConsole(state.page, state);
		say(`${report.chromium}, ${VIEWPORT.width}x${VIEWPORT.height}`);
		await walkEditor(state.page, state, actions, text);
		report.error = state.error;
		const missed = state.searches.filter((s) => !s.found);
		if (missed.length) {
			fail(
				`searching the node panel for ${missed.map((s) => s.word).join(', ')} does not list ${text('WeChat Live')} ` +
					`(it lists: ${missed.map((s) => `${s.word}: ${s.shown.join(', ') || 'nothing'}`).join('; ')})`,
			);
		}
		state.phase = 'end';
		await state.page.waitForTimeout(500); // late console messages of the last step
		timings.browser = Date.now() - started;
	} catch (err) {
		report.failure = err instanceof Failure ? err.message : String(err.stack || err);
	} finally {
		await cleanup();
	}

	for (const m of state.messages) {
		const benign = BENIGN.find((b) => b.test(m));
		if (benign) report.ignored.push({ ...m, why: benign.why });
		else report.consoleErrors.push(m);
	}
	if (!report.failure && report.consoleErrors.length === 0) {
		fs.mkdirSync(options.out, { recursive: true });
		for (const name of Object.values(SHOTS)) {
			const target = path.join(options.out, name);
			fs.copyFileSync(path.join(state.shotDir, name), target);
			report.screenshots.push({ file: path.relative(REPO, target), ...pngSize(target) });
		}
		report.ok = true;
	}
	const kept = state.shotDir && !report.ok && fs.readdirSync(state.shotDir).length > 0;
	if (state.shotDir && !kept) fs.rmSync(state.shotDir, { recursive: true, force: true });
	timings.total = Date.now() - t0;

	for (const m of report.ignored) say(`ignored (${m.phase}): ${m.text} ${m.url}\n    because ${m.why}`);
	for (const m of report.consoleErrors) process.stderr.write(`[screenshots] CONSOLE ERROR (${m.phase}, ${m.kind}): ${m.text} ${m.url}\n`);
	if (report.failure) process.stderr.write(`[screenshots] ${report.failure}\n`);
	if (kept) process.stderr.write(`[screenshots] pictures of this run (not copied): ${state.shotDir}\n`);
	for (const s of report.screenshots) say(`wrote ${s.file} (${s.width}x${s.height}, ${Math.round(s.bytes / 1024)} KB)`);
	say(
		`${report.ok ? 'done' : 'FAILED'}: ${report.screenshots.length} screenshots, ` +
			`console errors: ${report.consoleErrors.length} (${report.ignored.length} known n8n messages ignored), ` +
			`${secs(timings.total)}${timings.aptInstall ? ` (apt-get ${secs(timings.aptInstall)})` : ''}`,
	);
	if (options.report) {
		fs.mkdirSync(path.dirname(options.report), { recursive: true });
		fs.writeFileSync(options.report, `${JSON.stringify(report, null, 2)}\n`);
	}
	process.exit(report.ok ? 0 : 1);
}

main().catch((err) => {
	process.stderr.write(`[screenshots] ${err instanceof Failure ? err.message : err.stack || err}\n`);
	process.exit(1);
});
