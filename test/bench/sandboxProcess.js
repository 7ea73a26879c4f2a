// The sandbox in a child process of its own, so that it does not share an event loop (or a heap) with the
// node being measured. Driven over IPC: startSandboxProcess({ latencyMs, rooms, followers }) → { url, app,
// rooms, call(command, arg) } with commands endPushes, clearLog, requests (count, by endpoint), latency,
// close.
const { fork } = require('node:child_process');

if (require.main === module) {
	const { startSandbox } = require('../sandbox');
	const { liveRoomsWithGoods, endPushes } = require('./fixtures');
	const { seedFollowers } = require('../sandbox/routes/subscribers');
	const options = JSON.parse(process.argv[2] ?? '{}');
	const sandboxOptions = { latencyMs: options.latencyMs ?? 0 };
	startSandbox(sandboxOptions).then((sandbox) => {
		const rooms = options.rooms ? liveRoomsWithGoods(sandbox.state, options.rooms) : [];
		if (options.followers) seedFollowers(sandbox.state, { count: options.followers });
		const commands = {
			endPushes: () => endPushes(sandbox.state),
			clearLog: () => sandbox.clearLog(),
			requests: (endpoint) => sandbox.requests(endpoint).length,
			latency: (latencyMs) => {
				sandboxOptions.latencyMs = latencyMs;
			},
			close: async () => {
				await sandbox.close();
				setImmediate(() => process.exit(0));
			},
		};
		process.on('message', async ({ id, command, arg }) => {
			const result = await commands[command](arg);
			process.send({ id, result });
		});
		process.on('disconnect', () => process.exit(0));
		process.send({ ready: true, url: sandbox.url, app: sandbox.app, rooms });
	});
}

function startSandboxProcess(options = {}) {
	const child = fork(__filename, [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	let next = 0;
	const waiting = new Map();
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code) => reject(new Error(`sandbox process exited (${code})`)));
		child.on('message', (message) => {
			if (message.ready) {
				resolve({
					url: message.url,
					app: message.app,
					rooms: message.rooms,
					pid: child.pid,
					call: (command, arg) =>
						new Promise((done) => {
							const id = ++next;
							waiting.set(id, done);
							child.send({ id, command, arg });
						}),
					close: async () => {
						if (child.exitCode !== null) return;
						const exited = new Promise((done) => child.once('exit', done));
						child.send({ id: 0, command: 'close' });
						await exited;
					},
				});
				return;
			}
			waiting.get(message.id)?.(message.result);
			waiting.delete(message.id);
		});
	});
}

module.exports = { startSandboxProcess };
