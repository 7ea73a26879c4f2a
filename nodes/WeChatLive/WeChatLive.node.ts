import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildProperties } from './actions/description';
import { resources } from './actions/resources';
import { route } from './actions/router';
import { listSearch } from './methods';

export class WeChatLive implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeChat Live',
		name: 'weChatLive',
		icon: { light: 'file:../../icons/wechatLive.svg', dark: 'file:../../icons/wechatLive.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage WeChat Mini Program live broadcasts (小程序直播): rooms, goods, roles, subscribers and images',
		defaults: { name: 'WeChat Live' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'weChatLiveApi', required: true }],
		properties: buildProperties(resources),
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
