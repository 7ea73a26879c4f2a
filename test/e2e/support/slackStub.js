'use strict';
// A stand-in for a Slack incoming webhook (https://hooks.slack.com/services/…) on a loopback port: it
// answers every POST as Slack does ("ok", 200) and records it, so a test can read the messages a
// workflow sent. Plain CommonJS, like the sandbox.
const http = require('node:http');

/** The path of the stub's webhook URL, shaped like Slack's. */
const WEBHOOK_PATH = '/services/T0STUB0000/B0STUB0000/stubStubStubStubStubStub';

/**
 * @returns {Promise<{ url: string, webhookUrl: string,
 *   messages: Array<{ method: string, path: string, headers: object, text: string, json: any }>,
 *   close(): Promise<void> }>}
 */
async function startSlackStub({ host = '127.0.0.1', port = 0 } = {}) {
	const messages = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let json;
			try {
				json = JSON.parse(text);
			} catch {
				json = undefined;
			}
			if (req.method !== 'POST') {
				res.writeHead(405, { 'content-type': 'text/plain' }).end('method_not_allowed');
				return;
			}
			messages.push({ method: req.method, path: req.url, headers: req.headers, text, json });
			// Slack answers a good incoming-webhook post with the plain text "ok"; a body without text is
			// refused with 400 "no_text".
			if (!json || typeof json.text !== 'string' || json.text === '') {
				res.writeHead(400, { 'content-type': 'text/plain' }).end('no_text');
				return;
			}
			res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, resolve);
	});
	const url = `http://${host}:${server.address().port}`;
	return {
		url,
		webhookUrl: `${url}${WEBHOOK_PATH}`,
		messages,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			}),
	};
}

module.exports = { startSlackStub, WEBHOOK_PATH };
