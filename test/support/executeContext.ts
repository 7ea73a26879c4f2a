/**
 * A stand-in for n8n's execution context that talks real HTTP (axios) to the sandbox. Its
 * httpRequestWithAuthentication does what n8n's does for our credential (packages/cli credentials-helper,
 * packages/core request-helpers/authentication): an empty expirable field runs preAuthentication, whose result
 * is copied into the credential object used (a `credentialsDecrypted` override, or the stored one) and stored,
 * then the credential's generic `authenticate` puts the token into the query. The real n8n is exercised by
 * test/e2e.
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

/**
 * What n8n's helper does with the options (convertN8nRequestToAxios in n8n-core 2.0 and @n8n/backend-network
 * in 2.41): axios' size caps always lifted (there is no size option), redirects followed unless
 * disableFollowRedirect, encoding as axios' responseType (a stream for 'stream'), abortSignal, timeout, and
 * non-2xx answers thrown unless ignoreHttpStatusErrors.
 */
export async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
	const response = await axios.request({
		method: options.method ?? 'GET',
		url: options.url,
		params: options.qs,
		data: options.body,
		headers: options.headers as Record<string, string>,
		timeout: options.timeout,
		maxBodyLength: Infinity,
		maxContentLength: Infinity,
		...(options.disableFollowRedirect ? { maxRedirects: 0 } : {}),
		...(options.encoding ? { responseType: options.encoding } : {}),
		...(options.abortSignal ? { signal: options.abortSignal as AbortSignal } : {}),
		...(options.ignoreHttpStatusErrors ? { validateStatus: () => true } : {}),
	});
	const body = options.encoding === 'arraybuffer' ? Buffer.from(response.data as ArrayBuffer) : response.data;
	return options.returnFullResponse
		? { body, headers: response.headers, statusCode: response.status, statusMessage: response.statusText }
		: body;
}

const credentialType = new WeChatLiveApi();

/** The credential as n8n's getCredentials() hands it over: the stored fields, and defaults for the rest. */
export function storedCredentials(store: CredentialStore): ICredentialDataDecryptedObject {
	const defaults = Object.fromEntries(
		credentialType.properties.filter((p) => p.type !== 'notice').map((p) => [p.name, p.default]),
	) as ICredentialDataDecryptedObject;
	return { ...defaults, ...store.data };
}

// As n8n does: preAuthentication runs whenever the expirable field is empty; what it returns is copied into the
// credential object the request uses and stored, unless it lacks the expirable field.
async function requestWithAuthentication(
	store: CredentialStore,
	options: IHttpRequestOptions,
	extra?: { credentialsDecrypted?: { data?: ICredentialDataDecryptedObject } },
): Promise<unknown> {
	const credentials = extra?.credentialsDecrypted?.data ?? storedCredentials(store);
	const expirable = credentialType.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable)!.name;
	if (credentials[expirable] === '') {
		const output = await credentialType.preAuthentication.call({ helpers: { httpRequest } } as never, credentials);
		if (output[expirable] !== undefined) {
			store.data = { ...store.data, ...output } as ICredentialDataDecryptedObject;
			Object.assign(credentials, output);
		}
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
		getCredentials: async () => storedCredentials(run.store),
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
