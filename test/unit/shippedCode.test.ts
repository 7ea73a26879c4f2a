/**
 * What `npm run build` puts into dist/ (and so into every user's n8n) is the node itself, with nothing
 * that only the tests use. tsc turns each file of tsconfig.json's program into one dist file with the
 * same exports, so these checks read that program's sources: no build needed, never stale.
 */
import fs from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

import packageJson from '../../package.json';

const root = path.join(__dirname, '../..');

function shippedFiles(): string[] {
	const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, {
		...ts.sys,
		onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
			throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
		},
	})!;
	return config.fileNames.filter((file) => file.endsWith('.ts')).map((file) => path.relative(root, file));
}

const parse = (file: string) =>
	ts.createSourceFile(file, fs.readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);

/** Every identifier and string in a file, with how often it occurs (n8n calls list-search methods by a string). */
function wordsOf(source: ts.SourceFile): Map<string, number> {
	const words = new Map<string, number>();
	const visit = (node: ts.Node) => {
		if (ts.isIdentifier(node) || ts.isStringLiteralLike(node)) words.set(node.text, (words.get(node.text) ?? 0) + 1);
		ts.forEachChild(node, visit);
	};
	visit(source);
	return words;
}

/** The names of a file's exported values (types leave no code behind). */
function exportedValues(source: ts.SourceFile): string[] {
	const names: string[] = [];
	for (const statement of source.statements) {
		const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
		if (!modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
		if (ts.isVariableStatement(statement)) names.push(...statement.declarationList.declarations.map((d) => d.name.getText()));
		else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
			if (statement.name) names.push(statement.name.text);
		}
	}
	return names;
}

describe('the built package', () => {
	const files = shippedFiles();

	it('is built from nodes/ and credentials/ only, and nothing there imports from test/', () => {
		expect(files.filter((file) => !/^(nodes|credentials)\//.test(file))).toEqual([]);
		const testImports = files.flatMap((file) =>
			ts
				.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'))
				.importedFiles.filter((imported) => path.resolve(root, path.dirname(file), imported.fileName).startsWith(path.join(root, 'test')))
				.map((imported) => `${file} imports ${imported.fileName}`),
		);
		expect(testImports).toEqual([]);
	});

	it('exports nothing that only the tests use: every export is used by the node itself, or is an entry point n8n loads', () => {
		// Known and kept: the trigger's duplicate memory is module state, and its tests empty it between cases.
		const knownTestHooks = [
			'nodes/WeChatLiveTrigger/dedupe.ts: forgetDeliveries',
			'nodes/WeChatLiveTrigger/pushSecrets.ts: forgetPushSecrets',
		];
		const entryPoints = [...packageJson.n8n.nodes, ...packageJson.n8n.credentials].map((built) =>
			built.replace(/^dist\//, '').replace(/\.js$/, '.ts'),
		);
		const sources = files.map((file) => ({ file, source: parse(file) }));
		const words = new Map(sources.map(({ file, source }) => [file, wordsOf(source)]));
		const unused: string[] = [];
		for (const { file, source } of sources) {
			if (entryPoints.includes(file)) continue;
			for (const name of exportedValues(source)) {
				const usedInItsFile = (words.get(file)!.get(name) ?? 0) > 1; // more than its own declaration
				const usedElsewhere = [...words].some(([other, otherWords]) => other !== file && otherWords.has(name));
				if (!usedInItsFile && !usedElsewhere) unused.push(`${file}: ${name}`);
			}
		}
		expect(unused).toEqual(knownTestHooks);
	});
});
