import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { label, ROLE } from '../../../shared/labels';
import { timeZoneOf, withReadableTimes } from '../../../shared/time';
import { t } from '../../../shared/i18n/translate';
import { invalidInput } from '../../helpers/validation';
import { collectPages } from '../../transport/paginate';
import { weChatRequest } from '../../transport/request';
import { getPaging } from '../common/parameters';
import { returnAllOrLimit } from '../common/properties';
import type { WeChatOperation } from '../types';
import { FILTER_ROLES, roleOptions } from './fields';

/** getrolelist takes at most 30 members a page. */
const ROLE_PAGE_SIZE = 30;

/** One member as WeChat lists it, with readable names beside the role codes and a readable update time. */
function listedMember(member: IDataObject, timeZone: string): IDataObject {
	const roles = Array.isArray(member.roleList) ? (member.roleList as unknown[]) : [];
	return withReadableTimes({ ...member, role_labels: roles.map((code) => label(ROLE, code)) }, ['updateTimestamp'], timeZone);
}

const roleFilterProperty: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	default: -1,
	description: 'Only members with this role (role)',
	options: roleOptions(FILTER_ROLES),
};

export const roleGetMany: WeChatOperation = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many members',
	description: 'List the members with a live role (查询成员列表)',
	endpoints: ['roleList'],
	properties: [
		...returnAllOrLimit(),
		roleFilterProperty,
		{
			displayName: 'Keyword',
			name: 'keyword',
			type: 'string',
			default: '',
			placeholder: 'e.g. 小林',
			description: 'Only members whose WeChat ID or nickname contains this text (keyword)',
			hint: 'WeChat returns the WeChat IDs masked (username, e.g. o0****0o): to remove a role, use the member’s full WeChat ID',
		},
	],
	async execute(itemIndex) {
		const { returnAll, limit } = getPaging(this, itemIndex);
		const role = Number(this.getNodeParameter(roleFilterProperty.name, itemIndex, roleFilterProperty.default));
		if (!FILTER_ROLES.includes(role)) {
			// The fix spells out FILTER_ROLES with their names: one sentence to translate, not a composed list.
			throw invalidInput(
				this,
				itemIndex,
				roleFilterProperty,
				t('is “{role}”, which is not a role WeChat lists', { role: String(role) }),
				t('Pick a role from the list, or make the expression give -1 (All Members), 0 (Super Admin), 1 (Admin), 2 (Anchor) or 3 (Operator).'),
			);
		}
		const keyword = String(this.getNodeParameter('keyword', itemIndex, '') ?? '').trim();
		// role is sent even for "all" (-1): WeChat's newer page omits the parameter, the older page and every
		// SDK send it, and a server that does not know it ignores it, while leaving it out relies on a default
		// that is documented nowhere.
		const base: IDataObject = { role, ...(keyword ? { keyword } : {}) };
		const timeZone = timeZoneOf(this);
		return await collectPages(
			async (offset, size) => {
				const response = await weChatRequest.call(this, 'roleList', { qs: { ...base, offset, limit: size }, itemIndex });
				const list = (response.list as IDataObject[] | undefined) ?? [];
				return { items: list.map((member) => listedMember(member, timeZone)), total: response.total as number | undefined };
			},
			{ returnAll, limit, pageSize: ROLE_PAGE_SIZE },
		);
	},
};
