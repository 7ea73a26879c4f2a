import fs from 'node:fs';
import path from 'node:path';

import { resources } from '../../nodes/WeChatLive/actions/resources';
import endpoints from '../../nodes/WeChatLive/transport/endpoints.json';
import { WeChatLive } from '../../nodes/WeChatLive/WeChatLive.node';

import { designPairs } from '../support/design';

const { operationsTable, renderReadme } = require('../../scripts/operations-table');

describe('the WeChat Live node', () => {
	it('offers exactly the 41 resource/operation pairs of the design', () => {
		const { properties } = new WeChatLive().description;
		const offered = properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) => (p.options as Array<{ value: string }>).map((o) => `${(p.displayOptions!.show!.resource as string[])[0]}:${o.value}`));
		expect(designPairs).toHaveLength(41);
		expect(offered.sort()).toEqual([...designPairs].sort());
	});

	it('names a WeChat API with its documentation for every operation', () => {
		for (const resource of resources) {
			for (const op of resource.operations) {
				expect(op.endpoints.length).toBeGreaterThan(0);
				for (const name of op.endpoints) expect(endpoints).toHaveProperty(name);
				expect(op.description.length).toBeGreaterThan(10);
				expect(op.action).toMatch(/^[A-Z][a-z]/);
			}
		}
	});

	it('describes every parameter', () => {
		const missing: string[] = [];
		const walk = (props: Array<{ name: string; type: string; description?: string; options?: unknown[]; values?: unknown[] }>, where: string) => {
			for (const p of props) {
				if (!['notice', 'collection', 'fixedCollection'].includes(p.type) && !p.description && !['resource', 'operation'].includes(p.name)) missing.push(`${where}.${p.name}`);
				if (p.type === 'collection') walk(p.options as never, `${where}.${p.name}`);
				if (p.type === 'fixedCollection') for (const group of p.options as Array<{ name: string; values: never }>) walk(group.values, `${where}.${p.name}.${group.name}`);
			}
		};
		walk(new WeChatLive().description.properties as never, 'weChatLive');
		expect(missing).toEqual([]);
	});

	it('is listed in the README’s operations table, as generated from the operations themselves', () => {
		const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
		expect(renderReadme(readme, operationsTable(resources, endpoints))).toBe(readme);
	});
});
