import type { INodeProperties } from 'n8n-workflow';

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	default: 50,
	typeOptions: { minValue: 1 },
	displayOptions: { show: { returnAll: [false] } },
	description: 'Max number of results to return',
};

/** Return All / Limit, with n8n's standard wording; `max` is the API's own page limit where it has one. */
export function returnAllOrLimit(max?: number): INodeProperties[] {
	return [returnAllProperty, max ? { ...limitProperty, typeOptions: { minValue: 1, maxValue: max } } : limitProperty];
}

/** The room a single operation works on: picked from a searchable list, or given by ID. */
export const roomIdProperty: INodeProperties = {
	displayName: 'Room',
	name: 'roomId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The live room (直播间). Pick it from the list or give its numeric Room ID.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchRooms', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1024',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A Room ID is a whole number, e.g. 1024' },
				},
			],
		},
	],
};
