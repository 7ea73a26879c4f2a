import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { addMonths, describeTime, timeZoneOf, toUnixSeconds, zoneHint } from '../../helpers/time';
import type { Field } from '../../helpers/validation';
import { checkWeightedLength, invalidInput, requireText, requireWeChatId } from '../../helpers/validation';
import { MEDIA_UPLOAD_LIMITS } from '../../transport/media';
import type { ImageField } from '../common/images';
import { checkImageInput, imageProperties, imageSourceProperty, resolveImage } from '../common/images';
import { bit, getBoolean } from '../common/parameters';

/**
 * The fields Room → Create and Room → Update share, and WeChat's rules for them, as api_createroom states
 * them (https://developers.weixin.qq.com/miniprogram/dev/server/API/livebroadcast/studio-management/api_createroom.html; api_editroom takes the same): names, image sizes, show times.
 */

const KB = 1024;

export const COVER_IMG: ImageField = {
	displayName: 'Cover Image',
	name: 'coverImg',
	purpose: 'room’s background (cover) image: 1080×1920 px recommended, at most 2 MB',
	limits: { maxBytes: 2 * KB * KB },
};
export const SHARE_IMG: ImageField = {
	displayName: 'Share Image',
	name: 'shareImg',
	purpose: 'image shown when the room is shared: 800×640 px recommended, at most 1 MB',
	limits: { maxBytes: KB * KB },
};
export const FEEDS_IMG: ImageField = {
	displayName: 'Feeds Image',
	name: 'feedsImg',
	purpose: 'cover in WeChat’s shopping live channel (购物直播频道): 800×800 px recommended, at most 100 KB',
	limits: { maxBytes: 100 * KB },
};
export const ANCHOR_IMG: ImageField = {
	displayName: 'Anchor Image (Legacy)',
	name: 'anchorImg',
	purpose: 'anchor’s avatar (a legacy field WeChat once required; omit unless WeChat asks for it)',
	// No current page documents this field or a size for it: only the upload's own limit applies.
	limits: MEDIA_UPLOAD_LIMITS,
};

const NAME: Field = { displayName: 'Room Name', name: 'name' };
const ANCHOR_NAME: Field = { displayName: 'Anchor Name', name: 'anchorName' };
const ANCHOR_WECHAT: Field = { displayName: 'Anchor WeChat ID', name: 'anchorWechat' };
const START: Field = { displayName: 'Start Time', name: 'startTime' };
const END: Field = { displayName: 'End Time', name: 'endTime' };

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** A positive number of seconds as whole minutes: "1 minute", "90 minutes". */
const minutesText = (seconds: number) => {
	const minutes = Math.round(seconds / MINUTE);
	return `${minutes} minute${minutes === 1 ? '' : 's'}`;
};

/** Switches every room is created with (WeChat requires them). */
const roomRequiredSwitches: INodeProperties[] = [
	{
		displayName: 'Disable Likes',
		name: 'closeLike',
		type: 'boolean',
		default: false,
		description: 'Whether to hide the like button (closeLike). Cannot be turned back on after the show starts.',
	},
	{
		displayName: 'Hide Goods Shelf',
		name: 'closeGoods',
		type: 'boolean',
		default: false,
		description: 'Whether to hide the goods shelf (closeGoods). Cannot be turned back on after the show starts.',
	},
	{
		displayName: 'Disable Comments',
		name: 'closeComment',
		type: 'boolean',
		default: false,
		description: 'Whether to disable comments (closeComment). Cannot be turned back on after the show starts.',
	},
];

/** Parameters both operations show at top level: everything WeChat requires. */
export function roomRequiredProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Room Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 圣诞节特卖直播',
			description: 'Room title: 3–17 Chinese characters, or 6–34 Latin letters and digits (a Chinese character counts 2)',
		},
		{
			displayName: 'Start Time',
			name: 'startTime',
			type: 'dateTime',
			required: true,
			default: '',
			description:
				'Planned start: at least 10 minutes from now and at most 6 months ahead. A date-time without an offset is read in the workflow’s time zone (workflow Settings → Timezone); also an ISO date-time with an offset, or Unix time in seconds.',
		},
		{
			displayName: 'End Time',
			name: 'endTime',
			type: 'dateTime',
			required: true,
			default: '',
			description:
				'Planned end: 30 minutes to 24 hours after the start. Read like Start Time: without an offset, in the workflow’s time zone.',
		},
		{
			displayName: 'Anchor Name',
			name: 'anchorName',
			type: 'string',
			required: true,
			default: '',
			description: 'Anchor’s display nickname: 2–15 Chinese characters, or 4–30 Latin letters and digits',
		},
		{
			displayName: 'Anchor WeChat ID',
			name: 'anchorWechat',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. wxid_anchor01',
			description:
				'The anchor’s WeChat ID (微信号), real-name verified in the 小程序直播 mini program. If not, the error gives a QR code link to verify.',
		},
		imageSourceProperty,
		...imageProperties(COVER_IMG),
		...imageProperties(SHARE_IMG),
		...imageProperties(FEEDS_IMG),
		...roomRequiredSwitches,
	];
}

/** Optional switches both operations offer; WeChat's defaults apply when they are left out. */
export const roomOptionalSwitches: INodeProperties[] = [
	{
		displayName: 'Disable Customer Service',
		name: 'closeKf',
		type: 'boolean',
		default: true,
		description:
			'Whether to disable the customer-service button (closeKf). WeChat’s default is disabled; enabling it needs customer service configured in the MP console.',
	},
	{
		displayName: 'Disable Replay',
		name: 'closeReplay',
		type: 'boolean',
		default: true,
		description: 'Whether to disable the replay (closeReplay). WeChat’s default is disabled; it can be enabled later.',
	},
	{
		displayName: 'Disable Sharing',
		name: 'closeShare',
		type: 'boolean',
		default: false,
		description: 'Whether to disable sharing (closeShare). WeChat’s default is enabled; fixed once the show starts.',
	},
	{
		displayName: 'Include in Official Feeds',
		name: 'isFeedsPublic',
		type: 'boolean',
		default: true,
		description: 'Whether WeChat may include the room in its official feeds (isFeedsPublic). WeChat’s default is yes.',
	},
];


/**
 * Checks every rule WeChat documents for a room before anything is sent (no upload either), then builds
 * the body with images turned into media IDs.
 */
export async function buildRoomBody(
	this: IExecuteFunctions,
	itemIndex: number,
	additional: IDataObject,
): Promise<IDataObject> {
	const get = (name: string) => this.getNodeParameter(name, itemIndex, '') as unknown;

	const name = requireText(this, itemIndex, NAME, get('name'), 'Give the room a title.');
	checkWeightedLength(this, itemIndex, NAME, name, 6, 34);
	const anchorName = requireText(this, itemIndex, ANCHOR_NAME, get('anchorName'), 'Give the anchor’s nickname.');
	checkWeightedLength(this, itemIndex, ANCHOR_NAME, anchorName, 4, 30);
	const anchorWechat = requireWeChatId(this, itemIndex, ANCHOR_WECHAT, get('anchorWechat'));
	const { startTime, endTime } = checkShowTimes(this, itemIndex, get('startTime'), get('endTime'));
	for (const image of [COVER_IMG, SHARE_IMG, FEEDS_IMG]) checkImageInput.call(this, itemIndex, image, get(image.name));

	const body: IDataObject = {
		name,
		coverImg: await resolveImage.call(this, itemIndex, COVER_IMG, get('coverImg')),
		startTime,
		endTime,
		anchorName,
		anchorWechat,
		shareImg: await resolveImage.call(this, itemIndex, SHARE_IMG, get('shareImg')),
		feedsImg: await resolveImage.call(this, itemIndex, FEEDS_IMG, get('feedsImg')),
	};
	for (const field of roomRequiredSwitches) body[field.name] = bit(getBoolean(this, itemIndex, field));
	for (const field of roomOptionalSwitches) {
		if (additional[field.name] !== undefined) body[field.name] = bit(getBoolean(this, itemIndex, field, additional[field.name]));
	}
	return body;
}

/**
 * start ≥ now + 10 min and ≤ now + 6 months; 30 min ≤ end − start ≤ 24 h: "开播时间需要在当前时间的10分钟后
 * 并且开始时间不能在6个月后", "开播时间和结束时间间隔不得短于30分钟，不得超过24小时" (api_createroom).
 */
export function checkShowTimes(
	context: IExecuteFunctions,
	itemIndex: number,
	start: unknown,
	end: unknown,
	now = new Date(),
): { startTime: number; endTime: number } {
	const startTime = toUnixSeconds(context, itemIndex, START, start);
	const endTime = toUnixSeconds(context, itemIndex, END, end);
	const timeZone = timeZoneOf(context);
	const shown = (seconds: number) => describeTime(seconds, timeZone);
	const again = (seconds: number) => describeTime(seconds, timeZone, { zone: false });
	const nowSeconds = Math.floor(now.getTime() / 1000);
	if (startTime < nowSeconds + 10 * MINUTE) {
		const when = startTime < nowSeconds ? `${minutesText(nowSeconds - startTime)} ago` : 'less than 10 minutes from now';
		throw invalidInput(
			context,
			itemIndex,
			START,
			`is ${shown(startTime)}, ${when} (now is ${again(nowSeconds)}); WeChat needs a start at least 10 minutes ahead`,
			`WeChat needs the start at least 10 minutes ahead: pick a later start time. ${zoneHint(timeZone)}`,
		);
	}
	const latest = Math.floor(addMonths(now, 6).getTime() / 1000);
	if (startTime > latest) {
		throw invalidInput(
			context,
			itemIndex,
			START,
			`is ${shown(startTime)}, more than 6 months ahead`,
			`Pick a start before ${shown(latest)}. ${zoneHint(timeZone)}`,
		);
	}
	const length = endTime - startTime;
	if (length < 30 * MINUTE || length > 24 * HOUR) {
		const show =
			length < 0
				? `is ${minutesText(-length)} before the start (${shown(startTime)} to ${again(endTime)})`
				: `makes a show of ${minutesText(length)} (${shown(startTime)} to ${again(endTime)})`;
		throw invalidInput(
			context,
			itemIndex,
			END,
			`${show}, but WeChat takes 30 minutes to 24 hours`,
			length < 30 * MINUTE
				? 'Set the end at least 30 minutes after the start.'
				: 'Set the end at most 24 hours after the start, or split the show into two rooms.',
		);
	}
	return { startTime, endTime };
}
