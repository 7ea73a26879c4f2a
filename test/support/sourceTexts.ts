/**
 * What the package's source writes for users at run time, read with the TypeScript parser: the English
 * keys of its t() calls, and the messages handed to an error without t().
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const rel = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(rel);
		return entry.name.endsWith('.ts') ? [rel] : [];
	});
}

export interface Found {
	where: string;
	text: string;
}

const isText = (node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression =>
	ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);

/** Every t('…') key, every t() whose key is not a plain literal, and every error message written bare. */
export function runtimeTexts(): { keys: Found[]; computedKeys: Found[]; bare: Found[] } {
	const keys: Found[] = [];
	const computedKeys: Found[] = [];
	const bare: Found[] = [];
	for (const file of [...sourceFiles('nodes'), ...sourceFiles('credentials')]) {
		const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
		const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
		const visit = (node: ts.Node): void => {
			if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't' && node.arguments[0]) {
				const key = node.arguments[0];
				if (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) keys.push({ where: where(key), text: key.text });
				else computedKeys.push({ where: where(key), text: key.getText(source) });
			}
			// new NodeOperationError(node, 'English words', { description: `English` }): the message bypasses t()
			// (a reason code such as 'bad_padding' is not a message)
			if (ts.isNewExpression(node) && /Error|Failure$/.test(node.expression.getText(source))) {
				for (const arg of node.arguments ?? []) {
					if (isText(arg) && /[A-Za-z]+\s+[A-Za-z]/.test(arg.getText(source))) bare.push({ where: where(arg), text: arg.getText(source) });
					if (ts.isObjectLiteralExpression(arg)) {
						for (const prop of arg.properties) {
							if (ts.isPropertyAssignment(prop) && ['message', 'description'].includes(prop.name.getText(source)) && isText(prop.initializer)) {
								bare.push({ where: where(prop), text: prop.initializer.getText(source) });
							}
						}
					}
				}
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return { keys, computedKeys, bare };
}
