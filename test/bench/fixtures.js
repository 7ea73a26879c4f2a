// Sandbox set-ups shared by the benchmarks.
const { images } = require('../sandbox');
const { storeMedia } = require('../sandbox/routes/media');
const { createRoom } = require('../sandbox/routes/rooms');
const { addGoods } = require('../sandbox/routes/goods');

/**
 * `count` live rooms with one approved goods in each. The sandbox (like WeChat) keeps a pushed goods card
 * up for 5 s and refuses another push in that room meanwhile (300047), so 1,000 pushes are legitimate
 * when each goes to its own room; endPushes() then takes every card down (as POST
 * /__sandbox/rooms/:id/push/end does) so the next round can push again.
 */
function liveRoomsWithGoods(state, count) {
	const media = storeMedia(state, images.png(10, 10), 'image/png');
	const { goodsId } = addGoods(state, { name: 'Bench tea', coverImgUrl: media, url: 'pages/goods/detail', priceType: 1, price: 10 }, { status: 2 });
	const start = Math.floor(Date.now() / 1000) + 86400;
	return Array.from({ length: count }, (_, i) => {
		const room = createRoom(state, {
			name: `Bench room ${i}`,
			coverImg: media,
			shareImg: media,
			feedsImg: media,
			startTime: start,
			endTime: start + 7200,
			anchorName: 'Anchor Bench',
			anchorWechat: 'bench_anchor',
			type: 0,
			closeLike: 0,
			closeGoods: 0,
			closeComment: 0,
		});
		room.liveStatus = 101;
		room.goods.push({ goods_id: goodsId, name: 'Bench tea' });
		return { roomId: room.roomId, goodsId };
	});
}

function endPushes(state) {
	for (const room of state.rooms.values()) room.pushing = undefined;
}

/** The sandbox's current stable token, as any caller of stable_token (normal mode) would get it. */
async function sandboxToken(sandbox) {
	const axios = require('axios');
	const { data } = await axios.post(`${sandbox.url}/cgi-bin/stable_token`, {
		grant_type: 'client_credential',
		appid: sandbox.app.appId,
		secret: sandbox.app.appSecret,
		force_refresh: false,
	});
	return data.access_token;
}

module.exports = { liveRoomsWithGoods, endPushes, sandboxToken };
