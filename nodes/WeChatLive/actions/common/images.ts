import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { t } from '../../../shared/i18n/translate';
import type { Field } from '../../helpers/validation';
import { invalidInput } from '../../helpers/validation';
import { ownEntry } from '../../../shared/lookup';
import { decodeLeniently } from '../../helpers/uri';
import type { DownloadResult } from '../../transport/download';
import { DOWNLOAD_DEADLINE_MS, downloadCapped, MAX_REDIRECTS } from '../../transport/download';
import type { ImageFile, ImageLimits } from '../../transport/media';
import { describeBytes, imageError, uploadImage } from '../../transport/media';
import { getOption } from './parameters';

/**
 * WeChat's image fields take temporary media IDs only. The node also takes the image itself, as binary data
 * of the input item or as a URL, and uploads it first (media IDs last 3 days, so this is the safe default
 * for scheduled flows).
 */
export type ImageSource = 'mediaId' | 'binary' | 'url';

export const IMAGE_SOURCE = 'imageSource';

export const imageSourceProperty: INodeProperties = {
	displayName: 'Images From',
	name: IMAGE_SOURCE,
	type: 'options',
	default: 'mediaId',
	description:
		'How the image fields below are given. WeChat itself only takes media IDs; for binary data or URLs the node uploads the image first (Media → Upload Image).',
	options: [
		{
			name: 'Binary Data of the Input Item',
			value: 'binary',
			description: 'Each image field names a binary property of the input item, e.g. data',
		},
		{
			name: 'Image URL',
			value: 'url',
			description: 'Each image field is a public http(s) URL of a JPG, PNG or GIF image',
		},
		{
			name: 'Media ID',
			value: 'mediaId',
			description: 'Each image field is a media_id from an earlier upload (valid for 3 days)',
		},
	],
};

export interface ImageField extends Field {
	/** What the image is for and WeChat's recommendation, e.g. "1080×1920 px, at most 2 MB". */
	purpose: string;
	limits: ImageLimits;
}

/** The same image parameter in its three shapes, one per Images From choice. */
export function imageProperties(field: ImageField, required = true): INodeProperties[] {
	const base = { displayName: field.displayName, name: field.name, type: 'string' as const, required };
	return [
		{
			...base,
			default: '',
			placeholder: 'e.g. hw7zsntcr0rE-RBfBAaF553DqBk-J02UtWsP8VqrUh3tKu3jO_JwEO8n1cWTJ5TN',
			description: `Media ID of the ${field.purpose}`,
			displayOptions: { show: { [IMAGE_SOURCE]: ['mediaId'] } },
		},
		{
			...base,
			default: 'data',
			description: `Name of the input item’s binary property that holds the ${field.purpose}`,
			displayOptions: { show: { [IMAGE_SOURCE]: ['binary'] } },
		},
		{
			...base,
			default: '',
			placeholder: 'e.g. https://shop.example.com/images/cover.jpg',
			description: `URL of the ${field.purpose}`,
			displayOptions: { show: { [IMAGE_SOURCE]: ['url'] } },
		},
	];
}

/**
 * Checks an image field against the chosen source without any request, so an item with a bad image field
 * fails before anything (even another image's upload) reaches WeChat.
 */
export function checkImageInput(
	this: IExecuteFunctions,
	itemIndex: number,
	field: ImageField,
	value: unknown,
): string {
	const source = getOption<ImageSource>(this, itemIndex, imageSourceProperty);
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) {
		// The chosen shape's panel description says what to give (and already has its Chinese).
		const description = imageProperties(field).find((p) => p.displayOptions?.show?.[IMAGE_SOURCE]?.includes(source))?.description ?? '';
		throw invalidInput(this, itemIndex, field, t('is empty'), t('Fill in {field} ({description}).', { field: t(field.displayName), description: t(description) }));
	}
	if (source === 'mediaId' && /^https?:\/\//i.test(text)) {
		throw invalidInput(
			this,
			itemIndex,
			field,
			t('is a URL, but Images From is set to Media ID'),
			t('Set Images From to Image URL, or give a media ID from Media → Upload Image.'),
		);
	}
	if (source === 'url' && !/^https?:\/\/[^\s]+$/i.test(text)) {
		throw invalidInput(this, itemIndex, field, t('is not an http(s) URL: "{url}"', { url: text }), t('Give a full link starting with https://.'));
	}
	if (source === 'binary') requireBinaryProperty(this, itemIndex, field, text);
	return text;
}

/** Turns an image field's value into a media ID, uploading the image when it is binary data or a URL. */
export async function resolveImage(
	this: IExecuteFunctions,
	itemIndex: number,
	field: ImageField,
	value: unknown,
): Promise<string> {
	const text = checkImageInput.call(this, itemIndex, field, value);
	const source = getOption<ImageSource>(this, itemIndex, imageSourceProperty);
	if (source === 'mediaId') return text;
	const image =
		source === 'binary' ? await readBinary(this, itemIndex, text) : await download(this, itemIndex, field, text, field.limits);
	const uploaded = await uploadImage.call(this, image, field.limits, field.displayName, itemIndex);
	return uploaded.media_id as string;
}

/** The input item's binary property of that name, or an error listing the ones the item does have. */
export function requireBinaryProperty(context: IExecuteFunctions, itemIndex: number, field: Field, property: string): void {
	const binary = context.getInputData()[itemIndex]?.binary ?? {};
	if (ownEntry(binary, property)) return;
	const present = Object.keys(binary);
	throw invalidInput(
		context,
		itemIndex,
		field,
		t('names the binary property "{property}", which the input item does not have', { property }),
		present.length
			? t('Use one of the item’s binary properties: {present}.', { present: present.join(', ') })
			: t('The input item has no binary data: read or download the image in an earlier node, or take the image from a URL instead.'),
	);
}

export async function readBinary(context: IExecuteFunctions, itemIndex: number, property: string): Promise<ImageFile> {
	const item = context.getInputData()[itemIndex];
	const data = await context.helpers.getBinaryDataBuffer(itemIndex, property);
	return { data, fileName: item.binary?.[property]?.fileName, origin: t('binary property "{property}"', { property }) };
}

/**
 * Downloads an image given by URL, streamed and stopped at the field's limit (transport/download.ts).
 * `title` names the image in download errors, as checkImage names it.
 */
export async function download(
	context: IExecuteFunctions,
	itemIndex: number,
	field: Field,
	url: string,
	limits: ImageLimits,
	title = field.displayName,
): Promise<ImageFile> {
	if (!/^https?:\/\/[^\s]+$/i.test(url)) {
		throw invalidInput(context, itemIndex, field, t('is not an http(s) URL: "{url}"', { url }), t('Give a full link starting with https://.'));
	}
	const downloaded = await downloadCapped(context, url, { maxBytes: limits.maxBytes });
	if (!downloaded.ok) {
		const { problem, fix } = explainDownload(downloaded, limits);
		throw imageError(context, title, itemIndex, problem, fix);
	}
	return { data: downloaded.data, fileName: fileNameOf(downloaded.url), origin: url };
}

type DownloadFailure = Extract<DownloadResult, { ok: false }>;

function explainDownload({ problem, url }: DownloadFailure, limits: ImageLimits): { problem: string; fix: string } {
	const max = describeBytes(limits.maxBytes);
	const opensInBrowser = () => t('Check that the URL opens the image in a browser without logging in.');
	switch (problem.kind) {
		case 'tooLarge':
			return {
				// Worded as checkImage words a file that is too large, since it is the same rule.
				problem:
					problem.bytes === undefined
						? t('the image is more than WeChat’s {max} for this field, so the download was stopped there', { max })
						: t('the image is {size}, more than WeChat’s {max} for this field', { size: describeBytes(problem.bytes), max }),
				fix: t('Compress or resize the image, and check that the URL points to the image itself (image from {url}).', { url }),
			};
		case 'status':
			return {
				problem: t('the server answered {status} for {url}, not the image', {
					status: [problem.status, problem.statusText].filter(Boolean).join(' '),
					url,
				}),
				fix: opensInBrowser(),
			};
		case 'redirects':
			return {
				problem: t('{url} redirects more than {max} times (the redirects may go round in a circle)', { url, max: MAX_REDIRECTS }),
				fix: t('Open the URL in a browser and give the address where the image finally shows.'),
			};
		case 'badRedirect':
			return {
				problem: t('{url} redirects to "{location}", which is not an http(s) address', { url, location: problem.location }),
				fix: t('Give the image’s own http(s) address.'),
			};
		case 'deadline':
			return {
				problem: t('downloading the image from {url} took more than {seconds} seconds, so it was stopped', {
					url,
					seconds: DOWNLOAD_DEADLINE_MS / 1000,
				}),
				fix: t('The server is too slow or stalls. Try again later, host the image elsewhere, or download it with an HTTP Request node and pass it on as binary data.'),
			};
		case 'network':
			return { problem: t('could not download the image from {url} ({reason})', { url, reason: problem.message }), fix: opensInBrowser() };
	}
}

/** The file name at the end of the URL's path, decoded where it can be ("100%-off.png" stays as it is). */
function fileNameOf(url: string): string | undefined {
	return decodeLeniently(new URL(url).pathname.split('/').pop() ?? '') || undefined;
}
