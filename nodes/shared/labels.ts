import { ownEntry } from './lookup';

/** Readable labels put beside WeChat's codes in output items. */
export const LIVE_STATUS: Record<number, string> = {
	101: 'Live',
	102: 'Not Started',
	103: 'Ended',
	104: 'Banned',
	105: 'Paused',
	106: 'Abnormal',
	107: 'Expired',
};

export const AUDIT_STATUS: Record<number, string> = {
	0: 'Not Submitted',
	1: 'Under Review',
	2: 'Approved',
	3: 'Rejected',
};

export const ROLE: Record<number, string> = {
	[-1]: 'All Members',
	0: 'Super Admin',
	1: 'Admin',
	2: 'Anchor',
	3: 'Operator',
};

export const PRICE_TYPE: Record<number, string> = {
	1: 'Fixed Price',
	2: 'Price Range',
	3: 'Discount',
};

export function label(table: Record<number, string>, code: unknown): string {
	return ownEntry(table, Number(code)) ?? `Unknown (${String(code)})`;
}
