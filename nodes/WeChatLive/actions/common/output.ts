import type { IDataObject } from 'n8n-workflow';

/** What a WeChat call returned, without its success envelope (errcode 0, errmsg "ok"). */
export function withoutEnvelope(response: IDataObject): IDataObject {
	// fromEntries defines each key as the item's own field: a "__proto__" in the answer stays data.
	return Object.fromEntries(Object.entries(response).filter(([key]) => key !== 'errcode' && key !== 'errmsg'));
}
