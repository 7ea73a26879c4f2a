import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { t } from '../shared/i18n/translate';
import { ownEntry } from '../shared/lookup';

/**
 * The "Changed To" choice: 'any' or one of the table's own keys. From an expression it can be anything,
 * and an unknown value (or "constructor") would otherwise match no status and report nothing, silently.
 */
export function changedTo<T extends string>(
	context: IPollFunctions,
	parameter: string,
	statuses: Record<T, number>,
): T | 'any' {
	const chosen = context.getNodeParameter(parameter, 'any') as unknown;
	if (chosen === 'any') return 'any';
	if (typeof chosen === 'string' && ownEntry(statuses, chosen) !== undefined) return chosen as T;
	const choices = ['any', ...Object.keys(statuses)].map((value) => `"${value}"`).join(', ');
	throw new NodeOperationError(context.getNode(), t('Changed To: "{value}" is not one of its choices', { value: String(chosen) }), {
		description: t('Pick a choice from the list, or give an expression that results in one of {choices}.', { choices }),
	});
}
