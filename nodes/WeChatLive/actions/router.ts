import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { resources } from './resources';
import type { WeChatOperation } from './types';

const operations = new Map<string, WeChatOperation>(
	resources.flatMap((r) => r.operations.map((op) => [`${r.value}:${op.value}`, op] as const)),
);

export function findOperation(resource: string, operation: string): WeChatOperation | undefined {
	return operations.get(`${resource}:${operation}`);
}

/** What an error item carries under Continue On Fail: the message, the fix, and WeChat's codes. */
export function errorItemJson(error: Error): IDataObject {
	const json: IDataObject = { error: error.message };
	const description = (error as NodeOperationError).description;
	if (description) json.description = description;
	const weChat = (error as Error & { weChat?: JsonObject }).weChat;
	if (weChat) Object.assign(json, weChat);
	return json;
}

export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not supported`,
			{
				description:
					'For a WeChat API this node does not cover, use the HTTP Request node with the "WeChat Live API" credential: it adds the access token for you.',
			},
		);
	}
	if (operation.executeAll) return [await operation.executeAll.call(this, items)];

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await operation.execute!.call(this, itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				returnData.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			if (this.continueOnFail()) {
				returnData.push({ json: errorItemJson(error as Error), pairedItem: { item: itemIndex } });
				continue;
			}
			const nodeError =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			nodeError.context.itemIndex = itemIndex;
			throw nodeError;
		}
	}
	return [returnData];
}
