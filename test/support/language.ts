import type { Language } from '../../nodes/shared/i18n/language';

const LANGUAGE_MODULE = '../../nodes/shared/i18n/language';

/**
 * What `load` requires, loaded fresh with the package speaking `language`, as an n8n whose message locale
 * is that language loads it (the package decides its language once, at load: nodes/shared/i18n/language.ts).
 * `load` must require() the modules itself, inside the callback.
 */
export function loadedIn<T>(language: Language, load: () => T): T {
	let loaded!: T;
	jest.isolateModules(() => {
		jest.doMock(LANGUAGE_MODULE, () => ({ ...jest.requireActual(LANGUAGE_MODULE), LANGUAGE: language }));
		loaded = load();
	});
	jest.dontMock(LANGUAGE_MODULE);
	return loaded;
}
