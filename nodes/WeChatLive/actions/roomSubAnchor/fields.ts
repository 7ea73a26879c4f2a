import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireWeChatId } from '../common/parameters';

/** The sub-anchor (主播副号): a second WeChat ID that may broadcast a room (api_addsubanchor and siblings). */

export const subAnchorUsernameProperty: INodeProperties = {
	displayName: 'Sub-Anchor WeChat ID',
	name: 'username',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. wxid_anchor02',
	description:
		'WeChat ID (微信号, WeChat’s username) of the second anchor. It must be real-name verified and differ from the room’s main anchor.',
};

export function readUsername(context: IExecuteFunctions, itemIndex: number): string {
	return requireWeChatId(context, itemIndex, subAnchorUsernameProperty, context.getNodeParameter(subAnchorUsernameProperty.name, itemIndex, ''));
}
