/**
 * The Timestamp Tolerance option, read the same way on activation (where a wrong value stops the
 * workflow from being published, with the fix) and on every delivery. A value from an expression may be
 * text: digits are read as the number they spell, anything else is refused, never replaced by the
 * default. 0 no longer turns the check off by itself: that takes the explicit Turn Off Timestamp Check
 * option, and is logged, because without the check a captured delivery can be replayed at any time.
 */
import type { IDataObject } from 'n8n-workflow';

import { digitsAsNumber } from '../shared/digits';
import { t } from '../shared/i18n/translate';

export const DEFAULT_TOLERANCE_SECONDS = 300;
export const MAX_TOLERANCE_SECONDS = 3600;

export type TimestampCheck =
	| { ok: true; /** Seconds either side of this server's clock; 0 = the check is off. */ toleranceSeconds: number }
	| { ok: false; message: string; description: string };

export function readTimestampCheck(options: IDataObject): TimestampCheck {
	if (options.turnOffTimestampCheck === true) return { ok: true, toleranceSeconds: 0 };
	if (options.turnOffTimestampCheck !== undefined && options.turnOffTimestampCheck !== false) {
		return {
			ok: false,
			message: t('Turn Off Timestamp Check must be on or off, not "{value}"', { value: String(options.turnOffTimestampCheck) }),
			description: t('Switch it on or off, or give an expression that results in true or false.'),
		};
	}
	const raw = options.timestampTolerance ?? DEFAULT_TOLERANCE_SECONDS;
	const value = digitsAsNumber(raw);
	const limits = { max: MAX_TOLERANCE_SECONDS, usual: DEFAULT_TOLERANCE_SECONDS };
	if (value === 0) {
		return {
			ok: false,
			message: t('Timestamp Tolerance 0 no longer turns the timestamp check off'),
			description: t(
				"Enter a number of seconds from 1 to {max} ({usual} is WeChat's usual 5 minutes), or, if you really want no check, add the option Turn Off Timestamp Check.",
				limits,
			),
		};
	}
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || value > MAX_TOLERANCE_SECONDS) {
		return {
			ok: false,
			message: t('Timestamp Tolerance must be a number of seconds from 1 to {max}, not {value}', {
				max: MAX_TOLERANCE_SECONDS,
				value: typeof raw === 'string' ? `"${raw}"` : String(raw),
			}),
			description: t(
				'Enter a number of seconds from 1 to {max}, such as {usual} (5 minutes). An expression must result in a number or in digits.',
				limits,
			),
		};
	}
	return { ok: true, toleranceSeconds: value };
}
