// The sandbox's control API under /__sandbox/…: what tests and `npm run sandbox` users drive over HTTP
// (route files add their own, e.g. to advance a goods audit). Not part of WeChat's API.
const route = (method, pattern, fn) => {
	const names = [];
	const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, n) => (names.push(n), '([^/]+)'))}$`);
	return { method, regex, names, fn };
};

const routes = [
	route('GET', '/log', ({ sandbox, query }) => sandbox.requests(query.endpoint)),
	route('POST', '/log/clear', ({ sandbox }) => sandbox.clearLog()),
	route('GET', '/counters', ({ state }) => state.counters),
	route('POST', '/tokens/expire', ({ sandbox }) => sandbox.expireTokens()),
	route('POST', '/faults', ({ sandbox, body }) => sandbox.fault(body)),
	route('POST', '/faults/clear', ({ sandbox }) => sandbox.clearFaults()),
	route('GET', '/rooms', ({ state }) => [...state.rooms.values()]),
	route('POST', '/rooms/:id/status', ({ state, params, body }) => {
		const room = state.rooms.get(Number(params.id));
		if (!room) throw new Error(`no room ${params.id}`);
		room.liveStatus = Number(body.live_status);
		return { roomId: room.roomId, live_status: room.liveStatus };
	}),
	// Sends a live event to a WeChat Live Trigger, signed and encrypted with the sandbox app's push settings.
	route('POST', '/callbacks', async ({ state, body }) => {
		const callbacks = require('./callbacks');
		if (!/^https?:\/\//.test(body.url ?? '')) throw new Error('give the trigger’s URL as "url"');
		const event = body.event === 'follow' ? callbacks.followEvent(body.fields) : callbacks.pushResultEvent(body.fields);
		const replies = await callbacks.sendEvent(body.url, {
			event,
			mode: body.mode ?? 'safe',
			format: body.format ?? 'xml',
			token: state.app.pushToken,
			encodingAESKey: state.app.encodingAESKey,
			appId: state.app.appId,
		});
		return replies.map((r) => ({ status: r.status, reply: r.data }));
	}),
	route('POST', '/clock', ({ state, body }) => {
		state.clockOffsetMs = Number(body.offsetMs ?? 0);
		return { offsetMs: state.clockOffsetMs };
	}),
];

module.exports = { routes };
