/**
 * Simplified Chinese for every user-visible text, keyed by the English the code writes. One table, kept in
 * files by what the texts belong to; docs/glossary.md names the words (WeChat's MP console's own) that
 * the translation uses. test/unit/translations.test.ts fails on a text without its Chinese, on Chinese that
 * is mostly Latin letters, and on a key in two files.
 */
import { checks } from './checks';
import { common } from './common';
import { credential } from './credential';
import { errcodes } from './errcodes';
import { goods } from './goods';
import { members } from './members';
import { operations } from './operations';
import { room } from './room';
import { transport } from './transport';
import { triggers } from './triggers';

export const TABLES: Record<string, Record<string, string>> = {
	checks,
	common,
	credential,
	errcodes,
	goods,
	members,
	operations,
	room,
	transport,
	triggers,
};

export const zh: Record<string, string> = Object.assign({}, ...Object.values(TABLES));
