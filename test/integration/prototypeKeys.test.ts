/**
 * Lookups keyed by what the user types: a binary property, a share-code parameter or an openid field named
 * "__proto__", "constructor" or "toString" is an ordinary name, never something inherited from
 * Object.prototype (an object or a function).
 */
import type { IDataObject } from 'n8n-workflow';

import { withoutEnvelope } from '../../nodes/WeChatLive/actions/common/output';
import { label, LIVE_STATUS, ROLE } from '../../nodes/shared/labels';
import { CredentialStore, roomById, runNode } from '../support/executeContext';
import type { Sandbox } from '../support/sandbox';
import { sandboxRoom, useSandbox } from '../support/sandbox';

const { images } = require('../sandbox');

let sandbox: Sandbox;
let store: CredentialStore;

useSandbox((started, credentials) => {
	sandbox = started;
	store = credentials;
});

const INHERITED = ['__proto__', 'constructor', 'toString'];

describe.each(INHERITED)('the name "%s"', (name) => {
	it('is not a binary property an item has: the upload is refused, naming the field', async () => {
		const items = [{ json: {}, binary: { data: { data: images.png(10, 10).toString('base64'), mimeType: 'image/png' } } }];
		await expect(
			runNode({ parameters: { resource: 'media', operation: 'uploadImage', source: 'binary', binaryPropertyName: name, intendedUse: 'any' }, items, store }),
		).rejects.toThrow(`Input Binary Field in item 1 names the binary property "${name}", which the input item does not have`);
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('is a share-code parameter like any other, sent to WeChat', async () => {
		const { roomId } = sandboxRoom(sandbox);
		await runNode({
			parameters: {
				resource: 'room',
				operation: 'getShareCode',
				roomId: roomById(roomId),
				paramsInput: 'keyValue',
				params: { parameter: [{ name, value: '1' }, { name: 'pid', value: '7' }] },
			},
			store,
		});
		expect(JSON.parse(sandbox.requests('roomGetSharedCode')[0].query.params)).toEqual(JSON.parse(`{"${name}":"1","pid":"7"}`));
	});

	it('is not an openid field an item has', async () => {
		await expect(
			runNode({
				parameters: { resource: 'subscriber', operation: 'pushMessage', roomId: roomById(7), recipients: 'itemField', openidField: name },
				items: [{ json: { openid: 'oA1' } }],
				store,
			}),
		).rejects.toThrow(`Openid Field in item 1 is “${name}”, but the input item has no such field`);
	});

	it('gives no label', () => {
		expect(label(LIVE_STATUS, name)).toBe(`Unknown (${name})`);
		expect(label(ROLE, name)).toBe(`Unknown (${name})`);
	});
});

it('a "__proto__" field in WeChat’s answer stays a field of the output item', () => {
	const answer = JSON.parse('{"errcode":0,"errmsg":"ok","__proto__":{"polluted":true},"roomId":1}') as IDataObject;
	const item = withoutEnvelope(answer);
	expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
	expect((item as { polluted?: boolean }).polluted).toBeUndefined();
	expect(Object.keys(item)).toEqual(['__proto__', 'roomId']);
});
