// Demo data for `npm run sandbox` / `npm start`: a few rooms in different states, so a first
// Room → Get Many shows something real.
const { storeMedia } = require('./routes/media');
const { createRoom } = require('./routes/rooms');
const { addGoods, roomGoodsView, AUDIT } = require('./routes/goods');
const { png } = require('./images');
const { nowSeconds } = require('./state');

function seedDemo(state, baseUrl) {
	const cover = storeMedia(state, png(108, 192), 'image/png');
	const share = storeMedia(state, png(80, 64), 'image/png');
	const feeds = storeMedia(state, png(80, 80), 'image/png');
	const now = nowSeconds(state);
	const rooms = [
		{ name: '圣诞节特卖直播', offset: -1800, status: 101 },
		{ name: 'Spring tea tasting', offset: 2 * 86400, status: 102 },
		{ name: '新品发布会回顾', offset: -3 * 86400, status: 103 },
	];
	const goodsCover = storeMedia(state, png(100, 100), 'image/png');
	const goods = [
		['Oolong tea 250 g', 1, 99.5, 0, AUDIT.approved],
		['Jasmine tea gift box', 3, 168, 128, AUDIT.approved],
		['白瓷茶杯套装', 2, 59, 89, AUDIT.underReview],
		['Tea tray (rejected)', 1, 39, 0, AUDIT.rejected],
		['Travel tea set', 1, 129, 0, AUDIT.notSubmitted],
	].map(([name, priceType, price, price2, status]) =>
		addGoods(state, { name, coverImgUrl: goodsCover, url: 'pages/goods/detail?id=1', priceType, price, price2 }, { status }),
	);
	const [rejected] = goods.filter((g) => g.auditStatus === AUDIT.rejected);
	rejected.rejectReason = 'The picture does not show the product';
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
		if (r.status === 101) {
			for (const g of goods.filter((x) => x.auditStatus === AUDIT.approved)) room.goods.push(roomGoodsView(g, baseUrl));
		}
	}
}

module.exports = { seedDemo };
