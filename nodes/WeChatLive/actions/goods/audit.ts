import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Field } from '../../helpers/validation';
import { getId } from '../common/parameters';

/** The audit ID Goods → Create and Resubmit Audit return; WeChat needs it to withdraw that audit. */
export const AUDIT_ID: Field = { displayName: 'Audit ID', name: 'auditId' };

export const auditIdProperty: INodeProperties = {
	displayName: 'Audit ID',
	name: 'auditId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 525022786',
	description: 'The audit to withdraw (auditId), as returned by Goods → Create or Goods → Resubmit Audit',
};

export function getAuditId(context: IExecuteFunctions, itemIndex: number): number {
	return getId(context, itemIndex, AUDIT_ID);
}
