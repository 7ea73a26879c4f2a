import type { IExecuteFunctions } from 'n8n-workflow';

import {
	describeTime,
	isoInZone,
	timeZoneOf,
	weChatTimeToIso,
	withReadableTimes,
} from '../../nodes/shared/time';
import { toUnixSeconds } from '../../nodes/WeChatLive/helpers/validation';
import { toEventItem } from '../../nodes/WeChatLiveTrigger/events';

const START = { displayName: 'Start Time', name: 'startTime' };
const workflowIn = (timeZone: string) =>
	({
		getNode: () => ({ name: 'WeChat Live', type: 'weChatLive', typeVersion: 1 }),
		getTimezone: () => timeZone,
	}) as unknown as IExecuteFunctions;
const read = (timeZone: string, value: unknown) => toUnixSeconds(workflowIn(timeZone), 0, START, value);

/** 2026-12-24 20:00 Beijing time = 12:00 UTC. */
const XMAS_20_BEIJING = 1798113600;
const HOUR = 3600;

describe('a time picked without an offset is wall-clock time in the workflow’s time zone', () => {
	const processZone = process.env.TZ;
	afterEach(() => {
		if (processZone === undefined) delete process.env.TZ;
		else process.env.TZ = processZone;
	});

	it('20:00 from the date picker in a workflow set to Asia/Shanghai is 20:00 Beijing time', () => {
		expect(read('Asia/Shanghai', '2026-12-24T20:00:00')).toBe(XMAS_20_BEIJING);
	});

	it('whatever zone the n8n server process runs in', () => {
		for (const zone of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
			process.env.TZ = zone;
			expect(read('Asia/Shanghai', '2026-12-24T20:00:00')).toBe(XMAS_20_BEIJING);
			expect(read('Asia/Shanghai', 'Dec 24, 2026 20:00')).toBe(XMAS_20_BEIJING);
		}
	});

	it('the same wall-clock time in other zones is another instant', () => {
		expect(read('UTC', '2026-12-24T20:00:00')).toBe(XMAS_20_BEIJING + 8 * HOUR);
		expect(read('Asia/Kolkata', '2026-12-24T20:00:00')).toBe(XMAS_20_BEIJING + 2.5 * HOUR);
		// Los Angeles is UTC-8 in December (PST) …
		expect(read('America/Los_Angeles', '2026-12-24T20:00:00')).toBe(XMAS_20_BEIJING + 16 * HOUR);
	});

	it('uses the offset of that date in a zone with daylight saving', () => {
		// … and UTC-7 in July (PDT): 20:00 on 4 July is 03:00 UTC on the 5th.
		expect(read('America/Los_Angeles', '2027-07-04T20:00:00')).toBe(Date.UTC(2027, 6, 5, 3) / 1000);
		expect(read('Europe/Berlin', '2027-07-04T20:00')).toBe(Date.UTC(2027, 6, 4, 18) / 1000);
		expect(read('Europe/Berlin', '2027-01-04 20:00')).toBe(Date.UTC(2027, 0, 4, 19) / 1000);
	});

	it('reads a date without a time as midnight there', () => {
		expect(read('Asia/Shanghai', '2026-12-24')).toBe(XMAS_20_BEIJING - 20 * HOUR);
	});

	it('refuses a time the clocks skip when daylight saving starts, saying which times to use', () => {
		// 14 March 2027 in Los Angeles: 02:00 becomes 03:00.
		expect(() => read('America/Los_Angeles', '2027-03-14T02:30:00')).toThrow(
			'Start Time in item 1 is 2027-03-14 02:30, a time that does not exist in America/Los_Angeles: the clocks skip 60 minutes that night (daylight saving)',
		);
		try {
			read('America/Los_Angeles', '2027-03-14T02:30:00');
		} catch (error) {
			expect((error as { description: string }).description).toMatch(/e\.g\. 03:30/);
		}
		expect(read('America/Los_Angeles', '2027-03-14T03:00:00')).toBe(Date.UTC(2027, 2, 14, 10) / 1000);
		expect(read('America/Los_Angeles', '2027-03-14T01:59:00')).toBe(Date.UTC(2027, 2, 14, 9, 59) / 1000);
	});

	it('takes the earlier of the two instants of a time that happens twice when the clocks go back', () => {
		// 1 November 2026 in Los Angeles: 01:30 happens at -07:00 and again at -08:00.
		expect(read('America/Los_Angeles', '2026-11-01T01:30:00')).toBe(Date.UTC(2026, 10, 1, 8, 30) / 1000);
		expect(read('America/Los_Angeles', '2026-11-01T01:30:00-08:00')).toBe(Date.UTC(2026, 10, 1, 9, 30) / 1000);
	});
});

describe('a time that says its own zone is taken as given', () => {
	it('an offset or Z', () => {
		expect(read('America/Los_Angeles', '2026-12-24T20:00:00+08:00')).toBe(XMAS_20_BEIJING);
		expect(read('America/Los_Angeles', '2026-12-24T20:00:00+0800')).toBe(XMAS_20_BEIJING);
		expect(read('America/Los_Angeles', '2026-12-24T12:00:00Z')).toBe(XMAS_20_BEIJING);
		expect(read('America/Los_Angeles', '2026-12-24T12:00:00.000Z')).toBe(XMAS_20_BEIJING);
		expect(read('UTC', 'Thu Dec 24 2026 20:00:00 GMT+0800 (China Standard Time)')).toBe(XMAS_20_BEIJING);
	});

	it('Unix seconds and milliseconds, told apart by their size', () => {
		expect(read('America/Los_Angeles', XMAS_20_BEIJING)).toBe(XMAS_20_BEIJING);
		expect(read('America/Los_Angeles', String(XMAS_20_BEIJING))).toBe(XMAS_20_BEIJING);
		expect(read('America/Los_Angeles', XMAS_20_BEIJING * 1000 + 123)).toBe(XMAS_20_BEIJING);
		expect(read('America/Los_Angeles', String(XMAS_20_BEIJING * 1000))).toBe(XMAS_20_BEIJING);
	});

	it('a Luxon DateTime or a JS Date from an expression', () => {
		const luxonLike = { toMillis: () => XMAS_20_BEIJING * 1000, toISO: () => '2026-12-24T20:00:00.000+08:00' };
		expect(read('America/Los_Angeles', luxonLike)).toBe(XMAS_20_BEIJING);
		expect(read('America/Los_Angeles', new Date(XMAS_20_BEIJING * 1000))).toBe(XMAS_20_BEIJING);
	});
});

describe('what is no time is refused, saying what is accepted and in which zone', () => {
	it.each([['next friday'], [''], ['2026-13-01T20:00:00'], ['2026-02-30T20:00'], [0], [-5], [new Date(NaN)], [{ toMillis: () => NaN }]])(
		'%p',
		(value) => {
			expect(() => read('Asia/Shanghai', value)).toThrow(/^Start Time in item 1 is not a date-time/);
			try {
				read('Asia/Shanghai', value);
			} catch (error) {
				expect((error as { description: string }).description).toMatch(/read in the workflow’s time zone, Asia\/Shanghai/);
			}
		},
	);
});

describe('times shown to the user are in the workflow’s zone, named', () => {
	it('in messages', () => {
		expect(describeTime(XMAS_20_BEIJING, 'Asia/Shanghai')).toBe('2026-12-24 20:00 (Asia/Shanghai, UTC+08:00)');
		expect(describeTime(XMAS_20_BEIJING, 'America/Los_Angeles')).toBe('2026-12-24 04:00 (America/Los_Angeles, UTC-08:00)');
		expect(describeTime(XMAS_20_BEIJING, 'UTC')).toBe('2026-12-24 12:00 (UTC)');
	});

	it('as ISO 8601 with that moment’s offset in output items', () => {
		expect(isoInZone(XMAS_20_BEIJING * 1000, 'Asia/Shanghai')).toBe('2026-12-24T20:00:00+08:00');
		expect(isoInZone(XMAS_20_BEIJING * 1000, 'Asia/Kolkata')).toBe('2026-12-24T17:30:00+05:30');
		expect(isoInZone(Date.UTC(2027, 6, 5, 3) , 'America/Los_Angeles')).toBe('2027-07-04T20:00:00-07:00');
		expect(isoInZone(Date.UTC(2026, 11, 24, 12), 'Europe/London')).toBe('2026-12-24T12:00:00+00:00');
	});

	it('on the day the clocks change, each side of the change with its own offset, however often asked', () => {
		for (let round = 0; round < 2; round++) {
			expect(isoInZone(Date.UTC(2027, 2, 14, 9, 59, 59), 'America/Los_Angeles')).toBe('2027-03-14T01:59:59-08:00');
			expect(isoInZone(Date.UTC(2027, 2, 14, 10), 'America/Los_Angeles')).toBe('2027-03-14T03:00:00-07:00');
			expect(isoInZone(Date.UTC(2026, 10, 1, 8, 59, 59), 'America/Los_Angeles')).toBe('2026-11-01T01:59:59-07:00');
			expect(isoInZone(Date.UTC(2026, 10, 1, 9), 'America/Los_Angeles')).toBe('2026-11-01T01:00:00-08:00');
			expect(isoInZone(Date.UTC(2026, 10, 1, 12), 'America/Los_Angeles')).toBe('2026-11-01T04:00:00-08:00');
		}
	});

	it('WeChat’s number stays, its readable time right beside it', () => {
		const room = { roomid: 7, start_time: XMAS_20_BEIJING, end_time: XMAS_20_BEIJING + 2 * HOUR, name: 'Tea' };
		const item = withReadableTimes(room, ['start_time', 'end_time'], 'Asia/Shanghai');
		expect(item).toEqual({ ...room, start_time_iso: '2026-12-24T20:00:00+08:00', end_time_iso: '2026-12-24T22:00:00+08:00' });
		expect(Object.keys(item)).toEqual(['roomid', 'start_time', 'start_time_iso', 'end_time', 'end_time_iso', 'name']);
		expect(withReadableTimes({ name: 'no times' }, ['start_time'], 'UTC')).toEqual({ name: 'no times' });
	});

	it('reads WeChat’s lenient replay times, a zone-less one as Beijing time', () => {
		expect(weChatTimeToIso('2026-12-24 20:00:00', 'UTC')).toBe('2026-12-24T12:00:00+00:00');
		expect(weChatTimeToIso(String(XMAS_20_BEIJING), 'Asia/Shanghai')).toBe('2026-12-24T20:00:00+08:00');
		expect(weChatTimeToIso(0, 'Asia/Shanghai')).toBeNull();
	});
});

describe('the workflow’s time zone', () => {
	it('is n8n’s getTimezone(); a name no zone has is read as UTC', () => {
		expect(timeZoneOf({ getTimezone: () => 'Asia/Shanghai' })).toBe('Asia/Shanghai');
		expect(timeZoneOf({ getTimezone: () => 'DEFAULT' })).toBe('UTC');
		expect(timeZoneOf({ getTimezone: () => '' })).toBe('UTC');
	});
});

describe('a live event from WeChat', () => {
	it('keeps CreateTime and time as WeChat sent them, each with its readable time in the workflow’s zone beside it', () => {
		const message = {
			ToUserName: 'gh_live',
			FromUserName: 'oFromUser',
			CreateTime: '1798113600',
			MsgType: 'event',
			Event: 'wxalive_follow_notify',
			FollowNotify: { room_id: '7', user_openid: 'oViewer', action: 'add_follow', time: '1798113660', live_status: '101' },
		};
		const item = toEventItem(message, { mode: 'safe', format: 'xml' }, false, 'Asia/Shanghai');
		expect(item).toMatchObject({
			CreateTime: XMAS_20_BEIJING,
			CreateTime_iso: '2026-12-24T20:00:00+08:00',
			time: XMAS_20_BEIJING + 60,
			time_iso: '2026-12-24T20:01:00+08:00',
		});
		expect(Object.keys(item).indexOf('CreateTime_iso')).toBe(Object.keys(item).indexOf('CreateTime') + 1);
	});
});
