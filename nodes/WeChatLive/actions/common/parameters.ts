import type { IExecuteFunctions } from 'n8n-workflow';

import type { Field } from '../../helpers/validation';
import { requireId } from '../../helpers/validation';

export const ROOM_ID: Field = { displayName: 'Room', name: 'roomId' };

/** Reads a resource-locator or plain ID parameter as WeChat's numeric ID, refusing anything else. */
export function getId(context: IExecuteFunctions, itemIndex: number, field: Field): number {
	const raw = context.getNodeParameter(field.name, itemIndex, undefined, { extractValue: true }) as unknown;
	return requireId(context, itemIndex, field, raw);
}

export function getRoomId(context: IExecuteFunctions, itemIndex: number): number {
	return getId(context, itemIndex, ROOM_ID);
}

/** 0/1 as WeChat wants it, from a boolean in the UI. */
export function bit(value: unknown): 0 | 1 {
	return value === true || value === 1 || value === '1' || value === 'true' ? 1 : 0;
}
