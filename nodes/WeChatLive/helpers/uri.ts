/** URL-decoded text, or the text itself where it is not valid percent-encoding (a lone "%" is meant literally). */
export function decodeLeniently(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}
