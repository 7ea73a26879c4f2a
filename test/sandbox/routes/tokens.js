// Access tokens: /cgi-bin/stable_token (normal mode reuses the live token).
const { fail } = require('./util');
const { now, newToken } = require('../state');

const LIFETIME_S = 7200;

function issue(state) {
	const token = newToken();
	state.tokens.set(token, { expiresAt: now(state) + LIFETIME_S * 1000 });
	state.issuedTokens.push(token); // for leak scans: expired tokens must not surface either
	return token;
}

function checkApp(state, appid, secret) {
	if (!appid) return fail(41002, 'appid missing');
	if (!secret) return fail(41004, 'appsecret missing');
	if (appid !== state.app.appId) return fail(40013, 'invalid appid');
	if (secret !== state.app.appSecret) return fail(40125, 'invalid appsecret');
	return undefined;
}

module.exports = {
	stableToken({ state, body }) {
		state.counters.stableToken++;
		if (body.grant_type !== 'client_credential') return fail(40002, 'invalid grant_type');
		const refused = checkApp(state, body.appid, body.secret);
		if (refused) return refused;
		const current = state.stableToken && state.tokens.get(state.stableToken);
		const fresh = current && current.expiresAt - now(state) > 5 * 60 * 1000;
		if (body.force_refresh === true || !fresh) {
			if (body.force_refresh === true && state.stableToken) state.tokens.delete(state.stableToken);
			state.stableToken = issue(state);
		}
		const expiresIn = Math.floor((state.tokens.get(state.stableToken).expiresAt - now(state)) / 1000);
		return { access_token: state.stableToken, expires_in: expiresIn };
	},

	/** Fault injection: every token dies, as when WeChat expires them or another system force-refreshes. */
	expireAll(state) {
		state.tokens.clear();
		state.stableToken = null;
	},
};
