// Before any e2e file: the pinned n8n (and Node 24) are installed once, outside every test's timeout.
// A fresh machine spends ~4 minutes here; later runs find the cache and go on at once.
const { ensureN8n } = require('./harness');

module.exports = async () => {
	await ensureN8n();
};
