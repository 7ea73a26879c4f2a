'use strict';
// A real n8n (pinned or $N8N_VERSION, on the Node its engines ask for, from the npm registry) run headless with our packed package installed
// the way users install it. See test/e2e/README.md.
const install = require('./install');
const { packPackage } = require('./pack');
const { createInstance, N8nInstance, WORK_ROOT, DEFAULT_ENCRYPTION_KEY } = require('./instance');
const { itemsOf, parseRawOutput, nodeErrorOf } = require('./run-data');
const { freePort, request, waitForHttp } = require('./http');
const { bcryptHash, readExecutions, runInN8n } = require('./node24');

module.exports = {
	ensureN8n: install.ensureN8n,
	n8nLayout: install.layout,
	cacheRoot: install.cacheRoot,
	REPO_ROOT: install.REPO_ROOT,
	DEFAULT_N8N_VERSION: install.DEFAULT_N8N_VERSION,
	packPackage,
	createInstance,
	N8nInstance,
	WORK_ROOT,
	DEFAULT_ENCRYPTION_KEY,
	itemsOf,
	nodeErrorOf,
	parseRawOutput,
	freePort,
	request,
	waitForHttp,
	bcryptHash,
	readExecutions,
	runInN8n,
};
