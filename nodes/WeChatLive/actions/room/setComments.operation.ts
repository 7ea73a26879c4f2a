import { roomSwitchOperation } from './fields';

// WeChat's page disagrees with itself (api_updatecomment): the parameter table names the room "id", the official
// example, the old studio-api page and every SDK send "roomId". We send roomId only (docs/wechat-facts.md, "Set Comments").
export const roomSetComments = roomSwitchOperation({
	value: 'setComments',
	name: 'Set Comments',
	action: 'Mute or unmute the comments of a room',
	description: 'Mute all viewers’ comments in a room, or allow them again (禁言管理)',
	endpoint: 'roomUpdateComment',
	field: 'banComment',
	inverted: false,
	displayName: 'Mute All',
	parameterName: 'muteAll',
	parameterDescription: 'Whether to mute every viewer’s comments (全局禁言). Sent as banComment: 1 = muted, 0 = comments allowed.',
});
