/**
 * The operations' own messages as shop staff read them in a Chinese n8n: the node loaded with the package
 * speaking Chinese (decided once, at load), run against the sandbox like the English tests.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { WeChatLive } from '../../nodes/WeChatLive/WeChatLive.node';
import type { Sandbox as SandboxOf } from '../support/sandbox';
import { loadedIn } from '../support/language';
import { sandboxRoom, useSandbox } from '../support/sandbox';
import { CredentialStore, executeContext, roomById } from '../support/executeContext';

const { createRoom } = require('../sandbox/routes/rooms');

type Sandbox = SandboxOf<IDataObject & { rooms: Map<number, IDataObject> }>;

let sandbox: Sandbox;
let store: CredentialStore;

useSandbox<Sandbox['state']>((started, credentials) => {
	sandbox = started;
	store = credentials;
});

/** The node, and how it names an item ("第 1 条数据"), as a Chinese n8n loads them. */
function inChinese(): { node: WeChatLive; itemNumber: (itemIndex: number) => string } {
	return loadedIn('zh', () => ({
		node: new (require('../../nodes/WeChatLive/WeChatLive.node').WeChatLive)(),
		itemNumber: require('../../nodes/WeChatLive/helpers/validation').itemNumber,
	}));
}

const { node, itemNumber } = inChinese();
const item = (n: number) => itemNumber(n - 1);

/** Runs the Chinese node under Continue On Fail, so each item's error is in its output. */
async function run(parameters: IDataObject | ((itemIndex: number) => IDataObject), items?: INodeExecutionData[]): Promise<IDataObject[]> {
	const [output] = await node.execute.call(executeContext({ parameters, items, store, continueOnFail: true }));
	return output.map((item) => item.json);
}

it('a room that does not exist is named with the item in Chinese words, and the fix says where to look', async () => {
	const start = Math.floor(Date.now() / 1000) + 86400;
	for (let i = 0; i < 2; i++) sandboxRoom(sandbox, { name: `Room ${i}`, startTime: start + i * 60, endTime: start + i * 60 + 3600 });

	const [output] = await run({ resource: 'room', operation: 'get', roomId: roomById(4242) });
	expect(output.error).toBe(`未找到${item(1)}要查询的直播间 4242。`);
	expect(output.description).toBe('账号下的 2 个直播间中没有这个 ID。请检查直播间 ID，或用“直播间 → 获取列表”查看所有直播间。');
});

it('goods that do not exist are listed the Chinese way, 4242、4243, for the item that asked', async () => {
	const items = await run(
		(i) => ({ resource: 'goods', operation: 'get', goodsIds: ['', '4242, 4243'][i] || '4244' }),
		[{ json: {} }, { json: {} }],
	);
	expect(items.map((output) => output.error)).toEqual([`未找到${item(1)}要查询的商品 4244。`, `未找到${item(2)}要查询的商品 4242、4243。`]);
	expect(items[1].description).toMatch(/^微信的直播商品库中没有这些 ID 的商品（已删除，或从未创建）。/);
});

it('a push that fails after one went out says, in Chinese, which batch not to send again', async () => {
	const start = Math.floor(Date.now() / 1000) + 3600;
	const room = createRoom(sandbox.state, { name: 'Tea night', startTime: start, endTime: start + 7200, anchorName: 'Lin', anchorWechat: 'lin_anchor', type: 0 });
	room.liveStatus = 101;
	sandbox.fault({ endpoint: 'pushMessage', after: 1, errcode: 45009 });
	const openids = Array.from({ length: 2001 }, (_, i) => ({ json: { openid: `oSub${i}` } }));

	const items = await run({ resource: 'subscriber', operation: 'pushMessage', roomId: roomById(room.roomId), recipients: 'itemField', openidField: 'openid' }, openids);
	expect(items[1].description).toMatch(
		new RegExp(`。本次运行中已经推送过以下批次，请勿重复推送：直播间 ${room.roomId} 第 1 批（\`message_id\` \\d+）。$`),
	);
});

it('an input refused before WeChat is called gives its problem and fix in Chinese', async () => {
	const [output] = await run({ resource: 'role', operation: 'remove', username: 'o0****0o', role: 2 });
	expect(output.error).toContain('是打码后的微信号（“o0****0o”）');
	expect(output.description).toBe('微信会对“成员角色 → 获取列表”返回的微信号打码：请填写成员完整的微信号。');
	expect(sandbox.requests()).toHaveLength(0);
});
