/**
 * The App Secret, access tokens and message-push keys must never land in n8n's own data: its database
 * (with every execution's data), its config and event log, or anything n8n printed. This reads all of it,
 * byte for byte, for a real n8n instance of the e2e harness.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { N8nInstance } from '../harness';

export interface SecretScan {
	/** Every file read, relative to the instance's user folder. */
	files: string[];
	/** "<file> contains <first 6 characters>…" for each secret found. */
	leaks: string[];
}

/** Shorter strings could turn up by chance; a secret in a test must be at least this long. */
const MIN_SECRET_LENGTH = 12;

function walk(dir: string, files: string[]): void {
	if (!fs.existsSync(dir)) return;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			// The installed community packages are code, not n8n's data.
			if (entry.name !== 'node_modules') walk(full, files);
		} else if (entry.isFile()) files.push(full);
	}
}

/**
 * Reads n8n's data folder (`.n8n`: database and its WAL, config, event log) and the harness's records of
 * what n8n printed (`e2e/cli.log`, `e2e/server.log`). The harness's import files beside them hold the
 * secrets by design and are not n8n's, so they are left out. Each secret is looked for as is and
 * URL-encoded.
 */
export function scanForSecrets(n8n: Pick<N8nInstance, 'userFolder'>, secrets: string[]): SecretScan {
	const wanted = [...new Set(secrets.filter((s) => typeof s === 'string' && s !== ''))];
	const short = wanted.filter((s) => s.length < MIN_SECRET_LENGTH);
	if (short.length) throw new Error(`secrets to scan for must be at least ${MIN_SECRET_LENGTH} characters (got ${short.length} shorter)`);
	const needles = wanted.flatMap((secret) => [...new Set([secret, encodeURIComponent(secret)])].map((needle) => ({ secret, needle: Buffer.from(needle, 'utf8') })));

	const files: string[] = [];
	walk(path.join(n8n.userFolder, '.n8n'), files);
	for (const log of ['cli.log', 'server.log']) {
		const file = path.join(n8n.userFolder, 'e2e', log);
		if (fs.existsSync(file)) files.push(file);
	}
	const leaks = files.flatMap((file) => {
		const bytes = fs.readFileSync(file);
		const found = new Set(needles.filter(({ needle }) => bytes.includes(needle)).map(({ secret }) => secret));
		return [...found].map((secret) => `${path.relative(n8n.userFolder, file)} contains ${secret.slice(0, 6)}…`);
	});
	return { files: files.map((file) => path.relative(n8n.userFolder, file)), leaks };
}

/** Fails unless the scan read n8n's database and found none of the secrets. */
export function expectNoSecrets(n8n: Pick<N8nInstance, 'userFolder'>, secrets: string[]): SecretScan {
	const scan = scanForSecrets(n8n, secrets);
	expect(scan.files.some((file) => file.endsWith('database.sqlite'))).toBe(true);
	expect(scan.leaks).toEqual([]);
	return scan;
}
