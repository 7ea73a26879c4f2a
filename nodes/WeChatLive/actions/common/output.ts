import type { IDataObject } from 'n8n-workflow';

/** What a WeChat call returned, without its success envelope (errcode 0, errmsg "ok"). */
export function withoutEnvelope(response: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(response)) {
		if (key !== 'errcode' && key !== 'errmsg') result[key] = value;
	}
	return result;
}
