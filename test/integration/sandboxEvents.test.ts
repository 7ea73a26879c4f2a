import http from 'node:http';
import type { AddressInfo } from 'node:net';

import axios from 'axios';

const { startSandbox, DEFAULT_APP } = require('../sandbox');
const callbacks = require('../sandbox/callbacks');

it('the sandbox sends a user a signed, encrypted live event for their published trigger', async () => {
	const received: Array<{ url: string; body: string }> = [];
	const trigger = http.createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c)).on('end', () => {
			received.push({ url: req.url ?? '', body });
			res.end('success');
		});
	});
	await new Promise<void>((resolve) => trigger.listen(0, '127.0.0.1', resolve));
	const sandbox = await startSandbox();
	try {
		const url = `http://127.0.0.1:${(trigger.address() as AddressInfo).port}/webhook/abc/webhook`;
		const { data } = await axios.post(`${sandbox.url}/__sandbox/callbacks`, { url, event: 'pushResult' });

		expect(data).toEqual([{ status: 200, reply: 'success' }]);
		const query = new URL(received[0].url, 'http://x').searchParams;
		expect(query.get('encrypt_type')).toBe('aes');
		const encrypted = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(received[0].body)![1];
		expect(callbacks.sign(DEFAULT_APP.pushToken, query.get('timestamp'), query.get('nonce'), encrypted)).toBe(query.get('msg_signature'));
		const { message, appId } = callbacks.decrypt(encrypted, DEFAULT_APP.encodingAESKey);
		expect(appId).toBe(DEFAULT_APP.appId);
		expect(message).toContain('wxalive_push_message_notify');
	} finally {
		await sandbox.close();
		trigger.close();
	}
});
