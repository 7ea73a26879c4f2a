// Hostile image servers for the download tests: an endless image, a redirect loop, a trickle. Each
// download is recorded in state.downloads ({ path, bytesSent, closedEarly }), so a test can tell how much
// the node actually pulled before it hung up.
const { png } = require('./images');

const CHUNK = Buffer.alloc(64 * 1024, 0x61);
// Even an endless image ends somewhere, so a client that never stops reading cannot hang a test run.
const ENDLESS_CAP_BYTES = 64 * 1024 * 1024;
const TRICKLE_CAP_MS = 10 * 60 * 1000;

function record(state, req, res) {
	const entry = { path: req.url, bytesSent: 0, closedEarly: false };
	(state.downloads ??= []).push(entry);
	res.on('close', () => {
		entry.closedEarly = !res.writableFinished;
	});
	return entry;
}

/** Serves /__fixtures/<name> routes of this file; false for any other path. */
function serveFixture(state, req, res, url) {
	const head = png(1, 1).subarray(0, 33); // signature and IHDR: the start of a real PNG
	switch (url.pathname) {
		case '/__fixtures/endless.png': {
			const entry = record(state, req, res);
			res.writeHead(200, { 'Content-Type': 'image/png' }); // chunked: no Content-Length to refuse early
			const pump = () => {
				while (!res.destroyed) {
					if (entry.bytesSent >= ENDLESS_CAP_BYTES) return res.end();
					const chunk = entry.bytesSent === 0 ? head : CHUNK;
					entry.bytesSent += chunk.length;
					if (!res.write(chunk)) return res.once('drain', pump);
				}
			};
			pump();
			return true;
		}
		case '/__fixtures/trickle.png': {
			const entry = record(state, req, res);
			const every = Number(url.searchParams.get('ms') ?? 500);
			res.writeHead(200, { 'Content-Type': 'image/png' });
			res.write(head);
			entry.bytesSent = head.length;
			const started = Date.now();
			const timer = setInterval(() => {
				if (res.destroyed || Date.now() - started > TRICKLE_CAP_MS) return clearInterval(timer), res.end();
				res.write('a');
				entry.bytesSent++;
			}, every);
			res.on('close', () => clearInterval(timer));
			return true;
		}
		case '/__fixtures/loop': {
			record(state, req, res);
			res.writeHead(302, { Location: '/__fixtures/loop' });
			res.end();
			return true;
		}
		case '/__fixtures/redirect': {
			// ?to=<path or URL>: one redirect, as image CDNs do.
			record(state, req, res);
			res.writeHead(302, { Location: url.searchParams.get('to') ?? '/__fixtures/image.png' });
			res.end();
			return true;
		}
		default:
			if (!url.pathname.startsWith('/__fixtures/named/')) return false;
			// Any file name, e.g. /__fixtures/named/100%-cotton.png: a 10×10 PNG.
			res.writeHead(200, { 'Content-Type': 'image/png' });
			res.end(png(10, 10));
			return true;
	}
}

module.exports = { serveFixture, ENDLESS_CAP_BYTES };
