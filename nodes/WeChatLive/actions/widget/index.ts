import type { WeChatResource } from '../types';
import { getGoodsKey } from './getGoodsKey.operation';
import { setGoodsKey } from './setGoodsKey.operation';

export const widget: WeChatResource = {
	value: 'widget',
	name: 'Widget',
	description: 'The live pendant’s global goods key (直播挂件)',
	operations: [setGoodsKey, getGoodsKey],
};
