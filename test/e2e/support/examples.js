'use strict';
// The example workflows of examples/ as the e2e test imports them. A test copy may differ from the file
// in exactly these places, and logicOf() strips them so a test can prove nothing else changed:
//   - the WeChat Live credential each node uses (the test's own sandbox credential),
//   - Wait durations (a 10-minute wait becomes a second),
//   - poll times of polling triggers (n8n allows nothing under a minute),
//   - the URL of HTTP Request nodes (the Slack webhook becomes the local stub).
const fs = require('node:fs');
const path = require('node:path');

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', '..', 'examples');
const CREDENTIAL_TYPE = 'weChatLiveApi';
/** What scripts/start.js wires every example to, and what the files must reference. */
const SANDBOX_CREDENTIAL = { id: 'wxLiveSandbox001', name: 'WeChat Live (sandbox)' };

function exampleFiles() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort();
}

/** A fresh parse of examples/<file>. */
function loadExample(file) {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
}

function nodeNamed(workflow, name) {
	const node = workflow.nodes.find((n) => n.name === name);
	if (!node) throw new Error(`${workflow.name}: no node named "${name}"`);
	return node;
}

/**
 * A copy of an example for the test: { credential, waits: { node: { amount, unit } },
 * pollTimes: { node: pollTimes }, urls: { node: url } }. Naming a node the example does not have, or
 * of the wrong type, throws: the test must follow the example, not the other way round.
 */
function testCopy(workflow, { credential, waits = {}, pollTimes = {}, urls = {} } = {}) {
	const copy = structuredClone(workflow);
	if (credential) {
		for (const node of copy.nodes) {
			if (node.credentials?.[CREDENTIAL_TYPE]) node.credentials[CREDENTIAL_TYPE] = { id: credential.id, name: credential.name };
		}
	}
	for (const [name, { amount, unit }] of Object.entries(waits)) {
		const node = nodeNamed(copy, name);
		if (node.type !== 'n8n-nodes-base.wait') throw new Error(`"${name}" is not a Wait node`);
		Object.assign(node.parameters, { amount, unit });
	}
	for (const [name, times] of Object.entries(pollTimes)) {
		const node = nodeNamed(copy, name);
		if (!node.parameters.pollTimes) throw new Error(`"${name}" has no poll times`);
		node.parameters.pollTimes = times;
	}
	for (const [name, url] of Object.entries(urls)) {
		const node = nodeNamed(copy, name);
		if (node.type !== 'n8n-nodes-base.httpRequest') throw new Error(`"${name}" is not an HTTP Request node`);
		node.parameters.url = url;
	}
	return copy;
}

/** The workflow without the parts a test copy may change: equal logicOf() = the same logic. */
function logicOf(workflow) {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes) {
		if (node.credentials?.[CREDENTIAL_TYPE]) node.credentials[CREDENTIAL_TYPE] = '(credential)';
		if (node.type === 'n8n-nodes-base.wait') {
			delete node.parameters.amount;
			delete node.parameters.unit;
		}
		if (node.parameters?.pollTimes) node.parameters.pollTimes = '(poll times)';
		if (node.type === 'n8n-nodes-base.httpRequest') delete node.parameters.url;
	}
	return copy;
}

module.exports = { EXAMPLES_DIR, SANDBOX_CREDENTIAL, exampleFiles, loadExample, nodeNamed, testCopy, logicOf };
