import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { timeZoneOf, withReadableTimes } from '../../../shared/time';
import { weChatRequest } from '../../transport/request';
import type { WeChatOperation } from '../types';
import { ANCHOR_IMG, buildRoomBody, roomOptionalSwitches, roomRequiredProperties } from './fields';
import { checkImageInput, resolveImage } from '../common/images';
import { getOption, requireWeChatId } from '../common/parameters';

const roomTypeProperty: INodeProperties = {
	displayName: 'Room Type',
	name: 'type',
	type: 'options',
	default: 0,
	description: 'How the show is broadcast (type)',
	options: [
		{ name: 'Phone Live (手机直播)', value: 0, description: 'The anchor broadcasts from the WeChat app' },
		{
			name: 'Push Stream (推流)',
			value: 1,
			description: 'Broadcast software such as OBS pushes to the room’s RTMP address (Room → Get Push URL)',
		},
	],
};

const createrWechatProperty: INodeProperties = {
	displayName: 'Creator WeChat ID',
	name: 'createrWechat',
	type: 'string',
	default: '',
	description:
		'WeChat ID of the room’s creator (createrWechat). When set, only the creator, admins and the anchor see the room in the console.',
};

const subAnchorWechatProperty: INodeProperties = {
	displayName: 'Sub-Anchor WeChat ID',
	name: 'subAnchorWechat',
	type: 'string',
	default: '',
	description: 'WeChat ID of a second anchor (subAnchorWechat), real-name verified',
};

const screenTypeProperty: INodeProperties = {
	displayName: 'Screen Orientation (Legacy)',
	name: 'screenType',
	type: 'options',
	default: 0,
	description: 'Legacy field (screenType) from WeChat’s older docs',
	options: [
		{ name: 'Landscape', value: 1 },
		{ name: 'Portrait', value: 0 },
	],
};

export const roomCreate: WeChatOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create a room',
	description: 'Create a live room (创建直播间)',
	endpoints: ['roomCreate'],
	properties: [
		...roomRequiredProperties(),
		roomTypeProperty,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Anchor Image (Legacy)',
					name: 'anchorImg',
					type: 'string',
					default: '',
					description:
						'Anchor avatar (anchorImg), a legacy field WeChat once required: a media ID, binary property or URL as set in Images From',
				},
				createrWechatProperty,
				...roomOptionalSwitches,
				screenTypeProperty,
				subAnchorWechatProperty,
			],
		},
	],
	async execute(itemIndex) {
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		if (additional.anchorImg !== undefined) checkImageInput.call(this, itemIndex, ANCHOR_IMG, additional.anchorImg);
		for (const property of [subAnchorWechatProperty, createrWechatProperty]) {
			if (additional[property.name] !== undefined) requireWeChatId(this, itemIndex, property, additional[property.name]);
		}
		const body = await buildRoomBody.call(this, itemIndex, additional);
		body.type = getOption<number>(this, itemIndex, roomTypeProperty);
		for (const key of ['subAnchorWechat', 'createrWechat'] as const) {
			if (additional[key] !== undefined) body[key] = String(additional[key]).trim();
		}
		if (additional.screenType !== undefined) {
			body.screenType = getOption<number>(this, itemIndex, screenTypeProperty, additional.screenType);
		}
		if (additional.anchorImg !== undefined) {
			body.anchorImg = await resolveImage.call(this, itemIndex, ANCHOR_IMG, additional.anchorImg);
		}
		// Room creation is not idempotent (WeChat has created rooms while answering -1): one attempt only.
		const response = await weChatRequest.call(this, 'roomCreate', { body, itemIndex });
		const times = withReadableTimes({ startTime: body.startTime, endTime: body.endTime }, ['startTime', 'endTime'], timeZoneOf(this));
		const result: IDataObject = { roomId: response.roomId, name: body.name, ...times };
		if (response.qrcode_url) result.qrcode_url = response.qrcode_url;
		return result;
	},
};
