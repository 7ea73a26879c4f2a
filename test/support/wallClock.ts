/**
 * Show dates for time-zone stories, picked relative to today (a room starts 10 minutes to 6 months
 * ahead), with the Unix time each must become worked out from published offsets, not from the node's code.
 */

const DAY_MS = 86_400_000;

/** The calendar date in `timeZone`, `days` from now: "2026-12-02" (en-CA writes dates that way). */
export function dateIn(timeZone: string, days: number): string {
	const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
	return format.format(new Date(Date.now() + days * DAY_MS));
}

/** Asia/Shanghai (Beijing time) is UTC+8 all year. */
export function beijing(date: string, time: string): number {
	return Date.parse(`${date}T${time}:00+08:00`) / 1000;
}

/**
 * Daylight saving in America/Los_Angeles: from the second Sunday of March to the first Sunday of
 * November, 02:00 local time (US Energy Policy Act of 2005).
 */
const LA_DST_STARTS = ['2026-03-08', '2027-03-14', '2028-03-12', '2029-03-11', '2030-03-10'];
const LA_DST_ENDS = ['2026-11-01', '2027-11-07', '2028-11-05', '2029-11-04', '2030-11-03'];

function laOffset(date: string): string {
	const year = Number(date.slice(0, 4));
	const starts = LA_DST_STARTS.find((d) => d.startsWith(String(year)));
	const ends = LA_DST_ENDS.find((d) => d.startsWith(String(year)));
	if (!starts || !ends) throw new Error(`no DST dates for ${year} in test/support/wallClock.ts`);
	return date >= starts && date < ends ? '-07:00' : '-08:00';
}

/**
 * A show date in Los Angeles on the other side of the next DST change (a week after it), when that is
 * within WeChat's 6 months; else a month ahead. With the offset it has there and the Unix time of
 * `time` that day.
 */
export function losAngelesAcrossDst(time: string): { date: string; offset: string; crossesDst: boolean; unix: number } {
	const today = dateIn('America/Los_Angeles', 0);
	const changes = [...LA_DST_STARTS, ...LA_DST_ENDS].sort();
	const inWindow = changes
		.map((change) => new Date(Date.parse(`${change}T12:00:00Z`) + 7 * DAY_MS).toISOString().slice(0, 10))
		.find((date) => date > dateIn('America/Los_Angeles', 2) && date < dateIn('America/Los_Angeles', 170));
	const date = inWindow ?? dateIn('America/Los_Angeles', 30);
	const offset = laOffset(date);
	return { date, offset, crossesDst: offset !== laOffset(today), unix: Date.parse(`${date}T${time}:00${offset}`) / 1000 };
}
