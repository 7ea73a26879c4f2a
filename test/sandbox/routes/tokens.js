// Access tokens: /cgi-bin/stable_token (normal mode reuses the live token).
// Each token remembers the App ID it was issued for, so a test can tell which mini program a call acted as.
const { fail } = require('./util');
const { now, newToken } = require('../state');

const LIFETIME_S = 7200;

function issue(state, kind, appId) {
	const token = newToken();
	state.tokens.set(token, { expiresAt: now(state) + LIFETIME_S * 1000, kind, appId });
	state.issuedTokens.push(token); // for leak scans: expired tokens must not surface either
	return token;
}

/** The apps this sandbox answers for: its own, and any added with addApp (they share its rooms and goods). */
function appOf(state, appid) {
	return [state.app, ...(state.otherApps ?? [])].find((app) => app.appId === appid);
}

function checkApp(state, appid, secret) {
	if (!appid) return fail(41002, 'appid missing');
	if (!secret) return fail(41004, 'appsecret missing');
	const app = appOf(state, appid);
	if (!app) return fail(40013, 'invalid appid');
	if (secret !== app.appSecret) return fail(40125, 'invalid appsecret');
	return undefined;
}

/** The stable token of one App ID (the sandbox's own app keeps `state.stableToken`). */
function stableTokenOf(state, appid) {
	return appid === state.app.appId ? state.stableToken : state.otherStableTokens?.[appid];
}

function setStableToken(state, appid, token) {
	if (appid === state.app.appId) state.stableToken = token;
	else state.otherStableTokens = { ...state.otherStableTokens, [appid]: token };
}

module.exports = {
	stableToken({ state, body }) {
		state.counters.stableToken++;
		if (body.grant_type !== 'client_credential') return fail(40002, 'invalid grant_type');
		const refused = checkApp(state, body.appid, body.secret);
		if (refused) return refused;
		const previous = stableTokenOf(state, body.appid);
		const current = previous && state.tokens.get(previous);
		const fresh = current && current.expiresAt - now(state) > 5 * 60 * 1000;
		if (body.force_refresh === true || !fresh) {
			if (body.force_refresh === true && previous) state.tokens.delete(previous);
			setStableToken(state, body.appid, issue(state, 'stable', body.appid));
		}
		const token = stableTokenOf(state, body.appid);
		const expiresIn = Math.floor((state.tokens.get(token).expiresAt - now(state)) / 1000);
		return { access_token: token, expires_in: expiresIn };
	},

	/** Fault injection: every token dies, as when WeChat expires them or another system force-refreshes. */
	expireAll(state) {
		state.tokens.clear();
		state.stableToken = null;
		state.otherStableTokens = {};
	},

	/** A second mini program answered by the same sandbox: { appId, appSecret }. */
	addApp(state, app) {
		state.otherApps = [...(state.otherApps ?? []), { ...app }];
	},

	/** The App ID an access token was issued for (undefined for a token this sandbox never issued). */
	appIdOfToken(state, token) {
		return state.tokens.get(token)?.appId;
	},
};
