// Goods inside a room in a real n8n (issue 3, part B). Format: ./README.md.
// Each case makes its own room and goods in setup (all setups run first, on one shared sandbox).
const { storeMedia } = require('../../sandbox/routes/media');
const { findRoom } = require('../../sandbox/routes/rooms');
const { sandboxRoom } = require('../../sandbox/fixtures');
const { addGoods, roomGoodsView } = require('../../sandbox/routes/goods');
const { png } = require('../../sandbox/images');

const byId = (id) => ({ __rl: true, mode: 'id', value: String(id) });

/** A room with `count` approved goods; the first `imported` of them are already in the room. */
function roomWithGoods(sandbox, name, { count = 2, imported = count, liveStatus = 102 } = {}) {
	const media = storeMedia(sandbox.state, png(100, 100), 'image/png');
	const room = sandboxRoom(sandbox, { name });
	room.liveStatus = liveStatus;
	const goods = Array.from({ length: count }, (_, i) =>
		addGoods(sandbox.state, { name: `${name} tea ${i + 1}`, coverImgUrl: media, url: 'pages/goods/detail', priceType: 1, price: 20 + i }, { status: 2 }),
	);
	for (const g of goods.slice(0, imported)) room.goods.push(roomGoodsView(g, sandbox.url));
	return { roomId: room.roomId, goodsIds: goods.map((g) => g.goodsId) };
}

const roomGoodsIds = (sandbox, roomId) => findRoom(sandbox.state, roomId).goods.map((g) => g.goods_id);
const inRoom = (operation, ctx, goodsId, extra = {}) => ({
	resource: 'roomGoods',
	operation,
	roomId: byId(ctx.roomId),
	goodsId: byId(goodsId),
	...extra,
});

module.exports = [
	{
		title: 'Room Goods → Import adds approved goods to a room, listed by getliveinfo in fen',
		setup: (sandbox) => roomWithGoods(sandbox, 'E2E import room', { imported: 0 }),
		parameters: (ctx) => ({ resource: 'roomGoods', operation: 'import', roomId: byId(ctx.roomId), ids: ctx.goodsIds.join(', ') }),
		check: ({ items, requests, sandbox, ctx }) => {
			expect(requests.map((r) => [r.endpoint, r.path])).toEqual([['roomAddGoods', '/wxaapi/broadcast/room/addgoods']]);
			expect(requests[0].body).toEqual({ ids: ctx.goodsIds, roomId: ctx.roomId });
			expect(items).toEqual([{ roomId: ctx.roomId, ids: ctx.goodsIds, imported: true }]);
			expect(findRoom(sandbox.state, ctx.roomId).goods[0]).toMatchObject({ goods_id: ctx.goodsIds[0], price: 2000 });
		},
	},
	{
		title: 'Room Goods → Set Sale takes goods off the shelf',
		setup: (sandbox) => roomWithGoods(sandbox, 'E2E sale room'),
		parameters: (ctx) => inRoom('setSale', ctx, ctx.goodsIds[0], { onSale: false }),
		check: ({ items, requests, ctx }) => {
			expect(requests.map((r) => [r.endpoint, r.path])).toEqual([['goodsOnSale', '/wxaapi/broadcast/goods/onsale']]);
			expect(requests[0].body).toEqual({ roomId: ctx.roomId, goodsId: ctx.goodsIds[0], onSale: 0 });
			expect(items).toEqual([{ roomId: ctx.roomId, goodsId: ctx.goodsIds[0], onSale: 0 }]);
		},
	},
	{
		title: 'Room Goods → Remove takes goods out of a room',
		setup: (sandbox) => roomWithGoods(sandbox, 'E2E remove room'),
		parameters: (ctx) => inRoom('remove', ctx, ctx.goodsIds[0]),
		check: ({ items, requests, sandbox, ctx }) => {
			expect(requests.map((r) => [r.endpoint, r.path])).toEqual([['goodsDeleteInRoom', '/wxaapi/broadcast/goods/deleteInRoom']]);
			expect(requests[0].body).toEqual({ roomId: ctx.roomId, goodsId: ctx.goodsIds[0] });
			expect(items).toEqual([{ roomId: ctx.roomId, goodsId: ctx.goodsIds[0], removed: true }]);
			expect(roomGoodsIds(sandbox, ctx.roomId)).toEqual([ctx.goodsIds[1]]);
		},
	},
	{
		title: 'Room Goods → Push shows goods to the viewers of a live room',
		setup: (sandbox) => roomWithGoods(sandbox, 'E2E push room', { liveStatus: 101 }),
		parameters: (ctx) => inRoom('push', ctx, ctx.goodsIds[1]),
		check: ({ items, requests, ctx }) => {
			expect(requests.map((r) => [r.endpoint, r.path])).toEqual([['goodsPush', '/wxaapi/broadcast/goods/push']]);
			expect(requests[0].body).toEqual({ roomId: ctx.roomId, goodsId: ctx.goodsIds[1] });
			expect(items).toEqual([{ roomId: ctx.roomId, goodsId: ctx.goodsIds[1], pushed: true }]);
		},
	},
	{
		title: 'Room Goods → Sort orders the shelf as listed',
		setup: (sandbox) => roomWithGoods(sandbox, 'E2E sort room', { count: 3 }),
		parameters: (ctx) => ({ resource: 'roomGoods', operation: 'sort', roomId: byId(ctx.roomId), goods: `${ctx.goodsIds[2]}, ${ctx.goodsIds[0]}` }),
		check: ({ items, requests, sandbox, ctx }) => {
			const [a, b, c] = ctx.goodsIds;
			expect(requests.map((r) => [r.endpoint, r.path])).toEqual([['goodsSort', '/wxaapi/broadcast/goods/sort']]);
			expect(requests[0].body).toEqual({ roomId: ctx.roomId, goods: [{ goodsId: c }, { goodsId: a }] });
			expect(items).toEqual([{ roomId: ctx.roomId, goods: [{ goodsId: c }, { goodsId: a }], sorted: true }]);
			expect(roomGoodsIds(sandbox, ctx.roomId)).toEqual([c, a, b]);
		},
	},
	{
		title: 'Room Goods → Get Video returns the explanation video link',
		setup: (sandbox) => {
			const ctx = roomWithGoods(sandbox, 'E2E video room');
			const url = 'https://sandbox.video.qq.com/e2e-explanation.mp4';
			findRoom(sandbox.state, ctx.roomId).goodsVideos = { [ctx.goodsIds[0]]: { state: 'ready', url } };
			return { ...ctx, url };
		},
		parameters: (ctx) => inRoom('getVideo', ctx, ctx.goodsIds[0]),
		check: ({ items, requests, ctx }) => {
			expect(requests.map((r) => [r.endpoint, r.method, r.path])).toEqual([['goodsGetVideo', 'POST', '/wxaapi/broadcast/goods/getVideo']]);
			expect(requests[0].body).toEqual({ roomId: ctx.roomId, goodsId: ctx.goodsIds[0] });
			expect(items).toEqual([{ roomId: ctx.roomId, goodsId: ctx.goodsIds[0], url: ctx.url }]);
		},
	},
];
