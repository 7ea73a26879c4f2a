// The sandbox's memory: what WeChat would hold for one mini program. Plain data, so tests can read and
// change it directly (set a room live, approve goods) as well as through the control API.
const crypto = require('node:crypto');

const DEFAULT_APP = {
	appId: 'wxsandbox0000000001',
	appSecret: 'sandbox-app-secret-0001',
	// Message push (消息推送) settings, for trying the WeChat Live Trigger with the sandbox's event sender.
	pushToken: 'sandboxPushToken2026',
	encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
};

function createState(app = DEFAULT_APP) {
	return {
		app: { ...app },
		tokens: new Map(), // token -> { expiresAt }
		issuedTokens: [],
		stableToken: null, // the token stable_token hands out in normal mode
		media: new Map(), // media_id -> { data, type, createdAt }
		rooms: new Map(), // roomId -> room (WeChat's getliveinfo fields + the write-only ones)
		goods: new Map(),
		roles: [],
		followers: [],
		nextRoomId: 1001,
		nextGoodsId: 5001,
		nextAuditId: 900001,
		counters: { stableToken: 0, requests: 0 },
		log: [],
		faults: [],
		clockOffsetMs: 0,
	};
}

function now(state) {
	return Date.now() + state.clockOffsetMs;
}

function nowSeconds(state) {
	return Math.floor(now(state) / 1000);
}

function newToken() {
	return `sbx_${crypto.randomBytes(24).toString('base64url')}`;
}

module.exports = { createState, now, nowSeconds, newToken, DEFAULT_APP };
