import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

// Read by the Webhook trigger's tolerance setting; the number rules live in rules/lists.ts.
export { digitsAsNumber } from '../rules/lists';

/**
 * What an input error names: a node property (INodeProperties has both), so a field's display name and
 * name are written once, in its property.
 */
export interface Field {
	displayName: string;
	name: string;
}

/** "item 1" for itemIndex 0: items as n8n users count them. */
export function itemNumber(itemIndex: number): string {
	return `item ${itemIndex + 1}`;
}

/**
 * An input error found before WeChat is called: it names the field as the user sees it, the item, what is
 * wrong and the rule; the fix goes in the description, which the router keeps in the error item under
 * Continue On Fail. The one template of every input error.
 */
export function invalidInput(
	context: IExecuteFunctions,
	itemIndex: number,
	field: Field,
	problem: string,
	fix: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${field.displayName} in ${itemNumber(itemIndex)} ${problem}.`, {
		description: fix,
		itemIndex,
	});
}
