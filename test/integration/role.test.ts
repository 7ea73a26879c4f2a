import type { IDataObject } from 'n8n-workflow';

import type { Sandbox as SandboxOf } from '../support/sandbox';
import { useSandbox } from '../support/sandbox';
import { CredentialStore, runNode } from '../support/executeContext';

const { addMember } = require('../sandbox/routes/roles');
const { createRoom } = require('../sandbox/routes/rooms');

type Member = { username: string; nickname: string; roleList: number[] };
type Sandbox = SandboxOf<{ roles: Member[] }>;

let sandbox: Sandbox;
let store: CredentialStore;

useSandbox<Sandbox['state']>((started, credentials) => {
	sandbox = started;
	store = credentials;
});

const add = (username: string, role: number) => ({ resource: 'role', operation: 'add', username, role });
const remove = (username: string, role: number) => ({ resource: 'role', operation: 'remove', username, role });
const getMany = (extra: IDataObject = {}) => ({ resource: 'role', operation: 'getMany', returnAll: true, role: -1, keyword: '', ...extra });

describe('Role → Add', () => {
	it('makes a WeChat user an anchor with a JSON body WeChat reads, and says so with a readable role', async () => {
		const [item] = await runNode({ parameters: add(' lin_anchor ', 2), store });

		expect(item.json).toEqual({ username: 'lin_anchor', role: 2, role_label: 'Anchor', added: true });
		const [request] = sandbox.requests('roleAdd');
		expect(request).toMatchObject({ method: 'POST', path: '/wxaapi/broadcast/role/addrole' });
		expect(request.contentType).toMatch(/^application\/json/);
		expect(request.body).toEqual({ username: 'lin_anchor', role: 2 });
		expect(sandbox.state.roles).toEqual([expect.objectContaining({ username: 'lin_anchor', roleList: [2] })]);
	});

	it('hands over the real-name verification link when the anchor is not verified (400002)', async () => {
		const [item] = await runNode({ parameters: add('unverified_anchor', 2), store, continueOnFail: true });

		expect(item.json).toMatchObject({ errcode: 400002, codeurl: 'https://res.wx.qq.com/op_res/sandbox-role-realname-qrcode' });
		expect(item.json.description).toMatch(/Verification link: https:\/\/res\.wx\.qq\.com/);
	});

	it('explains the 10-admin limit (400003) and a repeated role (400004)', async () => {
		for (let i = 0; i < 10; i++) addMember(sandbox.state, { username: `admin_${i}`, roles: [1] });
		await expect(runNode({ parameters: add('admin_new', 1), store })).rejects.toThrow(/role limit is reached .*\(WeChat errcode 400003\)/);
		await expect(runNode({ parameters: add('admin_3', 1), store })).rejects.toThrow(/already has this role \(WeChat errcode 400004\)/);
	});
});

describe('Role → Remove', () => {
	it('takes the operator role away, keeping the member’s other roles', async () => {
		addMember(sandbox.state, { username: 'shop_ops', roles: [2, 3] });
		const [item] = await runNode({ parameters: remove('shop_ops', 3), store });

		expect(item.json).toEqual({ username: 'shop_ops', role: 3, role_label: 'Operator', removed: true });
		const [request] = sandbox.requests('roleDelete');
		expect(request).toMatchObject({ method: 'POST', path: '/wxaapi/broadcast/role/deleterole', body: { username: 'shop_ops', role: 3 } });
		expect(sandbox.state.roles[0].roleList).toEqual([2]);
	});

	it('says why an anchor with an upcoming show cannot be removed (400005)', async () => {
		addMember(sandbox.state, { username: 'lin_anchor', roles: [2] });
		const start = Math.floor(Date.now() / 1000) + 86400;
		createRoom(sandbox.state, { name: 'Tea night', startTime: start, endTime: start + 3600, anchorName: 'Lin', anchorWechat: 'lin_anchor', type: 0 });

		await expect(runNode({ parameters: remove('lin_anchor', 2), store })).rejects.toThrow(/rooms that have not started \(WeChat errcode 400005\)/);
	});
});

describe('Role → Get Many', () => {
	beforeEach(() => {
		for (let i = 0; i < 64; i++) addMember(sandbox.state, { username: `member_${i}`, roles: [i % 2 ? 3 : 2] });
		addMember(sandbox.state, { username: 'xiaolin_tea', nickname: '小林茶馆', roles: [2, 3] });
	});

	it('returns all 65 members over GET pages of 30, masked IDs and role labels beside roleList', async () => {
		const items = await runNode({ parameters: getMany(), store });

		expect(items).toHaveLength(65);
		const requests = sandbox.requests('roleList');
		expect(requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
		expect(requests[0].path).toBe('/wxaapi/broadcast/role/getrolelist');
		expect(requests.map((r) => ({ role: r.query.role, offset: r.query.offset, limit: r.query.limit }))).toEqual([
			{ role: '-1', offset: '0', limit: '30' },
			{ role: '-1', offset: '30', limit: '30' },
			{ role: '-1', offset: '60', limit: '30' },
		]);
		expect(items[64].json).toMatchObject({ username: 'xi****ea', nickname: '小林茶馆', roleList: [2, 3], role_labels: ['Anchor', 'Operator'] });
	});

	it('stops at the limit, asking for no more than needed', async () => {
		const items = await runNode({ parameters: getMany({ returnAll: false, limit: 40 }), store });

		expect(items).toHaveLength(40);
		expect(sandbox.requests('roleList').map((r) => [r.query.offset, r.query.limit])).toEqual([
			['0', '30'],
			['30', '10'],
		]);
	});

	it('finds anchors by a Chinese nickname, the keyword arriving intact', async () => {
		const items = await runNode({ parameters: getMany({ role: 2, keyword: ' 小林 ' }), store });

		expect(items.map((i) => i.json.nickname)).toEqual(['小林茶馆']);
		expect(sandbox.requests('roleList')[0].query).toMatchObject({ role: '2', keyword: '小林' });
	});
});

describe('bad input is refused before WeChat is called', () => {
	it.each([
		['an empty WeChat ID', add('  ', 1), /WeChat ID in item 1 is empty\./],
		['a masked WeChat ID copied from Get Many', remove('o0****0o', 2), /WeChat ID in item 1 is masked \(“o0\*\*\*\*0o”\)/],
		['a nickname with spaces', add('Lin Tea Shop', 1), /WeChat ID in item 1 is "Lin Tea Shop", which is not a WeChat ID/],
		['the super admin', add('boss_wechat', 0), /Role in item 1 is the super admin \(0\)/],
		['a role WeChat does not have', remove('boss_wechat', 5), /Role in item 1 is “5”, which is not a role the API can set\./],
		['a list filter WeChat does not have', getMany({ role: 7 }), /Role in item 1 is “7”, which is not a role WeChat lists\./],
	])('%s names the field, and no request reaches the sandbox', async (_story, parameters, message) => {
		await expect(runNode({ parameters, store })).rejects.toThrow(message);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
