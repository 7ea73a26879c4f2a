import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { label, ROLE } from '../../../shared/labels';
import { t } from '../../../shared/i18n/translate';
import { invalidInput } from '../../helpers/validation';
import { requireText, requireWeChatId } from '../common/parameters';

/** WeChat's Chinese role names (role-manage.html), shown beside ours so users can match the console. */
const ROLE_ZH: Record<number, string> = { [-1]: '全部成员', 0: '超级管理员', 1: '管理员', 2: '主播', 3: '运营者' };

/**
 * The roles the API can set and remove, as api_getrolelistdw (addrole) lists them: 1 admin, 2 anchor,
 * 3 operator; "设置超级管理员将无效" (setting the super admin, 0, has no effect).
 * https://developers.weixin.qq.com/miniprogram/dev/server/API/livebroadcast/role-management/api_getrolelistdw.html
 */
export const SETTABLE_ROLES = [1, 2, 3];
/** What Get Many filters on: every role, plus -1 for all members. */
export const FILTER_ROLES = [-1, 0, 1, 2, 3];

export function roleOptions(codes: number[]) {
	return codes
		.map((code) => ({ name: `${ROLE[code]} (${ROLE_ZH[code]})`, value: code }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export const memberUsernameProperty: INodeProperties = {
	displayName: 'WeChat ID',
	name: 'username',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. wxid_shop_admin',
	description: 'The member’s WeChat ID (微信号, username), not their nickname',
	hint: 'Role → Get Many shows WeChat IDs masked (e.g. o0****0o), so give the full WeChat ID here',
};

export const memberRoleProperty: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	required: true,
	default: 2,
	description: 'The role (role). The super admin (超级管理员) cannot be set or removed through the API.',
	options: roleOptions(SETTABLE_ROLES),
};

/** What Add and Remove share: whose role, and which. */
export const memberProperties: INodeProperties[] = [memberUsernameProperty, memberRoleProperty];

export interface Member {
	username: string;
	role: number;
}

/** Reads and checks the member and role before WeChat is called. */
export function getMember(context: IExecuteFunctions, itemIndex: number): Member {
	const username = requireText(
		context,
		itemIndex,
		memberUsernameProperty,
		context.getNodeParameter(memberUsernameProperty.name, itemIndex, ''),
		t('Give the member’s WeChat ID (微信号).'),
	);
	// Get Many only ever shows masked IDs ("o0****0o"); a "*" is in no WeChat ID, and sending one back
	// fails with a puzzling 400001.
	if (username.includes('*')) {
		throw invalidInput(
			context,
			itemIndex,
			memberUsernameProperty,
			t('is masked (“{username}”)', { username }),
			t('WeChat masks the IDs that Role → Get Many returns: give the member’s full WeChat ID.'),
		);
	}
	requireWeChatId(context, itemIndex, memberUsernameProperty, username); // no spaces or Chinese: not a nickname
	const role = Number(context.getNodeParameter(memberRoleProperty.name, itemIndex, memberRoleProperty.default));
	if (!SETTABLE_ROLES.includes(role)) {
		// The fix spells out SETTABLE_ROLES with their names: one sentence to translate, not a composed list.
		throw role === 0
			? invalidInput(
					context,
					itemIndex,
					memberRoleProperty,
					t('is the super admin (0), which WeChat does not let the API set or remove'),
					t('Transfer the super admin in the MP console (小程序直播 → 成员管理).'),
				)
			: invalidInput(
					context,
					itemIndex,
					memberRoleProperty,
					t('is “{role}”, which is not a role the API can set', { role: String(role) }),
					t('Pick the role from the list, or make the expression give 1 (Admin), 2 (Anchor) or 3 (Operator).'),
				);
	}
	return { username, role };
}

export const memberWithLabel = (member: Member) => ({ ...member, role_label: label(ROLE, member.role) });
