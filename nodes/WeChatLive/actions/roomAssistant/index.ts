import type { WeChatResource } from '../types';

export const roomAssistant: WeChatResource = {
	value: 'roomAssistant',
	name: 'Room Assistant',
	description: "Room assistants (直播间小助手)",
	operations: [],
};
