/**
 * A stand-in for n8n's IPollFunctions that talks real HTTP to the sandbox, like executeContext.ts does for
 * IExecuteFunctions (and through it: the same credential store, preAuthentication and token handling).
 * The workflow's static data is a plain object the test keeps between polls, as n8n keeps it for a
 * published workflow; a poll that throws leaves it as the node left it.
 */
import type { IDataObject, INode, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { WeChatLiveStatusTrigger } from '../../nodes/WeChatLiveStatusTrigger/WeChatLiveStatusTrigger.node';
import type { CredentialStore } from './executeContext';
import { executeContext, httpRequest, N8N_DEFAULT_TIME_ZONE, storedCredentials } from './executeContext';

/** One published workflow with the trigger: its node parameters and its static data for the node. */
export interface PollingWorkflow {
	parameters: IDataObject;
	store: CredentialStore;
	/** this.getWorkflowStaticData('node') */
	staticData: IDataObject;
	/** What getTimezone() gives; n8n's default zone when not set. */
	timeZone?: string;
}

export interface PollOptions {
	/** 'trigger' for a scheduled poll of a published workflow, 'manual' for the editor's test run. */
	mode?: 'trigger' | 'manual';
}

const node: INode = {
	id: 'test-status-trigger',
	name: 'WeChat Live Status Trigger',
	type: 'n8n-nodes-wechat-live.weChatLiveStatusTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	credentials: { weChatLiveApi: { id: 'cred-1', name: 'WeChat Live (sandbox)' } },
};

export function pollingWorkflow(store: CredentialStore, parameters: IDataObject): PollingWorkflow {
	return { parameters, store, staticData: {} };
}

export function pollContext(workflow: PollingWorkflow, { mode = 'trigger' }: PollOptions = {}): IPollFunctions {
	// executeContext.ts keeps its request-with-authentication to itself; its context's helper is the way in.
	const authenticated = executeContext({ parameters: {}, store: workflow.store }).helpers;
	const context = {
		getNode: () => node,
		getMode: () => mode,
		getTimezone: () => workflow.timeZone ?? N8N_DEFAULT_TIME_ZONE,
		getActivationMode: () => (mode === 'manual' ? 'manual' : 'activate'),
		getWorkflowStaticData: (type: string) => {
			if (type !== 'node') throw new Error(`the trigger asked for "${type}" static data`);
			return workflow.staticData;
		},
		getCredentials: async () => storedCredentials(workflow.store),
		getNodeParameter: (name: string, fallback?: unknown) => {
			const value = name in workflow.parameters ? workflow.parameters[name] : fallback;
			if (value === undefined) throw new Error(`Could not get parameter "${name}"`);
			return value;
		},
		helpers: {
			httpRequest,
			httpRequestWithAuthentication: authenticated.httpRequestWithAuthentication,
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		},
		__emit: () => {
			throw new Error('a poll returns its items; n8n calls __emit itself');
		},
		__emitError: () => {
			throw new Error('a poll throws its errors; n8n calls __emitError itself');
		},
	};
	return context as unknown as IPollFunctions;
}

/** One poll, as n8n's scheduler runs it: the items of the first output, or null for "nothing new". */
export async function poll(workflow: PollingWorkflow, options: PollOptions = {}): Promise<IDataObject[] | null> {
	const result: INodeExecutionData[][] | null = await new WeChatLiveStatusTrigger().poll.call(
		pollContext(workflow, options),
	);
	if (result === null) return null;
	return result[0].map((item) => item.json);
}
