/**
 * WeChat Live Status Trigger against the sandbox over HTTP: what a shop sees when WeChat decides a goods
 * audit, a room goes live or ends, or a replay appears, poll after poll of one published workflow.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import type { CredentialStore } from '../support/executeContext';
import type { PollingWorkflow } from '../support/pollContext';
import { poll, pollingWorkflow } from '../support/pollContext';
import type { Sandbox as SandboxOf } from '../support/sandbox';
import { sandboxRoom, useSandbox } from '../support/sandbox';

// The sandbox is plain JavaScript (it is also `npm run sandbox`).
const { addGoods, AUDIT } = require('../sandbox/routes/goods');

type Goods = IDataObject & { goodsId: number; auditStatus: number };
type Room = IDataObject & { roomId: number; liveStatus: number; endTime: number; replays: IDataObject[] };
type Sandbox = SandboxOf<IDataObject & { goods: Map<number, Goods>; rooms: Map<number, Room> }>;

let sandbox: Sandbox;
let store: CredentialStore;

const HOUR = 3600;
const DAY = 24 * HOUR;
const nowSeconds = () => Math.floor(Date.now() / 1000);

useSandbox<Sandbox['state']>((started, credentials) => {
	sandbox = started;
	store = credentials;
});

// ── the shop's goods and rooms, and what WeChat's reviewers and anchors do to them ──────────────────

function goods(name: string, status: number = AUDIT.underReview): Goods {
	return addGoods(sandbox.state, { name, coverImgUrl: 'sbxmedia_cover', url: 'pages/goods/index?id=1', priceType: 1, price: 19.9 }, { status });
}

async function audit(goodsId: number, result: 'approve' | 'reject', reason?: string) {
	await axios.post(`${sandbox.url}/__sandbox/goods/${goodsId}/audit`, { result, reason });
}

/** A room of the sandbox; `endedHoursAgo` makes it an ended room whose planned end was that long ago. */
function room(name: string, { status = 102, endedHoursAgo }: { status?: number; endedHoursAgo?: number } = {}): Room {
	const end = endedHoursAgo === undefined ? nowSeconds() + DAY + 2 * HOUR : nowSeconds() - endedHoursAgo * HOUR;
	const created = sandboxRoom(sandbox, { name, startTime: end - 2 * HOUR, endTime: end }) as Room;
	created.liveStatus = endedHoursAgo === undefined ? status : 103;
	return created;
}

async function setRoomStatus(roomId: number, liveStatus: number) {
	await axios.post(`${sandbox.url}/__sandbox/rooms/${roomId}/status`, { live_status: liveStatus });
}

function addReplay(target: Room) {
	target.replays.push({
		create_time: String(nowSeconds() - 600),
		expire_time: String(nowSeconds() + 90 * DAY),
		media_url: `https://sandbox.example/replay/${target.roomId}.mp4`,
	});
}

const replayRequests = () => sandbox.requests('getLiveInfo').filter((r) => r.body.action === 'get_replay');
const replayRoomsAsked = () => replayRequests().map((r) => r.body.room_id);

function workflow(parameters: IDataObject): PollingWorkflow {
	return pollingWorkflow(store, parameters);
}

// ── goods audit ───────────────────────────────────────────────────────────────────────────────────

describe('Goods audit status changed', () => {
	it('the first poll records every goods of the library and emits nothing', async () => {
		const a = goods('Oolong tea 250 g', AUDIT.underReview);
		const b = goods('Jasmine tea 100 g', AUDIT.approved);
		const c = goods('Pu-erh cake 357 g', AUDIT.rejected);
		const d = goods('Tea cup, celadon', AUDIT.notSubmitted);
		const wf = workflow({ event: 'goodsAuditStatus', auditStatusTo: 'any' });

		expect(await poll(wf)).toBeNull();
		expect(sandbox.requests('goodsApproved').map((r) => r.query.status)).toEqual(['0', '1', '2', '3']);
		expect(sandbox.requests('goodsApproved').every((r) => r.method === 'GET' && r.query.limit === '100')).toBe(true);
		expect(wf.staticData).toEqual({ goods: { [a.goodsId]: 1, [b.goodsId]: 2, [c.goodsId]: 3, [d.goodsId]: 0 } });
	});

	it('rejecting one goods yields exactly one item on the next poll, and none on the poll after', async () => {
		const tea = goods('Oolong tea 250 g');
		goods('Jasmine tea 100 g');
		const wf = workflow({ event: 'goodsAuditStatus', auditStatusTo: 'any' });
		await poll(wf);

		await audit(tea.goodsId, 'reject', 'image unclear');
		const items = await poll(wf);

		expect(items).toHaveLength(1);
		expect(items![0]).toMatchObject({
			event: 'goodsAuditStatus',
			goodsId: tea.goodsId,
			before: { audit_status: 1, audit_status_label: 'Under Review' },
			after: { audit_status: 3, audit_status_label: 'Rejected' },
			goods: { goodsId: tea.goodsId, name: 'Oolong tea 250 g', audit_status: 3, audit_status_label: 'Rejected', price_yuan: 19.9 },
		});
		expect(Date.parse(items![0].detectedAt as string)).not.toBeNaN();
		expect(await poll(wf)).toBeNull();
	});

	it.each([
		['Approved', 'approved', 'Jasmine tea 100 g', 2],
		['Rejected', 'rejected', 'Oolong tea 250 g', 3],
	])('with "Changed To: %s", only that result starts the workflow', async (_label, auditStatusTo, name, status) => {
		const rejected = goods('Oolong tea 250 g');
		const approved = goods('Jasmine tea 100 g');
		const wf = workflow({ event: 'goodsAuditStatus', auditStatusTo });
		await poll(wf);

		await audit(rejected.goodsId, 'reject');
		await audit(approved.goodsId, 'approve');
		const items = await poll(wf);

		expect(items!.map((i) => (i.goods as IDataObject).name)).toEqual([name]);
		expect(items![0].after).toEqual({ audit_status: status, audit_status_label: _label });
		// The other result is remembered too, and never reported later.
		expect(await poll(wf)).toBeNull();
	});

	it('reports goods added and approved between two polls as new, but not goods that are merely submitted', async () => {
		const wf = workflow({ event: 'goodsAuditStatus', auditStatusTo: 'any' });
		await poll(wf);

		const approved = goods('Longjing tea gift box', AUDIT.approved);
		goods('White tea 200 g', AUDIT.underReview);
		const items = await poll(wf);

		expect(items).toHaveLength(1);
		expect(items![0]).toMatchObject({
			goodsId: approved.goodsId,
			before: { audit_status: null, audit_status_label: 'Not Seen Before' },
			after: { audit_status: 2, audit_status_label: 'Approved' },
		});
	});

	it('a withdrawn and a resubmitted audit count as changes only for "Any Change"', async () => {
		const tea = goods('Oolong tea 250 g', AUDIT.rejected);
		const any = workflow({ event: 'goodsAuditStatus', auditStatusTo: 'any' });
		const rejectedOnly = workflow({ event: 'goodsAuditStatus', auditStatusTo: 'rejected' });
		await poll(any);
		await poll(rejectedOnly);

		sandbox.state.goods.get(tea.goodsId)!.auditStatus = AUDIT.underReview; // resubmitted after a fix

		expect((await poll(any))!.map((i) => i.after)).toEqual([{ audit_status: 1, audit_status_label: 'Under Review' }]);
		expect(await poll(rejectedOnly)).toBeNull();
	});

	it('forgets deleted goods without an item, after asking getgoodswarehouse once about them', async () => {
		const tea = goods('Oolong tea 250 g', AUDIT.approved);
		const kept = goods('Jasmine tea 100 g', AUDIT.approved);
		const wf = workflow({ event: 'goodsAuditStatus', auditStatusTo: 'any' });
		await poll(wf);

		sandbox.state.goods.delete(tea.goodsId);
		expect(await poll(wf)).toBeNull();
		expect(sandbox.requests('goodsWarehouse').map((r) => r.body)).toEqual([{ goods_ids: [tea.goodsId] }]);
		expect(wf.staticData.goods).toEqual({ [kept.goodsId]: 2 });

		expect(await poll(wf)).toBeNull();
		expect(sandbox.requests('goodsWarehouse')).toHaveLength(1);
	});

	it('finds goods that left one list for another during the poll by ID, and reports their change once', async () => {
		const tea = goods('Oolong tea 250 g', AUDIT.rejected);
		const wf = workflow({ event: 'goodsAuditStatus', auditStatusTo: 'any' });
		await poll(wf);

		// Resubmitted while the poll runs: the status-1 list was read before, the status-3 list after the
		// move, so the goods is in no list, and getgoodswarehouse (which reads by ID) has it.
		const library = sandbox.state.goods;
		library.get(tea.goodsId)!.auditStatus = AUDIT.underReview;
		const values = library.values.bind(library);
		library.values = () => [...values()].filter((g) => g.goodsId !== tea.goodsId).values();
		try {
			const items = await poll(wf);
			expect(sandbox.requests('goodsWarehouse').map((r) => r.body)).toEqual([{ goods_ids: [tea.goodsId] }]);
			expect(items!.map((i) => [i.goodsId, (i.before as IDataObject).audit_status, (i.after as IDataObject).audit_status])).toEqual([
				[tea.goodsId, 3, 1],
			]);
		} finally {
			delete (library as { values?: unknown }).values;
		}
		expect(await poll(wf)).toBeNull();
		expect(sandbox.requests('goodsWarehouse')).toHaveLength(1);
	});

	it('pages through goods libraries larger than one getapproved page (100)', async () => {
		for (let i = 0; i < 130; i++) goods(`Seeded tea No. ${100 + i}`);
		const wf = workflow({ event: 'goodsAuditStatus', auditStatusTo: 'approved' });
		await poll(wf);

		const last = [...sandbox.state.goods.values()].at(-1)!;
		await audit(last.goodsId, 'approve');
		const items = await poll(wf);

		expect(items!.map((i) => i.goodsId)).toEqual([last.goodsId]);
		expect(sandbox.requests('goodsApproved').filter((r) => r.query.status === '1').map((r) => r.query.offset)).toEqual(['0', '100', '0', '100']);
	});
});

// ── room status ───────────────────────────────────────────────────────────────────────────────────

describe('Room status changed', () => {
	it('the first poll emits nothing; setting a room live yields one item, and the next poll none', async () => {
		const tonight = room('Christmas tea sale');
		room('Spring tea tasting');
		const wf = workflow({ event: 'roomStatus', roomStatusTo: 'any', roomIds: '' });
		expect(await poll(wf)).toBeNull();

		await setRoomStatus(tonight.roomId, 101);
		const items = await poll(wf);

		expect(items).toHaveLength(1);
		expect(items![0]).toMatchObject({
			event: 'roomStatus',
			roomId: tonight.roomId,
			before: { live_status: 102, live_status_label: 'Not Started' },
			after: { live_status: 101, live_status_label: 'Live' },
			room: { roomid: tonight.roomId, name: 'Christmas tea sale', live_status: 101, live_status_label: 'Live' },
		});
		expect(await poll(wf)).toBeNull();
		expect(sandbox.requests('getLiveInfo').every((r) => r.body.action === undefined)).toBe(true);
	});

	it('with "Changed To: Ended", a room going live is remembered silently and its end is reported', async () => {
		const tonight = room('Christmas tea sale');
		const wf = workflow({ event: 'roomStatus', roomStatusTo: 'ended' });
		await poll(wf);

		await setRoomStatus(tonight.roomId, 101);
		expect(await poll(wf)).toBeNull();
		await setRoomStatus(tonight.roomId, 103);
		const items = await poll(wf);

		expect(items!.map((i) => [i.before, i.after])).toEqual([
			[
				{ live_status: 101, live_status_label: 'Live' },
				{ live_status: 103, live_status_label: 'Ended' },
			],
		]);
	});

	it('"Changed To: Paused" and "Live" report a pause and the show going on again', async () => {
		const tonight = room('Christmas tea sale', { status: 101 });
		const paused = workflow({ event: 'roomStatus', roomStatusTo: 'paused' });
		const live = workflow({ event: 'roomStatus', roomStatusTo: 'live' });
		await poll(paused);
		await poll(live);

		await setRoomStatus(tonight.roomId, 105);
		expect((await poll(paused))!.map((i) => i.after)).toEqual([{ live_status: 105, live_status_label: 'Paused' }]);
		expect(await poll(live)).toBeNull();

		await setRoomStatus(tonight.roomId, 101);
		expect(await poll(paused)).toBeNull();
		expect((await poll(live))!.map((i) => i.before)).toEqual([{ live_status: 105, live_status_label: 'Paused' }]);
	});

	it('Room IDs limit the rooms that start the workflow', async () => {
		const a = room('Christmas tea sale');
		const b = room('Spring tea tasting');
		const c = room('Autumn tea tasting');
		const wf = workflow({ event: 'roomStatus', roomStatusTo: 'live', roomIds: `${b.roomId}, ${c.roomId}` });
		await poll(wf);

		await setRoomStatus(a.roomId, 101);
		await setRoomStatus(b.roomId, 101);
		const items = await poll(wf);

		expect(items!.map((i) => i.roomId)).toEqual([b.roomId]);
		// Room a's change was seen: widening the filter later does not report it as new.
		wf.parameters.roomIds = '';
		expect(await poll(wf)).toBeNull();
	});

	it('Room IDs typed on a Chinese keyboard (，、； and the full-width space) limit the rooms the same way', async () => {
		const [a, b, c, d, e] = ['Christmas tea sale', 'Spring tea tasting', 'Autumn tea tasting', 'Winter tea tasting', 'New year tea sale'].map((name) => room(name));
		const wf = workflow({ event: 'roomStatus', roomStatusTo: 'live', roomIds: `${b.roomId}，${c.roomId}、${d.roomId}；${e.roomId}\u3000` });
		await poll(wf);

		for (const each of [a, b, c, d, e]) await setRoomStatus(each.roomId, 101);
		const items = await poll(wf);

		expect(items!.map((i) => i.roomId)).toEqual([b.roomId, c.roomId, d.roomId, e.roomId]);
	});

	it('a room created after the baseline is no change until its status moves', async () => {
		const wf = workflow({ event: 'roomStatus', roomStatusTo: 'any' });
		expect(await poll(wf)).toBeNull(); // no room at all yet: WeChat answers 9410000

		const created = room('New year tea sale');
		expect(await poll(wf)).toBeNull();
		await setRoomStatus(created.roomId, 101);
		expect((await poll(wf))!.map((i) => i.roomId)).toEqual([created.roomId]);
	});

	it('switching the Event starts a fresh baseline and drops the other event’s state', async () => {
		const tea = goods('Oolong tea 250 g');
		const tonight = room('Christmas tea sale');
		const wf = workflow({ event: 'goodsAuditStatus', auditStatusTo: 'any' });
		await poll(wf);

		wf.parameters = { event: 'roomStatus', roomStatusTo: 'any' };
		await setRoomStatus(tonight.roomId, 101);
		expect(await poll(wf)).toBeNull();
		expect(wf.staticData).toEqual({ rooms: { [tonight.roomId]: 101 } });

		// Back to goods: the audit decided meanwhile is part of the new baseline, not a change.
		wf.parameters = { event: 'goodsAuditStatus', auditStatusTo: 'any' };
		await audit(tea.goodsId, 'approve');
		expect(await poll(wf)).toBeNull();
		expect(wf.staticData).toEqual({ goods: { [tea.goodsId]: 2 } });
	});

	it('refuses Room IDs that are not numbers, naming the field', async () => {
		room('Christmas tea sale');
		const wf = workflow({ event: 'roomStatus', roomStatusTo: 'any', roomIds: '1001, tonight' });
		await expect(poll(wf)).rejects.toThrow(/Room IDs: "tonight" is not a room ID/);
		expect(sandbox.requests('getLiveInfo')).toHaveLength(0);
		expect(wf.staticData).toEqual({});
	});
});

// ── replay ready ──────────────────────────────────────────────────────────────────────────────────

describe('Replay ready', () => {
	it('reports a replay once, checks only recently ended rooms, and stops checking a room once its replay was seen', async () => {
		const yesterday = room('Yesterday’s tea sale', { endedHoursAgo: 20 });
		addReplay(yesterday); // already there when the trigger starts
		const tonight = room('Tonight’s tea sale', { endedHoursAgo: 1 });
		const lastWeek = room('Last week’s tea sale', { endedHoursAgo: 7 * 24 });
		room('Live now', { status: 101 });
		const wf = workflow({ event: 'replayReady', endedWithinDays: 3, roomIds: '' });

		expect(await poll(wf)).toBeNull();
		expect(replayRoomsAsked().sort()).toEqual([yesterday.roomId, tonight.roomId].sort());

		sandbox.clearLog();
		expect(await poll(wf)).toBeNull();
		expect(replayRoomsAsked()).toEqual([tonight.roomId]); // the one still waiting for its replay

		addReplay(tonight);
		const items = await poll(wf);
		expect(items).toHaveLength(1);
		expect(items![0]).toMatchObject({
			event: 'replayReady',
			roomId: tonight.roomId,
			replayCount: 1,
			replays: [{ roomId: tonight.roomId, media_url: `https://sandbox.example/replay/${tonight.roomId}.mp4` }],
			room: { roomid: tonight.roomId, live_status: 103, live_status_label: 'Ended' },
		});
		expect((items![0].replays as IDataObject[])[0].create_time_iso).toMatch(/^\d{4}-\d\d-\d\dT/);

		sandbox.clearLog();
		expect(await poll(wf)).toBeNull();
		expect(replayRequests()).toHaveLength(0);
		expect(replayRoomsAsked()).not.toContain(lastWeek.roomId);
	});

	it('a room that ends after the trigger started is checked until its replay appears', async () => {
		const tonight = room('Tonight’s tea sale', { status: 101 });
		const wf = workflow({ event: 'replayReady', endedWithinDays: 3 });
		await poll(wf);
		expect(replayRequests()).toHaveLength(0);

		await setRoomStatus(tonight.roomId, 103); // ended early: its planned end is still ahead
		expect(await poll(wf)).toBeNull();
		expect(replayRoomsAsked()).toEqual([tonight.roomId]);

		addReplay(tonight);
		expect((await poll(wf))!.map((i) => i.roomId)).toEqual([tonight.roomId]);
		expect(await poll(wf)).toBeNull();
	});

	it('"Rooms Ended Within" widens the window, and Room IDs narrow the rooms', async () => {
		const lastWeek = room('Last week’s tea sale', { endedHoursAgo: 7 * 24 });
		const other = room('Other show', { endedHoursAgo: 5 * 24 });
		const wf = workflow({ event: 'replayReady', endedWithinDays: 14, roomIds: String(lastWeek.roomId) });
		await poll(wf);

		addReplay(lastWeek);
		addReplay(other);
		expect((await poll(wf))!.map((i) => i.roomId)).toEqual([lastWeek.roomId]);
		expect(replayRoomsAsked()).not.toContain(other.roomId);
	});

	it('narrowing the Room IDs and widening them again reports no replay that came meanwhile as new', async () => {
		const watched = room('Watched show', { endedHoursAgo: 2 });
		const other = room('Other show', { endedHoursAgo: 1 });
		const wf = workflow({ event: 'replayReady', endedWithinDays: 3, roomIds: '' });
		await poll(wf);

		wf.parameters.roomIds = String(watched.roomId);
		addReplay(other); // made while the filter left this room out
		expect(await poll(wf)).toBeNull();

		wf.parameters.roomIds = '';
		expect(await poll(wf)).toBeNull();
		// Its replay was recorded, so it is never asked for again.
		sandbox.clearLog();
		addReplay(watched);
		expect((await poll(wf))!.map((i) => i.roomId)).toEqual([watched.roomId]);
		expect(replayRoomsAsked()).toEqual([watched.roomId]);
	});

	it('a room let in by widening the Room IDs is watched from then on: its replay is reported when it comes', async () => {
		const watched = room('Watched show', { endedHoursAgo: 2 });
		const other = room('Other show', { endedHoursAgo: 1 });
		const wf = workflow({ event: 'replayReady', endedWithinDays: 3, roomIds: String(watched.roomId) });
		await poll(wf);

		wf.parameters.roomIds = `${watched.roomId}, ${other.roomId}`;
		expect(await poll(wf)).toBeNull();
		addReplay(other);
		expect((await poll(wf))!.map((i) => i.roomId)).toEqual([other.roomId]);
	});
});

describe('the Event parameter', () => {
	it('an Event the trigger does not know (e.g. a typo in an expression) is an error, not a goods-audit poll', async () => {
		goods('Oolong tea 250 g');
		room('Christmas tea sale');
		const wf = workflow({ event: 'roomStatusChanged' });
		wf.staticData.rooms = { 1001: 102 };

		await expect(poll(wf)).rejects.toThrow('Event: "roomStatusChanged" is not an event this trigger knows');
		expect(sandbox.requests()).toHaveLength(0);
		expect(wf.staticData).toEqual({ rooms: { 1001: 102 } });
	});

	it.each([
		['goodsAuditStatus', 'auditStatusTo', 'approvd'],
		['goodsAuditStatus', 'auditStatusTo', 'constructor'],
		['roomStatus', 'roomStatusTo', 'toString'],
		['roomStatus', 'roomStatusTo', 'Live'],
	])('a Changed To of %s that is not one of its choices (%s: "%s") is an error, not a poll that never reports', async (event, parameter, value) => {
		goods('Oolong tea 250 g');
		room('Christmas tea sale');
		const wf = workflow({ event, [parameter]: value });

		await expect(poll(wf)).rejects.toThrow(`Changed To: "${value}" is not one of its choices`);
		expect(sandbox.requests()).toHaveLength(0);
	});
});

describe('times in the trigger’s items', () => {
	it('are shown in the workflow’s time zone beside WeChat’s Unix times', async () => {
		const tonight = room('Christmas tea sale');
		const wf = { ...workflow({ event: 'roomStatus', roomStatusTo: 'any' }), timeZone: 'Asia/Shanghai' };
		await poll(wf);
		await setRoomStatus(tonight.roomId, 101);
		const [item] = (await poll(wf))!;

		const shown = item.room as IDataObject;
		expect(shown.start_time).toBe(tonight.startTime);
		expect(shown.start_time_iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
		expect(Date.parse(shown.start_time_iso as string) / 1000).toBe(tonight.startTime);
		expect(Date.parse(shown.end_time_iso as string) / 1000).toBe(tonight.endTime);
		expect(item.detectedAt).toMatch(/\+08:00$/);
		expect(Math.abs(Date.parse(item.detectedAt as string) - Date.now())).toBeLessThan(60_000);
	});

	it('in a replay-ready item too', async () => {
		const tonight = room('Tonight’s tea sale', { endedHoursAgo: 1 });
		const wf = { ...workflow({ event: 'replayReady', endedWithinDays: 3 }), timeZone: 'America/Los_Angeles' };
		await poll(wf);
		addReplay(tonight);
		const [item] = (await poll(wf))!;

		const [replay] = item.replays as IDataObject[];
		expect(replay.create_time_iso).toMatch(/-0[78]:00$/);
		expect(Date.parse(replay.create_time_iso as string) / 1000).toBe(Number(replay.create_time));
		expect((item.room as IDataObject).end_time_iso).toMatch(/-0[78]:00$/);
	});
});

// ── manual test runs ──────────────────────────────────────────────────────────────────────────────

describe('a manual test run ("Fetch Test Event")', () => {
	it('shows the newest matching goods as a change item and leaves no baseline behind', async () => {
		goods('Oolong tea 250 g', AUDIT.rejected);
		const newest = goods('Pu-erh cake 357 g', AUDIT.rejected);
		goods('Jasmine tea 100 g', AUDIT.approved);
		const wf = workflow({ event: 'goodsAuditStatus', auditStatusTo: 'rejected' });

		const items = await poll(wf, { mode: 'manual' });

		expect(items).toHaveLength(1);
		expect(items![0]).toMatchObject({
			event: 'goodsAuditStatus',
			goodsId: newest.goodsId,
			before: { audit_status: 3, audit_status_label: 'Rejected' },
			after: { audit_status: 3, audit_status_label: 'Rejected' },
			goods: { name: 'Pu-erh cake 357 g' },
		});
		expect(sandbox.requests('goodsApproved').map((r) => r.query.status)).toEqual(['3']);
		expect(wf.staticData).toEqual({});
		// The first real poll is still the baseline.
		expect(await poll(wf)).toBeNull();
	});

	it('does not disturb the baseline of a published workflow: the change is still reported by the next poll', async () => {
		const tea = goods('Oolong tea 250 g');
		const wf = workflow({ event: 'goodsAuditStatus', auditStatusTo: 'any' });
		await poll(wf);
		const baseline = structuredClone(wf.staticData);

		await audit(tea.goodsId, 'approve');
		expect((await poll(wf, { mode: 'manual' }))![0]).toMatchObject({ goodsId: tea.goodsId, after: { audit_status: 2 } });
		expect(wf.staticData).toEqual(baseline);

		expect((await poll(wf))!.map((i) => i.goodsId)).toEqual([tea.goodsId]);
	});

	it('shows the newest room in the status asked for, and a replay-ready sample', async () => {
		room('Earlier show', { endedHoursAgo: 30 * 24 });
		const ended = room('Last night’s show', { endedHoursAgo: 10 });
		addReplay(ended);
		room('Next week’s show');

		const rooms = await poll(workflow({ event: 'roomStatus', roomStatusTo: 'ended' }), { mode: 'manual' });
		expect(rooms!.map((i) => [i.roomId, i.before, i.after])).toEqual([
			[ended.roomId, { live_status: 103, live_status_label: 'Ended' }, { live_status: 103, live_status_label: 'Ended' }],
		]);

		const replays = await poll(workflow({ event: 'replayReady', endedWithinDays: 3 }), { mode: 'manual' });
		expect(replays!.map((i) => [i.roomId, i.replayCount])).toEqual([[ended.roomId, 1]]);
	});

	it.each([
		['no goods is rejected', { event: 'goodsAuditStatus', auditStatusTo: 'rejected' }, /nothing to show: the goods library has no rejected goods/],
		['no room is live', { event: 'roomStatus', roomStatusTo: 'live' }, /nothing to show: WeChat lists no room that is live/],
		['no ended room has a replay', { event: 'replayReady', endedWithinDays: 3 }, /nothing to show: none of the 1 most recently ended rooms has a replay/],
		['none of the chosen rooms is live', { event: 'roomStatus', roomStatusTo: 'live', roomIds: '99901，99902' }, /nothing to show: none of the rooms 99901, 99902 is live/],
		['none of the chosen rooms has ended', { event: 'replayReady', endedWithinDays: 3, roomIds: '99901' }, /nothing to show: none of the rooms 99901 has ended/],
	])('says clearly when %s', async (_story, parameters, message) => {
		goods('Oolong tea 250 g', AUDIT.approved);
		room('Last night’s show', { endedHoursAgo: 10 });
		const wf = workflow(parameters);
		await expect(poll(wf, { mode: 'manual' })).rejects.toThrow(message);
		expect(wf.staticData).toEqual({});
	});
});

// ── errors ────────────────────────────────────────────────────────────────────────────────────────

describe('an API error during a poll', () => {
	it('loses no goods change and doubles none: the poll fails, the next one reports it once', async () => {
		const tea = goods('Oolong tea 250 g');
		const wf = workflow({ event: 'goodsAuditStatus', auditStatusTo: 'rejected' });
		await poll(wf);
		const baseline = structuredClone(wf.staticData);

		await audit(tea.goodsId, 'reject');
		// The third list of the poll (status 2) runs out of WeChat's daily quota: not retried.
		sandbox.fault({ endpoint: 'goodsApproved', after: 2, errcode: 45009 });
		await expect(poll(wf)).rejects.toMatchObject({ name: 'NodeApiError', message: expect.stringMatching(/45009/) });
		expect(wf.staticData).toEqual(baseline);

		expect((await poll(wf))!.map((i) => i.goodsId)).toEqual([tea.goodsId]);
		expect(await poll(wf)).toBeNull();
	});

	it('loses no room change either when WeChat cannot be reached', async () => {
		const tonight = room('Christmas tea sale');
		const wf = workflow({ event: 'roomStatus', roomStatusTo: 'live' });
		await poll(wf);

		await setRoomStatus(tonight.roomId, 101);
		sandbox.fault({ endpoint: 'getLiveInfo', times: 3, status: 500 }); // the read is retried twice, then fails
		await expect(poll(wf)).rejects.toThrow(/WeChat answered HTTP 500/);

		expect((await poll(wf))!.map((i) => i.roomId)).toEqual([tonight.roomId]);
		expect(await poll(wf)).toBeNull();
	});

	it('a replay check that fails reports the replay on a later poll, once', async () => {
		const tonight = room('Tonight’s tea sale', { endedHoursAgo: 1 });
		const wf = workflow({ event: 'replayReady', endedWithinDays: 3 });
		await poll(wf);

		addReplay(tonight);
		sandbox.fault({ endpoint: 'getLiveInfo', after: 1, errcode: 45009 }); // the list passes, get_replay fails
		await expect(poll(wf)).rejects.toThrow(/45009/);
		expect(wf.staticData).toEqual({ replayed: [], replayFilter: [] });

		expect((await poll(wf))!.map((i) => i.roomId)).toEqual([tonight.roomId]);
		expect(await poll(wf)).toBeNull();
	});
});
