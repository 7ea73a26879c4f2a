import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

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

/** The users body of addassistant, each entry and the list checked before WeChat is called. */
export function readUsers(context: IExecuteFunctions, itemIndex: number): Assistant[] {
	const input = getOption<string>(context, itemIndex, usersInputProperty);
	const field = input === 'json' ? usersJsonProperty : usersFieldsProperty;
	const entries =
		input === 'json'
			? readJsonList(context, itemIndex)
			: ((context.getNodeParameter(usersFieldsProperty.name, itemIndex, {}) as { user?: IDataObject[] }).user ?? []);
	const fix = `Give 1 to ${MAX_ASSISTANTS} assistants: a room has at most ${MAX_ASSISTANTS} (WeChat’s maxCount).`;
	obey(context, itemIndex, field, () => checkListSize(entries, 1, MAX_ASSISTANTS, fix));
	const seen = new Set<string>();
	return entries.map((entry, index) => {
		const which = (f: Field): Field => ({ displayName: `${f.displayName} of assistant ${index + 1}`, name: f.name });
		const username = requireWeChatId(context, itemIndex, which(assistantUsernameProperty), entry.username ?? entry.alias);
		const nickname = requireText(context, itemIndex, which(assistantNicknameProperty), entry.nickname, 'Give the name viewers see for the assistant.');
		if (seen.has(username)) {
			throw invalidInput(context, itemIndex, field, `lists "${username}" twice`, 'Give each assistant once.');
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
				`is not valid JSON (${(error as Error).message})`,
				'Give a list such as [{"username": "wxid_helper01", "nickname": "小助手"}].',
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
				`has an entry that is not an object: ${JSON.stringify(entry)}`,
				'Give each assistant as {"username": "…", "nickname": "…"}.',
			);
		}
	}
	return list as IDataObject[];
}
