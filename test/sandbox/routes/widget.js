// The live pendant's global goods key: goods/setkey, goods/getkey (WeChat's pages: ../endpoints.js).
const { fail, ok } = require('./util');

module.exports = {
	goodsSetKey({ state, body }) {
		const keys = body.goodsKey;
		if (!Array.isArray(keys) || keys.length === 0 || keys.some((k) => typeof k !== 'string' || k === '')) {
			return fail(200002, 'goodsKey must be Array<string>');
		}
		state.vendorGoodsKey = [...keys];
		return ok();
	},

	goodsGetKey({ state }) {
		return ok({ vendorGoodsKey: state.vendorGoodsKey ?? [] });
	},
};
