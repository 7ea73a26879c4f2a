import type { WeChatResource } from '../types';

export const roomSubAnchor: WeChatResource = {
	value: 'roomSubAnchor',
	name: 'Room Sub-Anchor',
	description: "A room's sub-anchor (主播副号)",
	operations: [],
};
