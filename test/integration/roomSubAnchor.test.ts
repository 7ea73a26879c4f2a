import type { IDataObject } from 'n8n-workflow';

import type { Sandbox as SandboxOf } from '../support/sandbox';
import { sandboxRoom, useSandbox } from '../support/sandbox';
import { CredentialStore, roomById, runNode } from '../support/executeContext';


type Sandbox = SandboxOf<IDataObject & { rooms: Map<number, IDataObject> }>;

let sandbox: Sandbox;
let store: CredentialStore;

useSandbox<Sandbox['state']>((started, credentials) => {
	sandbox = started;
	store = credentials;
});

/** Room 1001, anchored by lin_anchor, in the given status, with the given sub-anchor (none by default). */
function makeRoom(subAnchorWechat = '', liveStatus = 102) {
	sandboxRoom(sandbox, { subAnchorWechat }).liveStatus = liveStatus;
}

const subAnchor = () => (sandbox.state.rooms.get(1001) as IDataObject).subAnchorWechat;
const parameters = (operation: string, extra: IDataObject = {}) => ({
	resource: 'roomSubAnchor',
	operation,
	roomId: roomById(1001),
	...extra,
});

describe('Room Sub-Anchor', () => {
	it('adds a second anchor to tonight’s room', async () => {
		makeRoom();
		const [item] = await runNode({ parameters: parameters('add', { username: 'chen_anchor' }), store });

		const [request] = sandbox.requests('subAnchorAdd');
		expect(request).toMatchObject({ method: 'POST', path: '/wxaapi/broadcast/room/addsubanchor' });
		expect(request.contentType).toMatch(/^application\/json/);
		expect(request.body).toEqual({ roomId: 1001, username: 'chen_anchor' });
		expect(item.json).toEqual({ roomId: 1001, username: 'chen_anchor', added: true });
		expect(subAnchor()).toBe('chen_anchor');
	});

	it('replaces the sub-anchor with Update', async () => {
		makeRoom('chen_anchor');
		const [item] = await runNode({ parameters: parameters('update', { username: 'wang_anchor' }), store });

		const [request] = sandbox.requests('subAnchorModify');
		expect(request).toMatchObject({ method: 'POST', path: '/wxaapi/broadcast/room/modifysubanchor' });
		expect(request.body).toEqual({ roomId: 1001, username: 'wang_anchor' });
		expect(item.json).toEqual({ roomId: 1001, username: 'wang_anchor', updated: true });
		expect(subAnchor()).toBe('wang_anchor');
	});

	it('deletes the sub-anchor, sending only the room', async () => {
		makeRoom('chen_anchor');
		const [item] = await runNode({ parameters: parameters('delete'), store });

		const [request] = sandbox.requests('subAnchorDelete');
		expect(request).toMatchObject({ method: 'POST', path: '/wxaapi/broadcast/room/deletesubanchor' });
		expect(request.body).toEqual({ roomId: 1001 });
		expect(item.json).toEqual({ roomId: 1001, deleted: true });
		expect(subAnchor()).toBe('');
	});

	it('gets the sub-anchor with a GET, although WeChat answers without errmsg', async () => {
		makeRoom('chen_anchor');
		const [item] = await runNode({ parameters: parameters('get'), store });

		const [request] = sandbox.requests('subAnchorGet');
		expect(request).toMatchObject({ method: 'GET', path: '/wxaapi/broadcast/room/getsubanchor', body: {} });
		expect(request.query).toMatchObject({ roomId: '1001' });
		expect(item.json).toEqual({ roomId: 1001, username: 'chen_anchor', hasSubAnchor: true });
	});

	it('says when a room has no sub-anchor', async () => {
		makeRoom();
		const [item] = await runNode({ parameters: parameters('get'), store });
		expect(item.json).toEqual({ roomId: 1001, username: '', hasSubAnchor: false });
	});

	it.each([
		['a second sub-anchor', 'chen_anchor', 'add', 'wang_anchor', 500003, /already has a sub-anchor/, /Room Sub-Anchor → Update/],
		['the same sub-anchor again', 'chen_anchor', 'update', 'chen_anchor', 500004, /already set/, /Nothing to do/],
		['a sub-anchor without real-name verification', '', 'add', 'unverified_zhao', 500002, /not real-name verified/, /real-name verification/],
		['the main anchor as sub-anchor', '', 'add', 'lin_anchor', 500005, /cannot be the main anchor/, /different WeChat ID/],
	])('passes on WeChat’s refusal of %s, with the fix', async (_story, existing, operation, username, errcode, message, fix) => {
		makeRoom(existing);
		const [item] = await runNode({ parameters: parameters(operation, { username }), store, continueOnFail: true });

		expect(item.json).toMatchObject({ errcode, error: expect.stringMatching(message), description: expect.stringMatching(fix) });
		expect(subAnchor()).toBe(existing);
	});

	it('explains an ended room (300023)', async () => {
		makeRoom('', 103);
		await expect(runNode({ parameters: parameters('add', { username: 'chen_anchor' }), store })).rejects.toThrow(
			/status does not allow this operation \(WeChat errcode 300023\)/,
		);
	});

	it.each([
		['an empty WeChat ID', 'add', { username: '' }, 'Sub-Anchor WeChat ID in item 1 is empty.'],
		['a nickname instead of the WeChat ID', 'update', { username: '陈 主播' }, /Sub-Anchor WeChat ID in item 1 is "陈 主播", which is not a WeChat ID/],
		['a room ID with letters', 'add', { username: 'chen_anchor', roomId: roomById('10a') }, 'Room in item 1 must be a positive whole number, got "10a".'],
		['room 0 on delete', 'delete', { roomId: roomById(0) }, 'Room in item 1 must be a positive whole number, got "0".'],
		['a negative room on get', 'get', { roomId: roomById(-1001) }, 'Room in item 1 must be a positive whole number, got "-1001".'],
	])('refuses %s before WeChat is called', async (_story, operation, extra, message) => {
		makeRoom();
		await expect(runNode({ parameters: parameters(operation, extra), store })).rejects.toThrow(message);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
