/**
 * Digits from an expression or a text field (" 12 ") as the number they spell; anything else as it is.
 * Digits only: Number() would also read "1e3", "0x10" or "" as numbers nobody meant.
 */
export function digitsAsNumber(value: unknown): unknown {
	return typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
}
