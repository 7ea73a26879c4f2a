import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { t } from '../../../shared/i18n/translate';
import { timeZoneOf } from '../../../shared/time';
import { invalidInput, toUnixSeconds } from '../../helpers/validation';
import {
	ANCHOR_NAME_LENGTH,
	checkShareParamsLength,
	checkShowWindow,
	checkWeightedLength,
	ROOM_NAME_LENGTH,
} from '../../rules';
import { MEDIA_UPLOAD_LIMITS } from '../../transport/media';
import type { ImageField } from '../common/images';
import { checkImageInput, imageProperties, imageSourceProperty, resolveImage } from '../common/images';
import type { EndpointName } from '../../transport/request';
import { weChatRequest } from '../../transport/request';
import { bit, getBoolean, getOption, getRoomId, obey, requireText, requireWeChatId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import type { WeChatOperation } from '../types';

/**
 * The fields Room operations share, and their readers: what Create and Update send (names, images, show
 * times, switches; WeChat's rules for them are in rules/room.ts), the share code's custom parameters, and
 * the four single-switch operations.
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

export const roomNameProperty: INodeProperties = {
	displayName: 'Room Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 圣诞节特卖直播',
	description: 'Room title: 3–17 Chinese characters, or 6–34 Latin letters and digits (a Chinese character counts 2)',
};

export const startTimeProperty: INodeProperties = {
	displayName: 'Start Time',
	name: 'startTime',
	type: 'dateTime',
	required: true,
	default: '',
	description:
		'Planned start: at least 10 minutes from now and at most 6 months ahead. A date-time without an offset is read in the workflow’s time zone (workflow Settings → Timezone); also an ISO date-time with an offset, or Unix time in seconds.',
};

export const endTimeProperty: INodeProperties = {
	displayName: 'End Time',
	name: 'endTime',
	type: 'dateTime',
	required: true,
	default: '',
	description:
		'Planned end: 30 minutes to 24 hours after the start. Read like Start Time: without an offset, in the workflow’s time zone.',
};

export const anchorNameProperty: INodeProperties = {
	displayName: 'Anchor Name',
	name: 'anchorName',
	type: 'string',
	required: true,
	default: '',
	description: 'Anchor’s display nickname: 2–15 Chinese characters, or 4–30 Latin letters and digits',
};

export const anchorWechatProperty: INodeProperties = {
	displayName: 'Anchor WeChat ID',
	name: 'anchorWechat',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. wxid_anchor01',
	description:
		'The anchor’s WeChat ID (微信号), real-name verified in the 小程序直播 mini program. If not, the error gives a QR code link to verify.',
};

/** Parameters both operations show at top level: everything WeChat requires. */
export function roomRequiredProperties(): INodeProperties[] {
	return [
		roomNameProperty,
		startTimeProperty,
		endTimeProperty,
		anchorNameProperty,
		anchorWechatProperty,
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

	const name = requireText(this, itemIndex, roomNameProperty, get(roomNameProperty.name), t('Give the room a title.'));
	obey(this, itemIndex, roomNameProperty, () => checkWeightedLength(name, ROOM_NAME_LENGTH.min, ROOM_NAME_LENGTH.max));
	const anchorName = requireText(this, itemIndex, anchorNameProperty, get(anchorNameProperty.name), t('Give the anchor’s nickname.'));
	obey(this, itemIndex, anchorNameProperty, () => checkWeightedLength(anchorName, ANCHOR_NAME_LENGTH.min, ANCHOR_NAME_LENGTH.max));
	const anchorWechat = requireWeChatId(this, itemIndex, anchorWechatProperty, get(anchorWechatProperty.name));
	const { startTime, endTime } = checkShowTimes(this, itemIndex, get(startTimeProperty.name), get(endTimeProperty.name));
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

/** Start Time and End Time, read and checked against WeChat's show window (rules/room.ts). */
export function checkShowTimes(
	context: IExecuteFunctions,
	itemIndex: number,
	start: unknown,
	end: unknown,
	now = new Date(),
): { startTime: number; endTime: number } {
	const startTime = toUnixSeconds(context, itemIndex, startTimeProperty, start);
	const endTime = toUnixSeconds(context, itemIndex, endTimeProperty, end);
	const rule = () => checkShowWindow(startTime, endTime, now, timeZoneOf(context));
	obey(context, itemIndex, startTimeProperty, rule, [startTimeProperty, endTimeProperty]);
	return { startTime, endTime };
}

/**
 * The share code's custom parameters (params of api_getsharedcode): an object the live-player plugin hands
 * to the mini program (custom_params). WeChat wants encodeURIComponent(JSON.stringify(obj)) in the URL; the
 * HTTP client already URL-encodes query values, so the node passes JSON.stringify(obj) and lets it encode
 * once (encoding here too would reach WeChat as %257B…).
 */

/** How the custom parameters are given. */
const paramsInputProperty: INodeProperties = {
	displayName: 'Custom Parameters',
	name: 'paramsInput',
	type: 'options',
	default: 'none',
	description:
		'Parameters (params) the mini program receives as custom_params when a viewer enters the room through this code, e.g. a page path or a referrer ID',
	options: [
		{ name: 'JSON', value: 'json', description: 'Give the parameters as one JSON object, e.g. from an expression' },
		{ name: 'Key-Value Pairs', value: 'keyValue', description: 'Give each parameter as a name and a text value' },
		{ name: 'None', value: 'none', description: 'No custom parameters' },
	],
};

const paramsProperty: INodeProperties = {
	displayName: 'Parameters',
	name: 'params',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Parameter',
	default: {},
	description: 'The custom parameters, each a name and a text value',
	displayOptions: { show: { paramsInput: ['keyValue'] } },
	options: [
		{
			displayName: 'Parameter',
			name: 'parameter',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'e.g. pid',
					description: 'Name of the parameter',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. 1',
					description: 'Value of the parameter, sent as text',
				},
			],
		},
	],
};

const paramsJsonProperty: INodeProperties = {
	displayName: 'Parameters (JSON)',
	name: 'paramsJson',
	type: 'json',
	default: '{}',
	description:
		'The custom parameters as one JSON object, e.g. {"path": "pages/index/index", "pid": 1}; numbers and nested values are kept as they are',
	displayOptions: { show: { paramsInput: ['json'] } },
};

export const shareParamsProperties: INodeProperties[] = [paramsInputProperty, paramsProperty, paramsJsonProperty];

/** The params query value (JSON text), or undefined without custom parameters; every rule checked first. */
export function readShareParams(context: IExecuteFunctions, itemIndex: number): string | undefined {
	const input = getOption<string>(context, itemIndex, paramsInputProperty);
	if (input === 'none') return undefined;
	const params = input === 'json' ? readJsonObject(context, itemIndex) : readPairs(context, itemIndex);
	const text = JSON.stringify(params);
	obey(context, itemIndex, input === 'json' ? paramsJsonProperty : paramsProperty, () => checkShareParamsLength(text));
	return text;
}

/** The fix when no parameter is given, either way. */
const addOrNone = () =>
	t('Add a parameter, or set {field} to {none}.', { field: t(paramsInputProperty.displayName), none: t('None') });

const oneObject = () => t('Give one JSON object, e.g. {"path": "pages/index/index", "pid": 1}.');

function readPairs(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const collection = context.getNodeParameter(paramsProperty.name, itemIndex, {}) as { parameter?: Array<{ name?: unknown; value?: unknown }> };
	const pairs = collection.parameter ?? [];
	if (pairs.length === 0) throw invalidInput(context, itemIndex, paramsProperty, t('has no parameter'), addOrNone());
	// A Map, not an object: a parameter may be called "constructor" or "__proto__" like any other.
	const params = new Map<string, string>();
	pairs.forEach((pair, index) => {
		const name = typeof pair.name === 'string' ? pair.name.trim() : String(pair.name ?? '').trim();
		if (!name) {
			throw invalidInput(
				context,
				itemIndex,
				paramsProperty,
				t('has a parameter without a name (parameter {n})', { n: index + 1 }),
				t('Name every parameter, or remove the empty one.'),
			);
		}
		if (params.has(name)) {
			throw invalidInput(context, itemIndex, paramsProperty, t('has the parameter “{name}” twice', { name }), t('Give each parameter once.'));
		}
		params.set(name, pair.value === undefined || pair.value === null ? '' : String(pair.value));
	});
	return Object.fromEntries(params);
}

function readJsonObject(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = context.getNodeParameter(paramsJsonProperty.name, itemIndex, '') as unknown;
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw invalidInput(context, itemIndex, paramsJsonProperty, t('is not valid JSON ({reason})', { reason: (error as Error).message }), oneObject());
		}
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		const problem = Array.isArray(value)
			? t('is a list, but must be one JSON object')
			: t('is {value}, but must be one JSON object', { value: JSON.stringify(value) });
		throw invalidInput(context, itemIndex, paramsJsonProperty, problem, oneObject());
	}
	if (Object.keys(value).length === 0) {
		throw invalidInput(context, itemIndex, paramsJsonProperty, t('is an empty object'), addOrNone());
	}
	return value as IDataObject;
}

/**
 * The four room switches (api_updatefeedpublic, _updatereplay, _updatekf, _updatecomment): a room and one
 * 0/1 field. The UI names each switch positively; WeChat's closeReplay and closeKf mean the opposite
 * (1 = off), so those are inverted on the way out.
 */
export interface RoomSwitch {
	value: string;
	name: string;
	action: string;
	description: string;
	endpoint: EndpointName;
	/** WeChat's body field. */
	field: 'isFeedsPublic' | 'closeReplay' | 'closeKf' | 'banComment';
	/** 1 on the wire means "off" in the UI. */
	inverted: boolean;
	/** The UI switch: named positively, WeChat's field and its meaning in the description. */
	displayName: string;
	parameterName: string;
	parameterDescription: string;
}

export function roomSwitchOperation(spec: RoomSwitch): WeChatOperation {
	const switchProperty: INodeProperties = {
		displayName: spec.displayName,
		name: spec.parameterName,
		type: 'boolean',
		default: true,
		description: spec.parameterDescription,
	};
	return {
		value: spec.value,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		endpoints: [spec.endpoint],
		properties: [roomIdProperty, switchProperty],
		async execute(itemIndex) {
			const roomId = getRoomId(this, itemIndex);
			const on = getBoolean(this, itemIndex, switchProperty);
			const wire = on !== spec.inverted ? 1 : 0;
			await weChatRequest.call(this, spec.endpoint, { body: { roomId, [spec.field]: wire }, itemIndex });
			return { roomId, [spec.field]: wire, [spec.parameterName]: on };
		},
	};
}
