/**
 * The node's endpoint table (nodes/WeChatLive/transport/endpoints.json) against the sandbox's own
 * (test/sandbox/endpoints.js), which is written from WeChat's pages: a wrong method or path in the node
 * fails here and against the sandbox, instead of being served back to it.
 */
import type { IDataObject } from 'n8n-workflow';

import nodeEndpoints from '../../nodes/WeChatLive/transport/endpoints.json';
import type { CredentialStore, RunOptions } from '../support/executeContext';
import type { Sandbox } from '../support/sandbox';
import { sandboxRoom, useSandbox } from '../support/sandbox';

const sandboxEndpoints: Table = require('../sandbox/endpoints');

type Table = Record<string, { method: string; path: string }>;

/** What differs between the node's table and the sandbox's, one line per endpoint. */
function differences(node: Table, sandbox: Table): string[] {
	const found: string[] = [];
	for (const name of new Set([...Object.keys(node), ...Object.keys(sandbox)])) {
		const [ours, wechat] = [node[name], sandbox[name]];
		if (!wechat) found.push(`${name}: the node calls it, the sandbox does not serve it`);
		else if (!ours) found.push(`${name}: the sandbox serves it, the node does not call it`);
		else if (ours.method !== wechat.method || ours.path !== wechat.path) {
			found.push(`${name}: the node calls ${ours.method} ${ours.path}, WeChat documents ${wechat.method} ${wechat.path}`);
		}
	}
	return found;
}

describe('the node’s endpoint table, checked against WeChat’s docs', () => {
	it('names the same endpoints with the same method and path as the sandbox’s table', () => {
		expect(differences(nodeEndpoints, sandboxEndpoints)).toEqual([]);
	});

	it('would be caught with a misspelt path, a wrong method or a missing endpoint', () => {
		const wrong = structuredClone(nodeEndpoints) as Table;
		delete wrong.roleList;
		wrong.roomGet = { method: 'GET', path: '/wxaapi/broadcast/room/get' };
		wrong.roomDelete.path = '/wxaapi/broadcast/room/delete';
		wrong.goodsApproved.method = 'POST';

		expect(differences(wrong, sandboxEndpoints)).toEqual([
			'roomDelete: the node calls POST /wxaapi/broadcast/room/delete, WeChat documents POST /wxaapi/broadcast/room/deleteroom',
			'goodsApproved: the node calls POST /wxaapi/broadcast/goods/getapproved, WeChat documents GET /wxaapi/broadcast/goods/getapproved',
			'roomGet: the node calls it, the sandbox does not serve it',
			'roleList: the sandbox serves it, the node does not call it',
		]);
	});
});

describe('a node whose table is wrong', () => {
	let sandbox: Sandbox;
	let store: CredentialStore;
	useSandbox((started, credentials) => {
		sandbox = started;
		store = credentials;
	});

	/** Runs the node with its endpoint table changed as given, as if the JSON file said so. */
	function runWithTable(change: (table: Table) => void, run: RunOptions) {
		const table = structuredClone(nodeEndpoints) as Table;
		change(table);
		let runNode: (options: RunOptions) => Promise<unknown> = async () => undefined;
		jest.isolateModules(() => {
			jest.doMock('../../nodes/WeChatLive/transport/endpoints.json', () => table);
			runNode = require('../support/executeContext').runNode;
		});
		return runNode(run);
	}

	it('deleting a room at a misspelt path gets WeChat’s “invalid url”, and the room stays', async () => {
		const { roomId } = sandboxRoom(sandbox);
		const parameters: IDataObject = { resource: 'room', operation: 'delete', roomId: { __rl: true, mode: 'id', value: String(roomId) } };

		await expect(
			runWithTable((table) => (table.roomDelete.path = '/wxaapi/broadcast/room/delete'), { parameters, store }),
		).rejects.toThrow();
		expect(sandbox.requests().at(-1)).toMatchObject({ path: '/wxaapi/broadcast/room/delete', endpoint: null, errcode: 40066 });
		expect((sandbox.state as { rooms: Map<number, unknown> }).rooms.has(roomId)).toBe(true);
	});

	it('listing goods with POST where WeChat wants GET gets WeChat’s 43001', async () => {
		const parameters: IDataObject = { resource: 'goods', operation: 'getMany', status: 2, returnAll: false, limit: 5 };

		await expect(runWithTable((table) => (table.goodsApproved.method = 'POST'), { parameters, store })).rejects.toThrow(/GET request/);
		expect(sandbox.requests('goodsApproved').at(-1)).toMatchObject({ method: 'POST', errcode: 43001 });
	});
});
