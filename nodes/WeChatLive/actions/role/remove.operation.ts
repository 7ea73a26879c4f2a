import { weChatRequest } from '../../transport/request';
import type { WeChatOperation } from '../types';
import { getMember, memberWithLabel, memberProperties } from './fields';

export const roleRemove: WeChatOperation = {
	value: 'remove',
	name: 'Remove',
	action: 'Remove a role from a member',
	description: 'Take a role away from a WeChat user (移除成员角色)',
	endpoints: ['roleDelete'],
	properties: memberProperties,
	async execute(itemIndex) {
		const member = getMember(this, itemIndex);
		await weChatRequest.call(this, 'roleDelete', { body: { ...member }, itemIndex });
		return { ...memberWithLabel(member), removed: true };
	},
};
