import { roomSwitchOperation } from './fields';

export const roomSetFeedPublic = roomSwitchOperation({
	value: 'setFeedPublic',
	name: 'Set Feed Public',
	action: 'Set official feed inclusion of a room',
	description: 'Let WeChat include a room in its official feeds, or not (官方收录管理)',
	endpoint: 'roomUpdateFeedPublic',
	field: 'isFeedsPublic',
	inverted: false,
	displayName: 'Enabled',
	parameterName: 'enabled',
	parameterDescription:
		'Whether WeChat may show the room in its official feeds (官方收录). Sent as isFeedsPublic: 1 on, 0 off.',
});
