// Rooms that already exist, for tests and benchmarks that need one to read, edit or go live in, without
// calling Room → Create first.
const { storeMedia } = require('./routes/media');
const { createRoom } = require('./routes/rooms');
const { png } = require('./images');
const { nowSeconds } = require('./state');

/**
 * A valid room in this sandbox (IDs from 1001), starting tomorrow for 2 hours, not started; `overrides`
 * replaces any of createroom's fields. Returns the stored room, which tests may change (e.g. liveStatus).
 */
function sandboxRoom(sandbox, overrides = {}) {
	const media = storeMedia(sandbox.state, png(100, 100), 'image/png');
	const start = nowSeconds(sandbox.state) + 86400;
	return createRoom(sandbox.state, {
		name: 'Tea tasting night',
		coverImg: media,
		shareImg: media,
		feedsImg: media,
		startTime: start,
		endTime: start + 7200,
		anchorName: 'Anchor Lin',
		anchorWechat: 'lin_anchor',
		type: 0,
		closeLike: 0,
		closeGoods: 0,
		closeComment: 0,
		...overrides,
	});
}

module.exports = { sandboxRoom };
