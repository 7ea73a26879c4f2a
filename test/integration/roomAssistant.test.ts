import type { IDataObject } from 'n8n-workflow';

import type { Sandbox as SandboxOf } from '../support/sandbox';
import { sandboxRoom, useSandbox } from '../support/sandbox';
import { CredentialStore, roomById, runNode } from '../support/executeContext';


type Sandbox = SandboxOf<IDataObject & { rooms: Map<number, IDataObject & { assistants: IDataObject[] }> }>;

let sandbox: Sandbox;
let store: CredentialStore;

useSandbox<Sandbox['state']>((started, credentials) => {
	sandbox = started;
	store = credentials;
});

/** A not-yet-started room (IDs from 1001), with the given assistants already added. */
function makeRoom(assistants: Array<[string, string]> = []): number {
	const room = sandboxRoom(sandbox) as IDataObject & { roomId: number; assistants: IDataObject[] };
	for (const [username, nickname] of assistants) {
		room.assistants.push({ username, nickname, timestamp: 1700000000, headimg: 'http://wx.qlogo.cn/x', alias: username, openid: `o_${username}` });
	}
	return room.roomId;
}

const assistantsOf = (id = 1001) => sandbox.state.rooms.get(id)!.assistants.map((a) => [a.username, a.nickname]);

const add = (users: IDataObject, extra: IDataObject = {}) => ({
	resource: 'roomAssistant',
	operation: 'add',
	roomId: roomById(1001),
	usersInput: 'fields',
	users,
	...extra,
});
const addJson = (usersJson: string | IDataObject[]) => ({ ...add({}), usersInput: 'json', usersJson });

async function refusedBeforeWeChat(parameters: IDataObject, message: RegExp | string) {
	await expect(runNode({ parameters, store })).rejects.toThrow(message);
	expect(sandbox.requests()).toHaveLength(0);
}

describe('Room Assistant → Add', () => {
	it('adds two assistants in one call and gives one item per assistant', async () => {
		makeRoom();
		const items = await runNode({
			parameters: add({ user: [{ username: 'helper_mei', nickname: '小美' }, { username: 'helper_tom', nickname: 'Tom' }] }),
			store,
		});

		const [request] = sandbox.requests('assistantAdd');
		expect(request).toMatchObject({ method: 'POST', path: '/wxaapi/broadcast/room/addassistant' });
		expect(request.contentType).toMatch(/^application\/json/);
		expect(request.body).toEqual({
			roomId: 1001,
			users: [
				{ username: 'helper_mei', nickname: '小美' },
				{ username: 'helper_tom', nickname: 'Tom' },
			],
		});
		expect(items.map((i) => i.json)).toEqual([
			{ roomId: 1001, username: 'helper_mei', nickname: '小美', added: true },
			{ roomId: 1001, username: 'helper_tom', nickname: 'Tom', added: true },
		]);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(assistantsOf()).toEqual([['helper_mei', '小美'], ['helper_tom', 'Tom']]);
	});

	it('takes the assistants as JSON text', async () => {
		makeRoom();
		await runNode({ parameters: addJson('[{"username": " helper_mei ", "nickname": "小美"}]'), store });
		expect(sandbox.requests('assistantAdd')[0].body).toEqual({ roomId: 1001, users: [{ username: 'helper_mei', nickname: '小美' }] });
	});

	it('copies the assistants of last week’s room to tonight’s, from Get Many’s items in an expression', async () => {
		makeRoom([['helper_mei', '小美'], ['helper_tom', 'Tom']]);
		makeRoom();
		const listed = await runNode({
			parameters: { resource: 'roomAssistant', operation: 'getMany', roomId: roomById(1001), returnAll: true },
			store,
		});
		const items = await runNode({ parameters: { ...addJson(listed.map((i) => i.json)), roomId: roomById(1002) }, store });

		expect(sandbox.requests('assistantAdd')[0].body).toEqual({
			roomId: 1002,
			users: [
				{ username: 'helper_mei', nickname: '小美' },
				{ username: 'helper_tom', nickname: 'Tom' },
			],
		});
		expect(items).toHaveLength(2);
		expect(assistantsOf(1002)).toEqual(assistantsOf(1001));
	});

	it.each([
		['an assistant the room already has', [['helper_mei', '小美']], 'helper_mei', 600001, /already an assistant of this room/],
		['a WeChat ID WeChat cannot find', [], 'unknown_person', 600002, /The user was not found/],
		['an eleventh assistant', Array.from({ length: 10 }, (_, i): [string, string] => [`helper_${i}`, `Helper ${i}`]), 'helper_x', 200002, /rejected a parameter/],
	] as Array<[string, Array<[string, string]>, string, number, RegExp]>)('passes on WeChat’s refusal of %s', async (_story, existing, username, errcode, message) => {
		makeRoom(existing);
		const [item] = await runNode({ parameters: add({ user: [{ username, nickname: 'New' }] }), store, continueOnFail: true });

		expect(item.json).toMatchObject({ errcode, error: expect.stringMatching(message) });
		expect(sandbox.requests('assistantAdd')).toHaveLength(1);
		expect(assistantsOf()).toHaveLength(existing.length);
	});

	const eleven = Array.from({ length: 11 }, (_, i) => ({ username: `helper_${i}`, nickname: `Helper ${i}` }));
	it.each([
		['no assistant', add({}), /Assistants in item 1 needs at least 1 entry/],
		['11 assistants, more than a room takes', add({ user: eleven }), /Assistants in item 1 has 11 entries, more than WeChat’s limit of 10/],
		['an empty WeChat ID', add({ user: [{ username: '', nickname: '小美' }] }), /WeChat ID of assistant 1 in item 1 is empty\./],
		['a nickname where the WeChat ID belongs', add({ user: [{ username: 'ok_id', nickname: 'A' }, { username: '小美 Mei', nickname: '小美' }] }), /WeChat ID of assistant 2 in item 1 is "小美 Mei", which is not a WeChat ID/],
		['an empty nickname', add({ user: [{ username: 'helper_mei', nickname: '  ' }] }), /Nickname of assistant 1 in item 1 is empty/],
		['the same assistant twice', add({ user: [{ username: 'helper_mei', nickname: 'A' }, { username: 'helper_mei', nickname: 'B' }] }), /Assistants in item 1 lists “helper_mei” twice/],
		['JSON that does not parse', addJson('[{username: x}]'), /Assistants \(JSON\) in item 1 is not valid JSON/],
		['a JSON entry that is not an object', addJson('["helper_mei"]'), /Assistants \(JSON\) in item 1 has an entry that is not an object/],
		['an empty JSON list', addJson('[]'), /Assistants \(JSON\) in item 1 needs at least 1 entry/],
		['a room ID that is not a number', add({ user: [{ username: 'helper_mei', nickname: '小美' }] }, { roomId: roomById('tonight') }), 'Room in item 1 must be a positive whole number, got "tonight".'],
	])('refuses %s before WeChat is called', async (_story, parameters, message) => {
		makeRoom();
		await refusedBeforeWeChat(parameters, message);
	});
});

describe('Room Assistant → Update, Remove', () => {
	it('renames an assistant', async () => {
		makeRoom([['helper_mei', '小美']]);
		const [item] = await runNode({
			parameters: { resource: 'roomAssistant', operation: 'update', roomId: roomById(1001), username: 'helper_mei', nickname: '美美' },
			store,
		});

		const [request] = sandbox.requests('assistantModify');
		expect(request).toMatchObject({ method: 'POST', path: '/wxaapi/broadcast/room/modifyassistant' });
		expect(request.body).toEqual({ roomId: 1001, username: 'helper_mei', nickname: '美美' });
		expect(item.json).toEqual({ roomId: 1001, username: 'helper_mei', nickname: '美美', updated: true });
		expect(assistantsOf()).toEqual([['helper_mei', '美美']]);
	});

	it('removes an assistant', async () => {
		makeRoom([['helper_mei', '小美'], ['helper_tom', 'Tom']]);
		const [item] = await runNode({
			parameters: { resource: 'roomAssistant', operation: 'remove', roomId: roomById(1001), username: 'helper_tom' },
			store,
		});

		const [request] = sandbox.requests('assistantRemove');
		expect(request).toMatchObject({ method: 'POST', path: '/wxaapi/broadcast/room/removeassistant' });
		expect(request.body).toEqual({ roomId: 1001, username: 'helper_tom' });
		expect(item.json).toEqual({ roomId: 1001, username: 'helper_tom', removed: true });
		expect(assistantsOf()).toEqual([['helper_mei', '小美']]);
	});

	it('passes on WeChat’s answer for someone who is not an assistant (600002)', async () => {
		makeRoom();
		await expect(
			runNode({ parameters: { resource: 'roomAssistant', operation: 'remove', roomId: roomById(1001), username: 'helper_tom' }, store }),
		).rejects.toThrow(/WeChat errcode 600002/);
	});

	it.each([
		['an update without nickname', { operation: 'update', username: 'helper_mei', nickname: '' }, /Nickname in item 1 is empty\./],
		['an update without WeChat ID', { operation: 'update', username: ' ', nickname: '美美' }, /WeChat ID in item 1 is empty\./],
		['a removal by nickname', { operation: 'remove', username: '小美' }, /WeChat ID in item 1 is "小美", which is not a WeChat ID/],
		['a removal from room 0', { operation: 'remove', username: 'helper_mei', roomId: roomById(0) }, /Room in item 1 must be a positive whole number/],
	])('refuses %s before WeChat is called', async (_story, parameters, message) => {
		makeRoom([['helper_mei', '小美']]);
		await refusedBeforeWeChat({ resource: 'roomAssistant', roomId: roomById(1001), ...parameters }, message);
	});
});

describe('Room Assistant → Get Many', () => {
	const getMany = (extra: IDataObject = {}) => ({
		resource: 'roomAssistant',
		operation: 'getMany',
		roomId: roomById(1001),
		returnAll: true,
		...extra,
	});

	it('lists the room’s assistants with a GET, one item each, without WeChat’s envelope', async () => {
		makeRoom([['helper_mei', '小美'], ['helper_tom', 'Tom'], ['helper_li', '小李']]);
		const items = await runNode({ parameters: getMany(), store, timeZone: 'Asia/Shanghai' });

		const [request] = sandbox.requests('assistantList');
		expect(request).toMatchObject({ method: 'GET', path: '/wxaapi/broadcast/room/getassistantlist', body: {} });
		expect(request.query).toMatchObject({ roomId: '1001' });
		expect(items.map((i) => i.json)).toEqual(
			['helper_mei', 'helper_tom', 'helper_li'].map((alias) => ({
				roomId: 1001,
				alias,
				nickname: expect.any(String),
				openid: `o_${alias}`,
				headimg: 'http://wx.qlogo.cn/x',
				timestamp: 1700000000,
				timestamp_iso: '2023-11-15T06:13:20+08:00',
			})),
		);
	});

	it('applies the limit itself (WeChat returns the whole list at once)', async () => {
		makeRoom([['helper_mei', '小美'], ['helper_tom', 'Tom'], ['helper_li', '小李']]);
		const items = await runNode({ parameters: getMany({ returnAll: false, limit: 2 }), store });

		expect(items.map((i) => i.json.alias)).toEqual(['helper_mei', 'helper_tom']);
		expect(sandbox.requests('assistantList')).toHaveLength(1);
	});

	it('returns no items for a room without assistants', async () => {
		makeRoom();
		expect(await runNode({ parameters: getMany(), store })).toHaveLength(0);
	});

	it('lists what it just added, through the sandbox’s own WeChat-like list', async () => {
		makeRoom();
		await runNode({ parameters: add({ user: [{ username: 'helper_mei', nickname: '小美' }] }), store });
		const [item] = await runNode({ parameters: getMany(), store });
		expect(item.json).toMatchObject({ roomId: 1001, alias: 'helper_mei', nickname: '小美', openid: expect.stringMatching(/^o_/) });
	});

	it('refuses a room ID that is not a number before WeChat is called', async () => {
		await refusedBeforeWeChat(getMany({ roomId: roomById('12a') }), 'Room in item 1 must be a positive whole number, got "12a".');
	});
});
