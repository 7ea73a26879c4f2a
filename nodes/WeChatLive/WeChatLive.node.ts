import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { localize } from '../shared/i18n/localize';
import { buildProperties, buildSubtitle } from './actions/description';
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
		subtitle: buildSubtitle(resources),
		description:
			'Manage WeChat Mini Program live broadcasts (小程序直播): rooms, goods, roles, subscribers and images',
		defaults: { name: 'WeChat Live' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'weChatLiveApi', required: true }],
		properties: buildProperties(resources),
	};

	// The panel in the package's language (nodes/shared/i18n); the literal above stays what n8n's lint reads.
	constructor() {
		this.description = localize(this.description);
	}

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
