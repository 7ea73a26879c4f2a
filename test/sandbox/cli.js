#!/usr/bin/env node
// npm run sandbox — try workflows without a live-enabled mini program.
const { startSandbox, DEFAULT_APP } = require('./index');

async function main() {
	const port = Number(process.env.SANDBOX_PORT ?? 8788);
	const sandbox = await startSandbox({ port, seed: process.env.SANDBOX_SEED !== 'false' });
	process.stdout.write(
		[
			`WeChat Live API sandbox listening on ${sandbox.url}`,
			'',
			'In n8n, create a "WeChat Live API" credential with:',
			`  App ID:       ${DEFAULT_APP.appId}`,
			`  App Secret:   ${DEFAULT_APP.appSecret}`,
			`  API Base URL: ${sandbox.url}`,
			`  Message Push Token: ${DEFAULT_APP.pushToken}    EncodingAESKey: ${DEFAULT_APP.encodingAESKey}`,
			'',
			`Request log: ${sandbox.url}/__sandbox/log    Stop with Ctrl-C.`,
			`Send a live event to a published WeChat Live Trigger:`,
			`  curl -X POST -H 'content-type: application/json' -d '{"url":"<production URL>","event":"pushResult"}' ${sandbox.url}/__sandbox/callbacks`,
			'',
		].join('\n'),
	);
	const stop = async () => {
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exit(1);
});
