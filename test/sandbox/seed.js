// Demo data for `npm run sandbox` / `npm start`: a few rooms in different states, so a first
// Room → Get Many shows something real.
const { storeMedia } = require('./routes/media');
const { createRoom } = require('./routes/rooms');
const { png } = require('./images');
const { nowSeconds } = require('./state');

function seedDemo(state) {
	const cover = storeMedia(state, png(108, 192), 'image/png');
	const share = storeMedia(state, png(80, 64), 'image/png');
	const feeds = storeMedia(state, png(80, 80), 'image/png');
	const now = nowSeconds(state);
	const rooms = [
		{ name: '圣诞节特卖直播', offset: -1800, status: 101 },
		{ name: 'Spring tea tasting', offset: 2 * 86400, status: 102 },
		{ name: '新品发布会回顾', offset: -3 * 86400, status: 103 },
	];
	for (const r of rooms) {
		const room = createRoom(state, {
			name: r.name,
			coverImg: cover,
			shareImg: share,
			feedsImg: feeds,
			startTime: now + r.offset,
			endTime: now + r.offset + 2 * 3600,
			anchorName: 'Sandbox Anchor',
			anchorWechat: 'sandbox_anchor',
			type: 0,
			closeLike: 0,
			closeGoods: 0,
			closeComment: 0,
		});
		room.liveStatus = r.status;
	}
}

module.exports = { seedDemo };
