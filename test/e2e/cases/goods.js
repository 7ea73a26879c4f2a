// Goods library operations in a real n8n (issue 3, part B). Format: ./README.md.
// Every case makes its own goods in setup and finds them by the IDs setup returns: all setups run first,
// against one sandbox shared by every case file.
const { storeMedia } = require('../../sandbox/routes/media');
const { addGoods, findGoods } = require('../../sandbox/routes/goods');
const { png } = require('../../sandbox/images');

const byId = (id) => ({ __rl: true, mode: 'id', value: String(id) });

/** Goods already in the library with the given audit status (0 not submitted, 1 under review, 2 approved). */
function existingGoods(sandbox, name, status = 2, extra = {}) {
	const coverImgUrl = storeMedia(sandbox.state, png(100, 100), 'image/png');
	return addGoods(sandbox.state, { name, coverImgUrl, url: 'pages/goods/detail?sku=1', priceType: 1, price: 39.9, ...extra }, { status });
}

module.exports = [
	{
		title: 'Goods → Create uploads the cover from its URL and submits the goods for audit',
		setup: (sandbox) => ({ cover: `${sandbox.url}/__fixtures/image.png?w=300&h=300` }),
		parameters: (ctx) => ({
			resource: 'goods',
			operation: 'create',
			name: 'E2E 西湖龙井 250g',
			imageSource: 'url',
			coverImgUrl: ctx.cover,
			url: '/pages/goods/detail?sku=1001&name=龙井',
			priceType: 3,
			price: 128,
			price2: 99.5,
			additionalFields: { goodsKey: 'productId, sku' },
		}),
		check: ({ items, requests, sandbox }) => {
			expect(requests.map((r) => r.endpoint)).toEqual(['mediaUpload', 'goodsAdd']);
			const add = requests[1];
			expect(add.method).toBe('POST');
			expect(add.contentType).toMatch(/^application\/json/);
			expect(add.body.goodsInfo).toEqual({
				name: 'E2E 西湖龙井 250g',
				url: 'pages/goods/detail?sku=1001&name=%E9%BE%99%E4%BA%95',
				priceType: 3,
				price: 128,
				price2: 99.5,
				goodsKey: ['productId', 'sku'],
				coverImgUrl: expect.stringMatching(/^sbxmedia_/),
			});
			expect(items).toEqual([expect.objectContaining({ goodsId: expect.any(Number), auditId: expect.any(Number), audit_status_label: 'Under Review' })]);
			expect(findGoods(sandbox.state, items[0].goodsId).auditStatus).toBe(1);
		},
	},
	{
		title: 'Goods → Create sends a 2-character name (茶杯), and explains WeChat’s 300002 in plain words',
		parameters: () => ({
			resource: 'goods',
			operation: 'create',
			name: '茶杯',
			imageSource: 'mediaId',
			coverImgUrl: 'sbxmedia_unused',
			url: 'pages/goods/detail',
			priceType: 1,
			price: 10,
		}),
		expectError: true,
		check: ({ requests, run }) => {
			// WeChat's page states only a maximum: the name is WeChat's to refuse, not the node's.
			expect(requests.map((r) => [r.endpoint, r.errcode])).toEqual([['goodsAdd', 300002]]);
			expect(JSON.stringify(run.error)).toMatch(/it has refused goods names under 3 Chinese characters \(such as 茶杯\): make the name longer/);
		},
	},
	{
		title: 'Goods → Update with only a new price sends only goodsId and price',
		setup: (sandbox) => ({ goodsId: existingGoods(sandbox, 'E2E price change').goodsId }),
		parameters: (ctx) => ({ resource: 'goods', operation: 'update', goodsId: byId(ctx.goodsId), updateFields: { price: 35 } }),
		check: ({ items, requests, sandbox, ctx }) => {
			expect(requests.map((r) => [r.endpoint, r.path])).toEqual([['goodsUpdate', '/wxaapi/broadcast/goods/update']]);
			expect(requests[0].body).toEqual({ goodsInfo: { goodsId: ctx.goodsId, price: 35 } });
			expect(items).toEqual([{ goodsId: ctx.goodsId, price: 35, updated: true }]);
			expect(findGoods(sandbox.state, ctx.goodsId).price).toBe(35);
		},
	},
	{
		title: 'Goods → Delete removes goods from the library',
		setup: (sandbox) => ({ goodsId: existingGoods(sandbox, 'E2E goods to delete').goodsId }),
		parameters: (ctx) => ({ resource: 'goods', operation: 'delete', goodsId: byId(ctx.goodsId) }),
		check: ({ items, requests, sandbox, ctx }) => {
			expect(requests.map((r) => r.endpoint)).toEqual(['goodsDelete']);
			expect(requests[0].body).toEqual({ goodsId: ctx.goodsId });
			expect(items).toEqual([{ goodsId: ctx.goodsId, deleted: true }]);
			expect(findGoods(sandbox.state, ctx.goodsId)).toBeUndefined();
		},
	},
	{
		title: 'Goods → Cancel Audit withdraws goods under review',
		setup: (sandbox) => {
			const goods = existingGoods(sandbox, 'E2E audit to withdraw', 1);
			return { goodsId: goods.goodsId, auditId: goods.auditId };
		},
		parameters: (ctx) => ({ resource: 'goods', operation: 'cancelAudit', goodsId: byId(ctx.goodsId), auditId: String(ctx.auditId) }),
		check: ({ items, requests, sandbox, ctx }) => {
			expect(requests.map((r) => [r.endpoint, r.path])).toEqual([['goodsResetAudit', '/wxaapi/broadcast/goods/resetaudit']]);
			expect(requests[0].body).toEqual({ goodsId: ctx.goodsId, auditId: ctx.auditId });
			expect(items).toEqual([{ goodsId: ctx.goodsId, auditId: ctx.auditId, audit_status: 0, audit_status_label: 'Not Submitted' }]);
			expect(findGoods(sandbox.state, ctx.goodsId).auditStatus).toBe(0);
		},
	},
	{
		title: 'Goods → Resubmit Audit returns the new audit ID',
		setup: (sandbox) => ({ goodsId: existingGoods(sandbox, 'E2E audit to resubmit', 0).goodsId }),
		parameters: (ctx) => ({ resource: 'goods', operation: 'resubmitAudit', goodsId: byId(ctx.goodsId) }),
		check: ({ items, requests, sandbox, ctx }) => {
			expect(requests.map((r) => [r.endpoint, r.path])).toEqual([['goodsAudit', '/wxaapi/broadcast/goods/audit']]);
			expect(requests[0].body).toEqual({ goodsId: ctx.goodsId });
			const goods = findGoods(sandbox.state, ctx.goodsId);
			expect(items).toEqual([{ goodsId: ctx.goodsId, auditId: goods.auditId, audit_status: 1, audit_status_label: 'Under Review' }]);
		},
	},
	{
		title: 'Goods → Get reads the goods of 25 input items in 2 calls, one item per goods, in order',
		setup: (sandbox) => ({ ids: Array.from({ length: 25 }, (_, i) => existingGoods(sandbox, `E2E stock check ${i}`).goodsId).reverse() }),
		items: (ctx) => ctx.ids.map((goodsId) => ({ goodsId })),
		parameters: () => ({ resource: 'goods', operation: 'get', goodsIds: '={{ $json.goodsId }}' }),
		check: ({ items, requests, ctx }) => {
			expect(requests.map((r) => [r.endpoint, r.method, r.body.goods_ids.length])).toEqual([
				['goodsWarehouse', 'POST', 20],
				['goodsWarehouse', 'POST', 5],
			]);
			expect(items.map((i) => i.goods_id)).toEqual(ctx.ids);
			expect(items[0]).toMatchObject({ audit_status: 2, audit_status_label: 'Approved', price_yuan: 39.9, price_unit: 'yuan', price_type_label: 'Fixed Price' });
		},
	},
	{
		title: 'Goods → Get Many lists every approved goods with GET, 100 a page',
		setup: (sandbox) => ({ goodsId: existingGoods(sandbox, 'E2E approved listing').goodsId }),
		parameters: () => ({ resource: 'goods', operation: 'getMany', status: 2, returnAll: true }),
		check: ({ items, requests, sandbox, ctx }) => {
			expect(requests.every((r) => r.endpoint === 'goodsApproved' && r.method === 'GET')).toBe(true);
			expect(requests[0].query).toMatchObject({ offset: '0', limit: '100', status: '2' });
			const approved = [...sandbox.state.goods.values()].filter((g) => g.auditStatus === 2).map((g) => g.goodsId);
			expect(items.map((i) => i.goodsId)).toEqual(approved);
			expect(items.find((i) => i.goodsId === ctx.goodsId)).toMatchObject({ name: 'E2E approved listing', audit_status_label: 'Approved' });
		},
	},
];
