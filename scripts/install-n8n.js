#!/usr/bin/env node
'use strict';
// Installs the given n8n versions into the shared cache, one after another (default: the pinned one).
// `npm test` runs it for the pinned n8n first, then in the background for the smoke versions while the
// full suite runs. Exit 1 names the version that failed. Progress lines go to stderr (see install.js).
const { ensureN8n, DEFAULT_N8N_VERSION } = require('../test/e2e/harness/install');

(async () => {
	const versions = process.argv.slice(2).length ? process.argv.slice(2) : [DEFAULT_N8N_VERSION];
	for (const version of versions) {
		try {
			const install = await ensureN8n({ version });
			process.stderr.write(`[e2e install] n8n ${version} is installed (Node ${install.nodeVersion}) in ${install.root}\n`);
		} catch (err) {
			process.stderr.write(`[e2e install] n8n ${version} could not be installed: ${err.message}\n`);
			process.exit(1);
		}
	}
})();
