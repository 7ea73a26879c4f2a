import type { WeChatResource } from '../types';
import { widgetGetGoodsKey } from './getGoodsKey.operation';
import { widgetSetGoodsKey } from './setGoodsKey.operation';

export const widget: WeChatResource = {
	value: 'widget',
	name: 'Widget',
	description: 'The live pendant’s global goods key (直播挂件)',
	operations: [widgetSetGoodsKey, widgetGetGoodsKey],
};
