import { sentences, t } from '../../shared/i18n/translate';
import { addMonths, describeTime, zoneHint } from '../../shared/time';
import { RuleBroken } from './ruleBroken';

/**
 * WeChat's rules for a room, as api_createroom states them (api_editroom takes the same):
 * https://developers.weixin.qq.com/miniprogram/dev/server/API/livebroadcast/studio-management/api_createroom.html
 */

/** Room name: 3–17 Chinese characters (6–34 by weightedLength). */
export const ROOM_NAME_LENGTH = { min: 6, max: 34 };
/** Anchor nickname: 2–15 Chinese characters (4–30 by weightedLength). */
export const ANCHOR_NAME_LENGTH = { min: 4, max: 30 };

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** A positive number of seconds as whole minutes: "1 minute", "90 minutes". */
const minutesText = (seconds: number) => {
	const minutes = Math.round(seconds / MINUTE);
	return minutes === 1 ? t('1 minute') : t('{minutes} minutes', { minutes });
};

/** How far in the past a start is: "1 minute ago", "60 minutes ago". */
const minutesAgo = (seconds: number) => {
	const minutes = Math.round(seconds / MINUTE);
	return minutes === 1 ? t('1 minute ago') : t('{minutes} minutes ago', { minutes });
};

/**
 * start ≥ now + 10 min and ≤ now + 6 months; 30 min ≤ end − start ≤ 24 h: "开播时间需要在当前时间的10分钟后
 * 并且开始时间不能在6个月后", "开播时间和结束时间间隔不得短于30分钟，不得超过24小时". Times are Unix seconds,
 * shown in `timeZone`; the field at fault is startTime or endTime.
 */
export function checkShowWindow(startTime: number, endTime: number, now: Date, timeZone: string): void {
	const shown = (seconds: number) => describeTime(seconds, timeZone);
	const again = (seconds: number) => describeTime(seconds, timeZone, { zone: false });
	const nowSeconds = Math.floor(now.getTime() / 1000);
	if (startTime < nowSeconds + 10 * MINUTE) {
		const when = startTime < nowSeconds ? minutesAgo(nowSeconds - startTime) : t('less than 10 minutes from now');
		throw new RuleBroken(
			t('is {start}, {when} (now is {now}); WeChat needs a start at least 10 minutes ahead', {
				start: shown(startTime),
				when,
				now: again(nowSeconds),
			}),
			sentences(t('WeChat needs the start at least 10 minutes ahead: pick a later start time.'), zoneHint(timeZone)),
			'startTime',
		);
	}
	const latest = Math.floor(addMonths(now, 6).getTime() / 1000);
	if (startTime > latest) {
		throw new RuleBroken(
			t('is {start}, more than 6 months ahead', { start: shown(startTime) }),
			sentences(t('Pick a start before {latest}.', { latest: shown(latest) }), zoneHint(timeZone)),
			'startTime',
		);
	}
	const length = endTime - startTime;
	if (length < 30 * MINUTE || length > 24 * HOUR) {
		const times = { start: shown(startTime), end: again(endTime) };
		throw new RuleBroken(
			length < 0
				? t('is {duration} before the start ({start} to {end}), but WeChat takes 30 minutes to 24 hours', { ...times, duration: minutesText(-length) })
				: t('makes a show of {duration} ({start} to {end}), but WeChat takes 30 minutes to 24 hours', { ...times, duration: minutesText(length) }),
			length < 30 * MINUTE
				? t('Set the end at least 30 minutes after the start.')
				: t('Set the end at most 24 hours after the start, or split the show into two rooms.'),
			'endTime',
		);
	}
}

/**
 * The live-player plugin keeps at most 600 characters of custom_params and cuts the rest, which breaks the
 * JSON (https://developers.weixin.qq.com/miniprogram/dev/framework/liveplayer/live-player-plugin.html).
 * `text` is the share code's params as JSON, before the URL-encoding the request adds.
 */
export const MAX_ENCODED_PARAMS = 600;

export function checkShareParamsLength(text: string): void {
	const encodedLength = encodeURIComponent(text).length;
	if (encodedLength <= MAX_ENCODED_PARAMS) return;
	throw new RuleBroken(
		t('is {length} characters long once URL-encoded, more than the {max} the live plugin keeps (it cuts the rest off)', {
			length: encodedLength,
			max: MAX_ENCODED_PARAMS,
		}),
		t('Send fewer or shorter parameters, e.g. an ID the mini program looks up instead of the data itself.'),
	);
}
