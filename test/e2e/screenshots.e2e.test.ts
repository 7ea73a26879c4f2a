/**
 * The READMEs' screenshots, retaken on every `npm test` in both languages: scripts/screenshots.js walks
 * headless Chromium through a real n8n with this package (the node panel searched for the words staff
 * type, node creator, Room → Create, the room picker fed by the sandbox, the trigger's setup notice and
 * URLs, the credential dialog, a room with a too-short name failing with its fix) and fails on any console
 * error. Run once in English, then with n8n in Chinese (--lang zh); here we check that each passed, said
 * so, and wrote fresh 1440×900 pictures (into temporary folders, so a test run leaves docs/images/ as
 * committed; `node scripts/screenshots.js [--lang zh]` refreshes those).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { translateTo } from '../../nodes/shared/i18n/translate';
import type { Json } from './harness';

const { REPO_ROOT } = require('./harness');

const LANGUAGES = ['en', 'zh'] as const;
type Lang = (typeof LANGUAGES)[number];
const PICTURES = [
	'node-creator.png',
	'trigger-setup.png',
	'node-room-create.png',
	'node-room-picker.png',
	'credential.png',
	'node-error.png',
];
// what staff type into the node panel's search (issue 11); each must list the WeChat Live node
const SEARCHES = ['微信', '直播', '直播间', '小程序', '商品', '提审', '推送', '订阅', '回放', '创建直播间'];
const MIN_BYTES = 20 * 1024; // a blank 1440×900 page is a few KB

interface Result {
	code: number | null;
	signal: NodeJS.Signals | null;
	output: string;
	report: Json;
	startedAt: number;
	images: string;
}
let child: ChildProcess | undefined;
const results = {} as Record<Lang, Result>;

function runScript(lang: Lang, reportFile: string): Promise<Result> {
	const images = fs.mkdtempSync(path.join(os.tmpdir(), `wechat-live-shots-${lang}-`));
	const startedAt = Date.now();
	const env = { ...process.env };
	delete env.NODE_ENV; // jest's "test"; the script and the n8n it starts run as in a terminal
	return new Promise((resolve, reject) => {
		// --no-build: npm test has just built dist/, and rebuilding would pull it from under other suites
		const args = ['scripts/screenshots.js', '--no-build', '--lang', lang, '--out', images, '--report', reportFile];
		child = spawn(process.execPath, args, {
			cwd: REPO_ROOT,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code, signal) => {
			child = undefined;
			const report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : undefined;
			resolve({ code, signal, output, report, startedAt, images });
		});
	});
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf: Buffer): { width: number; height: number } | undefined {
	if (buf.length < 24 || buf.toString('latin1', 1, 4) !== 'PNG' || buf.toString('latin1', 12, 16) !== 'IHDR') return undefined;
	return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

beforeAll(async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'screenshots-e2e-'));
	// one after the other: each run has its own n8n and browser, and the machine is shared
	for (const lang of LANGUAGES) {
		const result = (results[lang] = await runScript(lang, path.join(dir, `report-${lang}.json`)));
		const took = ((Date.now() - result.startedAt) / 1000).toFixed(0);
		console.log(`scripts/screenshots.js --lang ${lang}: exit ${result.code ?? result.signal} in ${took}s`);
		if (result.code !== 0) console.log(result.output.slice(-6000));
	}
	fs.rmSync(dir, { recursive: true, force: true });
}, 25 * 60_000);

afterAll(() => {
	// a timed-out run: SIGTERM lets the script stop its browser, n8n and the sandbox
	if (child?.pid) process.kill(child.pid, 'SIGTERM');
	for (const result of Object.values(results)) fs.rmSync(result.images, { recursive: true, force: true });
});

describe.each(LANGUAGES)('scripts/screenshots.js --lang %s in a real n8n and Chromium', (lang) => {
	it('exits 0 and writes its report', () => {
		const result = results[lang];
		expect({ code: result.code, signal: result.signal }).toEqual({ code: 0, signal: null });
		expect(result.report).toMatchObject({ ok: true, lang });
	});

	it('finds no console error or uncaught page error in the editor', () => {
		const result = results[lang];
		expect(result.report?.consoleErrors).toEqual([]);
		expect(result.output).toMatch(/console errors: 0\b/);
	});

	it.each(SEARCHES)('lists the WeChat Live node when staff search the node panel for %s', (word) => {
		const search = (results[lang].report?.searches as Json[] | undefined)?.find((s) => s.word === word);
		expect(search).toMatchObject({ found: true });
		expect(search?.shown).toContain(translateTo(lang, 'WeChat Live')); // "微信直播" in Chinese
	});

	it('shows a room with a too-short name failing with the message and its fix', () => {
		const error = results[lang].report?.error;
		expect(error?.message).toMatch(/\S/);
		expect(error?.description).toMatch(/\S/);
	});

	it.each(PICTURES)('writes a fresh, non-trivial %s (1440×900)', (name) => {
		const result = results[lang];
		const file = path.join(result.images, name);
		expect(fs.existsSync(file)).toBe(true);
		const stat = fs.statSync(file);
		expect(stat.mtimeMs).toBeGreaterThanOrEqual(result.startedAt - 2000);
		expect(stat.size).toBeGreaterThan(MIN_BYTES);
		expect(pngSize(fs.readFileSync(file))).toEqual({ width: 1440, height: 900 });
		expect(result.report?.screenshots).toContainEqual(
			expect.objectContaining({ file: expect.stringMatching(new RegExp(`(^|/)${name.replace('.', '\\.')}$`)), width: 1440, height: 900 }),
		);
	});
});
