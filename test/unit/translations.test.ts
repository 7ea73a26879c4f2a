/**
 * The node panels, the credential dialog and the messages come in English or Simplified Chinese
 * (nodes/shared/i18n). These tests build every description in both languages, as n8n loads them, and
 * walk what they hold: every display text has its Chinese, the Chinese is Chinese, and nothing a
 * workflow stores (names, values, defaults, display conditions) differs between the two.
 */
import type { ICredentialType, INodeType } from 'n8n-workflow';

import { languageOf } from '../../nodes/shared/i18n/language';
import type { Language } from '../../nodes/shared/i18n/language';
import { mapDisplayText } from '../../nodes/shared/i18n/localize';
import { TABLES, zh } from '../../nodes/shared/i18n/zh';
import { ERRCODES } from '../../nodes/WeChatLive/transport/errcodes';
import { translationProblems } from '../support/chinese';
import { loadedIn } from '../support/language';
import { runtimeTexts } from '../support/sourceTexts';

interface Loaded {
	nodes: Record<string, INodeType['description']>;
	credential: ICredentialType;
}

/** The package's node and credential classes, loaded fresh with the package's language set to `language`. */
function loadIn(language: Language): Loaded {
	return loadedIn(language, () => {
		const { WeChatLive } = require('../../nodes/WeChatLive/WeChatLive.node');
		const { WeChatLiveTrigger } = require('../../nodes/WeChatLiveTrigger/WeChatLiveTrigger.node');
		const { WeChatLiveStatusTrigger } = require('../../nodes/WeChatLiveStatusTrigger/WeChatLiveStatusTrigger.node');
		const { WeChatLiveApi } = require('../../credentials/WeChatLiveApi.credentials');
		return {
			nodes: {
				weChatLive: new WeChatLive().description,
				weChatLiveTrigger: new WeChatLiveTrigger().description,
				weChatLiveStatusTrigger: new WeChatLiveStatusTrigger().description,
			},
			credential: new WeChatLiveApi(),
		};
	});
}

const english = loadIn('en');
const chinese = loadIn('zh');

/** Every display text of a description, with where it is. */
function displayTexts(description: object): string[] {
	const texts: string[] = [];
	mapDisplayText(description, (text) => (texts.push(text), text));
	return texts;
}

/** A description with every display text blanked: what a workflow depends on. */
const withoutText = (description: object) => JSON.parse(JSON.stringify(mapDisplayText(description, () => '')));

const credentialText = (credential: ICredentialType) => ({
	displayName: credential.displayName,
	properties: credential.properties,
	test: credential.test,
});

describe('the language the package speaks', () => {
	it('is Simplified Chinese for every Chinese locale, English for any other', () => {
		for (const locale of ['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN', 'zh-TW', 'zh-HK', 'zh_CN']) expect(languageOf(locale)).toBe('zh');
		for (const locale of ['en', 'en-US', 'de', 'de-DE', 'ja-JP', 'zu', 'C', '']) expect(languageOf(locale)).toBe('en');
	});
});

describe('the Chinese node panels and credential dialog', () => {
	const all = [
		...Object.entries(english.nodes).map(([name, description]) => [name, description] as const),
		['weChatLiveApi', credentialText(english.credential)] as const,
	];

	it.each(all)('%s: every display text has Chinese that reads as Chinese', (_name, description) => {
		const wrong = [...new Set(displayTexts(description))]
			.map((text) => ({ text, problems: translationProblems(text, zh[text]) }))
			.filter(({ problems }) => problems.length > 0)
			.map(({ text, problems }) => `${JSON.stringify(text)} → ${JSON.stringify(zh[text])}: ${problems.join(', ')}`);
		expect(wrong).toEqual([]);
	});

	it('shows the Chinese when the package speaks Chinese', () => {
		expect(chinese.nodes.weChatLive.displayName).toBe(zh['WeChat Live']);
		const resource = chinese.nodes.weChatLive.properties.find((p) => p.name === 'resource')!;
		expect((resource.options as Array<{ value: string; name: string }>).find((o) => o.value === 'room')!.name).toBe(zh.Room);
		expect(chinese.credential.displayName).toBe(zh['WeChat Live API']);
		expect(chinese.nodes.weChatLive.subtitle).toContain(`${zh.Room} · ${zh['Get Many']}`);
	});

	it('keeps every name, value, default and display condition: a workflow opens unchanged in either language', () => {
		for (const name of Object.keys(english.nodes)) {
			// the subtitle is display text too: the chosen option's label
			const en = { ...english.nodes[name], subtitle: undefined };
			const cn = { ...chinese.nodes[name], subtitle: undefined };
			expect(withoutText(cn)).toEqual(withoutText(en));
		}
		expect(withoutText(credentialText(chinese.credential))).toEqual(withoutText(credentialText(english.credential)));
		expect(chinese.credential.name).toBe(english.credential.name);
	});

	it('keeps the English panels exactly as written', () => {
		expect(english.nodes.weChatLive.displayName).toBe('WeChat Live');
		expect(english.credential.displayName).toBe('WeChat Live API');
	});
});

describe('the Chinese table', () => {
	it('holds each English text in one file only', () => {
		const seen = new Map<string, string>();
		const twice: string[] = [];
		for (const [file, table] of Object.entries(TABLES)) {
			for (const key of Object.keys(table)) {
				if (seen.has(key)) twice.push(`${JSON.stringify(key)} in ${seen.get(key)}.ts and ${file}.ts`);
				seen.set(key, file);
			}
		}
		expect(twice).toEqual([]);
	});
});

describe('the messages the package writes at run time', () => {
	const { keys, bare } = runtimeTexts();

	it('have their Chinese, which reads as Chinese', () => {
		const wrong = keys
			.map(({ where, text }) => ({ where, text, problems: translationProblems(text, zh[text]) }))
			.filter(({ problems }) => problems.length > 0)
			.map(({ where, text, problems }) => `${where} ${JSON.stringify(text)}: ${problems.join(', ')}`);
		expect(wrong).toEqual([]);
	});

	it('reach an error only through t()', () => {
		expect(bare.map(({ where, text }) => `${where} ${text}`)).toEqual([]);
	});

	it('include every errcode explanation', () => {
		const wrong = Object.entries(ERRCODES).flatMap(([code, { message, fix }]) =>
			[message, fix].filter((text) => translationProblems(text, zh[text]).length > 0).map((text) => `${code}: ${JSON.stringify(text)}`),
		);
		expect(wrong).toEqual([]);
	});
});
