/**
 * The access token travels in the URL and the App Secret in the token request, so anything that may reach
 * an error message, a log or an output item passes through here first.
 */
const TOKEN_IN_TEXT = /(access_token["']?\s*[=:]\s*["']?)[^&"'\s,}]+/gi;

export function redact(text: string, secrets: Array<string | undefined> = []): string {
	let out = String(text).replace(TOKEN_IN_TEXT, '$1***');
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.split(secret).join('***');
	}
	return out;
}
