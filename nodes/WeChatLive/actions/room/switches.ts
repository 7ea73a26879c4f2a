import type { IExecuteFunctions } from 'n8n-workflow';

import type { Field } from '../../helpers/validation';
import { invalidInput } from '../../helpers/validation';
import type { EndpointName } from '../../transport/request';
import { weChatRequest } from '../../transport/request';
import { getRoomId } from '../common/parameters';
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
			const on = readSwitch(this, itemIndex, field);
			const wire = on !== spec.inverted ? 1 : 0;
			await weChatRequest.call(this, spec.endpoint, { body: { roomId, [spec.field]: wire }, itemIndex });
			return { roomId, [spec.field]: wire, [spec.parameterName]: on };
		},
	};
}

/** A switch, also when an expression gives it as 1/0 or "true"/"false". */
function readSwitch(context: IExecuteFunctions, itemIndex: number, field: Field): boolean {
	const value = context.getNodeParameter(field.name, itemIndex) as unknown;
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === '1' || value === 'true') return true;
	if (value === 0 || value === '0' || value === 'false') return false;
	throw invalidInput(
		context,
		itemIndex,
		field,
		`must be true or false, got "${String(value)}"`,
		'Switch it on or off, or make the expression give true or false.',
	);
}
