import { roomSwitchOperation } from './fields';

export const roomSetReplay = roomSwitchOperation({
	value: 'setReplay',
	name: 'Set Replay',
	action: 'Turn the replay of a room on or off',
	description: 'Turn a room’s replay on or off (回放功能管理)',
	endpoint: 'roomUpdateReplay',
	field: 'closeReplay',
	inverted: true,
	displayName: 'Enabled',
	parameterName: 'enabled',
	parameterDescription:
		'Whether viewers can watch the replay after the show. Sent as closeReplay, which WeChat names the other way round: 0 = replay on, 1 = off.',
});
