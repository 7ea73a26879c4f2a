import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { t } from '../../../shared/i18n/translate';
import type { Field } from '../../helpers/validation';
import { invalidInput } from '../../helpers/validation';
import { checkListSize } from '../../rules';
import { getOption, obey, requireText, requireWeChatId } from '../common/parameters';

/** The fields of Room Assistant's operations and WeChat's rules for them (api_addveassistant and siblings). */

/**
 * A room takes at most 10 assistants: getassistantlist answers the room's maximum as maxCount, 10 in its
 * official sample (https://developers.weixin.qq.com/miniprogram/dev/server/API/livebroadcast/studio-management/api_getassistantlist.html).
 */
export const MAX_ASSISTANTS = 10;

export interface Assistant {
	username: string;
	nickname: string;
}

export const assistantUsernameProperty: INodeProperties = {
	displayName: 'WeChat ID',
	name: 'username',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. wxid_helper01',
	description: 'The assistant’s WeChat ID (微信号, WeChat’s username), not the nickname',
};

export const assistantNicknameProperty: INodeProperties = {
	displayName: 'Nickname',
	name: 'nickname',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 小助手',
	description: 'The name viewers see for the assistant in the room (nickname)',
};

/** How the assistants are given. */
const usersInputProperty: INodeProperties = {
	displayName: 'Assistants From',
	name: 'usersInput',
	type: 'options',
	default: 'fields',
	description: 'How the assistants to add (users) are given',
	options: [
		{ name: 'Fields Below', value: 'fields', description: 'A WeChat ID and nickname per assistant' },
		{
			name: 'JSON',
			value: 'json',
			description: 'A list of {"username", "nickname"} objects, e.g. from an expression or another room’s Get Many',
		},
	],
};

const usersFieldsProperty: INodeProperties = {
	displayName: 'Assistants',
	name: 'users',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Assistant',
	default: {},
	description: `The assistants to add (users), at most ${MAX_ASSISTANTS} a room`,
	displayOptions: { show: { usersInput: ['fields'] } },
	options: [{ displayName: 'Assistant', name: 'user', values: [assistantUsernameProperty, assistantNicknameProperty] }],
};

const usersJsonProperty: INodeProperties = {
	displayName: 'Assistants (JSON)',
	name: 'usersJson',
	type: 'json',
	default: '[\n  {\n    "username": "",\n    "nickname": ""\n  }\n]',
	description: `The assistants to add (users) as a JSON list of {"username", "nickname"}, at most ${MAX_ASSISTANTS} a room. Items from Room Assistant → Get Many work too (their alias is the WeChat ID).`,
	displayOptions: { show: { usersInput: ['json'] } },
};

export const usersProperties: INodeProperties[] = [usersInputProperty, usersFieldsProperty, usersJsonProperty];

/** The fix for an empty nickname, in Add and Update. */
export const nicknameFix = () => t('Give the name viewers see for the assistant.');

/** The users body of addassistant, each entry and the list checked before WeChat is called. */
export function readUsers(context: IExecuteFunctions, itemIndex: number): Assistant[] {
	const input = getOption<string>(context, itemIndex, usersInputProperty);
	const field = input === 'json' ? usersJsonProperty : usersFieldsProperty;
	const entries =
		input === 'json'
			? readJsonList(context, itemIndex)
			: ((context.getNodeParameter(usersFieldsProperty.name, itemIndex, {}) as { user?: IDataObject[] }).user ?? []);
	const fix = t('Give 1 to {max} assistants: a room has at most {max} (WeChat’s `maxCount`).', { max: MAX_ASSISTANTS });
	obey(context, itemIndex, field, () => checkListSize(entries, 1, MAX_ASSISTANTS, fix));
	const seen = new Set<string>();
	return entries.map((entry, index) => {
		// Already in the package's language: "WeChat ID of assistant 2".
		const which = (f: Field): Field => ({ displayName: t('{field} of assistant {n}', { field: t(f.displayName), n: index + 1 }), name: f.name });
		const username = requireWeChatId(context, itemIndex, which(assistantUsernameProperty), entry.username ?? entry.alias);
		const nickname = requireText(context, itemIndex, which(assistantNicknameProperty), entry.nickname, nicknameFix());
		if (seen.has(username)) {
			throw invalidInput(context, itemIndex, field, t('lists “{username}” twice', { username }), t('Give each assistant once.'));
		}
		seen.add(username);
		return { username, nickname };
	});
}

function readJsonList(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	let value = context.getNodeParameter(usersJsonProperty.name, itemIndex, '') as unknown;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch (error) {
			throw invalidInput(
				context,
				itemIndex,
				usersJsonProperty,
				t('is not valid JSON ({reason})', { reason: (error as Error).message }),
				t('Give a list such as [{"username": "wxid_helper01", "nickname": "小助手"}].'),
			);
		}
	}
	const list = Array.isArray(value) ? value : [value];
	for (const entry of list) {
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
			throw invalidInput(
				context,
				itemIndex,
				usersJsonProperty,
				t('has an entry that is not an object: {entry}', { entry: JSON.stringify(entry) }),
				t('Give each assistant as {"username": "…", "nickname": "…"}.'),
			);
		}
	}
	return list as IDataObject[];
}
