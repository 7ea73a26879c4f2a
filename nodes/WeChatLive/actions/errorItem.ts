import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** What an error item carries under Continue On Fail: the message, the fix, and WeChat's codes. */
export function errorItemJson(error: Error): IDataObject {
	const json: IDataObject = { error: error.message };
	const description = (error as NodeOperationError).description;
	if (description) json.description = description;
	const weChat = (error as Error & { weChat?: JsonObject }).weChat;
	if (weChat) Object.assign(json, weChat);
	return json;
}

/** What a failed item throws without Continue On Fail: our errors as they are, anything else wrapped; both name the item. */
export function asNodeError(context: IExecuteFunctions, error: Error, itemIndex: number): NodeApiError | NodeOperationError {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(context.getNode(), error, { itemIndex });
	nodeError.context.itemIndex = itemIndex;
	return nodeError;
}
