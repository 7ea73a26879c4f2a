'use strict';
/**
 * Plays WeChat's message push (消息推送) against a URL: signs and encrypts an event in any mode
 * (plaintext, compatible, safe) and format (xml, json), POSTs it, optionally re-sends it like WeChat's
 * retries, and performs the GET URL check that WeChat sends when the console settings are submitted.
 *
 * The crypto is written here again on purpose, from WeChat's description (docs/wechat-callback.md), and does not
 * reuse nodes/shared/crypto.ts: tests that feed these deliveries to the trigger cross-check two
 * independent implementations.
 */
const crypto = require('node:crypto');
const axios = require('axios');

const MODES = ['plaintext', 'compatible', 'safe'];
const FORMATS = ['xml', 'json'];

/** sha1 of the sorted, concatenated strings, lowercase hex. */
function sign(token, ...parts) {
	return crypto
		.createHash('sha1')
		.update([token, ...parts].map(String).sort().join(''))
		.digest('hex');
}

/** 43 alphanumerics + '=' → 32 bytes (the last character may carry trailing bits: lenient decode). */
function aesKey(encodingAESKey) {
	if (!/^[A-Za-z0-9]{43}$/.test(encodingAESKey || '')) {
		throw new Error('encodingAESKey must be 43 letters and digits');
	}
	return Buffer.from(`${encodingAESKey}=`, 'base64');
}

/** A random EncodingAESKey, as the console's 随机生成 button makes one. */
function randomEncodingAESKey() {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return Array.from({ length: 43 }, () => alphabet[crypto.randomInt(alphabet.length)]).join('');
}

/** random(16) ‖ uint32be(len) ‖ msg ‖ appid, PKCS#7 to 32 bytes, AES-256-CBC with IV = key[0:16]. */
function encrypt(message, encodingAESKey, appId, random = crypto.randomBytes(16)) {
	const key = aesKey(encodingAESKey);
	const msg = Buffer.from(message, 'utf8');
	const length = Buffer.alloc(4);
	length.writeUInt32BE(msg.length);
	const plain = Buffer.concat([Buffer.from(random), length, msg, Buffer.from(appId, 'utf8')]);
	const pad = 32 - (plain.length % 32);
	const cipher = crypto.createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
	cipher.setAutoPadding(false);
	return Buffer.concat([
		cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
		cipher.final(),
	]).toString('base64');
}

/** The inverse of `encrypt`, for reading encrypted replies: → { message, appId }. */
function decrypt(encrypted, encodingAESKey) {
	const key = aesKey(encodingAESKey);
	const decipher = crypto.createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
	decipher.setAutoPadding(false);
	const padded = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
	const plain = padded.subarray(0, padded.length - padded[padded.length - 1]);
	const length = plain.readUInt32BE(16);
	return {
		message: plain.subarray(20, 20 + length).toString('utf8'),
		appId: plain.subarray(20 + length).toString('utf8'),
	};
}

/** WeChat's XML: strings in CDATA, numbers bare, objects nested, arrays as repeated elements. */
function toXml(value, name = 'xml') {
	if (value === undefined || value === null) return '';
	if (Array.isArray(value)) return value.map((entry) => toXml(entry, name)).join('');
	if (typeof value === 'object') {
		const inner = Object.keys(value)
			.map((key) => toXml(value[key], key))
			.join('');
		return `<${name}>${inner}</${name}>`;
	}
	if (typeof value === 'string') {
		return `<${name}><![CDATA[${value.split(']]>').join(']]]]><![CDATA[>')}]]></${name}>`;
	}
	return `<${name}>${String(value)}</${name}>`;
}

/**
 * JSON where BigInt values (64-bit MsgId / message_id as WeChat sends them) stay exact numbers. The
 * replacer reads the holder's own value: some libraries (n8n-workflow) install BigInt#toJSON, which
 * would otherwise turn the BigInt into a string before the replacer sees it.
 */
function toJson(value) {
	const marker = '\u0000bigint:';
	return JSON.stringify(value, function (key, entry) {
		const own = key === '' ? entry : this[key];
		return typeof own === 'bigint' ? `${marker}${own.toString()}` : entry;
	}).replace(/"\\u0000bigint:(-?[0-9]+)"/g, '$1');
}

function serialize(value, format) {
	return format === 'xml' ? toXml(value) : toJson(value);
}

/** XML nests the business fields in a wrapper element; `jsonShape: 'flat'` lifts them out. */
function flatten(event) {
	const flat = {};
	for (const [key, value] of Object.entries(event)) {
		const wrapper = key === 'FollowNotify' || key === 'PushMessageApiNotify';
		if (wrapper && value && typeof value === 'object') {
			Object.assign(flat, value);
		} else {
			flat[key] = value;
		}
	}
	return flat;
}

function randomNonce() {
	return String(crypto.randomInt(100000000, 2147483647));
}

/**
 * One delivery as WeChat would make it.
 * @param {object} options
 * @param {object} options.event the message, e.g. followEvent()
 * @param {'plaintext'|'compatible'|'safe'} [options.mode='safe']
 * @param {'xml'|'json'} [options.format='xml']
 * @param {string} options.token
 * @param {string} [options.encodingAESKey] required unless plaintext
 * @param {string} [options.appId] required unless plaintext
 * @param {number|string} [options.timestamp] Unix seconds, default now
 * @param {string} [options.nonce] default random digits
 * @param {Buffer} [options.random] 16 bytes, default random
 * @param {'nested'|'flat'} [options.jsonShape='nested'] JSON shape of the live events (undocumented)
 * @returns {{ query: Record<string,string>, body: string, contentType: string, message: string }}
 */
function buildDelivery(options) {
	const { event, token } = options;
	const mode = options.mode || 'safe';
	const format = options.format || 'xml';
	if (!MODES.includes(mode)) throw new Error(`mode must be one of ${MODES.join(', ')}`);
	if (!FORMATS.includes(format)) throw new Error(`format must be one of ${FORMATS.join(', ')}`);
	if (!event || typeof event !== 'object') throw new Error('event is required');
	if (!token) throw new Error('token is required');

	const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
	const nonce = String(options.nonce ?? randomNonce());
	const content = format === 'json' && options.jsonShape === 'flat' ? flatten(event) : event;
	const message = serialize(content, format);
	const query = { signature: sign(token, timestamp, nonce), timestamp, nonce };
	if (event.FromUserName !== undefined) query.openid = String(event.FromUserName);
	const contentType = format === 'xml' ? 'text/xml' : 'application/json';

	if (mode === 'plaintext') {
		return { query, body: message, contentType, message };
	}

	if (!options.encodingAESKey || !options.appId) {
		throw new Error(`${mode} mode needs encodingAESKey and appId`);
	}
	const Encrypt = encrypt(message, options.encodingAESKey, options.appId, options.random);
	query.encrypt_type = 'aes';
	query.msg_signature = sign(token, timestamp, nonce, Encrypt);
	const envelope =
		mode === 'safe' ? { ToUserName: event.ToUserName, Encrypt } : { ...content, Encrypt };
	return { query, body: serialize(envelope, format), contentType, message };
}

/**
 * POSTs a delivery to `url`; `repeat` sends it that many times in a row, as WeChat's retries do. Each
 * attempt is built afresh (new nonce, new random prefix) unless timestamp/nonce/random are given.
 * @returns {Promise<Array<{ status: number, data: string, delivery: object }>>}
 */
async function sendEvent(url, options) {
	const repeat = options.repeat ?? 1;
	const results = [];
	for (let attempt = 0; attempt < repeat; attempt++) {
		const delivery = buildDelivery(options);
		const response = await axios.post(url, delivery.body, {
			params: delivery.query,
			headers: { 'Content-Type': delivery.contentType },
			responseType: 'text',
			transformResponse: (data) => data,
			validateStatus: () => true,
			timeout: options.timeout ?? 10000,
		});
		results.push({ status: response.status, data: response.data, delivery });
	}
	return results;
}

/**
 * The GET check WeChat makes when the console settings are submitted.
 * @returns {Promise<{ ok: boolean, status: number, data: string, echostr: string }>}
 */
async function verifyUrl(url, options) {
	const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
	const nonce = String(options.nonce ?? randomNonce());
	const echostr = String(options.echostr ?? crypto.randomInt(1, 2 ** 47));
	const signature = options.signature ?? sign(options.token, timestamp, nonce);
	const response = await axios.get(url, {
		params: { signature, echostr, timestamp, nonce },
		responseType: 'text',
		transformResponse: (data) => data,
		validateStatus: () => true,
		timeout: options.timeout ?? 10000,
	});
	return {
		ok: response.status === 200 && response.data === echostr,
		status: response.status,
		data: response.data,
		echostr,
	};
}

/** 长期订阅状态通知, shaped like the official XML sample (docs/wechat-callback.md, "Live events"). */
function followEvent(fields = {}) {
	const now = Math.floor(Date.now() / 1000);
	return {
		ToUserName: fields.toUserName ?? 'gh_0123456789ab',
		FromUserName: fields.fromUserName ?? 'oFollowSender0000000000000000',
		CreateTime: fields.createTime ?? now,
		MsgType: 'event',
		Event: 'wxalive_follow_notify',
		FollowNotify: {
			room_id: fields.roomId ?? 1,
			user_openid: fields.userOpenid ?? 'oSubscriber000000000000000001',
			time: fields.time ?? fields.createTime ?? now,
			live_status: fields.liveStatus ?? 101,
			action: fields.action ?? 'add_follow',
		},
	};
}

/** 长期订阅群发结果通知, shaped like the official XML sample (docs/wechat-callback.md, "Live events"). */
function pushResultEvent(fields = {}) {
	return {
		ToUserName: fields.toUserName ?? 'gh_0123456789ab',
		FromUserName: fields.fromUserName ?? 'oPushSender00000000000000000',
		CreateTime: fields.createTime ?? Math.floor(Date.now() / 1000),
		MsgType: 'event',
		Event: 'wxalive_push_message_notify',
		PushMessageApiNotify: {
			message_id: fields.messageId ?? '1622047360795164672',
			room_id: fields.roomId ?? 1,
			total_count: fields.totalCount ?? 2,
			success_count: fields.successCount ?? 2,
			openid_error_count: fields.openidErrorCount ?? 0,
			relation_error_count: fields.relationErrorCount ?? 0,
			user_recv_limit_count: fields.userRecvLimitCount ?? 0,
			internal_error_count: fields.internalErrorCount ?? 0,
		},
	};
}

module.exports = {
	MODES,
	FORMATS,
	sign,
	encrypt,
	decrypt,
	randomEncodingAESKey,
	toXml,
	toJson,
	buildDelivery,
	sendEvent,
	verifyUrl,
	followEvent,
	pushResultEvent,
};
