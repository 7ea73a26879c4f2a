import type { WeChatResource } from '../types';
import { subscriberGetMany } from './getMany.operation';
import { subscriberPushMessage } from './pushMessage.operation';

export const subscriber: WeChatResource = {
	value: 'subscriber',
	name: 'Subscriber',
	description: 'Long-term subscribers and the live-started push (长期订阅)',
	operations: [subscriberGetMany, subscriberPushMessage],
};
