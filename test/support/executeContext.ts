/**
 * A stand-in for n8n's execution context that talks real HTTP (axios) to the sandbox. Its
 * httpRequestWithAuthentication does what n8n's does for our credential (packages/cli credentials-helper,
 * packages/core request-helpers/authentication): an empty expirable token (or a `credentialsDecrypted`
 * override with one) runs preAuthentication and persists the result in the credential store, then the
 * credential's generic `authenticate` puts the token into the query. The real n8n is exercised by test/e2e.
 */
import axios from 'axios';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';

import { WeChatLiveApi } from '../../credentials/WeChatLiveApi.credentials';
import { WeChatLive } from '../../nodes/WeChatLive/WeChatLive.node';

/** The encrypted credential row n8n keeps: shared by every execution that uses it. */
export class CredentialStore {
	data: ICredentialDataDecryptedObject;

	constructor(data: ICredentialDataDecryptedObject) {
		this.data = { ...data };
	}
}

export async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
	const response = await axios.request({
		method: options.method ?? 'GET',
		url: options.url,
		params: options.qs,
		data: options.body,
		headers: options.headers as Record<string, string>,
		timeout: options.timeout,
		maxContentLength: (options as { maxContentLength?: number }).maxContentLength,
		responseType: options.encoding === 'arraybuffer' ? 'arraybuffer' : 'json',
		validateStatus: (status) => status < 400,
	});
	const body = options.encoding === 'arraybuffer' ? Buffer.from(response.data as ArrayBuffer) : response.data;
	return options.returnFullResponse
		? { body, headers: response.headers, statusCode: response.status }
		: body;
}

const credentialType = new WeChatLiveApi();

async function requestWithAuthentication(
	store: CredentialStore,
	options: IHttpRequestOptions,
	extra?: { credentialsDecrypted?: { data?: ICredentialDataDecryptedObject } },
): Promise<unknown> {
	let credentials = { ...(extra?.credentialsDecrypted?.data ?? store.data) };
	if (credentials.accessToken === '' || credentials.accessToken === undefined) {
		const refreshed = await credentialType.preAuthentication.call(
			{ helpers: { httpRequest } } as never,
			credentials,
		);
		store.data = { ...store.data, ...refreshed };
		credentials = { ...credentials, ...refreshed };
	}
	return await httpRequest({
		...options,
		qs: { ...(options.qs ?? {}), access_token: credentials.accessToken },
	});
}

export interface RunOptions {
	/** Node parameters; a function gives per-item values. */
	parameters: IDataObject | ((itemIndex: number) => IDataObject);
	items?: INodeExecutionData[];
	store: CredentialStore;
	continueOnFail?: boolean;
	/** What getTimezone() gives: the workflow's Timezone setting, else GENERIC_TIMEZONE (n8n's default below). */
	timeZone?: string;
}

/** n8n's GENERIC_TIMEZONE when an instance sets none. */
export const N8N_DEFAULT_TIME_ZONE = 'America/New_York';

const node: INode = {
	id: 'test-node',
	name: 'WeChat Live',
	type: 'n8n-nodes-wechat-live.weChatLive',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	credentials: { weChatLiveApi: { id: 'cred-1', name: 'WeChat Live (sandbox)' } },
};

function extract(value: unknown): unknown {
	if (value && typeof value === 'object' && (value as IDataObject).__rl) return (value as IDataObject).value;
	return value;
}

export function executeContext(run: RunOptions): IExecuteFunctions {
	const items: INodeExecutionData[] = run.items ?? [{ json: {} }];
	const paramsOf = (i: number) => (typeof run.parameters === 'function' ? run.parameters(i) : run.parameters);
	const context = {
		getInputData: () => items,
		getNode: () => node,
		continueOnFail: () => run.continueOnFail ?? false,
		getTimezone: () => run.timeZone ?? N8N_DEFAULT_TIME_ZONE,
		getCredentials: async () => ({ ...run.store.data }),
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown, options?: { extractValue?: boolean }) => {
			const params = paramsOf(itemIndex);
			const value = name in params ? params[name] : fallback;
			if (value === undefined) throw new Error(`Could not get parameter "${name}"`);
			return options?.extractValue ? extract(value) : value;
		},
		helpers: {
			httpRequest,
			httpRequestWithAuthentication: (_type: string, options: IHttpRequestOptions, extra?: never) =>
				requestWithAuthentication(run.store, options, extra),
			getBinaryDataBuffer: async (itemIndex: number, property: string) =>
				Buffer.from(items[itemIndex].binary![property].data, 'base64'),
		},
	};
	return context as unknown as IExecuteFunctions;
}

/** Runs the WeChat Live node once, like an n8n execution of it, and returns its output items. */
export async function runNode(run: RunOptions): Promise<INodeExecutionData[]> {
	const [output] = await new WeChatLive().execute.call(executeContext(run));
	return output;
}

/** A room → locator value, as the editor stores it. */
export const roomById = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
