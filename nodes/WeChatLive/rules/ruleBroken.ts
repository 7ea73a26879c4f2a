/**
 * A value that breaks one of WeChat's rules: `problem` continues the sentence "<field> in item N …",
 * `fix` says what to do. `field` names the property at fault when a rule relates several (a price range).
 */
export class RuleBroken extends Error {
	constructor(
		readonly problem: string,
		readonly fix: string,
		readonly field?: string,
	) {
		super(problem);
		this.name = 'RuleBroken';
	}
}
