import { createHash, randomBytes } from 'node:crypto';

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { t } from '../../shared/i18n/translate';
import { itemNumber } from '../helpers/validation';
import { weChatRequest } from './request';

export interface ImageLimits {
	/** Largest file WeChat takes for this field, in bytes. */
	maxBytes: number;
	/** Largest width and height WeChat takes (goods covers: 300×300). */
	maxPixels?: { width: number; height: number };
}

/**
 * WeChat's temporary-media upload takes images of at most 10 MB ("图片（image）: 10M，支持PNG\JPEG\JPG\GIF格式",
 * https://developers.weixin.qq.com/doc/service/api/material/temporary/api_uploadtempmedia). The same page
 * also says 2 MB in one place; the larger figure is used, so nothing WeChat may take is refused here (it
 * answers 40009 when a file is too large).
 */
export const MEDIA_UPLOAD_LIMITS: ImageLimits = { maxBytes: 10 * 1024 * 1024 };

export interface ImageFile {
	data: Buffer;
	fileName?: string;
	/** Where the image came from, for error messages: a binary property or a URL. */
	origin: string;
}

interface ImageFormat {
	mimeType: string;
	extension: string;
	size?: { width: number; height: number };
}

export function sniffImage(data: Buffer): ImageFormat | undefined {
	if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47) {
		return {
			mimeType: 'image/png',
			extension: 'png',
			size: { width: data.readUInt32BE(16), height: data.readUInt32BE(20) },
		};
	}
	if (data.length >= 10 && data.toString('latin1', 0, 4) === 'GIF8') {
		return {
			mimeType: 'image/gif',
			extension: 'gif',
			size: { width: data.readUInt16LE(6), height: data.readUInt16LE(8) },
		};
	}
	if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) {
		return { mimeType: 'image/jpeg', extension: 'jpg', size: jpegSize(data) };
	}
	return undefined;
}

function jpegSize(data: Buffer): { width: number; height: number } | undefined {
	let offset = 2;
	while (offset + 9 < data.length) {
		if (data[offset] !== 0xff) return undefined;
		const marker = data[offset + 1];
		const length = data.readUInt16BE(offset + 2);
		// SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
		if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
			return { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
		}
		offset += 2 + length;
	}
	return undefined;
}

/** A file size as users read it: "147 KB", "10.0 MB". */
export function describeBytes(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * An image that cannot go to WeChat (wrong type, too large, not downloadable), named as the user sees the
 * field: `title` is its display name (translated here), `problem` and `fix` are already through t().
 */
export function imageError(
	context: IExecuteFunctions,
	title: string,
	itemIndex: number,
	problem: string,
	fix: string,
): NodeOperationError {
	const message = t('{field} in {item}: {problem}.', { field: t(title), item: itemNumber(itemIndex), problem });
	return new NodeOperationError(context.getNode(), message, { description: fix, itemIndex });
}

/** Checks WeChat's type and size rules locally, so a bad image costs no upload and no quota. */
export function checkImage(
	context: IExecuteFunctions,
	image: ImageFile,
	limits: ImageLimits,
	field: string,
	itemIndex: number,
): ImageFormat {
	const format = sniffImage(image.data);
	const fail = (problem: string, fix: string) =>
		imageError(context, field, itemIndex, problem, t('{fix} (image from {origin})', { fix, origin: image.origin }));
	if (!format) {
		throw fail(
			t('the file is not a JPG, PNG or GIF image'),
			t('WeChat only takes JPG, PNG and GIF images: convert the image or pick another file.'),
		);
	}
	if (image.data.length > limits.maxBytes) {
		throw fail(
			t('the image is {size}, more than WeChat’s {max} for this field', {
				size: describeBytes(image.data.length),
				max: describeBytes(limits.maxBytes),
			}),
			t('Compress or resize the image before uploading it.'),
		);
	}
	const max = limits.maxPixels;
	if (max && format.size && (format.size.width > max.width || format.size.height > max.height)) {
		const sizes = { width: format.size.width, height: format.size.height, maxWidth: max.width, maxHeight: max.height };
		throw fail(
			t('the image is {width}×{height} pixels, more than WeChat’s {maxWidth}×{maxHeight}', sizes),
			t('Resize the image to at most {maxWidth}×{maxHeight} pixels.', sizes),
		);
	}
	return format;
}

function multipart(file: Buffer, fileName: string, mimeType: string) {
	const boundary = `----n8nWeChatLive${randomBytes(12).toString('hex')}`;
	const head = Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="${fileName.replace(/["\r\n]/g, '_')}"\r\n` +
			`Content-Type: ${mimeType}\r\n\r\n`,
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	return { body: Buffer.concat([head, file, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

// Uploads made during one run of the node, by image content: twenty rooms sharing a cover upload it once,
// also when items run concurrently (the pending upload is shared; a failed one is forgotten).
const uploadedThisRun = new WeakMap<object, Map<string, Promise<IDataObject>>>();

/** POST /cgi-bin/media/upload?type=image (multipart, field "media"); media IDs last 3 days. */
export async function uploadImage(
	this: IExecuteFunctions,
	image: ImageFile,
	limits: ImageLimits,
	field: string,
	itemIndex: number,
): Promise<IDataObject> {
	const format = checkImage(this, image, limits, field, itemIndex);
	const digest = createHash('sha1').update(image.data).digest('hex');
	let cache = uploadedThisRun.get(this);
	if (!cache) uploadedThisRun.set(this, (cache = new Map()));
	const known = cache.get(digest);
	if (known) return await known;

	const upload = sendImage(this, image, format, itemIndex);
	cache.set(digest, upload);
	upload.catch(() => cache.delete(digest));
	return await upload;
}

async function sendImage(
	context: IExecuteFunctions,
	image: ImageFile,
	format: ImageFormat,
	itemIndex: number,
): Promise<IDataObject> {
	const fileName = image.fileName || `image.${format.extension}`;
	const response = await weChatRequest.call(context, 'mediaUpload', {
		qs: { type: 'image' },
		multipart: multipart(image.data, fileName, format.mimeType),
		itemIndex,
	});
	return {
		media_id: response.media_id,
		type: response.type ?? 'image',
		created_at: response.created_at,
		size: image.data.length,
		mimeType: format.mimeType,
		...(format.size ? { width: format.size.width, height: format.size.height } : {}),
	};
}
