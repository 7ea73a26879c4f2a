import type { IExecuteFunctions } from 'n8n-workflow';

import type { Field } from '../../helpers/validation';
import { invalidInput, requireText } from '../../helpers/validation';

/**
 * A WeChat ID (微信号) as assistants, sub-anchors and anchors are named: required, and never with spaces
 * or Chinese characters, which catches the common mistake of giving the nickname instead.
 */
export function requireWeChatId(context: IExecuteFunctions, itemIndex: number, field: Field, value: unknown): string {
	const id = requireText(context, itemIndex, field, value, 'Give the person’s WeChat ID (微信号), as shown in WeChat under Me.');
	if (!/^[\x21-\x7e]+$/.test(id)) {
		throw invalidInput(
			context,
			itemIndex,
			field,
			`is "${id}", which is not a WeChat ID (a WeChat ID has no spaces or Chinese characters)`,
			'Give the WeChat ID (微信号) shown in WeChat under Me, not the nickname.',
		);
	}
	return id;
}
