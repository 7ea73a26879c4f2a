/**
 * The access token travels in the URL and the App Secret in the token request, so anything that may reach
 * an error message, a log or an output item passes through here first.
 */
const TOKEN_IN_TEXT = /(access_token["']?\s*[=:]\s*["']?)[^&"'\s,}]+/gi;

/** How a value can appear in text: as it is, URL-encoded (a query string) or escaped inside JSON. */
function formsOf(secret: string): string[] {
	const forms = new Set([secret, JSON.stringify(secret).slice(1, -1)]);
	try {
		const encoded = encodeURIComponent(secret);
		forms.add(encoded);
		forms.add(encodeURIComponent(encoded)); // a URL inside a URL (a relay's error page)
	} catch {
		// not URL-encodable (a lone surrogate), so it cannot appear URL-encoded either
	}
	return [...forms].sort((a, b) => b.length - a.length); // longest first: no form is left half-replaced
}

/** Removes access tokens written as `access_token=…`, and each given secret or token in any of its forms. */
export function redact(text: string, secrets: Array<string | undefined> = []): string {
	let out = String(text).replace(TOKEN_IN_TEXT, '$1***');
	for (const secret of secrets) {
		if (!secret || secret.length < 4) continue;
		for (const form of formsOf(secret)) out = out.split(form).join('***');
	}
	return out;
}
