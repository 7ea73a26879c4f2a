import { weChatRequest } from '../../transport/request';
import type { WeChatOperation } from '../types';
import { getMember, memberWithLabel, memberProperties } from './fields';

export const roleAdd: WeChatOperation = {
	value: 'add',
	name: 'Add',
	action: 'Add a role to a member',
	description: 'Give a WeChat user a role: admin, anchor or operator (设置成员角色)',
	endpoints: ['roleAdd'],
	properties: memberProperties,
	async execute(itemIndex) {
		const member = getMember(this, itemIndex);
		// An unverified anchor gets 400002 with a codeurl; the transport puts that link into the error.
		await weChatRequest.call(this, 'roleAdd', { body: { ...member }, itemIndex });
		return { ...memberWithLabel(member), added: true };
	},
};
