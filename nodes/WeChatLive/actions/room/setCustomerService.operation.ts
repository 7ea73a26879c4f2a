import { roomSwitchOperation } from './fields';

export const roomSetCustomerService = roomSwitchOperation({
	value: 'setCustomerService',
	name: 'Set Customer Service',
	action: 'Turn customer service of a room on or off',
	description: 'Show or hide the customer-service button in a room (客服功能管理)',
	endpoint: 'roomUpdateKf',
	field: 'closeKf',
	inverted: true,
	displayName: 'Enabled',
	parameterName: 'enabled',
	parameterDescription:
		'Whether viewers see the customer-service button. Sent as closeKf, which WeChat names the other way round: 0 = on, 1 = off. Turning it on needs customer service configured in the MP console (else WeChat errcode 300038).',
});
