/**
 * The Chinese guide (README.zh-CN.md) stays in step with the English one (README.md): a shop's staff who
 * read only Chinese find it from the English page, and find in it every section, operation, screenshot,
 * setting and command the English page has.
 */
import fs from 'node:fs';
import path from 'node:path';

import { resources } from '../../nodes/WeChatLive/actions/resources';
import endpoints from '../../nodes/WeChatLive/transport/endpoints.json';
import { translateTo } from '../../nodes/shared/i18n/translate';

const { operationsTable, renderReadme } = require('../../scripts/operations-table');

const root = path.join(__dirname, '../..');
const english = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const chinese = fs.readFileSync(path.join(root, 'README.zh-CN.md'), 'utf8');

/** The first lines of a page, where a reader looks for "this page in another language". */
const top = (readme: string) => readme.split('\n').slice(0, 5).join('\n');

/** The page without its fenced code blocks (a `# comment` in a shell snippet is no heading). */
const prose = (readme: string) => readme.replace(/^```[^\n]*\n[\s\S]*?^```[ \t]*$/gm, '');

/** The `##` and `###` headings, in order. */
const headings = (readme: string) =>
	prose(readme)
		.split('\n')
		.filter((line) => /^#{2,3} \S/.test(line))
		.map((line) => ({ level: line.indexOf(' '), text: line.slice(line.indexOf(' ') + 1).trim() }));

/** Every image the page shows: `![alt](path)`. */
const images = (readme: string) => [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);

/** Environment variables named on the page: `N8N_…`, `LC_MESSAGES`, `GENERIC_TIMEZONE`, `DB_*` … */
const environmentVariables = (readme: string) =>
	[...new Set([...readme.matchAll(/(?<![\w/.-])[A-Z][A-Z0-9]*_[A-Z0-9_]*(?![\w/.-])/g)].map((m) => m[0]))].sort();

/** npm scripts the page tells the reader to run: `npm start`, `npm test`, `npm run …`. */
const npmScripts = (readme: string) =>
	[...new Set([...readme.matchAll(/\bnpm (?:start|test|run(?: -s)? [\w:-]+)/g)].map((m) => m[0].replace(' -s ', ' ')))].sort();

describe('a shop that reads Chinese', () => {
	it('finds the Chinese guide in the first lines of the English README, and a way back from it', () => {
		expect(top(english)).toMatch(/中文说明[：:]\s*\[?README\.zh-CN\.md\]?(\(README\.zh-CN\.md\))?/);
		expect(top(english)).toContain('(README.zh-CN.md)');
		expect(top(chinese)).toContain('(README.md)');
	});

	it('finds the same sections in the same order: every ## and ### heading has its Chinese counterpart', () => {
		const en = headings(english);
		const zh = headings(chinese);
		expect(en.length).toBeGreaterThan(10);
		expect(zh.map((h) => h.level)).toEqual(en.map((h) => h.level));
		// Paired by position: a Chinese heading is Chinese, not the English one left over.
		en.forEach((heading, i) => {
			expect({ english: heading.text, chinese: zh[i].text }).toEqual({ english: heading.text, chinese: expect.stringMatching(/[\u4e00-\u9fff]/) });
		});
	});

	it('reads the English operations table exactly as the generator writes it', () => {
		expect(renderReadme(english, operationsTable(resources, endpoints, 'en', translateTo), 'README.md')).toBe(english);
	});

	it('reads the Chinese operations table exactly as the generator writes it from the translations', () => {
		const table = operationsTable(resources, endpoints, 'zh', translateTo);
		expect(table.split('\n')[0]).toBe('| 资源 | 操作 | 说明 | 微信接口 |');
		expect(table.split('\n')).toHaveLength(2 + resources.reduce((n, r) => n + r.operations.length, 0));
		expect(renderReadme(chinese, table, 'README.zh-CN.md')).toBe(chinese);
	});

	it('is shown every screenshot of the English guide, taken with the nodes in Chinese (docs/images/zh/)', () => {
		const shown = images(english).filter((image) => image.startsWith('docs/images/'));
		expect(shown.length).toBeGreaterThan(0);
		const expected = shown.map((image) => image.replace(/^docs\/images\//, 'docs/images/zh/'));
		expect(expected.filter((image) => !images(chinese).includes(image))).toEqual([]);
	});

	it('is told every environment variable and npm command the English guide names', () => {
		const variables = environmentVariables(english);
		expect(variables).toEqual(expect.arrayContaining(['LC_MESSAGES', 'N8N_DEFAULT_LOCALE']));
		expect(variables.filter((name) => !environmentVariables(chinese).includes(name))).toEqual([]);
		const scripts = npmScripts(english);
		expect(scripts).toEqual(expect.arrayContaining(['npm start', 'npm test']));
		expect(scripts.filter((script) => !npmScripts(chinese).includes(script))).toEqual([]);
	});
});
