/**
 * Each layer of nodes/ imports only from the layers below it. From the bottom: nodes/shared/ (crypto,
 * XML, times, labels: no node's files); the action node's helpers/; its transport/ (requests, tokens,
 * errcodes, and transport/reads/, how rooms, replays, goods and subscribers are read); then its actions/
 * and methods/. Both triggers stand beside the action node and use only nodes/shared/ and transport/: a
 * trigger that needs rooms or goods reads them the way the action node does, never by reaching into it.
 */
import fs from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

const root = path.join(__dirname, '../..');

function sourceFiles(folder: string): string[] {
	return fs.readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
		const file = `${folder}/${entry.name}`;
		if (entry.isDirectory()) return sourceFiles(file);
		return file.endsWith('.ts') ? [file] : [];
	});
}

/** Every file of nodes/ with what it imports from nodes/ (repository paths without the extension). */
const imports = new Map(
	sourceFiles('nodes').map((file) => {
		const { importedFiles } = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
		const local = importedFiles
			.map(({ fileName }) => fileName)
			.filter((name) => name.startsWith('.'))
			.map((name) => path.posix.join(path.posix.dirname(file), name));
		return [file, local];
	}),
);

/** The imports of the files under `folder` that fall outside `allowed`, as "file → import". */
function crossings(folder: string, allowed: (target: string, file: string) => boolean): string[] {
	return [...imports]
		.filter(([file]) => file.startsWith(`${folder}/`))
		.flatMap(([file, targets]) => targets.filter((target) => !allowed(target, file)).map((target) => `${file} → ${target}`));
}

const under = (target: string, ...folders: string[]) => folders.some((folder) => target.startsWith(`${folder}/`));
const ownFolder = (target: string, file: string) => path.posix.dirname(target) === path.posix.dirname(file);

it('reads every file of nodes/ (the walk finds the layers it checks)', () => {
	const folders = new Set([...imports.keys()].map((file) => file.split('/').slice(0, 3).join('/')));
	for (const folder of ['nodes/shared', 'nodes/WeChatLive/transport', 'nodes/WeChatLiveTrigger', 'nodes/WeChatLiveStatusTrigger']) {
		expect([...folders].some((found) => found === folder || found.startsWith(`${folder}/`))).toBe(true);
	}
});

it.each(['nodes/WeChatLiveTrigger', 'nodes/WeChatLiveStatusTrigger'])(
	'%s imports only its own files, nodes/shared/ and the transport layer: nothing of the action node’s operations or helpers',
	(trigger) => {
		expect(
			crossings(trigger, (target, file) => ownFolder(target, file) || under(target, 'nodes/shared', 'nodes/WeChatLive/transport')),
		).toEqual([]);
	},
);

it('nodes/shared/ imports nothing from any node: both nodes may use all of it', () => {
	expect(crossings('nodes/shared', (target) => under(target, 'nodes/shared'))).toEqual([]);
});

it('the transport layer (with its readers) imports nothing from the operations, the pickers or the node', () => {
	expect(
		crossings('nodes/WeChatLive/transport', (target) => !under(target, 'nodes/WeChatLive/actions', 'nodes/WeChatLive/methods') && target !== 'nodes/WeChatLive/WeChatLive.node'),
	).toEqual([]);
});

it('the helpers import neither the transport layer nor the operations', () => {
	expect(crossings('nodes/WeChatLive/helpers', (target) => under(target, 'nodes/WeChatLive/helpers', 'nodes/shared'))).toEqual([]);
});

it('WeChat’s input rules (rules/) are pure: they import only each other, the helpers and nodes/shared/', () => {
	expect(
		crossings('nodes/WeChatLive/rules', (target) => under(target, 'nodes/WeChatLive/rules', 'nodes/WeChatLive/helpers', 'nodes/shared')),
	).toEqual([]);
});

it('the pickers (methods/) read WeChat through the transport layer, never through an operation', () => {
	expect(crossings('nodes/WeChatLive/methods', (target) => !under(target, 'nodes/WeChatLive/actions'))).toEqual([]);
});
