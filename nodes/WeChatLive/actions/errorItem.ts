import type { IDataObject, JsonObject, NodeOperationError } from 'n8n-workflow';

/** What an error item carries under Continue On Fail: the message, the fix, and WeChat's codes. */
export function errorItemJson(error: Error): IDataObject {
	const json: IDataObject = { error: error.message };
	const description = (error as NodeOperationError).description;
	if (description) json.description = description;
	const weChat = (error as Error & { weChat?: JsonObject }).weChat;
	if (weChat) Object.assign(json, weChat);
	return json;
}
