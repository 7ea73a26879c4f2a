// Prints the plain "N passed, N failed" closing line that CI reads, next to jest's own summary.
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		process.stdout.write(
			`\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed` +
				(skipped ? `, ${skipped} skipped` : '') +
				'\n',
		);
	}
}
module.exports = SummaryReporter;
