/**
 * What n8n's verification scanner (`npx @n8n/scan-community-package`, 0.32.0) and n8n's loader would
 * say about the tarball we publish: `npm pack` of the built package (the same file `npm publish`
 * uploads), unpacked, then
 *  - the scanner's two lint legs (./harness/scan.mjs: its exact ESLint config, allowInlineConfig: false)
 *    on what the tarball ships (package.json + every .js) and on our sources (package.json, nodes/,
 *    credentials/), with eslint-disable comments ignored;
 *  - the package.json rules verification insists on (no dependencies, peer n8n-workflow: * only,
 *    files: ["dist"]);
 *  - the tarball's contents: only dist/ and the package's own docs, no tests; every node and
 *    credential package.json#n8n lists is there, loads, and has its light and dark icon and, for nodes,
 *    its codex file.
 * Not here, because it cannot run offline or before a publish: the scanner's provenance check and its
 * download of the attested GitHub commit (see the header of ./harness/scan.mjs). The publish workflow
 * (.github/workflows/publish.yml) is what gives the provenance.
 *
 * Needs a build (`npm run build`; `npm test` builds first). Does not need n8n.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Json } from './harness';

const { packPackage, REPO_ROOT } = require('./harness');

const SCAN = path.join(__dirname, 'harness', 'scan.mjs');
// docs.n8n.io → codex files: the categories n8n accepts for community nodes
const CODEX_CATEGORIES = [
	'Analytics',
	'Communication',
	'Data & Storage',
	'Development',
	'Finance & Accounting',
	'Marketing & Content',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
];
// npm adds these to every tarball whatever `files` says (plus `main`); README.zh-CN.md is a readme too
const ROOT_FILES_NPM_ALWAYS_SHIPS = /^(package\.json|readme(\.[\w-]+)?(\.md)?|licen[cs]e(\.md)?|changelog(\.md)?)$/i;

interface ScanLeg {
	name: string;
	files: string[];
	errorCount: number;
	warningCount: number;
	messages: Array<{ file: string; line: number; severity: string; ruleId: string | null; message: string }>;
	formatted: string;
}

let work: string;
let pkgDir: string;
let pkg: Json;
let entries: string[];

/** Runs the scanner's lint legs in a child process (the ESLint plugins are ESM, jest is CommonJS). */
function scan(args: string[]): { code: number | null; legs: ScanLeg[]; stderr: string } {
	const r = spawnSync(process.execPath, [SCAN, ...args], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		maxBuffer: 64 << 20,
	});
	if (r.status === 2 || !r.stdout) throw new Error(`scan.mjs failed (exit ${r.status}):\n${r.stderr}`);
	return { code: r.status, legs: JSON.parse(r.stdout).legs, stderr: r.stderr };
}

const errorsOf = (leg: ScanLeg) =>
	leg.messages.filter((m) => m.severity === 'error').map((m) => `${m.file}:${m.line} ${m.ruleId}: ${m.message}`);

/** The JS module at `rel` inside the unpacked package, as n8n's loader would require it. */
function load(rel: string): Json {
	return require(path.join(pkgDir, rel));
}

/** The class a dist file exports, named like the file (n8n's loader rule: Foo.node.js exports Foo). */
function classOf(rel: string): Json {
	const className = path.basename(rel).replace(/\.(node|credentials)\.js$/, '');
	const Class = load(rel)[className];
	if (typeof Class !== 'function') throw new Error(`${rel} does not export a class ${className}`);
	return Class;
}

/** Icon files a `file:` icon (string or { light, dark }) points at, relative to the declaring file. */
function iconFiles(rel: string, icon: Json): { light?: string; dark?: string } {
	const resolve = (ref: unknown) => {
		if (typeof ref !== 'string' || !ref.startsWith('file:')) return undefined;
		return path.relative(pkgDir, path.resolve(path.dirname(path.join(pkgDir, rel)), ref.slice('file:'.length)));
	};
	if (typeof icon === 'string') return { light: resolve(icon) };
	return { light: resolve(icon?.light), dark: resolve(icon?.dark) };
}

/** A light and a dark SVG, different files, both in the tarball, for the node or credential at `rel`. */
function expectThemedIconsShipped(rel: string, icon: Json) {
	const { light, dark } = iconFiles(rel, icon);
	const shipped = (file?: string) => Boolean(file && /\.svg$/.test(file) && entries.includes(file));
	expect({ rel, light: shipped(light), dark: shipped(dark) }).toEqual({ rel, light: true, dark: true });
	expect(light).not.toBe(dark);
}

beforeAll(async () => {
	work = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-live-package-'));
	const tarball: string = await packPackage(REPO_ROOT, { destination: work });
	const r = spawnSync('tar', ['-xzf', tarball, '-C', work], { encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`cannot unpack ${tarball}: ${r.stderr}`);
	pkgDir = path.join(work, 'package');
	// The unpacked package resolves n8n-workflow the way it does inside n8n: from a node_modules above it.
	fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
	entries = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
		.stdout.split('\n')
		.filter(Boolean)
		.map((e) => e.replace(/^package\//, ''));
	pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
}, 120_000);

afterAll(() => {
	if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('n8n’s verification scanner (its lint legs, offline)', () => {
	let legs: Record<string, ScanLeg>;
	beforeAll(() => {
		const result = scan(['--package', pkgDir, '--source', REPO_ROOT]);
		legs = Object.fromEntries(result.legs.map((l) => [l.name, l]));
	}, 120_000);

	it('finds no error in what the tarball ships: package.json and every .js', () => {
		const leg = legs.package;
		const promised = ['package.json', ...pkg.n8n.nodes, ...pkg.n8n.credentials];
		expect(leg.files).toEqual(expect.arrayContaining(promised));
		expect(leg.files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(pkg.n8n.nodes.length);
		expect(errorsOf(leg)).toEqual([]);
	});

	it('finds no error in our sources: package.json, nodes/ and credentials/, eslint-disable comments ignored', () => {
		const leg = legs.source;
		const sources = (dir: string) => leg.files.filter((f) => f.startsWith(`${dir}/`) && f.endsWith('.ts'));
		expect(leg.files).toContain('package.json');
		expect(sources('nodes').length).toBeGreaterThan(10);
		expect(sources('credentials').length).toBeGreaterThan(0);
		expect(leg.files.filter((f) => f.endsWith('.node.json'))).toHaveLength(pkg.n8n.nodes.length);
		expect(errorsOf(leg)).toEqual([]);
		if (leg.warningCount) console.log(`scanner warnings (they do not fail a scan):\n${leg.formatted}`);
	});

	it('is not blind: a shipped file that hides console and process behind eslint-disable fails it', () => {
		const bad = path.join(work, 'bad-package');
		fs.mkdirSync(path.join(bad, 'dist', 'nodes', 'Bad'), { recursive: true });
		fs.copyFileSync(path.join(pkgDir, 'package.json'), path.join(bad, 'package.json'));
		fs.writeFileSync(
			path.join(bad, 'dist', 'nodes', 'Bad', 'Bad.node.js'),
			'/* eslint-disable */\n"use strict";\n// eslint-disable-next-line no-console\nconsole.log(process.env.HOME);\n',
		);
		const result = scan(['--package', bad]);
		expect(result.code).toBe(1);
		const rules = new Set(result.legs[0].messages.map((m) => m.ruleId));
		expect([...rules]).toEqual(
			expect.arrayContaining(['no-console', '@n8n/community-nodes/no-restricted-globals']),
		);
	});
});

describe('package.json as published', () => {
	it('has no runtime dependencies, overrides or install scripts', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.bundleDependencies ?? pkg.bundledDependencies).toBeUndefined();
		expect(pkg.optionalDependencies ?? {}).toEqual({});
		expect(pkg.overrides).toBeUndefined();
		const forbidden = ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish', 'preprepare', 'postprepare'];
		expect(Object.keys(pkg.scripts ?? {}).filter((s) => forbidden.includes(s))).toEqual([]);
	});

	it('has n8n-workflow: * as its only peer dependency', () => {
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});

	it('ships only dist: files is ["dist"]', () => {
		expect(pkg.files).toEqual(['dist']);
	});

	it('is findable and loadable as a community package', () => {
		expect(pkg.name).toMatch(/^(@[a-z0-9-~][a-z0-9-._~]*\/)?n8n-nodes-[a-z0-9-._~]+$/);
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
		expect(pkg.n8n).toEqual(expect.objectContaining({ n8nNodesApiVersion: 1, strict: true }));
		expect(pkg.n8n.nodes.length).toBeGreaterThan(0);
	});
});

describe('the tarball', () => {
	it('holds dist/ and the package’s own docs, and no tests or sources', () => {
		const outside = entries.filter(
			(e) => !e.startsWith('dist/') && !ROOT_FILES_NPM_ALWAYS_SHIPS.test(e) && e !== pkg.main,
		);
		expect(outside).toEqual([]);
		const testDirs = /(^|\/)(test|tests|__tests__|\.work|\.cache|node_modules)\//;
		expect(entries.filter((e) => testDirs.test(e))).toEqual([]);
		const sourcesOrTests = (e: string) =>
			/\.(test|spec)\.[jt]s$|\.tgz$/.test(e) || (e.endsWith('.ts') && !e.endsWith('.d.ts'));
		expect(entries.filter(sourcesOrTests)).toEqual([]);
	});

	it('holds the MIT licence', () => {
		const licence = entries.find((e) => /^licen[cs]e(\.md)?$/i.test(e));
		expect(licence).toBeDefined();
		expect(fs.readFileSync(path.join(pkgDir, licence!), 'utf8')).toMatch(/MIT License/);
	});

	it('holds every node and credential package.json#n8n lists, in dist/', () => {
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			expect(file).toMatch(/^dist\/.+\.(node|credentials)\.js$/);
			expect(entries).toContain(file);
		}
		expect(pkg.n8n.nodes.every((f: string) => f.startsWith('dist/nodes/'))).toBe(true);
		expect(pkg.n8n.credentials.every((f: string) => f.startsWith('dist/credentials/'))).toBe(true);
	});

	it('lists every node and credential our sources define (none is left out of package.json#n8n)', () => {
		const walk = (dir: string): string[] =>
			fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((e) =>
				e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`],
			);
		const compiled = (f: string) => `dist/${f.replace(/\.ts$/, '.js')}`;
		const defined = (dir: string, suffix: string) =>
			walk(dir)
				.filter((f) => f.endsWith(suffix))
				.map(compiled)
				.sort();
		expect(defined('nodes', '.node.ts')).toEqual([...pkg.n8n.nodes].sort());
		expect(defined('credentials', '.credentials.ts')).toEqual([...pkg.n8n.credentials].sort());
	});

	it('gives every node a light and a dark icon, and a codex file naming it, all in dist/', () => {
		for (const rel of pkg.n8n.nodes as string[]) {
			const { description } = new (classOf(rel))();
			expectThemedIconsShipped(rel, description.icon);

			const codexFile = rel.replace(/\.js$/, '.json');
			expect(entries).toContain(codexFile);
			const codex = JSON.parse(fs.readFileSync(path.join(pkgDir, codexFile), 'utf8'));
			expect(codex.node).toBe(`${pkg.name}.${description.name}`);
			expect(codex.categories.length).toBeGreaterThan(0);
			expect(codex.categories.filter((c: string) => !CODEX_CATEGORIES.includes(c))).toEqual([]);
		}
	});

	it('gives every credential a light and a dark icon, and every node uses only this package’s credentials', () => {
		const ours = (pkg.n8n.credentials as string[]).map((rel) => {
			const credential = new (classOf(rel))();
			expectThemedIconsShipped(rel, credential.icon);
			expect(credential.test ?? credential.authenticate).toBeDefined();
			return credential.name as string;
		});
		for (const rel of pkg.n8n.nodes as string[]) {
			const { description } = new (classOf(rel))();
			const used = (description.credentials ?? []).map((c: Json) => c.name);
			expect(used.filter((name: string) => !ours.includes(name))).toEqual([]);
		}
	});

	it('makes the action node usable as an AI tool, and no trigger', () => {
		const flags = Object.fromEntries(
			(pkg.n8n.nodes as string[]).map((rel) => {
				const { description } = new (classOf(rel))();
				return [description.name, Boolean(description.usableAsTool)];
			}),
		);
		expect(flags).toEqual(
			Object.fromEntries(Object.keys(flags).map((name) => [name, !/Trigger$/.test(name)])),
		);
		expect(flags.weChatLive).toBe(true);
	});
});
