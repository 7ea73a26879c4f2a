import type { IExecuteFunctions } from 'n8n-workflow';

import { checkShowTimes } from '../../nodes/WeChatLive/actions/room/fields';
import { toUnixSeconds } from '../../nodes/WeChatLive/helpers/validation';
import { obey } from '../../nodes/WeChatLive/actions/common/parameters';
import { checkWeightedLength as weightedLengthRule, weightedLength } from '../../nodes/WeChatLive/rules';

const context = {
	getNode: () => ({ name: 'WeChat Live', type: 'weChatLive', typeVersion: 1 }),
	getTimezone: () => 'Asia/Shanghai',
} as unknown as IExecuteFunctions;
const NAME = { displayName: 'Room Name', name: 'name' };
/** The rule as a reader applies it to the Room Name of an item. */
const checkWeightedLength = (ctx: IExecuteFunctions, itemIndex: number, field: typeof NAME, value: string, min: number, max: number) =>
	obey(ctx, itemIndex, field, () => weightedLengthRule(value, min, max));
const now = new Date('2026-11-22T10:00:00Z');
const at = (minutes: number) => Math.floor(now.getTime() / 1000) + minutes * 60;

describe('WeChat’s weighted name length', () => {
	it('counts a Chinese character as 2 and a Latin letter as 1', () => {
		expect(weightedLength('直播')).toBe(4);
		expect(weightedLength('Tea 直播')).toBe(8);
		expect(weightedLength('')).toBe(0);
	});

	it('accepts a room name of 3 to 17 Chinese characters and refuses 2 or 18', () => {
		expect(() => checkWeightedLength(context, 0, NAME, '圣诞节', 6, 34)).not.toThrow();
		expect(() => checkWeightedLength(context, 0, NAME, '圣'.repeat(17), 6, 34)).not.toThrow();
		expect(() => checkWeightedLength(context, 3, NAME, '直播', 6, 34)).toThrow('Room Name in item 4 is too short: “直播” counts as 4 characters by WeChat’s count (a Chinese character counts 2); WeChat needs 6–34.');
		expect(() => checkWeightedLength(context, 0, NAME, '圣'.repeat(18), 6, 34)).toThrow(/is too long: “圣+” counts as 36 characters/);
	});

	it('says how to fix a short name', () => {
		try {
			checkWeightedLength(context, 0, NAME, 'ab', 6, 34);
		} catch (error) {
			expect((error as { description: string }).description).toBe('Use 3–17 Chinese characters or 6–34 Latin letters and digits.');
		}
	});
});

describe('time fields', () => {
	const START = { displayName: 'Start Time', name: 'startTime' };

	it('take ISO date-times, Unix seconds and Unix milliseconds', () => {
		expect(toUnixSeconds(context, 0, START, '2026-12-24T20:00:00+08:00')).toBe(1798113600);
		expect(toUnixSeconds(context, 0, START, 1798113600)).toBe(1798113600);
		expect(toUnixSeconds(context, 0, START, '1798113600')).toBe(1798113600);
		expect(toUnixSeconds(context, 0, START, 1798113600123)).toBe(1798113600);
	});

	it('refuse anything else, saying what is accepted', () => {
		expect(() => toUnixSeconds(context, 1, START, 'next friday')).toThrow('Start Time in item 2 is not a date-time: "next friday".');
		expect(() => toUnixSeconds(context, 0, START, '')).toThrow(/is not a date-time/);
	});
});

describe('a show’s time window', () => {
	it('starts at least 10 minutes and at most 6 months ahead', () => {
		expect(() => checkShowTimes(context, 0, at(10), at(40), now)).not.toThrow();
		expect(() => checkShowTimes(context, 0, at(9), at(40), now)).toThrow(/less than 10 minutes from now/);
		expect(() => checkShowTimes(context, 0, at(60 * 24 * 185), at(60 * 24 * 185 + 60), now)).toThrow(/more than 6 months ahead/);
	});

	it('lasts 30 minutes to 24 hours', () => {
		expect(() => checkShowTimes(context, 0, at(60), at(90), now)).not.toThrow();
		expect(() => checkShowTimes(context, 0, at(60), at(60 + 24 * 60), now)).not.toThrow();
		expect(() => checkShowTimes(context, 0, at(60), at(89), now)).toThrow(/makes a show of 29 minutes/);
		expect(() => checkShowTimes(context, 0, at(60), at(61 + 24 * 60), now)).toThrow(/makes a show of 1441 minutes/);
	});

	it('shows times in the workflow’s time zone, named, and says where that zone is set', () => {
		expect(() => checkShowTimes(context, 0, at(5), at(60), now)).toThrow(
			'Start Time in item 1 is 2026-11-22 18:05 (Asia/Shanghai, UTC+08:00), less than 10 minutes from now (now is 2026-11-22 18:00); WeChat needs a start at least 10 minutes ahead.',
		);
		try {
			checkShowTimes(context, 0, at(5), at(60), now);
		} catch (error) {
			expect((error as { description: string }).description).toMatch(/read in the workflow’s time zone, Asia\/Shanghai \(workflow Settings → Timezone\)/);
		}
	});
});
