/**
 * Which language the node panels and messages speak, decided once when n8n loads the package.
 *
 * n8n's verification guidelines forbid community nodes to read environment variables
 * (https://docs.n8n.io/connect/create-nodes/build-your-node/reference/verification-guidelines), so the
 * package cannot see `N8N_DEFAULT_LOCALE`. It follows the process's message locale instead, the one every
 * `Intl` call uses: ICU reads `LC_ALL`, then `LC_MESSAGES`, then `LANG`. `LC_MESSAGES=zh_CN.UTF-8` beside
 * `N8N_DEFAULT_LOCALE=zh-CN` gives Chinese panels; `LC_MESSAGES=en_US.UTF-8` keeps them English on a
 * machine whose `LANG` is Chinese (README.md, "Language").
 */
export type Language = 'en' | 'zh';

/** Any Chinese locale (zh, zh-CN, zh-Hans, zh-TW, zh-HK …) gets Simplified Chinese; every other one English. */
export function languageOf(locale: string): Language {
	return /^zh(?:$|[-_])/i.test(locale) ? 'zh' : 'en';
}

export const LANGUAGE: Language = languageOf(Intl.DateTimeFormat().resolvedOptions().locale);
