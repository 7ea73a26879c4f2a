// Media → Upload Image in a real n8n against the sandbox (format: README.md in this folder).
const THREE_DAYS = 3 * 24 * 3600;
const MB = 1024 * 1024;
/** The sandbox's record of what it served on one fixture path (test/sandbox/hostileImages.js). */
const served = (sandbox, path) => (sandbox.state.downloads ?? []).filter((d) => d.path === path);

/** @type {import('./types').E2ECase[]} */
module.exports = [
	{
		title: 'Media → Upload Image downloads an image URL and uploads it as temporary media',
		setup: (sandbox) => ({ url: `${sandbox.url}/__fixtures/image.png?w=300&h=300` }),
		parameters: (ctx) => ({ resource: 'media', operation: 'uploadImage', source: 'url', url: ctx.url, intendedUse: 'goodsCover' }),
		check: ({ items, requests, sandbox }) => {
			const uploads = requests.filter((r) => r.endpoint === 'mediaUpload');
			expect(uploads).toHaveLength(1);
			expect(uploads[0]).toMatchObject({ method: 'POST', path: '/cgi-bin/media/upload', query: expect.objectContaining({ type: 'image' }) });
			expect(uploads[0].contentType).toMatch(/^multipart\/form-data/);
			expect(items).toHaveLength(1);
			const [item] = items;
			expect(item).toMatchObject({ type: 'image', mimeType: 'image/png', width: 300, height: 300 });
			expect(item.expires_at).toBe(item.created_at + THREE_DAYS);
			expect(sandbox.state.media.has(item.media_id)).toBe(true);
		},
	},
	{
		title: 'Media → Upload Image refuses a feeds image over 100 KB before uploading',
		setup: (sandbox) => ({ url: `${sandbox.url}/__fixtures/image.png?w=10&h=10&pad=150000` }),
		parameters: (ctx) => ({ resource: 'media', operation: 'uploadImage', source: 'url', url: ctx.url, intendedUse: 'feedsImg' }),
		expectError: true,
		check: ({ requests, run }) => {
			expect(requests.filter((r) => r.endpoint === 'mediaUpload')).toHaveLength(0);
			expect(JSON.stringify(run.error)).toMatch(/Feeds Image in item 1: the image is \d+ KB, more than WeChat’s 100 KB/);
		},
	},
	{
		title: 'Media → Upload Image stops downloading an endless image at 10 MB, in n8n’s own HTTP helper',
		setup: (sandbox) => ({ url: `${sandbox.url}/__fixtures/endless.png` }),
		parameters: (ctx) => ({ resource: 'media', operation: 'uploadImage', source: 'url', url: ctx.url, intendedUse: 'any' }),
		expectError: true,
		check: ({ requests, run, sandbox }) => {
			expect(JSON.stringify(run.error)).toMatch(/Image in item 1: the image is more than WeChat’s 10.0 MB for this field, so the download was stopped there/);
			const [download] = served(sandbox, '/__fixtures/endless.png');
			// 10 MB and what sat in socket buffers, not the 64 MB the server offers (nor n8n's memory).
			expect(download.bytesSent).toBeLessThan(24 * MB);
			expect(requests.filter((r) => r.endpoint === 'mediaUpload')).toHaveLength(0);
		},
	},
	{
		title: 'Media → Upload Image gives up a redirect loop after 5 redirects',
		setup: (sandbox) => ({ url: `${sandbox.url}/__fixtures/loop` }),
		parameters: (ctx) => ({ resource: 'media', operation: 'uploadImage', source: 'url', url: ctx.url, intendedUse: 'any' }),
		expectError: true,
		check: ({ run, sandbox }) => {
			expect(JSON.stringify(run.error)).toMatch(/Image in item 1: \S+\/__fixtures\/loop redirects more than 5 times/);
			expect(served(sandbox, '/__fixtures/loop')).toHaveLength(6);
		},
	},
];
