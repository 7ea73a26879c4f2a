#!/usr/bin/env node
// The lint half of n8n's verification scanner (`npx @n8n/scan-community-package`, 0.32.0,
// scanner/scanner.mjs), run offline against what we ship and what we build it from.
//
//   node test/e2e/harness/scan.mjs --package <unpacked tarball dir> [--source <repo dir>]
//
// Prints JSON: { legs: [{ name, dir, patterns, files, errorCount, warningCount, messages, formatted }] }
// and exits 1 when any leg has an error (the scanner fails on errors only; warnings pass).
//
// What the real scanner does, step by step, and what of it runs here:
//   1. resolve the version on registry.npmjs.org                              - NOT here (network)
//   2. checkPackageProvenance: fail without an npm provenance attestation      - NOT here: only a real
//      publish from GitHub Actions can give one (.github/workflows/publish.yml does)
//   3. read the attestation, download the attested commit from codeload.github.com and find the
//      package root by package.json#name                                       - NOT here (network);
//      the "source" leg lints our working tree instead, i.e. what that commit will contain
//   4. analyzePackage(sourceDir, ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'])  - "source" leg
//   5. npm pack <pkg>@<version> from the registry, untar                      - the caller packs and
//      untars our build instead (`npm pack` makes the same tarball npm publish uploads)
//   6. analyzePackage(packageDir, ['**/*.js', 'package.json'])                 - "package" leg
// analyzePackage = ESLint Node API with { allowInlineConfig: false, overrideConfigFile: true,
// overrideConfig: buildScanConfig() }: eslint-disable comments are ignored, no eslint.config.mjs of
// ours is read. buildScanConfig below is the scanner's, copied verbatim (comments shortened).
//
// One difference we accept: scanner 0.32.0 depends on @n8n/eslint-plugin-community-nodes 0.29.0; we
// lint with our devDependency 0.32.0, whose `recommended` set is 0.29.0's plus one more error rule
// (no-unsafe-connection-type-cast) - stricter, never looser. eslint is 9.29.0 in both.
//
// Plain ESM run by the machine's Node (the plugin is ESM with JSON import attributes, which jest's
// CommonJS runtime cannot load), so jest tests spawn this file instead of importing it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { defineConfig } from 'eslint/config';

export const SOURCE_FILE_PATTERNS = ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'];
export const PACKAGE_FILE_PATTERNS = ['**/*.js', 'package.json'];

// scanner.mjs buildScanConfig(), unchanged apart from comments.
export const buildScanConfig = async () => {
	const { n8nCommunityNodesPlugin } = await import('@n8n/eslint-plugin-community-nodes');
	const tsParser = await import('@typescript-eslint/parser');
	const n8nNodesPlugin = (await import('eslint-plugin-n8n-nodes-base')).default;

	const parser = tsParser.default ?? tsParser;

	return defineConfig(
		n8nCommunityNodesPlugin.configs.recommended,
		{
			rules: { 'no-console': 'error' },
		},
		{ plugins: { 'n8n-nodes-base': n8nNodesPlugin } },
		{
			files: ['package.json'],
			rules: { ...n8nNodesPlugin.configs.community.rules },
		},
		{
			files: ['**/credentials/**/*.ts'],
			rules: {
				...n8nNodesPlugin.configs.credentials.rules,
				// Not valid for community nodes
				'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
				// @n8n/eslint-plugin-community-nodes credential-password-field rule is more accurate
				'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
			},
		},
		{
			files: ['**/nodes/**/*.ts'],
			rules: {
				...n8nNodesPlugin.configs.nodes.rules,
				// Inputs and outputs can be enum instead of string "main"
				'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
				'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
				// Sometimes the 3rd party API does have a maximum limit, so maxValue is valid
				'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
			},
		},
		{
			files: ['**/*.json'],
			languageOptions: { parser },
		},
		{
			files: ['**/*.ts'],
			languageOptions: { parser },
		},
	);
};

/**
 * The scanner's fast-glob call (`glob.sync(patterns, { cwd, ignore: ['node_modules/**',
 * '**\/package-lock.json'] })`) for the two pattern sets it uses, without fast-glob (not one of our
 * devDependencies). fast-glob skips dot files and dot folders by default; so does this.
 */
export function scannerFiles(dir, patterns) {
	const matchers = patterns.map((p) => {
		if (p === 'package.json') return (rel) => rel === 'package.json';
		if (p === '**/*.js') return (rel) => rel.endsWith('.js');
		if (p === '{nodes,credentials}/**/*.{js,ts,json}') {
			return (rel) => /^(nodes|credentials)\/.+\.(js|ts|json)$/.test(rel);
		}
		throw new Error(`scan.mjs: no matcher for pattern ${p}`);
	});
	const out = [];
	const walk = (sub) => {
		for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
			if (entry.name.startsWith('.')) continue;
			const rel = sub ? `${sub}/${entry.name}` : entry.name;
			if (entry.isDirectory()) {
				if (entry.name !== 'node_modules') walk(rel);
			} else if (entry.name !== 'package-lock.json' && matchers.some((m) => m(rel))) {
				out.push(path.join(dir, rel));
			}
		}
	};
	walk('');
	return out.sort();
}

/** scanner.mjs analyzePackage(), returning every message instead of only pass/fail. */
export async function analyze(name, dir, patterns) {
	dir = path.resolve(dir);
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const files = scannerFiles(dir, patterns);
	const results = files.length ? await eslint.lintFiles(files) : [];
	const formatter = await eslint.loadFormatter('stylish');
	const messages = results.flatMap((r) =>
		r.messages.map((m) => ({
			file: path.relative(dir, r.filePath),
			line: m.line,
			severity: m.severity === 2 ? 'error' : 'warning',
			ruleId: m.ruleId,
			message: m.message,
		})),
	);
	return {
		name,
		dir,
		patterns,
		files: results.map((r) => path.relative(dir, r.filePath)),
		errorCount: results.reduce((n, r) => n + r.errorCount, 0),
		warningCount: results.reduce((n, r) => n + r.warningCount, 0),
		messages,
		formatted: await formatter.format(results),
	};
}

async function main(argv) {
	// eslint-plugin-n8n-nodes-base switches to fixtures' file names when NODE_ENV=test (jest sets it):
	// the scanner never runs like that. The plugins are imported later (buildScanConfig), so this holds.
	if (process.env.NODE_ENV === 'test') delete process.env.NODE_ENV;
	const arg = (flag) => {
		const i = argv.indexOf(flag);
		return i >= 0 ? argv[i + 1] : undefined;
	};
	const packageDir = arg('--package');
	const sourceDir = arg('--source');
	if (!packageDir && !sourceDir) {
		process.stderr.write('usage: node scan.mjs --package <unpacked tarball dir> [--source <repo dir>]\n');
		return 2;
	}
	const legs = [];
	// Same order as analyzePackageByName: the attested source first, then the tarball.
	if (sourceDir) legs.push(await analyze('source', sourceDir, SOURCE_FILE_PATTERNS));
	if (packageDir) legs.push(await analyze('package', packageDir, PACKAGE_FILE_PATTERNS));
	process.stdout.write(`${JSON.stringify({ legs }, null, 2)}\n`);
	return legs.some((l) => l.errorCount > 0) ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main(process.argv.slice(2)).then(
		(code) => process.exit(code),
		(err) => {
			process.stderr.write(`${err.stack || err}\n`);
			process.exit(2);
		},
	);
}
