import type { IDataObject } from 'n8n-workflow';

import type { Sandbox as SandboxOf } from '../support/sandbox';
import { useSandbox } from '../support/sandbox';
import { CredentialStore, runNode } from '../support/executeContext';


type Sandbox = SandboxOf<IDataObject>;

let sandbox: Sandbox;
let store: CredentialStore;

useSandbox<Sandbox['state']>((started, credentials) => {
	sandbox = started;
	store = credentials;
});

describe('Widget → Set Goods Key, Get Goods Key', () => {
	it('sets the pendant’s global key once, as a JSON array of strings, and reads it back', async () => {
		const [set] = await runNode({ parameters: { resource: 'widget', operation: 'setGoodsKey', goodsKey: 'productId, sku' }, store });
		const [request] = sandbox.requests('goodsSetKey');
		expect(request).toMatchObject({ method: 'POST', path: '/wxaapi/broadcast/goods/setkey', body: { goodsKey: ['productId', 'sku'] } });
		expect(request.contentType).toMatch(/^application\/json/);
		expect(set.json).toEqual({ goodsKey: ['productId', 'sku'] });

		const [got] = await runNode({ parameters: { resource: 'widget', operation: 'getGoodsKey' }, store });
		const [read] = sandbox.requests('goodsGetKey');
		expect(read).toMatchObject({ method: 'GET', path: '/wxaapi/broadcast/goods/getkey' });
		expect(Object.keys(read.query)).toEqual(['access_token']);
		expect(got.json).toEqual({ vendorGoodsKey: ['productId', 'sku'] });
	});

	it('takes the keys as an array from an expression, one per line, without duplicates', async () => {
		await runNode({ parameters: { resource: 'widget', operation: 'setGoodsKey', goodsKey: ['productId', 'sku\nproductId'] }, store });
		expect(sandbox.requests('goodsSetKey')[0].body).toEqual({ goodsKey: ['productId', 'sku'] });
	});

	it('returns an empty list when no key is set', async () => {
		const [got] = await runNode({ parameters: { resource: 'widget', operation: 'getGoodsKey' }, store });
		expect(got.json).toEqual({ vendorGoodsKey: [] });
	});

	it.each([
		['an empty key list', ' , ', /Goods Key in item 1 is empty\./],
		['a key that is not text', [{ key: 'productId' }], /Goods Key in item 1 has an entry that is not text/],
	])('refuses %s before calling WeChat', async (_story, goodsKey, message) => {
		await expect(runNode({ parameters: { resource: 'widget', operation: 'setGoodsKey', goodsKey }, store })).rejects.toThrow(message);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
