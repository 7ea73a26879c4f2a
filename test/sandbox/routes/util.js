// What every sandbox route uses: WeChat's error envelope and its field checks.
const crypto = require('node:crypto');

/** WeChat's error answer, with a request id like the real one's. */
function fail(errcode, errmsg) {
	return { errcode, errmsg: `${errmsg} rid: ${crypto.randomBytes(4).toString('hex')}-${Date.now().toString(16)}` };
}

const ok = (extra = {}) => ({ errcode: 0, errmsg: 'ok', ...extra });

/** 1 Chinese character counts 2, as WeChat counts names. */
function weightedLength(text) {
	let n = 0;
	for (const ch of String(text)) n += ch.codePointAt(0) <= 0x7f ? 1 : 2;
	return n;
}

/** WeChat answers a missing parameter with 200002 "parameter X must no be null" (sic). */
function missing(body, fields) {
	for (const f of fields) {
		if (body[f] === undefined || body[f] === null || body[f] === '') return fail(200002, `parameter ${f} must no be null`);
	}
	return undefined;
}

const isInt = (v) => Number.isInteger(v);

module.exports = { fail, ok, weightedLength, missing, isInt };
