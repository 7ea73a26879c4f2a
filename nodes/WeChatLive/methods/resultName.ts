import { t } from '../../shared/i18n/translate';
import { ownEntry } from '../../shared/lookup';

/**
 * A picker entry as the user reads it: the room's or goods' own name and ID (WeChat's data, unchanged) and
 * its status in the package's language. Output items keep the English labels of nodes/shared/labels.ts,
 * which are data; a picker's text is only read.
 */
export function resultName(name: unknown, id: unknown, statuses: Record<number, string>, code: unknown): string {
	const known = ownEntry(statuses, Number(code));
	const status = known === undefined ? t('Unknown ({code})', { code: String(code) }) : t(known);
	return t('{name} (#{id}, {status})', { name: String(name), id: String(id), status });
}
