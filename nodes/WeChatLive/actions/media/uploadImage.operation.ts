import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { t } from '../../../shared/i18n/translate';
import type { ImageFile, ImageLimits } from '../../transport/media';
import { MEDIA_UPLOAD_LIMITS, uploadImage as upload } from '../../transport/media';
import { download, readBinary, requireBinaryProperty } from '../common/images';
import { getOption, requireText } from '../common/parameters';
import { COVER_IMG_URL } from '../goods/fields';
import { COVER_IMG, FEEDS_IMG, SHARE_IMG } from '../room/fields';
import type { WeChatOperation } from '../types';

/** WeChat keeps temporary media 3 days. */
const MEDIA_LIFETIME_SECONDS = 3 * 24 * 3600;

const binaryPropertyProperty: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	displayOptions: { show: { source: ['binary'] } },
	description: 'Name of the input item’s binary property that holds the image',
};

const imageUrlProperty: INodeProperties = {
	displayName: 'Image URL',
	name: 'url',
	type: 'string',
	default: '',
	required: true,
	displayOptions: { show: { source: ['url'] } },
	placeholder: 'e.g. https://shop.example.com/images/cover.jpg',
	description: 'URL of a JPG, PNG or GIF image',
};

/**
 * The limits of the field the image is meant for: the upload itself takes up to 10 MB, but a room's feeds
 * image over 100 KB is only refused later, by room/create. Checking now saves an upload that cannot be used.
 * The title names the image in the upload's errors, in the package's language.
 */
const INTENDED_USE: Record<string, { title: string; limits: ImageLimits }> = {
	any: { title: t('Image'), limits: MEDIA_UPLOAD_LIMITS },
	coverImg: { title: t(COVER_IMG.displayName), limits: COVER_IMG.limits },
	shareImg: { title: t(SHARE_IMG.displayName), limits: SHARE_IMG.limits },
	feedsImg: { title: t(FEEDS_IMG.displayName), limits: FEEDS_IMG.limits },
	// The same limits as Goods → Create and Update check for this field.
	goodsCover: { title: t('Goods Cover Image'), limits: COVER_IMG_URL.limits },
};

const sourceProperty: INodeProperties = {
	displayName: 'Image From',
	name: 'source',
	type: 'options',
	default: 'binary',
	description: 'Where the image comes from',
	options: [
		{ name: 'Binary Data of the Input Item', value: 'binary', description: 'A binary property of the input item, e.g. from Read Files or HTTP Request' },
		{ name: 'Image URL', value: 'url', description: 'A public http(s) URL of a JPG, PNG or GIF image; the node downloads it' },
	],
};

const intendedUseProperty: INodeProperties = {
	displayName: 'Intended Use',
	name: 'intendedUse',
	type: 'options',
	default: 'any',
	description: 'Which field the image is for, so that field’s limits are checked before uploading',
	options: [
		{ name: 'Any Use (Up to 10 MB)', value: 'any' },
		{ name: 'Goods Cover (Up to 300×300 Pixels)', value: 'goodsCover' },
		{ name: 'Room Cover Image (Up to 2 MB)', value: 'coverImg' },
		{ name: 'Room Feeds Image (Up to 100 KB)', value: 'feedsImg' },
		{ name: 'Room Share Image (Up to 1 MB)', value: 'shareImg' },
	],
};

async function readImage(context: IExecuteFunctions, itemIndex: number, use: { title: string; limits: ImageLimits }): Promise<ImageFile> {
	const source = getOption<string>(context, itemIndex, sourceProperty);
	if (source === 'url') {
		const url = requireText(context, itemIndex, imageUrlProperty, context.getNodeParameter(imageUrlProperty.name, itemIndex, ''), t('Give the image’s http(s) URL.'));
		// Titled like the upload's own checks: a download stopped at the limit reads like a file refused.
		return await download(context, itemIndex, imageUrlProperty, url, use.limits, use.title);
	}
	const property = requireText(
		context,
		itemIndex,
		binaryPropertyProperty,
		context.getNodeParameter(binaryPropertyProperty.name, itemIndex, binaryPropertyProperty.default),
		t('Give the name of the input item’s binary property that holds the image, e.g. data.'),
	);
	requireBinaryProperty(context, itemIndex, binaryPropertyProperty, property);
	return await readBinary(context, itemIndex, property);
}

export const mediaUploadImage: WeChatOperation = {
	value: 'uploadImage',
	name: 'Upload Image',
	action: 'Upload an image',
	description: 'Upload an image as temporary media (新增临时素材) and get its media ID, valid for 3 days',
	endpoints: ['mediaUpload'],
	properties: [
		sourceProperty,
		binaryPropertyProperty,
		imageUrlProperty,
		intendedUseProperty,
	],
	async execute(itemIndex) {
		const use = INTENDED_USE[getOption<string>(this, itemIndex, intendedUseProperty)];
		const image = await readImage(this, itemIndex, use);
		// uploadImage checks type, size and pixels first: a wrong file never reaches WeChat.
		const uploaded: IDataObject = await upload.call(this, image, use.limits, use.title, itemIndex);
		const createdAt = Number(uploaded.created_at);
		return { ...uploaded, expires_at: createdAt + MEDIA_LIFETIME_SECONDS, fileName: image.fileName };
	},
};
