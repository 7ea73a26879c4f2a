// The goods library: add / update / delete / resetaudit / audit / getgoodswarehouse / getapproved, with
// WeChat's checks and errcodes (docs/wechat-facts.md, "Goods fields") and its audit state machine:
//   0 not submitted ──resubmit──▶ 1 under review ──(control route)──▶ 2 approved | 3 rejected (with a reason)
//   1 ──resetaudit──▶ 0; a rejected goods can be changed and resubmitted.
// Add and resubmit share 500 audits a day (300012). Prices are stored as sent, in yuan; the library
// reads answer in yuan, the goods inside getliveinfo rooms in fen, as WeChat documents them.
const { fail, ok, weightedLength, isInt } = require('./util');
const { nowSeconds } = require('../state');
const { mediaExists } = require('./media');

const AUDIT = { notSubmitted: 0, underReview: 1, approved: 2, rejected: 3 };
const DAILY_AUDITS = 500;
/** third_party_tag of goods created through the API (WeChat uses 1 or 2); console goods have 0. */
const API_TAG = 2;
const PRICE_FIELDS = ['priceType', 'price', 'price2'];

// ── WeChat's rules ────────────────────────────────────────────────────────────────────────────────

/** Width and height of a PNG, GIF or JPEG, from its header. */
function imageSize(data) {
	if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47) return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
	if (data.length >= 10 && data.toString('latin1', 0, 4) === 'GIF8') return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
	for (let offset = 2; offset + 9 < data.length; offset += 2 + data.readUInt16BE(offset + 2)) {
		const marker = data[offset + 1];
		if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
			return { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
		}
	}
	return undefined;
}

/** WeChat took prices as numbers or numeric strings (SDKs send both); 0 is refused (WxJava #1798). */
function asPrice(value) {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return undefined;
	return Math.abs(Math.round(n * 100) - n * 100) < 1e-6 ? n : undefined;
}

function checkPrices({ priceType, price, price2 }) {
	if (![1, 2, 3].includes(priceType)) return fail(300003, 'price input invalid: priceType must be 1, 2 or 3');
	const p = asPrice(price);
	if (p === undefined) return fail(300003, 'price input invalid');
	if (priceType === 1) return undefined;
	const p2 = asPrice(price2);
	if (p2 === undefined) return fail(300003, 'price input invalid: price2');
	if (priceType === 2 && !(p2 > p)) return fail(300003, 'price input invalid: price2 must be more than price');
	if (priceType === 3 && !(p2 < p)) return fail(300003, 'price input invalid: price2 must be less than price');
	return undefined;
}

function checkName(name) {
	const length = typeof name === 'string' ? weightedLength(name) : 0;
	return length < 6 || length > 28 ? fail(300002, 'name length invalid') : undefined;
}

/** A page of the online version: no leading "/", no scheme, query values URL-encoded (printable ASCII only). */
function checkUrl(url) {
	if (typeof url !== 'string' || url === '') return fail(200002, 'url must not be empty');
	if (url.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(url) || /[^\x21-\x7e]/.test(url)) {
		return fail(300007, 'url not exist in online version');
	}
	return undefined;
}

function checkCover(state, mediaId) {
	if (!mediaExists(state, mediaId)) return fail(300006, 'coverImgUrl upload failed, media_id invalid or expired');
	const size = imageSize(state.media.get(mediaId).data);
	if (size && (size.width > 300 || size.height > 300)) return fail(300018, 'goods image size too large');
	return undefined;
}

function checkOptional(info) {
	if (info.goodsKey !== undefined && (!Array.isArray(info.goodsKey) || info.goodsKey.some((k) => typeof k !== 'string' || k === ''))) {
		return fail(200002, 'goodsKey must be Array<string>');
	}
	if (info.thirdPartyAppid !== undefined && typeof info.thirdPartyAppid !== 'string') return fail(200002, 'thirdPartyAppid invalid');
	return undefined;
}

/** Each given field, in WeChat's order: names 300002, prices 300003, page 300007, image 300006/300018. */
function checkFields(state, info, prices) {
	return (
		(info.name !== undefined && checkName(info.name)) ||
		(prices && checkPrices(prices)) ||
		(info.url !== undefined && checkUrl(info.url)) ||
		(info.coverImgUrl !== undefined && checkCover(state, info.coverImgUrl)) ||
		checkOptional(info) ||
		undefined
	);
}

/** Today's audit count (WeChat's day is Beijing's). */
function auditQuota(state) {
	const day = Math.floor((nowSeconds(state) + 8 * 3600) / 86400);
	const quota = (state.goodsAuditQuota ??= { day, used: 0 });
	if (quota.day !== day) Object.assign(quota, { day, used: 0 });
	return quota;
}

/** Takes one of the day's 500 audits, or says there is none left. */
function takeAudit(state) {
	const quota = auditQuota(state);
	if (quota.used >= DAILY_AUDITS) return false;
	quota.used++;
	return true;
}

// ── State and views ───────────────────────────────────────────────────────────────────────────────

function findGoods(state, id) {
	return state.goods.get(Number(id));
}

/** Stores goods as goods/add does (under review); `status`/`tag` let tests and demos seed other cases. */
function addGoods(state, info, { status = AUDIT.underReview, tag = API_TAG } = {}) {
	const goods = {
		goodsId: state.nextGoodsId++,
		name: info.name,
		coverImgUrl: info.coverImgUrl,
		url: info.url,
		priceType: info.priceType,
		price: asPrice(info.price),
		price2: info.priceType === 1 ? 0 : asPrice(info.price2),
		thirdPartyAppid: info.thirdPartyAppid ?? '',
		goodsKey: info.goodsKey ?? [],
		thirdPartyTag: tag,
		auditStatus: status,
		auditId: status === AUDIT.notSubmitted ? 0 : state.nextAuditId++,
		rejectReason: '',
	};
	state.goods.set(goods.goodsId, goods);
	return goods;
}

const mediaUrl = (baseUrl, mediaId) => `${baseUrl}/__media/${mediaId}`;

/** getgoodswarehouse's item: snake_case, prices in yuan. */
function warehouseView(g, baseUrl) {
	return {
		goods_id: g.goodsId,
		cover_img_url: mediaUrl(baseUrl, g.coverImgUrl),
		name: g.name,
		price: g.price,
		url: g.url,
		price_type: g.priceType,
		price2: g.price2,
		audit_status: g.auditStatus,
		third_party_tag: g.thirdPartyTag,
		thirdPartyAppid: g.thirdPartyAppid,
	};
}

/** getapproved's item: camelCase, no audit status, prices in yuan. */
function approvedView(g, baseUrl) {
	return {
		goodsId: g.goodsId,
		coverImgUrl: mediaUrl(baseUrl, g.coverImgUrl),
		name: g.name,
		price: g.price,
		price2: g.price2,
		url: g.url,
		priceType: g.priceType,
		thirdPartyTag: g.thirdPartyTag,
		thirdPartyAppid: g.thirdPartyAppid,
	};
}

const toFen = (yuan) => Math.round(yuan * 100);

/** The goods[] item of a getliveinfo room: snake_case, prices in fen (分) as documented there. */
function roomGoodsView(g, baseUrl) {
	return {
		name: g.name,
		cover_img: mediaUrl(baseUrl, g.coverImgUrl),
		url: g.url,
		price: toFen(g.price),
		price2: toFen(g.price2),
		price_type: g.priceType,
		goods_id: g.goodsId,
		third_party_appid: g.thirdPartyAppid,
	};
}

/** Rooms show the library's current name, page and prices (only approved goods are in rooms). */
function syncRooms(state, g) {
	for (const room of state.rooms.values()) {
		for (const item of room.goods) {
			if (item.goods_id !== g.goodsId) continue;
			Object.assign(item, { name: g.name, url: g.url, price: toFen(g.price), price2: toFen(g.price2), price_type: g.priceType });
		}
	}
}

function removeFromRooms(state, goodsId) {
	for (const room of state.rooms.values()) room.goods = room.goods.filter((item) => item.goods_id !== goodsId);
}

/** An API call on goods: known (300024), and created through the API (300011). */
function apiGoods(state, goodsId) {
	if (!isInt(goodsId)) return { error: fail(200002, 'parameter goodsId must no be null') };
	const goods = findGoods(state, goodsId);
	if (!goods) return { error: fail(300024, 'goods not exist') };
	if (goods.thirdPartyTag !== 1 && goods.thirdPartyTag !== API_TAG) return { error: fail(300011, 'goods not created by api') };
	return { goods };
}

/** The control route's audit decision: only goods under review can be approved or rejected. */
function decideAudit(state, goodsId, result = 'approve', reason = '') {
	const goods = findGoods(state, goodsId);
	if (!goods) throw new Error(`no goods ${goodsId}`);
	if (goods.auditStatus !== AUDIT.underReview) throw new Error(`goods ${goodsId} is not under review (audit_status ${goods.auditStatus})`);
	if (result !== 'approve' && result !== 'reject') throw new Error('result must be "approve" or "reject"');
	goods.auditStatus = result === 'approve' ? AUDIT.approved : AUDIT.rejected;
	goods.rejectReason = result === 'reject' ? reason || '商品信息不符合规范' : '';
	return { goodsId: goods.goodsId, audit_status: goods.auditStatus, reason: goods.rejectReason };
}

// ── Endpoints ─────────────────────────────────────────────────────────────────────────────────────

module.exports = {
	goodsAdd({ state, body }) {
		const info = body.goodsInfo;
		if (!info || typeof info !== 'object') return fail(200002, 'goodsInfo must not be empty');
		for (const f of ['coverImgUrl', 'name', 'priceType', 'price', 'url']) {
			if (info[f] === undefined || info[f] === null || info[f] === '') return fail(200002, `${f} must not be empty`);
		}
		const invalid = checkFields(state, info, info);
		if (invalid) return invalid;
		if (!takeAudit(state)) return fail(300012, 'no audit quota left (500 a day)');
		const goods = addGoods(state, info);
		return ok({ goodsId: goods.goodsId, auditId: goods.auditId });
	},

	goodsUpdate({ state, body }) {
		const info = body.goodsInfo;
		if (!info || typeof info !== 'object') return fail(200002, 'goodsInfo must not be empty');
		const { goods, error } = apiGoods(state, info.goodsId);
		if (error) return error;
		if (goods.auditStatus === AUDIT.underReview) return fail(300010, 'goods audit status invalid: under review');
		const changed = Object.keys(info).filter((k) => k !== 'goodsId');
		if (goods.auditStatus === AUDIT.approved && changed.some((k) => !PRICE_FIELDS.includes(k))) {
			return fail(300010, 'goods audit status invalid: approved goods can only change prices');
		}
		const pricesChanged = changed.some((k) => PRICE_FIELDS.includes(k));
		const prices = pricesChanged
			? { priceType: info.priceType ?? goods.priceType, price: info.price ?? goods.price, price2: info.price2 ?? goods.price2 }
			: undefined;
		const invalid = checkFields(state, info, prices);
		if (invalid) return invalid;
		for (const k of ['name', 'url', 'coverImgUrl', 'thirdPartyAppid']) if (info[k] !== undefined) goods[k] = info[k];
		if (prices) {
			goods.priceType = prices.priceType;
			goods.price = asPrice(prices.price);
			goods.price2 = prices.priceType === 1 ? 0 : asPrice(prices.price2);
		}
		syncRooms(state, goods);
		return ok();
	},

	goodsDelete({ state, body }) {
		if (!isInt(body.goodsId)) return fail(200002, 'parameter goodsId must no be null');
		if (!findGoods(state, body.goodsId)) return fail(300015, 'goods not exist, cannot delete');
		const { goods, error } = apiGoods(state, body.goodsId);
		if (error) return error;
		if (goods.auditStatus === AUDIT.underReview) return fail(300014, 'goods under review cannot be deleted');
		state.goods.delete(goods.goodsId);
		removeFromRooms(state, goods.goodsId);
		return { errcode: 0 };
	},

	goodsResetAudit({ state, body }) {
		if (!isInt(body.auditId)) return fail(200002, 'parameter auditId must no be null');
		const { goods, error } = apiGoods(state, body.goodsId);
		if (error) return error;
		if (goods.auditStatus === AUDIT.notSubmitted) return fail(300017, 'goods not submitted for audit');
		if (goods.auditStatus !== AUDIT.underReview || goods.auditId !== body.auditId) return fail(300009, 'reset audit failed');
		goods.auditStatus = AUDIT.notSubmitted;
		return ok();
	},

	goodsAudit({ state, body }) {
		const { goods, error } = apiGoods(state, body.goodsId);
		if (error) return error;
		// WeChat documents resubmitting withdrawn goods; the sandbox also lets rejected goods be resubmitted.
		if (goods.auditStatus === AUDIT.underReview || goods.auditStatus === AUDIT.approved) {
			return fail(300010, 'goods audit status invalid');
		}
		if (!takeAudit(state)) return fail(300012, 'no audit quota left (500 a day)');
		goods.auditStatus = AUDIT.underReview;
		goods.auditId = state.nextAuditId++;
		goods.rejectReason = '';
		return ok({ auditId: goods.auditId });
	},

	goodsWarehouse({ state, body, baseUrl }) {
		const ids = body.goods_ids;
		if (!Array.isArray(ids) || ids.length === 0) return fail(200002, 'parameter goods_ids must no be null');
		if (ids.length > 20) return fail(200002, 'parameter goods_ids: at most 20 goods a call');
		if (!ids.every((id) => isInt(Number(id)))) return fail(200002, 'parameter goods_ids is invalid');
		const goods = ids.map((id) => findGoods(state, id)).filter(Boolean);
		return ok({ goods: goods.map((g) => warehouseView(g, baseUrl)), total: goods.length });
	},

	goodsApproved({ state, query, baseUrl }) {
		const int = (v) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
		const offset = int(query.offset);
		const status = int(query.status);
		const limit = query.limit === undefined ? 30 : int(query.limit);
		if (offset === undefined) return fail(200002, 'parameter offset must no be null');
		if (status === undefined || status > 3) return fail(200002, 'parameter status is invalid');
		if (limit === undefined || limit < 1 || limit > 100) return fail(200002, 'parameter limit is invalid');
		const matching = [...state.goods.values()].filter((g) => g.auditStatus === status).sort((a, b) => a.goodsId - b.goodsId);
		return ok({ total: matching.length, goods: matching.slice(offset, offset + limit).map((g) => approvedView(g, baseUrl)) });
	},

	control: {
		'GET /goods': ({ state }) => [...state.goods.values()],
		/** Body { result: 'approve' | 'reject', reason }: WeChat's reviewers decide a goods under review. */
		'POST /goods/:id/audit': ({ state, params, body }) => decideAudit(state, Number(params.id), body.result, body.reason),
		/** Decides every goods under review alike (default approve). */
		'POST /goods/audit-all': ({ state, body }) =>
			[...state.goods.values()]
				.filter((g) => g.auditStatus === AUDIT.underReview)
				.map((g) => decideAudit(state, g.goodsId, body.result, body.reason)),
		/** Goods as if created in the MP console (approved, not API-made: the API answers 300011 for them). */
		'POST /goods/console': ({ state, body }) => addGoods(state, body, { status: AUDIT.approved, tag: 0 }),
		/** Body { used }: audits already used today, e.g. 500 to test 300012. */
		'POST /goods/audit-quota': ({ state, body }) => Object.assign(auditQuota(state), { used: Number(body.used ?? 0) }),
	},

	// for other route files and tests
	AUDIT,
	DAILY_AUDITS,
	addGoods,
	findGoods,
	decideAudit,
	warehouseView,
	approvedView,
	roomGoodsView,
};
