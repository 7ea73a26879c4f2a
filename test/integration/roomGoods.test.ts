import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { withPrices } from '../../nodes/WeChatLive/helpers/prices';
import type { Sandbox as SandboxOf } from '../support/sandbox';
import { sandboxMedia, sandboxRoom, useSandbox } from '../support/sandbox';
import { CredentialStore, roomById, runNode } from '../support/executeContext';

const { addGoods } = require('../sandbox/routes/goods');

type Room = IDataObject & { goods: IDataObject[]; liveStatus: number };
type Sandbox = SandboxOf<IDataObject & { rooms: Map<number, Room>; clockOffsetMs: number }>;

let sandbox: Sandbox;
let store: CredentialStore;
let roomId: number;
let teas: number[];

const goodsById = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
const room = () => sandbox.state.rooms.get(roomId)!;
const roomGoodsIds = () => room().goods.map((g) => g.goods_id);
const control = (path: string, body: IDataObject = {}) => axios.post(`${sandbox.url}/__sandbox${path}`, body);
const op = (operation: string, extra: IDataObject = {}) => ({ resource: 'roomGoods', operation, roomId: roomById(roomId), ...extra });
const withGoods = (operation: string, goodsId: number | string, extra: IDataObject = {}) => op(operation, { goodsId: goodsById(goodsId), ...extra });

/** Tonight's room and three approved teas; `imported` are already in the room. */
function setUp(imported: number[] = []) {
	const media = sandboxMedia(sandbox);
	roomId = sandboxRoom(sandbox).roomId;
	teas = [
		{ name: '西湖龙井 250g', price: 99.5 },
		{ name: 'Oolong sampler', priceType: 2, price: 30, price2: 45.8 },
		{ name: 'Pu-erh cake 357g', priceType: 3, price: 200, price2: 159 },
	].map((t) => addGoods(sandbox.state, { coverImgUrl: media, url: 'pages/goods/detail', priceType: 1, ...t }, { status: 2 }).goodsId);
	for (const i of imported) room().goods.push({ goods_id: teas[i], name: `tea ${i}` });
}

useSandbox<Sandbox['state']>((started, credentials) => {
	sandbox = started;
	store = credentials;
});

describe('Room Goods → Import', () => {
	it('puts approved goods into tonight’s room, and Room → Get lists them with prices in fen', async () => {
		setUp();
		const [item] = await runNode({ parameters: op('import', { ids: teas.join(', ') }), store });

		const [request] = sandbox.requests('roomAddGoods');
		expect(request).toMatchObject({ method: 'POST', path: '/wxaapi/broadcast/room/addgoods', body: { ids: teas, roomId } });
		expect(item.json).toEqual({ roomId, ids: teas, imported: true });

		const [listed] = await runNode({ parameters: { resource: 'room', operation: 'get', roomId: roomById(roomId) }, store });
		const goods = listed.json.goods as IDataObject[];
		expect(goods.map((g) => g.goods_id)).toEqual(teas);
		expect(goods[0]).toMatchObject({ name: '西湖龙井 250g', price: 9950, price_type: 1 });
		// The shared price rule: WeChat's fen kept, yuan beside it.
		expect(withPrices(goods[1], 'fen')).toMatchObject({ price: 3000, price2: 4580, price_yuan: 30, price2_yuan: 45.8, price_unit: 'fen', price_type_label: 'Price Range' });
	});

	it('adds to what the room has: importing again keeps the goods already there', async () => {
		setUp([0]);
		await runNode({ parameters: op('import', { ids: [teas[2], teas[0]] }), store });
		expect(roomGoodsIds()).toEqual([teas[0], teas[2]]);
	});

	it('shows a new price of imported goods in the room, in fen', async () => {
		setUp();
		await runNode({ parameters: op('import', { ids: String(teas[0]) }), store });
		await runNode({ parameters: { resource: 'goods', operation: 'update', goodsId: goodsById(teas[0]), imageSource: 'mediaId', updateFields: { price: 89.9 } }, store });
		expect(room().goods[0]).toMatchObject({ goods_id: teas[0], price: 8990 });
	});

	it('explains that goods still under review cannot be imported (300025)', async () => {
		setUp();
		const pending = addGoods(sandbox.state, { name: 'New tea 2026', coverImgUrl: 'x', url: 'pages/a', priceType: 1, price: 1 }).goodsId;
		await expect(runNode({ parameters: op('import', { ids: String(pending) }), store })).rejects.toThrow(
			'The goods have not passed the audit (WeChat errcode 300025)',
		);
	});

	it('refuses goods IDs that are not numbers, and a room ID that is not one, before calling WeChat', async () => {
		setUp();
		await expect(runNode({ parameters: op('import', { ids: '5001, green tea' }), store })).rejects.toThrow(
			'Goods IDs in item 1 has "green" as entry 2, which is not a goods ID.',
		);
		await expect(runNode({ parameters: { ...op('import', { ids: '5001' }), roomId: roomById('tonight') }, store })).rejects.toThrow(
			'Room in item 1 must be a positive whole number, got "tonight".',
		);
		expect(sandbox.requests()).toHaveLength(0);
	});
});

describe('Room Goods during the show: Set Sale, Push, Remove', () => {
	it('pushes goods to viewers of the live room, one push at a time', async () => {
		setUp([0, 1]);
		room().liveStatus = 101;
		const [item] = await runNode({ parameters: withGoods('push', teas[0]), store });
		expect(sandbox.requests('goodsPush')[0]).toMatchObject({ path: '/wxaapi/broadcast/goods/push', body: { roomId, goodsId: teas[0] } });
		expect(item.json).toEqual({ roomId, goodsId: teas[0], pushed: true });

		await expect(runNode({ parameters: withGoods('push', teas[1]), store })).rejects.toThrow(/Goods are being pushed right now/);
		sandbox.state.clockOffsetMs = 10_000;
		await runNode({ parameters: withGoods('push', teas[1]), store });
		expect(sandbox.requests('goodsPush').map((r) => r.errcode)).toEqual([0, 300047, 0]);
	});

	it('takes goods off sale (onSale 0), which cannot then be pushed, and puts them back', async () => {
		setUp([0]);
		room().liveStatus = 101;
		const [off] = await runNode({ parameters: withGoods('setSale', teas[0], { onSale: false }), store });
		expect(sandbox.requests('goodsOnSale')[0]).toMatchObject({ path: '/wxaapi/broadcast/goods/onsale', body: { roomId, goodsId: teas[0], onSale: 0 } });
		expect(off.json).toEqual({ roomId, goodsId: teas[0], onSale: 0 });

		await expect(runNode({ parameters: withGoods('push', teas[0]), store })).rejects.toThrow('Goods that are off sale cannot be pushed (WeChat errcode 300052)');
		await runNode({ parameters: withGoods('setSale', teas[0], { onSale: true }), store });
		expect(sandbox.requests('goodsOnSale')[1].body.onSale).toBe(1);
		await runNode({ parameters: withGoods('push', teas[0]), store });
	});

	it('says a room that is not live cannot push (300023)', async () => {
		setUp([0]);
		await expect(runNode({ parameters: withGoods('push', teas[0]), store })).rejects.toThrow(/The room’s status does not allow this operation/);
	});

	it('removes goods from the room, which stay in the library', async () => {
		setUp([0, 1]);
		const [item] = await runNode({ parameters: withGoods('remove', teas[0]), store });
		expect(sandbox.requests('goodsDeleteInRoom')[0]).toMatchObject({ path: '/wxaapi/broadcast/goods/deleteInRoom', body: { roomId, goodsId: teas[0] } });
		expect(item.json).toEqual({ roomId, goodsId: teas[0], removed: true });
		expect(roomGoodsIds()).toEqual([teas[1]]);
		expect((sandbox.state.goods as Map<number, unknown>).has(teas[0])).toBe(true);
	});

	it('says which goods are not in the room (300053)', async () => {
		setUp([0]);
		await expect(runNode({ parameters: withGoods('remove', teas[2]), store })).rejects.toThrow('These goods are not in the room (WeChat errcode 300053)');
	});

	it('deleting goods from the library also takes them out of the room', async () => {
		setUp([0, 1]);
		await runNode({ parameters: { resource: 'goods', operation: 'delete', goodsId: goodsById(teas[1]) }, store });
		expect(roomGoodsIds()).toEqual([teas[0]]);
	});

	it('refuses a goods ID that is not a number before calling WeChat', async () => {
		setUp();
		for (const operation of ['setSale', 'remove', 'push', 'getVideo']) {
			await expect(runNode({ parameters: withGoods(operation, 'tea', { onSale: true }), store })).rejects.toThrow(
				'Goods in item 1 must be a positive whole number, got "tea".',
			);
		}
		expect(sandbox.requests()).toHaveLength(0);
	});
});

describe('Room Goods → Sort', () => {
	it('orders the shelf as listed: goods: [{ goodsId }] with numeric IDs', async () => {
		setUp([0, 1, 2]);
		const [item] = await runNode({ parameters: op('sort', { goods: `${teas[2]}\n${teas[0]}` }), store });

		const expected = [{ goodsId: teas[2] }, { goodsId: teas[0] }];
		expect(sandbox.requests('goodsSort')[0]).toMatchObject({ path: '/wxaapi/broadcast/goods/sort', body: { roomId, goods: expected } });
		expect(item.json).toEqual({ roomId, goods: expected, sorted: true });
		expect(roomGoodsIds()).toEqual([teas[2], teas[0], teas[1]]);
	});

	it('refuses an empty order before calling WeChat', async () => {
		setUp();
		await expect(runNode({ parameters: op('sort', { goods: '' }), store })).rejects.toThrow('Goods Order in item 1 is empty.');
		expect(sandbox.requests()).toHaveLength(0);
	});
});

describe('Room Goods → Get Video', () => {
	it('returns the link to the anchor’s explanation video', async () => {
		setUp([0]);
		await control(`/rooms/${roomId}/goods/${teas[0]}/video`, { url: 'https://sandbox.video.qq.com/longjing.mp4' });
		const [item] = await runNode({ parameters: withGoods('getVideo', teas[0]), store });

		expect(sandbox.requests('goodsGetVideo')[0]).toMatchObject({ method: 'POST', path: '/wxaapi/broadcast/goods/getVideo', body: { roomId, goodsId: teas[0] } });
		expect(item.json).toEqual({ roomId, goodsId: teas[0], url: 'https://sandbox.video.qq.com/longjing.mp4' });
	});

	it('says when there is no video (300044) or it is not ready yet (300045)', async () => {
		setUp([0, 1]);
		await control(`/rooms/${roomId}/goods/${teas[1]}/video`, { state: 'pending' });
		const items = await runNode({
			parameters: (i) => withGoods('getVideo', teas[i]),
			items: [{ json: {} }, { json: {} }],
			store,
			continueOnFail: true,
		});
		expect(items.map((i) => i.json.errcode)).toEqual([300044, 300045]);
	});
});
