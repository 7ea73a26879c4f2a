/**
 * A table's own entry for a key that comes from input, never one inherited from Object.prototype: for
 * "__proto__", "constructor" or "toString" a plain `table[key]` gives an object or a function.
 */
export function ownEntry<T>(table: { [key: string]: T }, key: string | number): T | undefined {
	return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
