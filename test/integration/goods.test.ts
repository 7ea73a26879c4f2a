import axios from 'axios';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { searchGoods } from '../../nodes/WeChatLive/methods/searchGoods';
import type { Sandbox as SandboxOf } from '../support/sandbox';
import { useSandbox } from '../support/sandbox';
import { CredentialStore, executeContext, runNode } from '../support/executeContext';

const { images } = require('../sandbox');
const { storeMedia } = require('../sandbox/routes/media');
const { addGoods, findGoods } = require('../sandbox/routes/goods');

type Sandbox = SandboxOf<IDataObject & { goods: Map<number, IDataObject> }>;

let sandbox: Sandbox;
let store: CredentialStore;

const cover = (w = 300, h = 300): string => storeMedia(sandbox.state, images.png(w, h), 'image/png');
const goodsById = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
const json = (items: INodeExecutionData[]) => items.map((i) => i.json);
const control = (path: string, body: IDataObject = {}) => axios.post(`${sandbox.url}/__sandbox${path}`, body);
const apiRequests = () => sandbox.requests().filter((r) => r.endpoint !== 'stableToken');

/** Goods already in the library, as a shop that used the API before has them. */
function seedGoods(count: number, status = 2, info: IDataObject = {}): number[] {
	const coverImgUrl = cover(100, 100);
	return Array.from({ length: count }, (_, i) =>
		addGoods(sandbox.state, { name: `Tea sample ${i + 1}`, coverImgUrl, url: `pages/goods/detail?sku=${i + 1}`, priceType: 1, price: 10 + i, ...info }, { status }).goodsId,
	);
}

function createParameters(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'goods',
		operation: 'create',
		name: '西湖龙井 250g',
		imageSource: 'mediaId',
		coverImgUrl: cover(),
		url: 'pages/goods/detail?sku=1001',
		priceType: 1,
		price: 99.5,
		price2: 0,
		additionalFields: {},
		...overrides,
	};
}

useSandbox<Sandbox['state']>((started, credentials) => {
	sandbox = started;
	store = credentials;
});

describe('Goods → Create', () => {
	it('adds a new tea and submits it for audit: goodsInfo wrapped, price in yuan, cover as media ID', async () => {
		const parameters = createParameters();
		const [item] = await runNode({ parameters, store });

		const [request] = sandbox.requests('goodsAdd');
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/wxaapi/broadcast/goods/add');
		expect(request.contentType).toMatch(/^application\/json/);
		expect(request.body).toEqual({
			goodsInfo: { name: '西湖龙井 250g', url: 'pages/goods/detail?sku=1001', priceType: 1, price: 99.5, coverImgUrl: parameters.coverImgUrl },
		});
		expect(item.json).toMatchObject({ goodsId: 5001, auditId: 900001, audit_status: 1, audit_status_label: 'Under Review' });
		expect(findGoods(sandbox.state, 5001)).toMatchObject({ auditStatus: 1, price: 99.5 });
	});

	it('sends both prices for a range and for a discount', async () => {
		await runNode({ parameters: createParameters({ priceType: 2, price: 59, price2: 99.9 }), store });
		await runNode({ parameters: createParameters({ priceType: 3, price: '128', price2: '88.80' }), store });

		const bodies = sandbox.requests('goodsAdd').map((r) => r.body.goodsInfo as IDataObject);
		expect(bodies[0]).toMatchObject({ priceType: 2, price: 59, price2: 99.9 });
		expect(bodies[1]).toMatchObject({ priceType: 3, price: 128, price2: 88.8 });
	});

	it('drops a leading "/" from the page path and URL-encodes the query values WeChat needs encoded', async () => {
		const [item] = await runNode({ parameters: createParameters({ url: '/pages/goods/detail?sku=1001&name=绿茶 250g&ok=%E7%BB%BF' }), store });

		const expected = 'pages/goods/detail?sku=1001&name=%E7%BB%BF%E8%8C%B6%20250g&ok=%E7%BB%BF';
		expect((sandbox.requests('goodsAdd')[0].body.goodsInfo as IDataObject).url).toBe(expected);
		expect(item.json.url).toBe(expected);
	});

	it('sends the pendant keys and a third-party App ID when given', async () => {
		await runNode({
			parameters: createParameters({ additionalFields: { goodsKey: 'productId, sku', thirdPartyAppid: 'wx1234567890abcdef' } }),
			store,
		});
		expect(sandbox.requests('goodsAdd')[0].body.goodsInfo).toMatchObject({ goodsKey: ['productId', 'sku'], thirdPartyAppid: 'wx1234567890abcdef' });
	});

	it('uploads a cover given as a URL or as binary data, then uses its media ID', async () => {
		await runNode({ parameters: createParameters({ imageSource: 'url', coverImgUrl: `${sandbox.url}/__fixtures/image.png?w=300&h=300` }), store });
		const picture = { data: images.png(200, 200).toString('base64'), mimeType: 'image/png', fileName: 'tea.png' };
		await runNode({ parameters: createParameters({ imageSource: 'binary', coverImgUrl: 'photo' }), items: [{ json: {}, binary: { photo: picture } as never }], store });

		expect(sandbox.requests('mediaUpload')).toHaveLength(2);
		for (const r of sandbox.requests('goodsAdd')) expect((r.body.goodsInfo as IDataObject).coverImgUrl).toMatch(/^sbxmedia_/);
	});

	it('takes a 3 MB goods cover as Media → Upload Image does: one limit for one WeChat field (the upload’s 10 MB)', async () => {
		const cover = { data: images.png(300, 300, { padBytes: 3 * 1024 * 1024 }).toString('base64'), mimeType: 'image/png', fileName: 'tea.png' };
		const withCover = [{ json: {}, binary: { photo: cover } as never }];
		await runNode({ parameters: createParameters({ imageSource: 'binary', coverImgUrl: 'photo' }), items: withCover, store });
		await runNode({
			parameters: { resource: 'media', operation: 'uploadImage', source: 'binary', binaryPropertyName: 'photo', intendedUse: 'goodsCover' },
			items: withCover,
			store,
		});
		expect(sandbox.requests('goodsAdd')).toHaveLength(1);
		// The same picture: the second run uploads it again (uploads are shared within one run only).
		expect(sandbox.requests('mediaUpload')).toHaveLength(2);
	});

	it('refuses a 400×400 cover before uploading it: goods covers are at most 300×300', async () => {
		await expect(
			runNode({ parameters: createParameters({ imageSource: 'url', coverImgUrl: `${sandbox.url}/__fixtures/image.png?w=400&h=400` }), store }),
		).rejects.toThrow('Cover Image in item 1: the image is 400×400 pixels, more than WeChat’s 300×300.');
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('says plainly when the day’s 500 audits are used up (300012)', async () => {
		await control('/goods/audit-quota', { used: 500 });
		await expect(runNode({ parameters: createParameters(), store })).rejects.toThrow('No audit quota left today (500 submissions a day) (WeChat errcode 300012)');
		expect(sandbox.state.goods.size).toBe(0);
	});
});

describe('bad goods are refused before WeChat is called', () => {
	const cases: Array<[string, IDataObject, RegExp]> = [
		['a name of 15 Chinese characters', { name: '茶'.repeat(15) }, /Goods Name in item 1 is too long: “茶茶茶茶茶茶茶茶茶茶茶茶茶茶茶” counts as 30 characters by WeChat’s count \(a Chinese character counts 2\); WeChat allows at most 28\./],
		['a price with 3 decimals', { price: 9.999 }, /Price in item 1 is 9.999, with more than 2 decimals/],
		['a price that is not a number', { price: 'cheap' }, /Price in item 1 is not a number: "cheap"/],
		['a range whose upper bound is lower', { priceType: 2, price: 10, price2: 5 }, /Second Price in item 1 is 5, not above Price \(10\)/],
		['a discount dearer than the original', { priceType: 3, price: 10, price2: 12 }, /Second Price in item 1 is 12, not below Price \(10\)/],
		['an unknown price type', { priceType: 4 }, /Price Type in item 1 is 4/],
		['a web address as page', { url: 'https://shop.example.com/tea/1001' }, /Page Path in item 1 is a web address/],
		['an empty page path', { url: ' ' }, /Page Path in item 1 is empty/],
		['empty pendant keys', { additionalFields: { goodsKey: ' , ' } }, /Goods Key in item 1 is empty/],
		['a URL where a media ID is expected', { coverImgUrl: 'https://example.com/tea.png' }, /Cover Image in item 1 is a URL, but Images From is set to Media ID/],
	];

	it.each(cases)('%s names the field, and no request reaches the sandbox', async (_story, overrides, message) => {
		await expect(runNode({ parameters: createParameters(overrides), store })).rejects.toThrow(message);
		expect(sandbox.requests()).toHaveLength(0);
	});
});

describe('rules WeChat does not document are left to WeChat, and its answer explained', () => {
	it('a goods name of 2 Chinese characters (茶杯) is sent; WeChat’s 300002 comes back in plain words', async () => {
		const [item] = await runNode({ parameters: createParameters({ name: '茶杯' }), store, continueOnFail: true });
		expect((sandbox.requests('goodsAdd')[0].body.goodsInfo as IDataObject).name).toBe('茶杯');
		expect(item.json).toMatchObject({ errcode: 300002 });
		expect(item.json.description).toMatch(/WeChat’s docs give no minimum, but it has refused goods names under 3 Chinese characters \(such as 茶杯\)/);
	});

	it('a price of 0 is sent; WeChat’s 300003 says prices must be above 0', async () => {
		const [item] = await runNode({ parameters: createParameters({ price: 0 }), store, continueOnFail: true });
		expect(sandbox.requests('goodsAdd')).toHaveLength(1);
		expect(item.json).toMatchObject({ errcode: 300003 });
		expect(item.json.description).toMatch(/above 0, with at most 2 decimals \(WeChat refuses 0\)/);
	});

	it.each([
		['a page path with Chinese characters', { url: 'pages/商品/detail' }, { url: 'pages/商品/detail' }],
		['a third-party App ID of any form', { additionalFields: { thirdPartyAppid: 'shop-b' } }, { thirdPartyAppid: 'shop-b' }],
	])('%s is sent as given', async (_story, overrides, sent) => {
		await runNode({ parameters: createParameters(overrides), store, continueOnFail: true });
		expect(sandbox.requests('goodsAdd')[0].body.goodsInfo).toMatchObject(sent);
	});
});

describe('Goods → Update', () => {
	const update = (goodsId: number, updateFields: IDataObject, extra: IDataObject = {}) => ({
		resource: 'goods',
		operation: 'update',
		goodsId: goodsById(goodsId),
		imageSource: 'mediaId',
		updateFields,
		...extra,
	});

	it('with only a new price sends only goodsId and price: never a silent priceType 0', async () => {
		const [id] = seedGoods(1);
		const [item] = await runNode({ parameters: update(id, { price: 88 }), store });

		const [request] = sandbox.requests('goodsUpdate');
		expect(request.path).toBe('/wxaapi/broadcast/goods/update');
		expect(request.body).toEqual({ goodsInfo: { goodsId: id, price: 88 } });
		expect(item.json).toEqual({ goodsId: id, price: 88, updated: true });
		expect(findGoods(sandbox.state, id).price).toBe(88);
	});

	it('sends the price type too when it is given', async () => {
		const [id] = seedGoods(1);
		await runNode({ parameters: update(id, { priceType: 2, price: 20, price2: 30 }), store });
		expect(sandbox.requests('goodsUpdate')[0].body).toEqual({ goodsInfo: { goodsId: id, priceType: 2, price: 20, price2: 30 } });
	});

	it('changes every field of goods not yet approved, uploading a new cover given by URL', async () => {
		const [id] = seedGoods(1, 0);
		const url = `${sandbox.url}/__fixtures/image.png?w=120&h=120`;
		await runNode({ parameters: update(id, { name: '明前龙井 100g', url: '/pages/goods/tea', coverImgUrl: url }, { imageSource: 'url' }), store });

		const body = sandbox.requests('goodsUpdate')[0].body.goodsInfo as IDataObject;
		expect(body).toMatchObject({ goodsId: id, name: '明前龙井 100g', url: 'pages/goods/tea' });
		expect(body.coverImgUrl).toMatch(/^sbxmedia_/);
		expect(findGoods(sandbox.state, id).name).toBe('明前龙井 100g');
	});

	it('passes on WeChat’s refusal to rename approved goods (300010), with the fix', async () => {
		const [id] = seedGoods(1, 2);
		const items = await runNode({ parameters: update(id, { name: '明前龙井 100g' }), store, continueOnFail: true });
		expect(items[0].json).toMatchObject({ errcode: 300010 });
		expect(items[0].json.description).toMatch(/approved goods only accept price changes/);
	});

	it('sends a second price alone (the docs state no rule for it; WeChat decides)', async () => {
		const [id] = seedGoods(1, 0);
		await runNode({ parameters: update(id, { price2: 30 }), store, continueOnFail: true });
		expect(sandbox.requests('goodsUpdate')[0].body).toEqual({ goodsInfo: { goodsId: id, price2: 30 } });
	});

	const bad: Array<[string, IDataObject, RegExp]> = [
		['nothing to change', {}, /Update Fields in item 1 has no field to change/],
		['a switch to a range without the upper bound', { priceType: 2, price: 20 }, /Second Price in item 1 is missing, but a price range needs both prices/],
		['a second price for a fixed price', { priceType: 1, price: 20, price2: 30 }, /Second Price in item 1 is given for a fixed price/],
		['a price with 3 decimals', { price: 1.005 }, /Price in item 1 is 1.005, with more than 2 decimals/],
		['a name that is too long', { name: 'A very long English goods name' }, /Goods Name in item 1 is too long: “A very long English goods name” counts as 30 characters/],
	];

	it.each(bad)('refuses %s before calling WeChat', async (_story, fields, message) => {
		await expect(runNode({ parameters: update(5001, fields), store })).rejects.toThrow(message);
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('refuses a goods ID that is not a number', async () => {
		await expect(runNode({ parameters: update(0, { price: 1 }, { goodsId: goodsById('tea') }), store })).rejects.toThrow(
			'Goods in item 1 must be a positive whole number, got "tea".',
		);
		expect(sandbox.requests()).toHaveLength(0);
	});
});

describe('Goods → Delete, Cancel Audit, Resubmit Audit: the audit lifecycle', () => {
	const op = (operation: string, goodsId: number, extra: IDataObject = {}) => ({ resource: 'goods', operation, goodsId: goodsById(goodsId), ...extra });

	it('withdraws an audit, resubmits it with a new audit ID, and the reviewer’s approval shows in Get', async () => {
		const [created] = await runNode({ parameters: createParameters(), store });
		const { goodsId, auditId } = created.json as { goodsId: number; auditId: number };

		const [cancelled] = await runNode({ parameters: op('cancelAudit', goodsId, { auditId: String(auditId) }), store });
		expect(sandbox.requests('goodsResetAudit')[0]).toMatchObject({ path: '/wxaapi/broadcast/goods/resetaudit', body: { goodsId, auditId } });
		expect(cancelled.json).toEqual({ goodsId, auditId, audit_status: 0, audit_status_label: 'Not Submitted' });

		const [resubmitted] = await runNode({ parameters: op('resubmitAudit', goodsId), store });
		expect(sandbox.requests('goodsAudit')[0]).toMatchObject({ path: '/wxaapi/broadcast/goods/audit', body: { goodsId } });
		expect(resubmitted.json).toMatchObject({ goodsId, audit_status: 1, audit_status_label: 'Under Review' });
		expect(resubmitted.json.auditId).not.toBe(auditId);

		await control(`/goods/${goodsId}/audit`, { result: 'approve' });
		const [got] = await runNode({ parameters: { resource: 'goods', operation: 'get', goodsIds: String(goodsId) }, store });
		expect(got.json).toMatchObject({ goods_id: goodsId, audit_status: 2, audit_status_label: 'Approved' });
	});

	it('resubmits goods the reviewer rejected', async () => {
		const [goodsId] = seedGoods(1, 1);
		await control(`/goods/${goodsId}/audit`, { result: 'reject', reason: '图片不清晰' });
		expect(findGoods(sandbox.state, goodsId)).toMatchObject({ auditStatus: 3, rejectReason: '图片不清晰' });

		const [item] = await runNode({ parameters: op('resubmitAudit', goodsId), store });
		expect(item.json.audit_status).toBe(1);
	});

	it('explains why goods under review cannot be resubmitted (300010) or deleted (300014)', async () => {
		const [goodsId] = seedGoods(1, 1);
		const [resubmitted] = await runNode({ parameters: op('resubmitAudit', goodsId), store, continueOnFail: true });
		const [deleted] = await runNode({ parameters: op('delete', goodsId), store, continueOnFail: true });
		expect(resubmitted.json).toMatchObject({ errcode: 300010 });
		expect(deleted.json).toMatchObject({ errcode: 300014, description: expect.stringMatching(/Withdraw the audit first/) });
	});

	it('says there is nothing to withdraw for goods not submitted (300017)', async () => {
		const [goodsId] = seedGoods(1, 0);
		await expect(runNode({ parameters: op('cancelAudit', goodsId, { auditId: '900001' }), store })).rejects.toThrow(/not been submitted for audit/);
	});

	it('refuses an audit ID that is not a number before calling WeChat', async () => {
		await expect(runNode({ parameters: op('cancelAudit', 5001, { auditId: 'latest' }), store })).rejects.toThrow(
			'Audit ID in item 1 must be a positive whole number, got "latest".',
		);
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('deletes approved goods from the library', async () => {
		const [goodsId] = seedGoods(1, 2);
		const [item] = await runNode({ parameters: op('delete', goodsId), store });
		expect(sandbox.requests('goodsDelete')[0]).toMatchObject({ path: '/wxaapi/broadcast/goods/delete', body: { goodsId } });
		expect(item.json).toEqual({ goodsId, deleted: true });
		expect(sandbox.state.goods.size).toBe(0);
	});

	it('tells the user when goods were made in the MP console, which the API cannot manage (300011)', async () => {
		const { data } = await control('/goods/console', { name: 'Console tea', coverImgUrl: cover(), url: 'pages/a', priceType: 1, price: 5 });
		await expect(runNode({ parameters: op('delete', data.goodsId), store })).rejects.toThrow(/not created through the API/);
	});
});

describe('Goods → Get', () => {
	it('reads 45 goods in 3 calls of at most 20, one item each, in the order asked', async () => {
		const ids = seedGoods(45).reverse();
		const items = await runNode({ parameters: { resource: 'goods', operation: 'get', goodsIds: ids.join(', ') }, store });

		const calls = sandbox.requests('goodsWarehouse');
		expect(calls.map((c) => c.method)).toEqual(['POST', 'POST', 'POST']);
		expect(calls.map((c) => (c.body.goods_ids as number[]).length)).toEqual([20, 20, 5]);
		expect(items.map((i) => i.json.goods_id)).toEqual(ids);
		expect(items[0].json).toMatchObject({
			audit_status: 2,
			audit_status_label: 'Approved',
			price_type: 1,
			price_type_label: 'Fixed Price',
			price: 54,
			price_yuan: 54,
			price2_yuan: null,
			price_unit: 'yuan',
		});
	});

	it('batches the IDs of 45 input items too (one ID per row of a sheet), pairing each goods with its row', async () => {
		const ids = seedGoods(45);
		const items = await runNode({
			parameters: (i) => ({ resource: 'goods', operation: 'get', goodsIds: ids[i] }),
			items: ids.map((goodsId) => ({ json: { goodsId } })),
			store,
		});

		expect(sandbox.requests('goodsWarehouse')).toHaveLength(3);
		expect(items.map((i) => [i.json.goods_id, i.pairedItem])).toEqual(ids.map((id, i) => [id, { item: i }]));
	});

	it('takes IDs as an array from an expression, one per line, or mixed with numbers', async () => {
		const [a, b, c] = seedGoods(3);
		const items = await runNode({ parameters: { resource: 'goods', operation: 'get', goodsIds: [String(c), [a, `${b}\n${a}`]] }, store });
		expect(items.map((i) => i.json.goods_id)).toEqual([c, a, b]);
	});

	it('says which goods were not found; under Continue On Fail only that item fails', async () => {
		const [a] = seedGoods(1);
		await expect(runNode({ parameters: { resource: 'goods', operation: 'get', goodsIds: `${a}, 4242` }, store })).rejects.toThrow(
			'Goods 4242, asked for in item 1, was not found.',
		);

		const items = await runNode({
			parameters: (i) => ({ resource: 'goods', operation: 'get', goodsIds: [String(a), '4242', 'tea'][i] }),
			items: [{ json: {} }, { json: {} }, { json: {} }],
			store,
			continueOnFail: true,
		});
		expect(json(items)).toEqual([
			expect.objectContaining({ goods_id: a }),
			expect.objectContaining({ error: 'Goods 4242, asked for in item 2, was not found.' }),
			expect.objectContaining({ error: expect.stringMatching(/Goods IDs in item 3 has "tea" as entry 1/) }),
		]);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('refuses IDs that are not numbers, and an empty list, before calling WeChat', async () => {
		await expect(runNode({ parameters: { resource: 'goods', operation: 'get', goodsIds: '5001, 5002x' }, store })).rejects.toThrow(
			'Goods IDs in item 1 has "5002x" as entry 2, which is not a goods ID.',
		);
		await expect(runNode({ parameters: { resource: 'goods', operation: 'get', goodsIds: '' }, store })).rejects.toThrow('Goods IDs in item 1 is empty');
		expect(sandbox.requests()).toHaveLength(0);
	});
});

describe('Goods → Get Many', () => {
	const getMany = (extra: IDataObject) => ({ resource: 'goods', operation: 'getMany', status: 2, returnAll: true, ...extra });

	it('returns all 250 approved goods, paging 100 at a time with GET, with labels and prices in yuan', async () => {
		seedGoods(250, 2, { priceType: 2, price: 10, price2: 12.5 });
		seedGoods(3, 3);
		const items = await runNode({ parameters: getMany({}), store });

		expect(items).toHaveLength(250);
		const calls = sandbox.requests('goodsApproved');
		expect(calls.map((c) => c.method)).toEqual(['GET', 'GET', 'GET']);
		expect(calls[0].path).toBe('/wxaapi/broadcast/goods/getapproved');
		expect(calls.map((c) => ({ offset: c.query.offset, limit: c.query.limit, status: c.query.status }))).toEqual([
			{ offset: '0', limit: '100', status: '2' },
			{ offset: '100', limit: '100', status: '2' },
			{ offset: '200', limit: '100', status: '2' },
		]);
		expect(items[0].json).toMatchObject({
			goodsId: 5001,
			priceType: 2,
			price_type_label: 'Price Range',
			price_yuan: 10,
			price2_yuan: 12.5,
			price_unit: 'yuan',
			audit_status: 2,
			audit_status_label: 'Approved',
		});
	});

	it('stops at the limit, and lists rejected goods when asked for them', async () => {
		seedGoods(150, 3);
		const items = await runNode({ parameters: getMany({ status: 3, returnAll: false, limit: 120 }), store });

		expect(items).toHaveLength(120);
		expect(sandbox.requests('goodsApproved').map((c) => [c.query.offset, c.query.limit])).toEqual([
			['0', '100'],
			['100', '20'],
		]);
		expect(items[0].json.audit_status_label).toBe('Rejected');
	});

	it('returns no items when no goods have the status', async () => {
		expect(await runNode({ parameters: getMany({ status: 1 }), store })).toHaveLength(0);
		expect(apiRequests()).toHaveLength(1);
	});
});

describe('the Goods picker', () => {
	it('lists approved goods first, then the others, searchable by name or ID', async () => {
		const [pending] = seedGoods(1, 1, { name: 'Green tea new' });
		const [approved] = seedGoods(1, 2, { name: 'Green tea classic' });
		seedGoods(1, 2, { name: 'Oolong' });
		const context = executeContext({ parameters: {}, store }) as never;

		const { results } = await searchGoods.call(context, 'green');
		expect(results).toEqual([
			{ name: `Green tea classic (#${approved}, Approved)`, value: String(approved) },
			{ name: `Green tea new (#${pending}, Under Review)`, value: String(pending) },
		]);
		expect(sandbox.requests('goodsApproved').map((r) => r.query.status)).toEqual(['2', '1', '0', '3']);
		expect((await searchGoods.call(context, String(pending))).results).toHaveLength(1);
	});
});
