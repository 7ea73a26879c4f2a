#!/usr/bin/env node
// Writes the operations tables of README.md (English) and README.zh-CN.md (Chinese) from the node's own
// operation descriptors, its endpoint table and the Chinese translations (run after `npm run build`; unit
// tests fail when a README is out of date).
const fs = require('node:fs');
const path = require('node:path');

const START = '<!-- operations:start -->';
const END = '<!-- operations:end -->';

/** What differs between the two READMEs' tables: the header, the texts, and how one API is written. */
const LAYOUTS = {
	en: {
		header: ['Resource', 'Operation', 'What it does', 'WeChat API'],
		api: (e) => `[${e.method} \`${e.path}\`](${e.doc}) (${e.zh})`,
	},
	zh: {
		header: ['资源', '操作', '说明', '微信接口'],
		api: (e) => `${e.zh}：[${e.method} \`${e.path}\`](${e.doc})`,
	},
};

const cell = (text) => text.replace(/\|/g, '\\|');

/**
 * The operations table in `language` ('en' or 'zh'). `translate(language, english)` gives a text's
 * translation (`translateTo` of nodes/shared/i18n/translate); without it, the English is used.
 */
function operationsTable(resources, endpoints, language = 'en', translate = (_language, english) => english) {
	const layout = LAYOUTS[language];
	if (!layout) throw new Error(`No operations table layout for language "${language}"`);
	const text = (english) => cell(language === 'en' ? english : translate(language, english));
	const rows = [`| ${layout.header.join(' | ')} |`, `|${' --- |'.repeat(layout.header.length)}`];
	for (const resource of resources) {
		for (const op of resource.operations) {
			const apis = op.endpoints.map((name) => layout.api(endpoints[name])).join('<br>');
			rows.push(`| ${text(resource.name)} | ${text(op.name)} | ${text(op.description)} | ${apis} |`);
		}
	}
	return rows.join('\n');
}

/** `readme` with the text between the operations markers replaced by `table`. */
function renderReadme(readme, table, file = 'README.md') {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start === -1 || end === -1 || end < start) throw new Error(`${file} needs the markers ${START} and ${END}`);
	return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

/** The READMEs and the language of each one's table. */
const READMES = [
	{ file: 'README.md', language: 'en' },
	{ file: 'README.zh-CN.md', language: 'zh' },
];

module.exports = { operationsTable, renderReadme, READMES, START, END };

if (require.main === module) {
	const root = path.join(__dirname, '..');
	const { resources } = require(path.join(root, 'dist/nodes/WeChatLive/actions/resources.js'));
	const { translateTo } = require(path.join(root, 'dist/nodes/shared/i18n/translate.js'));
	const endpoints = require(path.join(root, 'nodes/WeChatLive/transport/endpoints.json'));
	for (const { file, language } of READMES) {
		const full = path.join(root, file);
		const table = operationsTable(resources, endpoints, language, translateTo);
		fs.writeFileSync(full, renderReadme(fs.readFileSync(full, 'utf8'), table, file));
		process.stdout.write(`${file} operations table updated\n`);
	}
}
