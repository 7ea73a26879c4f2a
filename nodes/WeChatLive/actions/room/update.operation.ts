import type { IDataObject } from 'n8n-workflow';

import { timeZoneOf, withReadableTimes } from '../../../shared/time';
import { weChatRequest } from '../../transport/request';
import { getRoomId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import type { WeChatOperation } from '../types';
import { buildRoomBody, roomOptionalSwitches, roomRequiredProperties } from './fields';

export const roomUpdate: WeChatOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update a room',
	description: 'Edit a room that has not started (编辑直播间). WeChat replaces the whole room, so every required field is asked for.',
	endpoints: ['roomEdit'],
	properties: [
		{
			displayName:
				'WeChat replaces the whole room on update: give every field as it should be afterwards, not only the changes. Room type and sub-anchor cannot be changed here (use Room Sub-Anchor).',
			name: 'replaceNotice',
			type: 'notice',
			default: '',
		},
		roomIdProperty,
		...roomRequiredProperties(),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: roomOptionalSwitches,
		},
	],
	async execute(itemIndex) {
		const id = getRoomId(this, itemIndex);
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = { id, ...(await buildRoomBody.call(this, itemIndex, additional)) };
		// Not retried: WeChat has answered -1 to edits it applied (visible ~10 s later).
		await weChatRequest.call(this, 'roomEdit', { body, itemIndex });
		const times = withReadableTimes({ startTime: body.startTime, endTime: body.endTime }, ['startTime', 'endTime'], timeZoneOf(this));
		return { roomId: id, updated: true, name: body.name, ...times };
	},
};
