import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { subtitleOf } from '../../shared/i18n/subtitle';
import { t } from '../../shared/i18n/translate';
import { batchingProperty } from './common/batching';
import type { WeChatResource } from './types';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/** The node's parameters, built from the resource and operation descriptors: the one place that adds display options. */
export function buildProperties(resources: WeChatResource[]): INodeProperties[] {
	const firstResource = resources[0].value;
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			default: firstResource,
			options: resources
				.map((r) => ({ name: r.name, value: r.value, description: r.description }))
				.sort(byName),
		},
	];
	for (const resource of resources) {
		const firstOperation = resource.operations[0].value;
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			default: firstOperation,
			options: resource.operations
				.map((op) => ({ name: op.name, value: op.value, description: op.description, action: op.action }))
				.sort(byName),
		});
	}
	for (const resource of resources) {
		for (const operation of resource.operations) {
			properties.push(
				...updateDisplayOptions(
					{ show: { resource: [resource.value], operation: [operation.value] } },
					operation.properties,
				),
			);
		}
	}
	// Last, under every operation's own fields: the Batching option of the per-item operations (the router
	// applies it). Operations that take all items at once (executeAll) pace their own calls and go without.
	for (const resource of resources) {
		const perItem = resource.operations.filter((op) => op.execute && !op.executeAll).map((op) => op.value);
		if (perItem.length === 0) continue;
		properties.push(
			...updateDisplayOptions({ show: { resource: [resource.value], operation: perItem } }, [batchingProperty]),
		);
	}
	return properties;
}

/** The canvas subtitle: the chosen resource and operation as the panel names them ("Room · Get Many"). */
export function buildSubtitle(resources: WeChatResource[]): string {
	const labels: Record<string, string> = {};
	for (const resource of resources) {
		for (const operation of resource.operations) {
			labels[`${resource.value}:${operation.value}`] = `${t(resource.name)} · ${t(operation.name)}`;
		}
	}
	return subtitleOf('$parameter["resource"] + ":" + $parameter["operation"]', labels);
}
