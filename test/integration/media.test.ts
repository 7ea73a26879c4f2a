import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Sandbox as SandboxOf } from '../support/sandbox';
import { useSandbox } from '../support/sandbox';
import { CredentialStore, runNode } from '../support/executeContext';

const { images } = require('../sandbox');

type Sandbox = SandboxOf<{ media: Map<string, { data: Buffer; type: string }> }>;

let sandbox: Sandbox;
let store: CredentialStore;

useSandbox<Sandbox['state']>((started, credentials) => {
	sandbox = started;
	store = credentials;
});

const THREE_DAYS = 3 * 24 * 3600;
const upload = (extra: IDataObject = {}) => ({
	resource: 'media',
	operation: 'uploadImage',
	source: 'binary',
	binaryPropertyName: 'data',
	intendedUse: 'any',
	...extra,
});
const withFile = (data: Buffer, fileName = 'cover.png', mimeType = 'image/png'): INodeExecutionData => ({
	json: {},
	binary: { data: { data: data.toString('base64'), mimeType, fileName } },
});

describe('Media → Upload Image', () => {
	it('uploads the input item’s picture as multipart field "media" and returns its media ID, expiry and size', async () => {
		const picture = images.png(300, 200);
		const [item] = await runNode({ parameters: upload(), items: [withFile(picture)], store });

		const [request] = sandbox.requests('mediaUpload');
		expect(request).toMatchObject({ method: 'POST', path: '/cgi-bin/media/upload', query: expect.objectContaining({ type: 'image' }) });
		expect(request.contentType).toMatch(/^multipart\/form-data; boundary=/);
		const mediaId = item.json.media_id as string;
		expect(sandbox.state.media.get(mediaId)?.data.equals(picture)).toBe(true);
		expect(item.json).toEqual({
			media_id: expect.stringMatching(/^sbxmedia_/),
			type: 'image',
			created_at: expect.any(Number),
			expires_at: (item.json.created_at as number) + THREE_DAYS,
			size: picture.length,
			mimeType: 'image/png',
			width: 300,
			height: 200,
			fileName: 'cover.png',
		});
	});

	it('downloads an image URL first, then uploads it', async () => {
		const [item] = await runNode({
			parameters: upload({ source: 'url', url: `${sandbox.url}/__fixtures/image.png?w=640&h=480` }),
			store,
		});

		expect(item.json).toMatchObject({ width: 640, height: 480, fileName: 'image.png' });
		expect(sandbox.requests('mediaUpload')).toHaveLength(1);
	});

	it('uploads the same picture once for a whole run of items', async () => {
		const picture = images.png(100, 100);
		const items = await runNode({ parameters: upload(), items: [withFile(picture), withFile(picture)], store });

		expect(items[1].json.media_id).toBe(items[0].json.media_id);
		expect(sandbox.requests('mediaUpload')).toHaveLength(1);
	});
});

describe('bad input is refused before WeChat is called', () => {
	it.each([
		['a text file', upload(), [withFile(Buffer.from('not an image'), 'notes.txt', 'text/plain')], /Image in item 1: the file is not a JPG, PNG or GIF image\./],
		['a binary property the item does not have', upload({ binaryPropertyName: 'photo' }), [withFile(images.png(10, 10))], /Input Binary Field in item 1 names the binary property "photo", which the input item does not have/],
		['an item without binary data', upload(), [{ json: {} }], /Input Binary Field in item 1 names the binary property "data"/],
		['a URL that is not http(s)', upload({ source: 'url', url: 'ftp://shop.example.com/a.png' }), undefined, /Image URL in item 1 is not an http\(s\) URL/],
		['an empty URL', upload({ source: 'url', url: ' ' }), undefined, /Image URL in item 1 is empty/],
		['a feeds image over 100 KB', upload({ intendedUse: 'feedsImg' }), [withFile(images.png(10, 10, { padBytes: 120 * 1024 }))], /Feeds Image in item 1: the image is 121 KB, more than WeChat’s 100 KB/],
		['a goods cover over 300×300 pixels', upload({ intendedUse: 'goodsCover' }), [withFile(images.png(400, 300))], /Goods Cover Image in item 1: the image is 400×300 pixels, more than WeChat’s 300×300/],
	])('%s names the field, and nothing is uploaded', async (_story, parameters, items, message) => {
		await expect(runNode({ parameters, items, store })).rejects.toThrow(message);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
