import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { requestStableToken } from '../nodes/WeChatLive/transport/token';

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
			default: 'https://api.weixin.qq.com',
			description:
				'Where WeChat’s API is reached. Keep the default, or use a fixed-IP relay, or the local sandbox (npm run sandbox) to try workflows without a live-enabled account.',
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
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Expires At',
			name: 'expiresAt',
			type: 'hidden',
			default: 0,
		},
	];

	// n8n calls this when the stored token is empty (or expired), then stores what it returns, encrypted,
	// in the credential: one token per App ID, shared by every item, execution, workflow and worker.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const { accessToken, expiresAt } = await requestStableToken(this.helpers.httpRequest, {
			baseUrl: credentials.baseUrl as string,
			appId: credentials.appId as string,
			appSecret: credentials.appSecret as string,
		});
		return { accessToken, expiresAt };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { qs: { access_token: '={{$credentials.accessToken}}' } },
	};

	// The token request above already reports a wrong App ID, App Secret or IP whitelist; this cheap read
	// then proves the mini program may use the live API at all.
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
}
