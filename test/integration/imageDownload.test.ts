/**
 * Image URLs are downloaded for the user: streamed, stopped at the field's limit, with bounded redirects
 * and a total deadline. The sandbox plays the hostile servers (test/sandbox/hostileImages.js); the execution
 * context's httpRequest does with the options what n8n's helper does (test/support/executeContext.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import { downloadCapped, MAX_REDIRECTS } from '../../nodes/WeChatLive/transport/download';
import { CredentialStore, executeContext, runNode } from '../support/executeContext';
import type { Sandbox as SandboxOf } from '../support/sandbox';
import { useSandbox } from '../support/sandbox';

type Download = { path: string; bytesSent: number; closedEarly: boolean };
type Sandbox = SandboxOf<{ downloads?: Download[] }>;

let sandbox: Sandbox;
let store: CredentialStore;

useSandbox<Sandbox['state']>((started, credentials) => {
	sandbox = started;
	store = credentials;
});

const MB = 1024 * 1024;
const upload = (url: string, intendedUse = 'any') => ({ resource: 'media', operation: 'uploadImage', source: 'url', url, intendedUse });
const downloads = () => sandbox.state.downloads ?? [];
/** The server sees the node hang up a moment after the node has given up. */
const hungUp = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('an image URL is downloaded within WeChat’s limits', () => {
	it('an endless image is cut off at 10 MB, and nothing is uploaded', async () => {
		await expect(runNode({ parameters: upload(`${sandbox.url}/__fixtures/endless.png`), store })).rejects.toThrow(
			'Image in item 1: the image is more than WeChat’s 10.0 MB for this field, so the download was stopped there',
		);
		await hungUp();
		const [served] = downloads();
		expect(served.closedEarly).toBe(true);
		// 10 MB and what sat in the socket buffers when the node hung up, far from the 64 MB on offer.
		expect(served.bytesSent).toBeLessThan(24 * MB);
		expect(sandbox.requests('mediaUpload')).toHaveLength(0);
	});

	it('a feeds image is stopped at its own 100 KB, not at the upload’s 10 MB', async () => {
		await expect(runNode({ parameters: upload(`${sandbox.url}/__fixtures/endless.png`, 'feedsImg'), store })).rejects.toThrow(
			/Feeds Image in item 1: the image is more than WeChat’s 100 KB for this field/,
		);
		await hungUp();
		expect(downloads()[0]).toMatchObject({ closedEarly: true, bytesSent: expect.any(Number) });
		expect(downloads()[0].bytesSent).toBeLessThan(14 * MB);
	});

	it('an image that announces its size is refused before its body is read', async () => {
		await expect(
			runNode({ parameters: upload(`${sandbox.url}/__fixtures/image.png?w=10&h=10&pad=150000`, 'feedsImg'), store }),
		).rejects.toThrow('Feeds Image in item 1: the image is 147 KB, more than WeChat’s 100 KB for this field');
	});

	it('a redirect to the image is followed', async () => {
		const to = encodeURIComponent('/__fixtures/image.png?w=20&h=20');
		const [item] = await runNode({ parameters: upload(`${sandbox.url}/__fixtures/redirect?to=${to}`), store });
		expect(item.json).toMatchObject({ width: 20, height: 20, fileName: 'image.png' });
	});

	it(`a redirect loop is given up after ${MAX_REDIRECTS} redirects, with a clear error`, async () => {
		await expect(runNode({ parameters: upload(`${sandbox.url}/__fixtures/loop`), store })).rejects.toThrow(
			`Image in item 1: ${sandbox.url}/__fixtures/loop redirects more than 5 times (the redirects may go round in a circle)`,
		);
		expect(downloads()).toHaveLength(MAX_REDIRECTS + 1);
	});

	it('a redirect away from http(s) is not followed', async () => {
		const to = encodeURIComponent('file:///etc/passwd');
		await expect(runNode({ parameters: upload(`${sandbox.url}/__fixtures/redirect?to=${to}`), store })).rejects.toThrow(
			/redirects to "file:\/\/\/etc\/passwd", which is not an http\(s\) address/,
		);
	});

	it('a missing image is reported with the server’s answer', async () => {
		await expect(runNode({ parameters: upload(`${sandbox.url}/__fixtures/gone.png`), store })).rejects.toThrow(
			`Image in item 1: the server answered 404 Not Found for ${sandbox.url}/__fixtures/gone.png, not the image`,
		);
	});

	it('a server that trickles bytes is cut off at the deadline', async () => {
		const context = executeContext({ parameters: {}, store });
		const started = Date.now();
		const result = await downloadCapped(context, `${sandbox.url}/__fixtures/trickle.png?ms=50`, { maxBytes: 10 * MB, deadlineMs: 1500 });
		expect(result).toMatchObject({ ok: false, problem: { kind: 'deadline' } });
		expect(Date.now() - started).toBeLessThan(5000);
		await hungUp();
		expect(downloads()[0].closedEarly).toBe(true);
	});

	it('a file name with a malformed % escape is kept as it is, not a URIError', async () => {
		const [item] = await runNode({ parameters: upload(`${sandbox.url}/__fixtures/named/100%-cotton.png`), store });
		expect(item.json).toMatchObject({ width: 10, height: 10, fileName: '100%-cotton.png' });
		const [escaped] = await runNode({ parameters: upload(`${sandbox.url}/__fixtures/named/%E7%BB%BF%E8%8C%B6.png`), store });
		expect((escaped.json as IDataObject).fileName).toBe('绿茶.png');
	});
});
