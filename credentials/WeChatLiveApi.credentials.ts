import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { localize } from '../nodes/shared/i18n/localize';
import { baseUrlOf, WECHAT_API_URL } from '../nodes/WeChatLive/transport/http';
import { isTokenUsable, requestStableToken, TokenFailure, tokenOwner } from '../nodes/WeChatLive/transport/token';

export class WeChatLiveApi implements ICredentialType {
	name = 'weChatLiveApi';

	displayName = 'WeChat Live API';

	icon: Icon = { light: 'file:../icons/wechatLive.svg', dark: 'file:../icons/wechatLive.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-wechat-live/n8n-nodes-wechat-live#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. wx1234567890abcdef',
			description:
				'The mini program’s AppID, from the WeChat MP console → Development Management (开发管理) → Development Settings (开发设置)',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The mini program’s AppSecret, from the same page as the App ID. The server’s public IP must also be in the API IP whitelist (IP白名单) on that page.',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: WECHAT_API_URL,
			description:
				'Where WeChat’s API is reached. Keep the default, or use a fixed-IP relay, or the local sandbox (npm run sandbox) to try workflows without a live-enabled account. Must be https, except on this machine (127.0.0.1, localhost).',
		},
		{
			// n8n's credential test can only pass or fail (INodeCredentialTestResult: 'OK' | 'Error'), so the
			// warning about a relay is shown here, beside the field, whenever it is not WeChat's own address.
			displayName:
				'This is not WeChat’s own address (https://api.weixin.qq.com): the App Secret and every access token go to this server. Use it only if you trust whoever runs it.',
			name: 'relayNotice',
			type: 'notice',
			default: '',
			displayOptions: { hide: { baseUrl: [WECHAT_API_URL, `${WECHAT_API_URL}/`] } },
		},
		{
			displayName: 'Allow Plain HTTP (Relay on a Private Network)',
			name: 'allowHttp',
			type: 'boolean',
			default: false,
			description:
				'Whether an http:// API Base URL is accepted for a relay on a private network. The App Secret and access tokens then travel unencrypted; without this, only https (and the local sandbox) is accepted.',
		},
		{
			displayName: 'Message Push Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for the WeChat Live Trigger: the Token set under Development Management → Message Push (消息推送) in the MP console',
		},
		{
			displayName: 'EncodingAESKey',
			name: 'encodingAESKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for the WeChat Live Trigger in compatible or safe mode: the 43-character EncodingAESKey from the Message Push settings',
		},
		{
			displayName: 'Previous EncodingAESKey',
			name: 'previousEncodingAESKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional: the EncodingAESKey used before the last change, so messages WeChat encrypted with it during the switch are still accepted',
		},
		{
			// Always empty. n8n runs preAuthentication whenever the credential's expirable field is empty, so every
			// request n8n authenticates, the credential test included, asks preAuthentication below, which alone
			// decides whether the stored token still belongs to these App ID, App Secret and API Base URL. (n8n
			// 2.41 no longer recognises its own credential test, so an expirable token field would be trusted
			// there even after the App ID changed.)
			displayName: 'Token Check',
			name: 'tokenCheck',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Expires At',
			name: 'expiresAt',
			type: 'hidden',
			default: 0,
		},
		{
			// A hash of the App ID, App Secret and API Base URL the token was fetched with (never the secret).
			displayName: 'Token For',
			name: 'tokenFor',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	// Returns nothing (n8n then stores nothing) while the stored token is fresh and was fetched for these App ID,
	// App Secret and API Base URL; otherwise gets one, which n8n stores encrypted in the credential: one token
	// per mini program, shared by every item, execution, workflow and worker.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		try {
			baseUrlOf(credentials); // never send the secret to an address the node refuses
		} catch (error) {
			throw new TokenFailure((error as Error).message);
		}
		if (isTokenUsable(credentials)) return {};
		const { accessToken, expiresAt } = await requestStableToken(this.helpers.httpRequest, credentials);
		return { tokenCheck: '', accessToken, expiresAt, tokenFor: tokenOwner(credentials) };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { qs: { access_token: '={{$credentials.accessToken}}' } },
	};

	// preAuthentication above runs first and reports a wrong App ID, App Secret, API Base URL or IP whitelist
	// (it fetches a new token whenever any of them changed); this cheap read then proves the mini program may
	// use the live API at all.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/wxa/business/getliveinfo',
			method: 'POST',
			body: { start: 0, limit: 1 },
			json: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errcode',
					value: 48001,
					message:
						'The App ID and App Secret work, but this mini program is not authorised for the live API (48001): it needs the live broadcast (小程序直播) permission.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errcode',
					value: 40164,
					message:
						'This server’s IP is not in the API IP whitelist (40164): add it in the WeChat MP console → Development Management → Development Settings → IP whitelist.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errcode',
					value: 40001,
					message: 'WeChat rejected the access token (40001): check the App Secret.',
				},
			},
		],
	};

	// The dialog in the package's language (nodes/shared/i18n); the literals above stay what n8n's lint reads.
	constructor() {
		Object.assign(this, localize({ displayName: this.displayName, properties: this.properties, test: this.test }));
	}
}
