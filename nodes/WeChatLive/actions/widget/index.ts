import type { WeChatResource } from '../types';

export const widget: WeChatResource = {
	value: 'widget',
	name: 'Widget',
	description: "The live pendant's global goods key (直播挂件)",
	operations: [],
};
