/**
 * What counts as Chinese text for the translation tests: product names (WeChat, n8n), WeChat's field
 * names in `backticks`, IDs, URLs, units, {placeholders} and {{ expressions }} may stay Latin; the rest
 * must be mostly Chinese characters, with no English sentence left inside.
 */
const MAY_STAY_LATIN =
	/`[^`]*`|https?:\/\/\S+|\{\{[\s\S]*?\}\}|\{\w+\}|\b(?:WeChat|n8n|AppID|AppSecret|App ID|App Secret|Token|EncodingAESKey|access_token|stable_token|openid|openids|ID|IDs|URL|URLs|JSON|HTTP|HTTPS|API|KEY|JPG|PNG|GIF|MB|KB|QR|SQLite|IP|UTC|ISO|SKU|Unix|Luxon|wx\w*|e\.g\.)\b/g;

function placeholders(text: string): string {
	return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
}

/** What is wrong with `chinese` as the translation of `english` (nothing: an empty list). */
export function translationProblems(english: string, chinese: string | undefined): string[] {
	if (typeof chinese !== 'string' || chinese.trim() === '') return ['has no Chinese'];
	// an example placeholder keeps its example ("例如 pages/goods/detail?sku=1001")
	if (/^e\.g\. /.test(english)) return chinese.startsWith('例如') ? [] : ['an example must start with 例如'];
	const problems: string[] = [];
	const rest = chinese.replace(MAY_STAY_LATIN, ' ');
	const latin = (rest.match(/[A-Za-z]/g) ?? []).length;
	const cjk = (rest.match(/[\u3400-\u9fff]/g) ?? []).length;
	if (latin > cjk) problems.push('is mostly Latin letters');
	if (/[A-Za-z]+(?:[ ,'’-]+[A-Za-z]+){2,}/.test(rest)) problems.push('leaves an English sentence inside');
	if (placeholders(english) !== placeholders(chinese)) problems.push('does not keep the {placeholders}');
	return problems;
}
