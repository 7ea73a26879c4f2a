import type { IExecuteFunctions } from 'n8n-workflow';

import { checkShowTimes } from '../../nodes/WeChatLive/actions/room/fields';
import { toUnixSeconds } from '../../nodes/WeChatLive/helpers/validation';
import { obey } from '../../nodes/WeChatLive/actions/common/parameters';
import { checkWeightedLength as weightedLengthRule, weightedLength } from '../../nodes/WeChatLive/rules';
import { loadedIn } from '../support/language';

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

/** The input checks loaded fresh, as a Chinese n8n loads them. */
function inChinese() {
	return loadedIn('zh', () => ({
		parameters: require('../../nodes/WeChatLive/actions/common/parameters') as typeof import('../../nodes/WeChatLive/actions/common/parameters'),
		rules: require('../../nodes/WeChatLive/rules') as typeof import('../../nodes/WeChatLive/rules'),
		validation: require('../../nodes/WeChatLive/helpers/validation') as typeof import('../../nodes/WeChatLive/helpers/validation'),
		batching: require('../../nodes/WeChatLive/actions/common/batching') as typeof import('../../nodes/WeChatLive/actions/common/batching'),
		media: require('../../nodes/WeChatLive/transport/media') as typeof import('../../nodes/WeChatLive/transport/media'),
	}));
}

/** What a check throws: its message and its fix. */
function refusal(check: () => unknown): { message: string; description: string } {
	try {
		check();
	} catch (error) {
		return { message: (error as Error).message, description: (error as { description: string }).description };
	}
	throw new Error('the check passed');
}

describe('the input checks in Chinese', () => {
	const chinese = inChinese();
	const START = { displayName: 'Start Time', name: 'startTime' };
	const END = { displayName: 'End Time', name: 'endTime' };

	it('a room name of 2 Chinese characters is refused in Chinese, naming the item, the field, WeChat’s count and the fix', () => {
		const { message, description } = refusal(() => chinese.parameters.obey(context, 0, NAME, () => chinese.rules.checkWeightedLength('直播', 6, 34)));
		expect(message).toBe('第 1 条数据的直播间名称太短：“直播”按微信的算法计为 4 个字符（一个汉字算 2 个）；微信要求 6–34 个字符。');
		expect(description).toBe('请填写 3–17 个汉字，或 6–34 个英文字母和数字。');
	});

	it('a start 10 minutes ago says so in Chinese, with the times in the workflow’s zone and where that zone is set', () => {
		const window = () => chinese.rules.checkShowWindow(at(-10), at(60), now, 'Asia/Shanghai');
		const { message, description } = refusal(() => chinese.parameters.obey(context, 2, START, window, [START, END]));
		expect(message).toBe(
			'第 3 条数据的开播时间是 2026-11-22 17:50（Asia/Shanghai，UTC+08:00），即10 分钟前（现在是 2026-11-22 18:00）；微信要求开播时间至少在当前时间 10 分钟之后。',
		);
		expect(description).toBe(
			'微信要求开播时间至少在当前时间 10 分钟之后：请选择更晚的开播时间。不带时区偏移的时间按工作流的时区 Asia/Shanghai 理解（工作流的“设置 → 时区”）。',
		);
	});

	it('a text that is no date-time is refused in Chinese, saying what is accepted', () => {
		const { message, description } = refusal(() => chinese.validation.toUnixSeconds(context, 0, START, '下周五'));
		expect(message).toBe('第 1 条数据的开播时间不是日期时间：“下周五”。');
		expect(description).toMatch(/^请选择日期和时间，或填写 ISO 格式的日期时间，例如 2026-12-24T20:00:00（按工作流的时区 Asia\/Shanghai 理解）/);
	});

	it('a value an expression gives that is not one of the choices lists the choices with their Chinese labels', () => {
		const property = {
			displayName: 'Images From',
			name: 'imageSource',
			type: 'options' as const,
			default: 'mediaId',
			options: [
				{ name: 'Image URL', value: 'url' },
				{ name: 'Media ID', value: 'mediaId' },
			],
		};
		const { message, description } = refusal(() => chinese.parameters.getOption(context, 0, property, 'link'));
		expect(message).toBe('第 1 条数据的图片来源是 "link"，不是可选的值之一。');
		expect(description).toBe('请从列表中选择，或让表达式返回以下值之一："url"（图片链接）、"mediaId"（临时素材的 media ID）。');
	});

	it('a wrong Batching option is refused in Chinese, with the option as the panel names it', () => {
		const withBatching = { ...context, getNodeParameter: () => ({ concurrency: 50 }) } as unknown as IExecuteFunctions;
		const { message, description } = refusal(() => chinese.batching.getBatching(withBatching));
		expect(message).toBe('“分批 → 并发数”是 50，但必须是 1 到 20 之间的整数。');
		expect(description).toBe('请把“分批 → 并发数”设为 1 到 20 之间的整数，或删除这个选项。');
	});

	it('a file that is no image is refused in Chinese, saying where the image came from', () => {
		const image = { data: Buffer.from('not an image'), origin: '二进制属性“data”' };
		const { message, description } = refusal(() => chinese.media.checkImage(context, image, chinese.media.MEDIA_UPLOAD_LIMITS, 'Cover Image', 0));
		expect(message).toBe('第 1 条数据的封面图：文件不是 JPG、PNG 或 GIF 图片。');
		expect(description).toBe('微信只接受 JPG、PNG 和 GIF 图片：请转换图片格式或换一个文件。（图片来自二进制属性“data”）');
	});
});
