import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { EndpointName } from '../transport/request';

/**
 * One WeChat Live operation, whole: its UI (shown only for its resource and operation, the builder adds
 * that), the WeChat API it calls (for docs and the README table), and what it does for one input item.
 */
export interface WeChatOperation {
	value: string;
	name: string;
	/** Sentence case, names the resource: "Create a room". */
	action: string;
	description: string;
	/** The WeChat APIs this operation calls, first the main one. */
	endpoints: EndpointName[];
	properties: INodeProperties[];
	/** Runs once per input item; returns the item's output (an array gives one item each). */
	execute?(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	/**
	 * Runs once for all input items, for operations that combine them (Push Message to the openids of all
	 * items). Must return items with pairedItem set.
	 */
	executeAll?(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export interface WeChatResource {
	value: string;
	name: string;
	/** WeChat's Chinese name, so users can match WeChat's docs. */
	description: string;
	operations: WeChatOperation[];
}
