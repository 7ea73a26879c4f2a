import type { Field } from '../../helpers/validation';
import type { EndpointName } from '../../transport/request';
import { weChatRequest } from '../../transport/request';
import { getBoolean, getRoomId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import type { WeChatOperation } from '../types';

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
	const field: Field = { displayName: spec.displayName, name: spec.parameterName };
	return {
		value: spec.value,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		endpoints: [spec.endpoint],
		properties: [
			roomIdProperty,
			{
				displayName: spec.displayName,
				name: spec.parameterName,
				type: 'boolean',
				default: true,
				description: spec.parameterDescription,
			},
		],
		async execute(itemIndex) {
			const roomId = getRoomId(this, itemIndex);
			const on = getBoolean(this, itemIndex, field);
			const wire = on !== spec.inverted ? 1 : 0;
			await weChatRequest.call(this, spec.endpoint, { body: { roomId, [spec.field]: wire }, itemIndex });
			return { roomId, [spec.field]: wire, [spec.parameterName]: on };
		},
	};
}
