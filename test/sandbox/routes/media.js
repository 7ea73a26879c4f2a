// Temporary media: /cgi-bin/media/upload (multipart, field "media", type=image) → media_id for 3 days.
const crypto = require('node:crypto');
const { fail } = require('./util');
const { now } = require('../state');
const { imageType } = require('../images');

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

function parseMultipart(raw, contentType) {
	const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
	if (!m) return undefined;
	const boundary = Buffer.from(`--${m[1] || m[2]}`);
	const parts = [];
	let start = raw.indexOf(boundary);
	while (start !== -1) {
		const next = raw.indexOf(boundary, start + boundary.length);
		if (next === -1) break;
		const part = raw.subarray(start + boundary.length + 2, next - 2);
		const split = part.indexOf('\r\n\r\n');
		if (split !== -1) {
			const head = part.subarray(0, split).toString('utf8');
			parts.push({
				name: /name="([^"]*)"/.exec(head)?.[1],
				filename: /filename="([^"]*)"/.exec(head)?.[1],
				contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1],
				data: part.subarray(split + 4),
			});
		}
		start = next;
	}
	return parts;
}

function storeMedia(state, data, type) {
	const mediaId = `sbxmedia_${crypto.randomBytes(24).toString('base64url')}`;
	state.media.set(mediaId, { data, type, createdAt: Math.floor(now(state) / 1000) });
	return mediaId;
}

/** A media_id WeChat still knows (they last 3 days). */
function mediaExists(state, mediaId) {
	const media = state.media.get(mediaId);
	return Boolean(media) && Math.floor(now(state) / 1000) - media.createdAt < 3 * 24 * 3600;
}

module.exports = {
	mediaUpload({ state, query, raw, headers }) {
		if (query.type !== 'image') return fail(40004, 'invalid media type');
		const parts = parseMultipart(raw, headers['content-type']);
		const file = parts?.find((p) => p.name === 'media' && p.filename !== undefined);
		if (!file) return fail(41005, 'media data missing');
		const type = imageType(file.data);
		if (!type) return fail(40005, 'invalid file type');
		if (file.data.length > MAX_IMAGE_BYTES) return fail(40009, 'invalid image size');
		const createdAt = Math.floor(now(state) / 1000);
		return { type: 'image', media_id: storeMedia(state, file.data, type), created_at: createdAt };
	},
	storeMedia,
	mediaExists,
};
