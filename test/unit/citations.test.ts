/**
 * Every comment and doc stands on its own: what it cites is in this repository (or is a web address). A
 * reader of a clone, or of the published package, has no notes folder beside it, so "see design.md §4" or
 * "../shared/…" would lead nowhere; WeChat's facts live in docs/wechat-facts.md and docs/wechat-callback.md.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '../..');
const self = path.relative(root, __filename);

/** Tracked and new files, as git sees them (so node_modules, dist and caches are left out). */
function repoFiles(): string[] {
	const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
	return out.split('\0').filter((file) => file && fs.existsSync(path.join(root, file)));
}

const BINARY = /\.(png|jpe?g|gif|ico|tgz|woff2?)$/i;
const URL = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;
/** A path through a folder named "shared", e.g. ../shared, shared/notes.md, nodes/shared/crypto. */
const SHARED_PATH = /\/?(?:[\w.-]+\/)+shared\b(?:\/[\w.-]+)*|\bshared(?:\/[\w.-]+)+/g;
/** A Markdown file name, with any folders before it. */
const MARKDOWN = /\/?(?:[\w.-]+\/)*[\w.-]+\.md\b/g;

interface Repo {
	files: Set<string>;
	folders: Set<string>;
	basenames: Set<string>;
}

function indexOf(files: string[]): Repo {
	const folders = new Set<string>();
	for (const file of files) for (let dir = path.dirname(file); dir !== '.'; dir = path.dirname(dir)) folders.add(dir);
	return { files: new Set(files), folders, basenames: new Set(files.map((file) => path.basename(file))) };
}

/** Whether `cited`, written in `file`, names something in the repository (as Node, a reader or an editor would resolve it). */
function exists(repo: Repo, file: string, cited: string): boolean {
	// a built file (dist/…/x.js) stands for its source (…/x.ts)
	const clean = cited.replace(/\/$/, '').replace(/^dist\/(.*)\.js$/, '$1');
	if (clean.startsWith('/')) return false; // absolute: outside any clone
	for (const base of [path.dirname(file), '.']) {
		const target = path.normalize(path.join(base, clean));
		if (target.startsWith('..') || path.isAbsolute(target)) continue;
		if (repo.folders.has(target) || ['', '.ts', '.js', '.json', '.md'].some((ext) => repo.files.has(target + ext))) return true;
	}
	return !clean.includes('/') && repo.basenames.has(clean); // "README.md" beside many files
}

/** What a file's text cites that is not in the repository, one line each. */
function strayCitations(repo: Repo, file: string, text: string): string[] {
	const found: string[] = [];
	text.split('\n').forEach((raw, index) => {
		const line = raw.replace(URL, (url) => ' '.repeat(url.length));
		const where = `${file}:${index + 1}`;
		if (/\/work\//.test(line)) found.push(`${where}: an absolute path outside the repository`);
		const cited = [...(line.match(SHARED_PATH) ?? []), ...(line.match(MARKDOWN) ?? [])].map((name) => name.replace(/[.,:;]+$/, ''));
		const missing = cited.filter((name) => !exists(repo, file, name));
		for (const name of new Set(missing)) found.push(`${where}: cites ${name}, which is not in the repository`);
		// A section sign points into a document; it must be one of ours, named on the same line.
		if (line.includes('§') && !cited.some((name) => name.endsWith('.md') && exists(repo, file, name))) {
			found.push(`${where}: cites a section (§) of a document it does not name`);
		}
	});
	return found;
}

describe('comments and docs', () => {
	const files = repoFiles();
	const repo = indexOf(files);

	it('cite only files that are in the repository', () => {
		const found = files
			.filter((file) => file !== self && file !== 'package-lock.json' && !BINARY.test(file))
			.flatMap((file) => {
				const text = fs.readFileSync(path.join(root, file), 'utf8');
				return text.includes('\0') ? [] : strayCitations(repo, file, text);
			});
		expect(found).toEqual([]);
	});

	it('would be caught citing the notes outside the repository', () => {
		const comment = [
			'// Prices are in yuan (wechat-live-api.md §2.0; see ../shared/design.md).',
			'/** Vectors: shared/wechat-callback-crypto.md §5 and /work/shared/n8n-e2e.md. */',
			'// The padding rule: doc §4.2.',
			'// Fine: docs/wechat-facts.md, nodes/shared/crypto.ts, ../shared/xml and https://example.com/a/shared/b.md',
		].join('\n');

		expect(strayCitations(repo, 'nodes/WeChatLiveTrigger/delivery.ts', comment)).toEqual([
			'nodes/WeChatLiveTrigger/delivery.ts:1: cites ../shared/design.md, which is not in the repository',
			'nodes/WeChatLiveTrigger/delivery.ts:1: cites wechat-live-api.md, which is not in the repository',
			'nodes/WeChatLiveTrigger/delivery.ts:1: cites a section (§) of a document it does not name',
			'nodes/WeChatLiveTrigger/delivery.ts:2: an absolute path outside the repository',
			'nodes/WeChatLiveTrigger/delivery.ts:2: cites shared/wechat-callback-crypto.md, which is not in the repository',
			'nodes/WeChatLiveTrigger/delivery.ts:2: cites /work/shared/n8n-e2e.md, which is not in the repository',
			'nodes/WeChatLiveTrigger/delivery.ts:2: cites a section (§) of a document it does not name',
			'nodes/WeChatLiveTrigger/delivery.ts:3: cites a section (§) of a document it does not name',
		]);
	});
});
