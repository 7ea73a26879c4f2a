#!/usr/bin/env node
// Writes the README's operations table from the node's own operation descriptors and endpoint table
// (run after `npm run build`; a unit test fails when the README is out of date).
const fs = require('node:fs');
const path = require('node:path');

const START = '<!-- operations:start -->';
const END = '<!-- operations:end -->';

function operationsTable(resources, endpoints) {
	const rows = ['| Resource | Operation | What it does | WeChat API |', '| --- | --- | --- | --- |'];
	for (const resource of resources) {
		for (const op of resource.operations) {
			const apis = op.endpoints
				.map((name) => {
					const e = endpoints[name];
					return `[${e.method} \`${e.path}\`](${e.doc}) (${e.zh})`;
				})
				.join('<br>');
			rows.push(`| ${resource.name} | ${op.name} | ${op.description.replace(/\|/g, '\\|')} | ${apis} |`);
		}
	}
	return rows.join('\n');
}

function renderReadme(readme, table) {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start === -1 || end === -1) throw new Error(`README.md needs the markers ${START} and ${END}`);
	return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

module.exports = { operationsTable, renderReadme };

if (require.main === module) {
	const root = path.join(__dirname, '..');
	const { resources } = require(path.join(root, 'dist/nodes/WeChatLive/actions/resources.js'));
	const endpoints = require(path.join(root, 'nodes/WeChatLive/transport/endpoints.json'));
	const file = path.join(root, 'README.md');
	fs.writeFileSync(file, renderReadme(fs.readFileSync(file, 'utf8'), operationsTable(resources, endpoints)));
	process.stdout.write('README.md operations table updated\n');
}
