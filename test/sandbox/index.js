// startSandbox(): the WeChat API sandbox on a free (or given) loopback port. See server.js.
const { createSandbox } = require('./server');
const { DEFAULT_APP } = require('./state');
const { seedDemo } = require('./seed');
const images = require('./images');

/**
 * @param {{ port?: number, host?: string, seed?: boolean, app?: {appId: string, appSecret: string},
 *           latencyMs?: number, customerServiceConfigured?: boolean }} options
 */
async function startSandbox(options = {}) {
	const sandbox = await createSandbox(options).listen(options.port ?? 0, options.host ?? '127.0.0.1');
	if (options.seed) seedDemo(sandbox.state, sandbox.url); // after listen: image URLs need the address
	return sandbox;
}

module.exports = { startSandbox, DEFAULT_APP, images };
