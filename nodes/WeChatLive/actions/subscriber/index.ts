import type { WeChatResource } from '../types';
import { getMany } from './getMany.operation';
import { pushMessage } from './pushMessage.operation';

export const subscriber: WeChatResource = {
	value: 'subscriber',
	name: 'Subscriber',
	description: 'Long-term subscribers and the live-started push (长期订阅)',
	operations: [getMany, pushMessage],
};
