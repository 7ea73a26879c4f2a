// How a benchmark script runs: alone (`node test/bench/<name>.js`) it prints its table and summary; under
// run.js it also writes its figures as JSON (--out <file>) for RESULTS.md.
const fs = require('node:fs');
const { table } = require('./lib');

/**
 * A benchmark's outcome. figures: one per target, { what, value (text), target (text), met: true | false |
 * null (not measured) , note? }.
 */
function report(result) {
	const lines = [`\n## ${result.title}\n`, table(result.headers, result.rows)];
	if (result.figures?.length) {
		lines.push('', table(['figure', 'measured', 'target', 'met'], result.figures.map((f) => [f.what, f.value, f.target, metText(f.met)])));
	}
	for (const note of result.notes ?? []) lines.push(`- ${note}`);
	lines.push('', `Summary: ${result.summary}`);
	return lines.join('\n');
}

const metText = (met) => (met === true ? 'yes' : met === false ? 'NO' : 'not measured');

function main(name, run) {
	const outIndex = process.argv.indexOf('--out');
	const out = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
	const quick = process.argv.includes('--quick');
	run({ quick })
		.then((result) => {
			result.name = name;
			process.stdout.write(`${report(result)}\n`);
			if (out) fs.writeFileSync(out, JSON.stringify(result));
			process.exit(0);
		})
		.catch((error) => {
			process.stderr.write(`${name} failed: ${error.stack ?? error}\n`);
			process.exit(1);
		});
}

module.exports = { main, report, metText };
