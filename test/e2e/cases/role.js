// Role → Add / Remove / Get Many in a real n8n against the sandbox (format: README.md in this folder).
// Every case uses its own WeChat IDs: all setups share one sandbox.
const { addMember } = require('../../sandbox/routes/roles');

const member = (sandbox, username) => sandbox.state.roles.find((m) => m.username === username);

/** @type {import('./types').E2ECase[]} */
module.exports = [
	{
		title: 'Role → Add makes a WeChat user an anchor',
		parameters: () => ({ resource: 'role', operation: 'add', username: 'e2e_new_anchor', role: 2 }),
		check: ({ items, requests, sandbox }) => {
			const [request] = requests;
			expect(request).toMatchObject({ endpoint: 'roleAdd', method: 'POST', body: { username: 'e2e_new_anchor', role: 2 } });
			expect(items).toEqual([{ username: 'e2e_new_anchor', role: 2, role_label: 'Anchor', added: true }]);
			expect(member(sandbox, 'e2e_new_anchor').roleList).toEqual([2]);
		},
	},
	{
		title: 'Role → Add gives an unverified anchor the verification link (400002), under Continue On Fail',
		parameters: () => ({ resource: 'role', operation: 'add', username: 'unverified_e2e_anchor', role: 2 }),
		continueOnFail: true,
		check: ({ items }) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ errcode: 400002, codeurl: expect.stringMatching(/^https:\/\//) });
		},
	},
	{
		title: 'Role → Remove takes the operator role away',
		setup: (sandbox) => {
			addMember(sandbox.state, { username: 'e2e_operator', roles: [1, 3] });
			return {};
		},
		parameters: () => ({ resource: 'role', operation: 'remove', username: 'e2e_operator', role: 3 }),
		check: ({ items, requests, sandbox }) => {
			expect(requests.map((r) => [r.endpoint, r.body])).toEqual([['roleDelete', { username: 'e2e_operator', role: 3 }]]);
			expect(items).toEqual([{ username: 'e2e_operator', role: 3, role_label: 'Operator', removed: true }]);
			expect(member(sandbox, 'e2e_operator').roleList).toEqual([1]);
		},
	},
	{
		title: 'Role → Get Many finds members by a Chinese keyword, over GET pages of 30',
		setup: (sandbox) => {
			for (let i = 0; i < 35; i++) addMember(sandbox.state, { username: `e2e_tea_${i}`, nickname: `端到端茶馆${i}`, roles: [2] });
			return {};
		},
		parameters: () => ({ resource: 'role', operation: 'getMany', returnAll: true, role: 2, keyword: '端到端茶馆' }),
		check: ({ items, requests }) => {
			expect(requests.map((r) => [r.endpoint, r.method, r.query.keyword, r.query.role, r.query.offset, r.query.limit])).toEqual([
				['roleList', 'GET', '端到端茶馆', '2', '0', '30'],
				['roleList', 'GET', '端到端茶馆', '2', '30', '30'],
			]);
			expect(items).toHaveLength(35);
			expect(items[0]).toMatchObject({ username: 'e2****_0', nickname: '端到端茶馆0', role_labels: ['Anchor'] });
		},
	},
	{
		title: 'Role → Remove refuses a masked WeChat ID before calling WeChat',
		parameters: () => ({ resource: 'role', operation: 'remove', username: 'o0****0o', role: 2 }),
		expectError: true,
		check: ({ requests, run }) => {
			expect(requests).toHaveLength(0);
			expect(JSON.stringify(run.error)).toMatch(/WeChat ID in item 1 is masked/);
		},
	},
];
