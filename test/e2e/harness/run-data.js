'use strict';
// Reading n8n run data: the JSON block of `n8n execute --rawOutput`, and a node's output items.

/**
 * `n8n execute --rawOutput` prints the IRun as indented JSON through the info logger, between other
 * log lines (task broker, Python runner warning, license SDK). The block starts with a line `{` and
 * ends with the first line `}` after it (nested braces are indented). Returns undefined if absent.
 */
function parseRawOutput(text) {
	const lines = String(text).split(/\r?\n/);
	const start = lines.findIndex((l) => l === '{');
	if (start < 0) return undefined;
	for (let end = start + 1; end < lines.length; end++) {
		if (lines[end] !== '}') continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n'));
		} catch {
			// a `}` line inside a multi-line string value: keep looking
		}
	}
	return undefined;
}

/** runData from an execute() result, an IRun, an execution row ({ data: { resultData } }) or runData itself. */
function runDataOf(run) {
	if (!run) return undefined;
	if (run.runData) return run.runData;
	if (run.data && run.data.resultData) return run.data.resultData.runData;
	if (run.resultData) return run.resultData.runData;
	return run;
}

/**
 * The `json` of every item nodeName emitted on one output.
 * @param run      execute() result, execution row, IRun or runData
 * @param nodeName node name in the workflow
 * @param options  { runIndex = last run, output = 0 }
 */
function itemsOf(run, nodeName, { runIndex, output = 0 } = {}) {
	const runData = runDataOf(run) || {};
	const runs = runData[nodeName];
	if (!runs || runs.length === 0) {
		throw new Error(`no run data for node "${nodeName}" (nodes that ran: ${Object.keys(runData).join(', ') || 'none'})`);
	}
	const one = runs[runIndex === undefined ? runs.length - 1 : runIndex];
	if (one.error) {
		const err = new Error(`node "${nodeName}" failed: ${one.error.message}`);
		err.nodeError = one.error;
		throw err;
	}
	const main = (one.data && one.data.main) || [];
	return (main[output] || []).map((item) => item.json);
}

/** The error a node raised in its last run (or undefined). */
function nodeErrorOf(run, nodeName) {
	const runs = (runDataOf(run) || {})[nodeName] || [];
	const last = runs[runs.length - 1];
	return last && last.error;
}

module.exports = { parseRawOutput, itemsOf, runDataOf, nodeErrorOf };
