import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { errorItemJson } from './errorItem';
import { resources } from './resources';
import type { WeChatOperation } from './types';

let operations: Map<string, WeChatOperation> | undefined;

export function findOperation(resource: string, operation: string): WeChatOperation | undefined {
	// Built on first use, not at load: nothing an operation imports can then meet a half-loaded router.
	operations ??= new Map(
		resources.flatMap((r) => r.operations.map((op) => [`${r.value}:${op.value}`, op] as const)),
	);
	return operations.get(`${resource}:${operation}`);
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
