/**
 * The README's screenshots, retaken on every `npm test`: scripts/screenshots.js walks headless Chromium
 * through a real n8n with this package (node creator, Room → Create, the room picker fed by the sandbox,
 * the trigger's setup notice and URLs, the credential dialog) and fails on any console error. Here we
 * check that it passed, said so, and wrote fresh 1440×900 pictures (into a temporary folder, so a test run
 * leaves docs/images/ as committed; `node scripts/screenshots.js` refreshes those).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Json } from './harness';

const { REPO_ROOT } = require('./harness');

const IMAGES = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-live-shots-'));
const PICTURES = ['node-creator.png', 'trigger-setup.png', 'node-room-create.png', 'node-room-picker.png', 'credential.png'];
const MIN_BYTES = 20 * 1024; // a blank 1440×900 page is a few KB

let child: ChildProcess | undefined;
let result: { code: number | null; signal: NodeJS.Signals | null; output: string; report: Json; startedAt: number };

function runScript(reportFile: string): Promise<typeof result> {
	const startedAt = Date.now();
	const env = { ...process.env };
	delete env.NODE_ENV; // jest's "test"; the script and the n8n it starts run as in a terminal
	return new Promise((resolve, reject) => {
		// --no-build: npm test has just built dist/, and rebuilding would pull it from under other suites
		child = spawn(process.execPath, ['scripts/screenshots.js', '--no-build', '--out', IMAGES, '--report', reportFile], {
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
			resolve({ code, signal, output, report, startedAt });
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
	result = await runScript(path.join(dir, 'report.json'));
	fs.rmSync(dir, { recursive: true, force: true });
	if (result.code !== 0) console.log(`scripts/screenshots.js exited ${result.code ?? result.signal}:\n${result.output.slice(-6000)}`);
}, 15 * 60_000);

afterAll(() => {
	// a timed-out run: SIGTERM lets the script stop its browser, n8n and the sandbox
	if (child?.pid) process.kill(child.pid, 'SIGTERM');
});

describe('scripts/screenshots.js in a real n8n and Chromium', () => {
	it('exits 0 and writes its report', () => {
		expect({ code: result.code, signal: result.signal }).toEqual({ code: 0, signal: null });
		expect(result.report).toMatchObject({ ok: true });
	});

	it('finds no console error or uncaught page error in the editor', () => {
		expect(result.report?.consoleErrors).toEqual([]);
		expect(result.output).toMatch(/console errors: 0\b/);
	});

	it.each(PICTURES)('writes a fresh, non-trivial %s (1440×900)', (name) => {
		const file = path.join(IMAGES, name);
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
