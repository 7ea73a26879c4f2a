// The live pendant's global goods key in a real n8n (issue 3, part B). Format: ./README.md.

module.exports = [
	{
		title: 'Widget → Set Goods Key sends the keys as a JSON array of strings',
		parameters: () => ({ resource: 'widget', operation: 'setGoodsKey', goodsKey: 'productId, sku' }),
		check: ({ items, requests, sandbox }) => {
			expect(requests.map((r) => [r.endpoint, r.method, r.path])).toEqual([['goodsSetKey', 'POST', '/wxaapi/broadcast/goods/setkey']]);
			expect(requests[0].contentType).toMatch(/^application\/json/);
			expect(requests[0].body).toEqual({ goodsKey: ['productId', 'sku'] });
			expect(items).toEqual([{ goodsKey: ['productId', 'sku'] }]);
			expect(sandbox.state.vendorGoodsKey).toEqual(['productId', 'sku']);
		},
	},
	{
		title: 'Widget → Get Goods Key reads the global key with GET',
		setup: (sandbox) => {
			sandbox.state.vendorGoodsKey = ['spuId'];
			return {};
		},
		parameters: () => ({ resource: 'widget', operation: 'getGoodsKey' }),
		check: ({ items, requests, sandbox }) => {
			expect(requests.map((r) => [r.endpoint, r.method, r.path])).toEqual([['goodsGetKey', 'GET', '/wxaapi/broadcast/goods/getkey']]);
			// The Set case may run first in the same sandbox: compare with what the sandbox holds now.
			expect(items).toEqual([{ vendorGoodsKey: sandbox.state.vendorGoodsKey }]);
		},
	},
];
