// Goods inside a room: room/addgoods, goods/onsale, goods/deleteInRoom, goods/push, goods/sort,
// goods/getVideo (WeChat's pages: ../endpoints.js). A room's `goods` array is exactly what getliveinfo
// lists (WeChat's shape, prices in fen); what getliveinfo does not show (on/off shelf, the push under way,
// explanation videos) is kept beside it on the room.
const { fail, ok, isInt } = require('./util');
const { nowSeconds } = require('../state');
const { findRoom } = require('./rooms');
const { AUDIT, findGoods, roomGoodsView } = require('./goods');

/** How long a pushed goods card stays up; WeChat refuses another push, removal or shelf change meanwhile. */
const PUSH_SECONDS = 5;
/** WeChat's limit per room is undocumented (300033); the sandbox picks 500. */
const MAX_ROOM_GOODS = 500;
/** Ended, banned, expired: rooms WeChat no longer lets you change (300023). */
const CLOSED = [103, 104, 107];

function roomFrom(state, body) {
	if (!isInt(body.roomId)) return { error: fail(200002, 'parameter roomId must no be null') };
	const room = findRoom(state, body.roomId);
	return room ? { room } : { error: fail(300022, 'room not exist') };
}

/** The room, the goods (in the library and in this room) from { roomId, goodsId }. */
function roomAndGoods(state, body) {
	const { room, error } = roomFrom(state, body);
	if (error) return { error };
	if (!isInt(body.goodsId)) return { error: fail(200002, 'parameter goodsId must no be null') };
	if (!findGoods(state, body.goodsId)) return { error: fail(300024, 'goods not exist') };
	const item = room.goods.find((g) => g.goods_id === body.goodsId);
	return item ? { room, item } : { error: fail(300053, 'goods not in this room') };
}

const pushing = (state, room) => room.pushing && room.pushing.until > nowSeconds(state) ? room.pushing : undefined;
const offSale = (room) => (room.offSaleGoods ??= []);

module.exports = {
	roomAddGoods({ state, body, baseUrl }) {
		if (!Array.isArray(body.ids) || body.ids.length === 0) return fail(200002, 'goodsInfo must not be empty');
		if (!body.ids.every(isInt)) return fail(200002, 'parameter ids is invalid');
		const { room, error } = roomFrom(state, body);
		if (error) return error;
		if (CLOSED.includes(room.liveStatus)) return fail(300023, 'room status intercepted');
		for (const id of body.ids) {
			const goods = findGoods(state, id);
			if (!goods) return fail(300024, `goods ${id} not exist`);
			if (goods.auditStatus !== AUDIT.approved) return fail(300025, `goods ${id} audit not approved`);
		}
		// Additive: goods already in the room stay where they are.
		const added = body.ids.filter((id, i) => body.ids.indexOf(id) === i && !room.goods.some((g) => g.goods_id === id));
		if (room.goods.length + added.length > MAX_ROOM_GOODS) return fail(300033, 'room goods exceed the limit');
		for (const id of added) room.goods.push(roomGoodsView(findGoods(state, id), baseUrl));
		return ok();
	},

	goodsOnSale({ state, body }) {
		if (body.onSale !== 0 && body.onSale !== 1) return fail(200002, 'parameter onSale is invalid');
		const { room, item, error } = roomAndGoods(state, body);
		if (error) return error;
		if (pushing(state, room)?.goodsId === item.goods_id) return fail(300049, 'goods being pushed cannot go on or off sale');
		const list = offSale(room);
		room.offSaleGoods = body.onSale ? list.filter((id) => id !== item.goods_id) : [...new Set([...list, item.goods_id])];
		return ok();
	},

	goodsDeleteInRoom({ state, body }) {
		const { room, item, error } = roomAndGoods(state, body);
		if (error) return error;
		if (pushing(state, room)) return fail(300047, 'a goods is being pushed, try again later');
		room.goods = room.goods.filter((g) => g !== item);
		room.offSaleGoods = offSale(room).filter((id) => id !== item.goods_id);
		return ok();
	},

	goodsPush({ state, body }) {
		const { room, item, error } = roomAndGoods(state, body);
		if (error) return error;
		if (room.liveStatus !== 101) return fail(300023, 'room status intercepted: goods can only be pushed while live');
		if (offSale(room).includes(item.goods_id)) return fail(300052, 'goods off sale cannot be pushed');
		if (pushing(state, room)) return fail(300047, 'a goods is being pushed, try again later');
		room.pushing = { goodsId: item.goods_id, until: nowSeconds(state) + PUSH_SECONDS };
		return ok();
	},

	goodsSort({ state, body }) {
		if (!Array.isArray(body.goods) || body.goods.length === 0) return fail(300050, 'goods list to sort is empty');
		// The docs' table types goodsId as a number, their example sends strings: both are taken.
		const ids = body.goods.map((g) => (g && typeof g === 'object' ? Number(g.goodsId) : NaN));
		if (!ids.every(isInt)) return fail(300051, 'parse json error');
		const { room, error } = roomFrom(state, body);
		if (error) return error;
		if (CLOSED.includes(room.liveStatus)) return fail(300023, 'room status intercepted');
		const missing = ids.find((id) => !room.goods.some((g) => g.goods_id === id));
		if (missing !== undefined) return fail(300053, `goods ${missing} not in this room`);
		const listed = ids.map((id) => room.goods.find((g) => g.goods_id === id));
		room.goods = [...new Set([...listed, ...room.goods])];
		return ok();
	},

	goodsGetVideo({ state, body }) {
		const { room, item, error } = roomAndGoods(state, body);
		if (error) return error;
		const video = room.goodsVideos?.[item.goods_id];
		if (!video) return fail(300044, 'goods has no explanation video');
		if (video.state === 'pending') return fail(300045, 'explanation video not generated yet');
		if (video.state === 'failed') return fail(300046, 'explanation video generation failed');
		return ok({ url: video.url });
	},

	control: {
		/** Body { state: 'ready' | 'pending' | 'failed', url }: the anchor explained the goods during the show. */
		'POST /rooms/:roomId/goods/:goodsId/video': ({ state, params, body }) => {
			const room = findRoom(state, params.roomId);
			if (!room) throw new Error(`no room ${params.roomId}`);
			const videoState = body.state ?? 'ready';
			const url = body.url ?? `https://sandbox.video.qq.com/goods/${params.roomId}/${params.goodsId}.mp4`;
			room.goodsVideos = { ...room.goodsVideos, [Number(params.goodsId)]: { state: videoState, url } };
			return room.goodsVideos[Number(params.goodsId)];
		},
		/** Ends the push under way, so the next one is accepted without waiting. */
		'POST /rooms/:roomId/push/end': ({ state, params }) => {
			const room = findRoom(state, params.roomId);
			if (!room) throw new Error(`no room ${params.roomId}`);
			room.pushing = undefined;
		},
	},

	PUSH_SECONDS,
};
