import { LANGUAGE } from './language';
import { translateTo } from './translate';

type Translate = (text: string) => string;
type Entry = Record<string, unknown>;

const isEntry = (value: unknown): value is Entry => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The keys of a description that are display text, by what holds them. Everything else (names, values,
 * defaults, display conditions, routing) is the workflow's data and is never touched, so a workflow built
 * in one language opens and runs unchanged in the other.
 */
const TEXT_OF_NODE = ['displayName', 'description', 'eventTriggerDescription', 'activationMessage'];
const TEXT_OF_PROPERTY = ['displayName', 'description', 'placeholder', 'hint'];
const TEXT_OF_OPTION = ['name', 'description', 'action']; // an options entry: `name` is its label, `value` its data
const TEXT_OF_MODE = ['displayName', 'placeholder', 'hint']; // a resource locator mode
const TEXT_OF_TYPE_OPTIONS = ['multipleValueButtonText'];

function textsOf(entry: Entry, keys: string[], translate: Translate): Entry {
	const copy: Entry = { ...entry };
	for (const key of keys) if (typeof copy[key] === 'string' && copy[key] !== '') copy[key] = translate(copy[key] as string);
	return copy;
}

/** One options entry of an `options`/`multiOptions`, a collection's field, or a fixed collection's group. */
function choice(entry: Entry, translate: Translate): Entry {
	if ('type' in entry) return property(entry, translate); // a collection's field
	if (Array.isArray(entry.values)) {
		// a fixed collection's group: `name` is the key its values are stored under
		const group = textsOf(entry, ['displayName'], translate);
		group.values = (entry.values as Entry[]).map((value) => property(value, translate));
		return group;
	}
	return textsOf(entry, TEXT_OF_OPTION, translate);
}

function property(entry: Entry, translate: Translate): Entry {
	if (entry.type === 'hidden') return entry; // never shown
	const copy = textsOf(entry, TEXT_OF_PROPERTY, translate);
	if (Array.isArray(entry.options)) copy.options = (entry.options as Entry[]).map((option) => choice(option, translate));
	if (isEntry(entry.typeOptions)) copy.typeOptions = textsOf(entry.typeOptions, TEXT_OF_TYPE_OPTIONS, translate);
	if (Array.isArray(entry.modes)) {
		copy.modes = (entry.modes as Entry[]).map((mode) => {
			const modeCopy = textsOf(mode, TEXT_OF_MODE, translate);
			if (Array.isArray(mode.validation)) {
				modeCopy.validation = (mode.validation as Entry[]).map((rule) =>
					isEntry(rule.properties)
						? { ...rule, properties: textsOf(rule.properties, ['errorMessage'], translate) }
						: rule,
				);
			}
			return modeCopy;
		});
	}
	return copy;
}

/** A node's or a credential's description (or a credential test) with every display text passed through `translate`. */
export function mapDisplayText<T extends object>(description: T, translate: Translate): T {
	const entry = description as unknown as Entry;
	const copy = textsOf(entry, TEXT_OF_NODE, translate);
	if (Array.isArray(entry.properties)) copy.properties = (entry.properties as Entry[]).map((p) => property(p, translate));
	// a credential's test (or the test itself): the message shown when a rule fails
	if (isEntry(entry.test)) copy.test = mapDisplayText(entry.test, translate);
	if (Array.isArray(entry.rules)) {
		copy.rules = (entry.rules as Entry[]).map((rule) =>
			isEntry(rule.properties) ? { ...rule, properties: textsOf(rule.properties, ['message'], translate) } : rule,
		);
	}
	return copy as unknown as T;
}

/**
 * A node's or a credential's description in the package's language (./language.ts); in English it is
 * returned as written. Applied once, where each description is defined.
 */
export function localize<T extends object>(description: T): T {
	if (LANGUAGE === 'en') return description;
	return mapDisplayText(description, (text) => translateTo(LANGUAGE, text));
}
