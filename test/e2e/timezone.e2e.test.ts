/**
 * Times as the user means them, in a real n8n whose process runs in UTC (TZ=UTC, as many servers do)
 * while the shop works in Beijing time: a room picked for 20:00 without an offset, as n8n's date picker
 * stores it, must reach WeChat as 20:00 in the workflow's time zone (the workflow's Timezone setting,
 * else the instance's GENERIC_TIMEZONE), never as 20:00 UTC.
 */
import type { ExecuteResult, Json, N8nInstance } from './harness';
import { roomCreateWorkflow, sandboxCredential } from './support/workflows';
import { beijing, dateIn, losAngelesAcrossDst } from '../support/wallClock';

const { createInstance, ensureN8n, itemsOf, nodeErrorOf, packPackage, REPO_ROOT } = require('./harness');
const { startSandbox } = require('../sandbox');
const { storeMedia } = require('../sandbox/routes/media');
const { png } = require('../sandbox/images');

jest.setTimeout(360_000);

let sandbox: Json;
let tarball: string;
const instances: N8nInstance[] = [];

function createRoomWorkflow(name: string, start: string, end: string, timezone?: string): Json {
	const media = storeMedia(sandbox.state, png(100, 100), 'image/png');
	const workflow = roomCreateWorkflow(name, { media, startTime: start, endTime: end });
	if (timezone) workflow.settings.timezone = timezone;
	return workflow;
}

/** An n8n instance whose processes run with TZ=UTC and the given GENERIC_TIMEZONE. */
async function instance(name: string, genericTimezone: string, workflows: Json[]): Promise<N8nInstance> {
	const n8n: N8nInstance = createInstance({ name, tarball, env: { TZ: 'UTC', GENERIC_TIMEZONE: genericTimezone } });
	instances.push(n8n);
	await n8n.installPackage();
	await n8n.importCredentials([sandboxCredential(sandbox)]);
	await n8n.importWorkflows(workflows);
	return n8n;
}

async function createdRoom(n8n: N8nInstance, workflow: Json): Promise<{ body: Json; item: Json }> {
	const firstSeq = sandbox.state.counters.requests;
	const run: ExecuteResult = await n8n.execute(workflow.id);
	if (run.status !== 'success') {
		throw new Error(`n8n run ${run.status}: ${JSON.stringify(nodeErrorOf(run, 'WeChat Live') ?? run.error)}`);
	}
	const [request] = sandbox.requests('roomCreate').filter((r: Json) => r.seq > firstSeq);
	const [item] = itemsOf(run, 'WeChat Live');
	return { body: request.body, item };
}

beforeAll(async () => {
	await ensureN8n();
	sandbox = await startSandbox();
	tarball = await packPackage(REPO_ROOT);
});

afterAll(async () => {
	for (const n8n of instances) await n8n.stop();
	await sandbox?.close();
});

describe('n8n running in UTC, instance time zone America/New_York (n8n’s default)', () => {
	const date = dateIn('Asia/Shanghai', 2);
	const show = losAngelesAcrossDst('20:00');
	let n8n: N8nInstance;
	let shanghai: Json;
	let losAngeles: Json;

	beforeAll(async () => {
		shanghai = createRoomWorkflow('Tea show, Beijing time', `${date}T20:00:00`, `${date}T22:00:00`, 'Asia/Shanghai');
		losAngeles = createRoomWorkflow('Tea show, LA time', `${show.date}T20:00:00`, `${show.date}T21:30:00`, 'America/Los_Angeles');
		n8n = await instance('timezone', 'America/New_York', [shanghai, losAngeles]);
	});

	it('a workflow set to Asia/Shanghai creates the room picked for 20:00 at 20:00 Beijing time', async () => {
		const { body, item } = await createdRoom(n8n, shanghai);

		expect(body).toMatchObject({ startTime: beijing(date, '20:00'), endTime: beijing(date, '22:00') });
		expect(item).toMatchObject({
			startTime: beijing(date, '20:00'),
			startTime_iso: `${date}T20:00:00+08:00`,
			endTime_iso: `${date}T22:00:00+08:00`,
		});
	});

	// Today, and for most of the year, the show is on the other side of a daylight-saving change.
	const across = show.crossesDst ? ', across the next daylight-saving change' : '';
	it(`a workflow set to America/Los_Angeles reads ${show.date} 20:00 with that date’s offset (${show.offset})${across}`, async () => {
		const { body, item } = await createdRoom(n8n, losAngeles);

		expect(body.startTime).toBe(show.unix);
		expect(body.endTime).toBe(show.unix + 90 * 60);
		expect(item.startTime_iso).toBe(`${show.date}T20:00:00${show.offset}`);
	});
});

describe('n8n running in UTC with GENERIC_TIMEZONE=Asia/Shanghai', () => {
	it('a workflow without a time zone of its own creates the room picked for 20:00 at 20:00 Beijing time', async () => {
		const date = dateIn('Asia/Shanghai', 3);
		const workflow = createRoomWorkflow('Tea show, instance zone', `${date}T20:00:00`, `${date}T22:00:00`);
		const n8n = await instance('timezone-generic', 'Asia/Shanghai', [workflow]);

		const { body, item } = await createdRoom(n8n, workflow);

		expect(body).toMatchObject({ startTime: beijing(date, '20:00'), endTime: beijing(date, '22:00') });
		expect(item.startTime_iso).toBe(`${date}T20:00:00+08:00`);
	});
});
