import { getPaging } from '../common/parameters';
import { returnAllOrLimit } from '../common/properties';
import type { WeChatOperation } from '../types';
import { listFollowers } from '../../transport/reads/followers';

export const subscriberGetMany: WeChatOperation = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many subscribers',
	description: 'List the long-term subscribers of the mini program’s live broadcasts (获取长期订阅用户)',
	endpoints: ['followersGet'],
	properties: returnAllOrLimit(),
	async execute(itemIndex) {
		return await listFollowers.call(this, getPaging(this, itemIndex), itemIndex);
	},
};
