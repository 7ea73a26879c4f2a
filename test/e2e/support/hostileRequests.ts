/**
 * Generated hostile requests for the WeChat Live Trigger's webhook: every one must be refused (4xx, no
 * execution) or, for re-sent copies of an event already accepted, answered "success" without a new
 * execution. Deterministic for a seed, so a failing request can be rebuilt from its kind and index.
 *
 * The requests are built from the sandbox's message-push sender (test/sandbox/callbacks.js), bent in one
 * place each: signature, timestamp, ciphertext, padding, App ID, body, encoding, query, method.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';

import type * as Callbacks from '../../sandbox/callbacks';

const callbacks: typeof Callbacks = require('../../sandbox/callbacks');

export interface TriggerSecrets {
	token: string;
	encodingAESKey: string;
	appId: string;
}

/**
 * - refused: the trigger (or n8n in front of it) must answer 4xx and start nothing.
 * - ignored: a copy of an event the trigger already accepted (WeChat's retries, replays within the
 *   timestamp window) or an event the workflow does not listen to: "success", and no new execution.
 * - noExecution: either of the two.
 */
export type Expectation = 'refused' | 'ignored' | 'noExecution';

export interface HostileRequest {
	kind: string;
	/** What exactly was bent, for failure messages. */
	detail: string;
	method: string;
	/** `?query` appended to the webhook path, already encoded (raw, so malformed encodings survive). */
	query: string;
	headers: Record<string, string>;
	body?: Buffer;
	expect: Expectation;
	/** Raw bytes for the socket instead of an HTTP client request (malformed HTTP). */
	raw?: Buffer;
	/**
	 * Why n8n itself fails this request before any node runs, answering HTTP 500 (n8n 2.41.1): a body over
	 * N8N_PAYLOAD_SIZE_MAX, a content encoding it cannot decode, a method it does not know.
	 */
	n8nFailsFirst?: string;
	/** Why the request may end without any HTTP answer (the server hangs up), and that is fine. */
	mayGoUnanswered?: string;
}

/** Whether n8n parses this body as XML before any node runs (an XML content type, not compressed). */
export function isXmlTyped(request: HostileRequest): boolean {
	const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	return Boolean(request.body) && !request.headers['content-encoding'] && (type.endsWith('/xml') || type.endsWith('+xml'));
}

/**
 * n8n 2.41.1 parses every XML-typed webhook body with one shared xml2js parser in async mode, and a few
 * malformed bodies (e.g. a mismatched tag, then an unterminated CDATA section) leave that parser wedged:
 * from then on no XML-typed request to any webhook of the process is answered, WeChat's genuine
 * deliveries included. Overlapping parses also cut each other off. The trigger never sees those
 * requests. So the storm sends its XML bodies as text/plain, which n8n passes through unparsed and the
 * trigger reads exactly the same way (it goes by the bytes, not the content type); `xmlParserRequests`
 * sends well-formed hostile XML as text/xml, one at a time.
 */
export function throughN8nUnparsed(request: HostileRequest): HostileRequest {
	if (!isXmlTyped(request)) return request;
	return { ...request, headers: { ...request.headers, 'content-type': 'text/plain' }, detail: `${request.detail} [sent as text/plain]` };
}

/** mulberry32: small, seeded, good enough to pick variants reproducibly. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const hex = (bytes: number, random: () => number) =>
	Array.from({ length: bytes * 2 }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');

const encodeQuery = (query: Record<string, string>) => `?${new URLSearchParams(query).toString()}`;

/** WeChat's ciphertext with every part chosen by the caller: prefix, length field, message, App ID, padding. */
export function encryptRaw(
	encodingAESKey: string,
	parts: { message: Buffer; appId: Buffer; length?: number; random?: Buffer; pad?: (plainLength: number) => Buffer },
): string {
	const key = Buffer.from(`${encodingAESKey}=`, 'base64');
	const length = Buffer.alloc(4);
	length.writeUInt32BE(parts.length ?? parts.message.length);
	const plain = Buffer.concat([parts.random ?? crypto.randomBytes(16), length, parts.message, parts.appId]);
	const padding = parts.pad ? parts.pad(plain.length) : Buffer.alloc(32 - (plain.length % 32), 32 - (plain.length % 32));
	const padded = Buffer.concat([plain, padding]);
	// Block-align whatever the padding left, so the cipher runs and only the padding is wrong.
	const aligned = padded.length % 16 ? Buffer.concat([padded, Buffer.alloc(16 - (padded.length % 16), 0)]) : padded;
	const cipher = crypto.createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
	cipher.setAutoPadding(false);
	return Buffer.concat([cipher.update(aligned), cipher.final()]).toString('base64');
}

export interface GeneratorOptions extends TriggerSecrets {
	seed: number;
	/** Total requests to generate (huge bodies come separately, from hugeRequests). */
	count: number;
	/** A JSON delivery the trigger accepted before the storm: its copies must be ignored. */
	accepted: Callbacks.Delivery;
	/** Event timestamps (CreateTime) are drawn above this, so no generated event repeats a real one. */
	createTimeBase: number;
}

type Build = (random: () => number, index: number) => Omit<HostileRequest, 'kind'>;

/**
 * The kinds and how often each is drawn. Every kind ends in the trigger's own checks except
 * `wrongMethod` and `malformedHttp`, which n8n or Node refuse before the node is reached.
 */
export function hostileKinds(options: GeneratorOptions): Record<string, { weight: number; build: Build }> {
	const { token, encodingAESKey: aesKey, appId } = options;
	let createTime = options.createTimeBase;
	const now = () => Math.floor(Date.now() / 1000);
	const newEvent = (random: () => number): Callbacks.WeChatEvent =>
		random() < 0.5
			? callbacks.followEvent({ createTime: ++createTime, roomId: 1 + Math.floor(random() * 1e6), userOpenid: `oHostile${Math.floor(random() * 1e9)}` })
			: callbacks.pushResultEvent({ createTime: ++createTime, messageId: String(1e18 + Math.floor(random() * 1e15)), roomId: 7 });
	const mode = (random: () => number) => (random() < 0.75 ? 'safe' : 'compatible') as 'safe' | 'compatible';
	const format = (random: () => number) => (random() < 0.5 ? 'xml' : 'json') as 'xml' | 'json';
	const contentType = (f: 'xml' | 'json') => (f === 'xml' ? 'text/xml' : 'application/json');
	/** A genuine, never-seen event: only the one bent part makes it hostile. */
	const genuine = (random: () => number, overrides: Partial<Callbacks.DeliveryOptions> = {}) => {
		const f = overrides.format ?? format(random);
		return callbacks.buildDelivery({ event: newEvent(random), mode: mode(random), format: f, token, encodingAESKey: aesKey, appId, ...overrides });
	};
	const post = (query: Record<string, string>, body: string | Buffer, type: string, expect: Expectation = 'refused') => ({
		method: 'POST',
		query: encodeQuery(query),
		headers: { 'content-type': type },
		body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
		expect,
	});
	/** A delivery around a given Encrypt value, signed correctly: only the ciphertext is wrong. */
	const aroundCiphertext = (random: () => number, encrypt: string, f = format(random)) => {
		const timestamp = String(now());
		const nonce = String(100000 + Math.floor(random() * 1e9));
		const query = { signature: callbacks.sign(token, timestamp, nonce), timestamp, nonce, encrypt_type: 'aes', msg_signature: callbacks.sign(token, timestamp, nonce, encrypt) };
		const body = f === 'xml' ? callbacks.toXml({ ToUserName: 'gh_0123456789ab', Encrypt: encrypt }) : JSON.stringify({ ToUserName: 'gh_0123456789ab', Encrypt: encrypt });
		return { query, body, type: contentType(f) };
	};
	/** A plaintext delivery: signature over token, timestamp and nonce only; the body is anything. */
	const plaintextQuery = (random: () => number, timestamp = String(now())) => {
		const nonce = String(100000 + Math.floor(random() * 1e9));
		return { signature: callbacks.sign(token, timestamp, nonce), timestamp, nonce };
	};
	/** An inner message, encrypted and signed properly: only its content is wrong. */
	const encryptedMessage = (random: () => number, message: Buffer | string) => {
		const bytes = Buffer.isBuffer(message) ? message : Buffer.from(message, 'utf8');
		return aroundCiphertext(random, encryptRaw(aesKey, { message: bytes, appId: Buffer.from(appId) }));
	};
	const pick = <T>(random: () => number, list: T[]): T => list[Math.floor(random() * list.length)];
	const followXml = (random: () => number) => callbacks.toXml(newEvent(random));

	const kinds: Record<string, { weight: number; build: Build }> = {
		forgedSignature: {
			weight: 12,
			build: (random) => {
				const d = genuine(random);
				const variants: Array<[string, string]> = [
					['random hex', hex(20, random)],
					['random HEX', hex(20, random).toUpperCase()],
					['39 characters', d.query.msg_signature.slice(1)],
					['41 characters', `${d.query.msg_signature}0`],
					['empty', ''],
					['not hex', 'g'.repeat(40)],
					['signed with another token', callbacks.sign(`${token}x`, d.query.timestamp, d.query.nonce, encryptOf(d))],
					['one digit changed', d.query.msg_signature.replace(/^./, (c) => (c === '0' ? '1' : '0'))],
					['the plain signature in its place', d.query.signature],
					['with spaces', ` ${d.query.msg_signature} `],
				];
				const [detail, signature] = pick(random, variants);
				return { ...post({ ...d.query, msg_signature: signature }, d.body, d.contentType), detail: `msg_signature ${detail}` };
			},
		},
		forgedPlaintextSignature: {
			weight: 6,
			build: (random) => {
				const d = callbacks.buildDelivery({ event: newEvent(random), mode: 'plaintext', format: format(random), token });
				const signature = pick(random, [hex(20, random), '', callbacks.sign('', d.query.timestamp, d.query.nonce), callbacks.sign(token, d.query.timestamp)]);
				return { ...post({ ...d.query, signature }, d.body, d.contentType), detail: 'plaintext signature forged' };
			},
		},
		staleTimestamp: {
			weight: 8,
			build: (random) => {
				// Past skews only grow while a request waits in a busy n8n; future ones shrink, so they keep a margin.
				const skew = random() < 0.5 ? -pick(random, [301, 302, 600, 3600, 86400, 86400 * 365, 1e8]) : pick(random, [400, 600, 3600, 86400, 1e8]);
				const timestamp = Math.max(1, now() + skew);
				const plaintext = random() < 0.25;
				const d = plaintext
					? callbacks.buildDelivery({ event: newEvent(random), mode: 'plaintext', format: format(random), token, timestamp })
					: genuine(random, { timestamp });
				return { ...post(d.query, d.body, d.contentType), detail: `timestamp ${skew > 0 ? '+' : ''}${skew} s${plaintext ? ', plaintext' : ''}` };
			},
		},
		oddTimestamp: {
			weight: 3,
			build: (random) => {
				const timestamp = pick(random, ['0', '-1', '1e9', `${now()}.5`, ` ${now()}`, `0x${now().toString(16)}`, `${now()}0`, '99999999999', '', 'now']);
				const d = genuine(random, { timestamp });
				return { ...post(d.query, d.body, d.contentType), detail: `timestamp "${timestamp}" (signed)` };
			},
		},
		replayedCopy: {
			weight: 4,
			build: (random) => {
				const a = options.accepted;
				// Within the timestamp window a copy is acknowledged and dropped; after it, refused as stale.
				const age = now() - Number(a.query.timestamp);
				const expect: Expectation = age < 280 ? 'ignored' : age > 320 ? 'refused' : 'noExecution';
				return { ...post(a.query, a.body, a.contentType, expect), detail: `exact copy of an accepted delivery, ${age} s old (#${Math.floor(random() * 1000)})` };
			},
		},
		replayedResent: {
			weight: 3,
			build: (random) => {
				// WeChat's retry: the same event, a new nonce, timestamp and ciphertext.
				const event = JSON.parse(acceptedEvent(options)) as Callbacks.WeChatEvent;
				const d = callbacks.buildDelivery({ event, mode: mode(random), format: format(random), token, encodingAESKey: aesKey, appId });
				return { ...post(d.query, d.body, d.contentType, 'ignored'), detail: 'accepted event sent again, freshly signed' };
			},
		},
		replayedOld: {
			weight: 3,
			build: (random) => {
				// A delivery captured an hour ago: its signature is genuine, its timestamp is not fresh.
				const d = genuine(random, { timestamp: now() - 3600 - Math.floor(random() * 86400) });
				return { ...post(d.query, d.body, d.contentType), detail: 'captured an hour or more ago' };
			},
		},
		mangledBase64: {
			weight: 10,
			build: (random) => {
				const encrypt = encryptOf(genuine(random, { mode: 'safe', format: 'json' }));
				const variants: Array<[string, string]> = [
					['a "!" inside', `${encrypt.slice(0, 10)}!${encrypt.slice(11)}`],
					['"=" padding removed', encrypt.replace(/=+$/, '')],
					['extra "=" padding', `${encrypt}==`],
					['cut to a length not a multiple of 4', encrypt.slice(0, -3)],
					['cut by 16 bytes', Buffer.from(encrypt, 'base64').subarray(0, -16).toString('base64')],
					['base64url alphabet', encrypt.replace(/\+/g, '-').replace(/\//g, '_')],
					['a line break inside', `${encrypt.slice(0, 40)}\n${encrypt.slice(40)}`],
					['one block', crypto.randomBytes(16).toString('base64')],
					['random bytes, not whole blocks', crypto.randomBytes(17 + Math.floor(random() * 200)).toString('base64')],
					['random whole blocks', crypto.randomBytes(32 * (1 + Math.floor(random() * 8))).toString('base64')],
					['"AAAA"', 'AAAA'],
					['spaces for "+"', encrypt.replace(/\+/g, ' ')],
					['percent-encoded', encodeURIComponent(encrypt)],
					['a NUL byte', `${encrypt}\u0000`],
					['first block flipped', (() => { const b = Buffer.from(encrypt, 'base64'); b[0] ^= 0x80; return b.toString('base64'); })()],
				];
				const [detail, picked] = pick(random, variants);
				// Some manglings change nothing for some ciphertexts (no "+" to replace): then add a "!" too.
				const mangled = picked === encrypt ? `${picked}!` : picked;
				const d = aroundCiphertext(random, mangled);
				return { ...post(d.query, d.body, d.type), detail: `Encrypt ${detail}` };
			},
		},
		wrongPadding: {
			weight: 8,
			build: (random) => {
				const message = Buffer.from(followXml(random));
				const variants: Array<[string, (n: number) => Buffer]> = [
					['pad byte 0', (n) => Buffer.alloc(32 - (n % 32), 0)],
					['pad byte 33', (n) => Buffer.alloc(32 - (n % 32), 33)],
					['pad byte 255', (n) => Buffer.alloc(32 - (n % 32), 255)],
					['pad bytes that disagree', (n) => { const p = Buffer.alloc(32 - (n % 32), 32 - (n % 32)); p[0] ^= 1; return p.length > 1 ? p : Buffer.from([0]); }],
					['a whole extra block of 32s plus one', (n) => Buffer.concat([Buffer.alloc(32 - (n % 32), 32 - (n % 32)), Buffer.alloc(16, 7)])],
					['no padding, zero-filled', () => Buffer.alloc(0)],
				];
				const [detail, pad] = pick(random, variants);
				const d = aroundCiphertext(random, encryptRaw(aesKey, { message, appId: Buffer.from(appId), pad }));
				return { ...post(d.query, d.body, d.type), detail };
			},
		},
		wrongAppId: {
			weight: 8,
			build: (random) => {
				const message = Buffer.from(followXml(random));
				const variants: Array<[string, Partial<Parameters<typeof encryptRaw>[1]>]> = [
					['another App ID', { appId: Buffer.from(`wx${hex(8, random)}`) }],
					['no App ID', { appId: Buffer.alloc(0) }],
					['App ID with one character more', { appId: Buffer.from(`${appId}x`) }],
					['App ID missing its last character', { appId: Buffer.from(appId.slice(0, -1)) }],
					['App ID in upper case', { appId: Buffer.from(appId.toUpperCase()) }],
					['length field too large', { length: message.length + 40 }],
					['length field 0xFFFFFFFF', { length: 0xffffffff }],
					['length field 0', { length: 0 }],
					['length field short by one', { length: message.length - 1 }],
				];
				const [detail, parts] = pick(random, variants);
				const d = aroundCiphertext(random, encryptRaw(aesKey, { message, appId: Buffer.from(appId), ...parts }));
				return { ...post(d.query, d.body, d.type), detail };
			},
		},
		wrongKey: {
			weight: 4,
			build: (random) => {
				const d = genuine(random, { encodingAESKey: callbacks.randomEncodingAESKey() });
				return { ...post(d.query, d.body, d.contentType), detail: 'encrypted with another EncodingAESKey' };
			},
		},
		entityXml: {
			weight: 8,
			build: (random) => {
				const lol = ['<!DOCTYPE xml [<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i ? i : ''};`.repeat(10)}">`), ']>'].join('');
				// [what, DTD before the root, an element inside it]
				const variants: Array<[string, string, string]> = [
					['internal entity', '<!DOCTYPE xml [<!ENTITY boom "boom">]>', '<ToUserName>&boom;</ToUserName>'],
					['billion laughs', lol, '<ToUserName>&lol9;</ToUserName>'],
					['external entity (file)', '<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', '<ToUserName>&xxe;</ToUserName>'],
					['external entity (http)', '<!DOCTYPE xml [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]>', '<ToUserName>&xxe;</ToUserName>'],
					['parameter entity', '<!DOCTYPE xml [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]>', '<a>1</a>'],
					['lower-case doctype', '<!doctype xml [<!entity e "e">]>', '<a>&e;</a>'],
					['undeclared entity', '', '<ToUserName>&undeclared;</ToUserName>'],
					['huge character reference', '', '<ToUserName>&#x110000;&#99999999999;</ToUserName>'],
					['XInclude', '', '<xi:include href="file:///etc/passwd" parse="text"/>'],
				];
				const [detail, dtd, element] = pick(random, variants);
				const where = pick(random, ['plaintext body', 'inside the ciphertext', 'safe-mode envelope']);
				const message = `${dtd}<xml>${element}<Event>wxalive_follow_notify</Event></xml>`;
				if (detail === 'XInclude') {
					// Without a DTD nothing can resolve it: an unknown element beside a genuine Encrypt is as harmless
					// as compatible mode's plaintext siblings, so it goes only where it must be refused or ignored.
					const d = encryptedMessage(random, `<xml>${element}</xml>`);
					return where === 'plaintext body'
						? { ...post(plaintextQuery(random), `<xml>${element}</xml>`, 'text/xml', 'noExecution'), detail: `${detail}, ${where}` }
						: { ...post(d.query, d.body, d.type, 'noExecution'), detail: `${detail}, inside the ciphertext` };
				}
				if (where === 'plaintext body') return { ...post(plaintextQuery(random), message, 'text/xml'), detail: `${detail}, ${where}` };
				if (where === 'inside the ciphertext') {
					const d = encryptedMessage(random, message);
					return { ...post(d.query, d.body, d.type), detail: `${detail}, ${where}` };
				}
				const d = aroundCiphertext(random, encryptRaw(aesKey, { message: Buffer.from(followXml(random)), appId: Buffer.from(appId) }), 'xml');
				return { ...post(d.query, `${dtd}${d.body.replace('<xml>', `<xml>${element}`)}`, 'text/xml'), detail: `${detail}, ${where}` };
			},
		},
		deepXml: {
			weight: 5,
			build: (random) => {
				const depth = pick(random, [6, 20, 200, 2000, 9000]);
				const xml = `<xml>${'<a>'.repeat(depth)}1${'</a>'.repeat(depth)}</xml>`;
				const inside = random() < 0.5;
				if (!inside) return { ...post(plaintextQuery(random), xml, 'text/xml'), detail: `depth ${depth}, plaintext body` };
				// Inside, the ciphertext (4/3 of the message) must stay under the 64 KiB body cap to be read at all.
				const innerDepth = Math.min(depth, 4000);
				const d = encryptedMessage(random, `<xml>${'<a>'.repeat(innerDepth)}1${'</a>'.repeat(innerDepth)}</xml>`);
				return { ...post(d.query, d.body, d.type), detail: `depth ${innerDepth}, inside the ciphertext` };
			},
		},
		manyElements: {
			weight: 2,
			build: (random) => {
				const count = pick(random, [600, 5000]);
				const xml = `<xml><Event>wxalive_follow_notify</Event>${'<a>1</a>'.repeat(count)}</xml>`;
				return { ...post(plaintextQuery(random), xml, 'text/xml'), detail: `${count} sibling elements, plaintext body` };
			},
		},
		hostileJson: {
			weight: 6,
			build: (random) => {
				const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
				const variants: Array<[string, string]> = [
					['depth 9', deep(9)],
					['depth 1000', deep(1000)],
					['depth 12000', deep(12000)],
					['__proto__ key', '{"__proto__":{"polluted":1},"Event":"wxalive_follow_notify"}'],
					['constructor.prototype', '{"constructor":{"prototype":{"polluted":1}},"Event":"wxalive_follow_notify"}'],
					['nested __proto__', '{"Event":"wxalive_follow_notify","FollowNotify":{"__proto__":{"x":1}}}'],
					['array at the top', '[{"Event":"wxalive_follow_notify"}]'],
					['a bare string', '"wxalive_follow_notify"'],
					['null', 'null'],
					['truncated', '{"Event":"wxalive_follow_notify","FollowNotify":{"room_id":1'],
					['deep arrays', `${'['.repeat(5000)}${']'.repeat(5000)}`],
				];
				const [detail, json] = pick(random, variants);
				if (random() < 0.5) return { ...post(plaintextQuery(random), json, 'application/json'), detail: `${detail}, plaintext body` };
				const d = encryptedMessage(random, json);
				return { ...post(d.query, d.body, d.type), detail: `${detail}, inside the ciphertext` };
			},
		},
		badInnerMessage: {
			weight: 4,
			build: (random) => {
				const variants: Array<[string, Buffer]> = [
					['empty', Buffer.alloc(0)],
					['plain text', Buffer.from('hello wechat')],
					['"<" only', Buffer.from('<')],
					['unclosed XML', Buffer.from('<xml><Event>wxalive_follow_notify</Event>')],
					['mismatched tags', Buffer.from('<xml><a>1</b></xml>')],
					['two roots', Buffer.from('<xml></xml><xml></xml>')],
					['invalid UTF-8', Buffer.from([0x3c, 0x78, 0x6d, 0x6c, 0x3e, 0xc0, 0xaf, 0xff, 0x3c, 0x2f, 0x78, 0x6d, 0x6c, 0x3e])],
					['random bytes', crypto.randomBytes(64)],
				];
				const [detail, message] = pick(random, variants);
				const d = encryptedMessage(random, message);
				return { ...post(d.query, d.body, d.type), detail: `inner message ${detail}` };
			},
		},
		nonUtf8Body: {
			weight: 6,
			build: (random) => {
				const xml = followXml(random);
				const variants: Array<[string, Buffer]> = [
					['latin-1 é', Buffer.from(xml.replace('<xml>', '<xml><Note>café</Note>'), 'latin1')],
					['overlong "/"', Buffer.concat([Buffer.from('<xml><a>'), Buffer.from([0xc0, 0xaf]), Buffer.from('</a></xml>')])],
					['lone continuation byte', Buffer.concat([Buffer.from(xml.slice(0, 20)), Buffer.from([0x80]), Buffer.from(xml.slice(20))])],
					['0xFF bytes', Buffer.concat([Buffer.from(xml), Buffer.from([0xff, 0xfe])])],
					['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])],
					['UTF-16BE', Buffer.from(xml, 'utf16le').swap16()],
					['truncated 3-byte sequence', Buffer.concat([Buffer.from('<xml><a>'), Buffer.from('直').subarray(0, 2), Buffer.from('</a></xml>')])],
					['CESU-8 surrogate', Buffer.concat([Buffer.from('<xml><a>'), Buffer.from([0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]), Buffer.from('</a></xml>')])],
				];
				const [detail, body] = pick(random, variants);
				if (random() < 0.5) return { ...post(plaintextQuery(random), body, pick(random, ['text/xml', 'application/json', 'text/plain'])), detail: `${detail}, plaintext body` };
				// The envelope is fine but carries the bytes beside Encrypt (compatible mode's plaintext siblings).
				const d = aroundCiphertext(random, encryptRaw(aesKey, { message: Buffer.from(xml), appId: Buffer.from(appId) }), 'xml');
				const spliced = Buffer.concat([Buffer.from(d.body.replace('</xml>', '<Note>')), body.subarray(0, 40), Buffer.from('</Note></xml>')]);
				return { ...post(d.query, spliced, 'text/xml'), detail: `${detail}, beside Encrypt` };
			},
		},
		badQuery: {
			weight: 10,
			build: (random) => {
				// Safe mode: its envelope has no event fields, so read as plaintext it is no event at all.
				const d = genuine(random, { mode: 'safe' });
				const q = d.query;
				const base = new URLSearchParams(q).toString();
				// Junk beside a genuine query would be accepted, rightly (WeChat may add parameters): junk
				// goes beside a forged signature, to show it neither breaks the checks nor slips past them.
				const forged = new URLSearchParams({ ...q, msg_signature: hex(20, random) }).toString();
				const variants: Array<[string, string]> = [
					['nonce twice', `${base}&nonce=${q.nonce}1`],
					['timestamp twice', `${base}&timestamp=${q.timestamp}`],
					['msg_signature twice', `${base}&msg_signature=${q.msg_signature}`],
					['nonce as an array', base.replace(`nonce=${q.nonce}`, `nonce[]=${q.nonce}`)],
					['nonce as an object', base.replace(`nonce=${q.nonce}`, `nonce[x]=${q.nonce}`)],
					['msg_signature missing', base.replace(/&?msg_signature=[^&]*/, '')],
					['timestamp missing', base.replace(/&?timestamp=[^&]*/, '')],
					['nonce missing', base.replace(/&?nonce=[^&]*/, '')],
					['no query at all', ''],
					['encrypt_type=des', base.replace('encrypt_type=aes', 'encrypt_type=des')],
					['encrypt_type=AES', base.replace('encrypt_type=aes', 'encrypt_type=AES')],
					['encrypt_type empty', base.replace('encrypt_type=aes', 'encrypt_type=')],
					['encrypt_type=raw with a ciphertext body', base.replace('encrypt_type=aes', 'encrypt_type=raw')],
					['nonce 33 characters', base.replace(`nonce=${q.nonce}`, `nonce=${'1'.repeat(33)}`)],
					['nonce with symbols', base.replace(`nonce=${q.nonce}`, `nonce=${encodeURIComponent('12<script>')}`)],
					['nonce in Chinese', base.replace(`nonce=${q.nonce}`, `nonce=${encodeURIComponent('随机数')}`)],
					['bad percent-encoding, forged', `${forged}&%ZZ=%G1&x=%`],
					['a NUL in the nonce', base.replace(`nonce=${q.nonce}`, `nonce=${q.nonce}%00`)],
					['an 8 KB parameter, forged', `${forged}&pad=${'a'.repeat(8000)}`],
					['1,000 extra parameters, forged', `${forged}&${Array.from({ length: 1000 }, (_, i) => `p${i}=${i}`).join('&')}`],
					['a __proto__ parameter, forged', `${forged}&__proto__[x]=1&constructor[prototype][y]=2`],
					['a __proto__ parameter', `${base}&__proto__[x]=1&constructor[prototype][y]=2`.replace(/&?nonce=[^&]*/, '&__proto__[nonce]=1')],
					['keys in upper case', base.replace('nonce=', 'NONCE=').replace('timestamp=', 'TIMESTAMP=')],
				];
				const [detail, query] = pick(random, variants);
				// Without encrypt_type the plaintext signature is valid: a trigger that takes plaintext reads
				// the envelope as a message that is no event (success, nothing started); one that does not refuses.
				const expect: Expectation = detail.startsWith('encrypt_type=raw') ? 'noExecution' : 'refused';
				return { method: 'POST', query: query ? `?${query}` : '', headers: { 'content-type': d.contentType }, body: Buffer.from(d.body), expect, detail };
			},
		},
		wrongMethod: {
			weight: 5,
			build: (random) => {
				const d = genuine(random);
				const method = pick(random, ['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND', 'CONNECT']);
				return {
					method,
					query: encodeQuery(d.query),
					headers: { 'content-type': d.contentType },
					body: method === 'HEAD' || method === 'TRACE' || method === 'CONNECT' ? undefined : Buffer.from(d.body),
					// OPTIONS is n8n's CORS preflight (204); no method but GET and POST may reach the trigger.
					expect: method === 'OPTIONS' ? ('noExecution' as const) : ('refused' as const),
					n8nFailsFirst: method === 'TRACE' || method === 'PROPFIND' ? 'n8n 2.41.1 answers methods it does not know with HTTP 500 "The method … is not supported"' : undefined,
					mayGoUnanswered: method === 'CONNECT' ? 'Node’s HTTP server closes a CONNECT it has no handler for' : undefined,
					detail: `${method} with a delivery`,
				};
			},
		},
		badHandshake: {
			weight: 6,
			build: (random) => {
				const timestamp = String(now());
				const nonce = String(100000 + Math.floor(random() * 1e9));
				const good = callbacks.sign(token, timestamp, nonce);
				const variants: Array<[string, Record<string, string>]> = [
					['forged signature', { signature: hex(20, random), timestamp, nonce, echostr: '12345' }],
					['no echostr', { signature: good, timestamp, nonce }],
					['empty echostr', { signature: good, timestamp, nonce, echostr: '' }],
					['stale timestamp', { signature: callbacks.sign(token, '1000000000', nonce), timestamp: '1000000000', nonce, echostr: '1' }],
					['no signature', { timestamp, nonce, echostr: '1' }],
					['signature over the echostr too', { signature: callbacks.sign(token, timestamp, nonce, '1'), timestamp, nonce, echostr: '1' }],
					['script in a forged echostr', { signature: hex(20, random), timestamp, nonce, echostr: '<script>alert(1)</script>' }],
				];
				const [detail, query] = pick(random, variants);
				return { method: 'GET', query: encodeQuery(query), headers: {}, expect: 'refused' as const, detail: `URL check: ${detail}` };
			},
		},
		wrongContentType: {
			weight: 5,
			build: (random) => {
				// A forged delivery must not get through because n8n parsed its body another way first.
				const d = genuine(random);
				const forged = { ...d.query, msg_signature: hex(20, random) };
				const type = pick(random, ['application/x-www-form-urlencoded', 'application/octet-stream', 'text/html', 'image/png', 'text/plain; charset=gbk', 'application/json; charset=utf-16', '']);
				const headers: Record<string, string> = type ? { 'content-type': type } : {};
				return { method: 'POST', query: encodeQuery(forged), headers, body: Buffer.from(d.body), expect: 'refused' as const, detail: `forged, sent as "${type || 'no content type'}"` };
			},
		},
		multipartBody: {
			weight: 2,
			build: (random) => {
				const d = genuine(random);
				const boundary = `----hostile${Math.floor(random() * 1e9)}`;
				const body = `--${boundary}\r\nContent-Disposition: form-data; name="Encrypt"\r\n\r\n${d.body}\r\n--${boundary}--\r\n`;
				const forged = random() < 0.5;
				return {
					method: 'POST',
					query: encodeQuery(forged ? { ...d.query, msg_signature: hex(20, random) } : d.query),
					headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
					body: Buffer.from(body),
					expect: 'refused' as const,
					detail: `multipart/form-data body${forged ? ', forged signature' : ''}`,
				};
			},
		},
		emptyBody: {
			weight: 3,
			build: (random) => {
				const variants: Array<[string, Record<string, string>, string]> = [
					['plaintext, no body', plaintextQuery(random), ''],
					['plaintext, whitespace only', plaintextQuery(random), ' \r\n\t '],
					['plaintext, BOM only', plaintextQuery(random), '\uFEFF'],
					['safe, envelope without Encrypt', aroundCiphertext(random, 'x').query, '<xml><ToUserName>gh_1</ToUserName></xml>'],
					['safe, empty Encrypt', aroundCiphertext(random, '').query, '{"ToUserName":"gh_1","Encrypt":""}'],
					['safe, Encrypt as a number', aroundCiphertext(random, '12345').query, '{"Encrypt":12345}'],
					['safe, Encrypt as an object', aroundCiphertext(random, 'x').query, '{"Encrypt":{"a":1}}'],
				];
				const [detail, query, body] = pick(random, variants);
				return { ...post(query, body, body.startsWith('{') ? 'application/json' : 'text/xml'), detail };
			},
		},
		gzipBody: {
			weight: 2,
			build: (random) => {
				const d = genuine(random);
				const variants: Array<[string, Buffer, string]> = [
					['not gzip at all', Buffer.from(d.body), 'gzip'],
					['truncated gzip', zlib.gzipSync(d.body).subarray(0, 12), 'gzip'],
					['deflate garbage', crypto.randomBytes(40), 'deflate'],
					['unknown encoding', Buffer.from(d.body), 'br, compress'],
					['gzip of the delivery', zlib.gzipSync(d.body), 'gzip'],
				];
				const [detail, body, encoding] = pick(random, variants);
				// n8n reads an unknown encoding as plain bytes: a genuine delivery would rightly get through.
				const query = { ...d.query, msg_signature: hex(20, random) };
				const undecodable = detail !== 'gzip of the delivery' && detail !== 'unknown encoding';
				return {
					method: 'POST',
					query: encodeQuery(query),
					headers: { 'content-type': d.contentType, 'content-encoding': encoding },
					body,
					expect: 'refused' as const,
					n8nFailsFirst: undecodable ? 'n8n 2.41.1 answers a body it cannot decompress with HTTP 500, before any node runs' : undefined,
					detail: `${detail}, forged signature`,
				};
			},
		},
		malformedHttp: {
			weight: 2,
			build: (random) => {
				const d = genuine(random);
				const target = `PATH${encodeQuery(d.query)}`;
				const body = d.body;
				const variants: Array<[string, string]> = [
					['Content-Length and Transfer-Encoding together', `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${d.contentType}\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n`],
					['negative Content-Length', `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\nConnection: close\r\n\r\n${body}`],
					['bad chunk size', `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${d.contentType}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n${body}\r\n0\r\n\r\n`],
					['a header without a colon', `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nThis is not a header\r\nConnection: close\r\n\r\n`],
					['a 20 KB header', `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: ${'a'.repeat(20000)}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`],
					['HTTP/0.9 request line', `POST ${target}\r\n\r\n`],
					['a space in the path', `POST ${target.replace('?', ' x?')} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`],
				];
				const [detail, raw] = pick(random, variants);
				return { method: 'RAW', query: '', headers: {}, raw: Buffer.from(raw), expect: 'refused' as const, detail, mayGoUnanswered: 'Node’s HTTP parser may close a malformed request without an answer' };
			},
		},
		unselectedEvent: {
			weight: 2,
			build: (random) => {
				// Genuine but not one of the events the workflow listens to: acknowledged, nothing started.
				const event = pick(random, [
					{ ToUserName: 'gh_1', FromUserName: 'o1', CreateTime: ++createTime, MsgType: 'event', Event: 'debug_demo', debug_str: 'hello' },
					{ ToUserName: 'gh_1', FromUserName: 'o1', CreateTime: ++createTime, MsgType: 'text', Content: 'hi', MsgId: 1234567890123456 },
					{ ToUserName: 'gh_1', FromUserName: 'o1', CreateTime: ++createTime, MsgType: 'event', Event: 'wxa_live_unknown_future_event' },
				]);
				const d = callbacks.buildDelivery({ event, mode: mode(random), format: format(random), token, encodingAESKey: aesKey, appId });
				return { ...post(d.query, d.body, d.contentType, 'ignored'), detail: `genuine ${String(event.Event ?? event.MsgType)} the workflow does not listen to` };
			},
		},
	};
	return kinds;
}

/** The Encrypt value of a delivery, XML or JSON. */
function encryptOf(delivery: Callbacks.Delivery): string {
	if (delivery.contentType.includes('json')) return (JSON.parse(delivery.body) as { Encrypt: string }).Encrypt;
	return /<Encrypt><!\[CDATA\[([^\]]*)\]\]><\/Encrypt>/.exec(delivery.body)?.[1] ?? '';
}

/** The event inside the accepted delivery (a JSON delivery), as JSON text. */
function acceptedEvent(options: GeneratorOptions): string {
	if (!options.accepted.message.trim().startsWith('{')) throw new Error('the accepted delivery must be a JSON one');
	return options.accepted.message;
}

/** `count` requests, kinds drawn by weight with the seed. */
export function* hostileRequests(options: GeneratorOptions): Generator<HostileRequest> {
	const kinds = Object.entries(hostileKinds(options));
	const total = kinds.reduce((sum, [, k]) => sum + k.weight, 0);
	const random = prng(options.seed);
	for (let index = 0; index < options.count; index++) {
		// Every kind at least once, then by weight.
		let entry = kinds[index];
		if (!entry) {
			let roll = random() * total;
			entry = kinds.find(([, k]) => (roll -= k.weight) < 0) ?? kinds[kinds.length - 1];
		}
		const [kind, { build }] = entry;
		yield { kind, ...build(random, index) };
	}
}

/**
 * Well-formed hostile XML sent as text/xml, for n8n's own XML parser to read before the trigger does:
 * DTDs and entities, deep nesting, many elements, forged and stale signatures. Sent one at a time.
 */
export function xmlParserRequests(options: TriggerSecrets & { seed: number; createTimeBase: number }): HostileRequest[] {
	const { token, encodingAESKey: aesKey, appId } = options;
	const random = prng(options.seed);
	let createTime = options.createTimeBase;
	const now = () => Math.floor(Date.now() / 1000);
	const plaintext = (xml: string, detail: string, expect: Expectation = 'refused'): HostileRequest => {
		const timestamp = String(now());
		const nonce = String(100000 + Math.floor(random() * 1e9));
		return { kind: 'xmlThroughN8n', detail, method: 'POST', query: encodeQuery({ signature: callbacks.sign(token, timestamp, nonce), timestamp, nonce }), headers: { 'content-type': 'text/xml' }, body: Buffer.from(xml), expect };
	};
	const delivery = (detail: string, bend: (d: Callbacks.Delivery) => Callbacks.Delivery, overrides: Partial<Callbacks.DeliveryOptions> = {}): HostileRequest => {
		const d = bend(callbacks.buildDelivery({ event: callbacks.followEvent({ createTime: ++createTime, userOpenid: `oXml${createTime}` }), mode: 'safe', format: 'xml', token, encodingAESKey: aesKey, appId, ...overrides }));
		return { kind: 'xmlThroughN8n', detail, method: 'POST', query: encodeQuery(d.query), headers: { 'content-type': 'text/xml' }, body: Buffer.from(d.body), expect: 'refused' };
	};
	const lol = ['<!DOCTYPE xml [<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i ? i : ''};`.repeat(10)}">`), ']>'].join('');
	const requests: HostileRequest[] = [
		plaintext('<!DOCTYPE xml [<!ENTITY boom "boom">]><xml><ToUserName>&boom;</ToUserName><Event>wxalive_follow_notify</Event></xml>', 'internal entity'),
		plaintext(`${lol}<xml><ToUserName>&lol9;</ToUserName><Event>wxalive_follow_notify</Event></xml>`, 'billion laughs'),
		plaintext('<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><ToUserName>&xxe;</ToUserName><Event>wxalive_follow_notify</Event></xml>', 'external entity (file)'),
		plaintext('<!DOCTYPE xml [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]><xml><ToUserName>&xxe;</ToUserName><Event>wxalive_follow_notify</Event></xml>', 'external entity (http)'),
		plaintext('<xml xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/></xml>', 'XInclude', 'noExecution'),
		...[6, 20, 200, 2000, 9000].map((depth) => plaintext(`<xml>${'<a>'.repeat(depth)}1${'</a>'.repeat(depth)}</xml>`, `depth ${depth}`)),
		...[600, 5000].map((count) => plaintext(`<xml><Event>wxalive_follow_notify</Event>${'<a>1</a>'.repeat(count)}</xml>`, `${count} sibling elements`)),
	];
	for (let i = 0; i < 8; i++) {
		requests.push(delivery('forged msg_signature', (d) => ({ ...d, query: { ...d.query, msg_signature: callbacks.sign('not-the-token', d.query.timestamp) } })));
		requests.push(delivery('stale timestamp', (d) => d, { timestamp: now() - 3600 }));
		requests.push(delivery('encrypted for another App ID', (d) => d, { appId: 'wxanotherapp0000001' }));
		requests.push(delivery('encrypted with another key', (d) => d, { encodingAESKey: callbacks.randomEncodingAESKey() }));
	}
	return requests;
}

/** n8n's default N8N_PAYLOAD_SIZE_MAX: 16 MiB. */
const N8N_PAYLOAD_LIMIT = 16 * 1024 * 1024;
const OVER_N8N_LIMIT = 'n8n 2.41.1 answers a body over N8N_PAYLOAD_SIZE_MAX (16 MiB) with HTTP 500, before any node runs';

/** Bodies over the trigger's 64 KiB cap, up to past n8n's own 16 MiB limit, plus a gzip bomb. Few, and sent slowly. */
export function hugeRequests(options: TriggerSecrets & { seed: number }): HostileRequest[] {
	const random = prng(options.seed);
	const requests: HostileRequest[] = [];
	const sizes = [64 * 1024 + 1, 100 * 1024, 1024 * 1024, 5 * 1024 * 1024, 17 * 1024 * 1024];
	for (const size of sizes) {
		for (const shape of ['plaintext xml', 'safe json', 'signed junk'] as const) {
			const timestamp = String(Math.floor(Date.now() / 1000));
			const nonce = String(100000 + Math.floor(random() * 1e9));
			let body: Buffer;
			let query: Record<string, string> = { signature: callbacks.sign(options.token, timestamp, nonce), timestamp, nonce };
			let type = 'text/xml';
			if (shape === 'plaintext xml') {
				body = Buffer.from(`<xml><Event>wxalive_follow_notify</Event><Padding><![CDATA[${'x'.repeat(size)}]]></Padding></xml>`);
			} else if (shape === 'safe json') {
				const encrypt = crypto.randomBytes(Math.floor((size * 3) / 4)).toString('base64');
				query = { ...query, encrypt_type: 'aes', msg_signature: callbacks.sign(options.token, timestamp, nonce, encrypt) };
				body = Buffer.from(JSON.stringify({ ToUserName: 'gh_1', Encrypt: encrypt }));
				type = 'application/json';
			} else {
				body = crypto.randomBytes(size);
				type = 'application/octet-stream';
			}
			requests.push({
				kind: 'hugeBody',
				detail: `${shape}, ${size} bytes`,
				method: 'POST',
				query: encodeQuery(query),
				headers: { 'content-type': type },
				body,
				expect: 'refused',
				n8nFailsFirst: size > N8N_PAYLOAD_LIMIT ? OVER_N8N_LIMIT : undefined,
				mayGoUnanswered: 'a server may answer a huge upload early and close the connection while it is still being sent',
			});
		}
	}
	for (const megabytes of [1, 15, 64]) {
		const timestamp = String(Math.floor(Date.now() / 1000));
		const nonce = String(100000 + Math.floor(random() * 1e9));
		const bomb = zlib.gzipSync(Buffer.alloc(megabytes * 1024 * 1024, 0x20), { level: 9 });
		requests.push({
			kind: 'gzipBomb',
			detail: `${megabytes} MiB of spaces in ${bomb.length} gzip bytes`,
			method: 'POST',
			query: encodeQuery({ signature: callbacks.sign(options.token, timestamp, nonce), timestamp, nonce }),
			headers: { 'content-type': 'text/xml', 'content-encoding': 'gzip' },
			body: bomb,
			expect: 'refused',
			n8nFailsFirst: megabytes * 1024 * 1024 > N8N_PAYLOAD_LIMIT ? OVER_N8N_LIMIT : undefined,
		});
	}
	return requests;
}
