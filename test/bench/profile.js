// Where n8n spends the WeChat Live node's time: a V8 CPU profile of one `n8n execute`, its samples taken
// while our router was on the stack, sorted into what they were doing (leaf first: our package's own
// code, else the nearest n8n part on the stack).
const fs = require('node:fs');
const path = require('node:path');

const CATEGORIES = [
	['this package’s code (router, operations, transport)', (url) => url.includes('n8n-nodes-wechat-live/')],
	['n8n expression engine (the workflow’s {{ }} per item, credential expressions)', (url) => /expression-runtime|n8n-workflow\/dist\/cjs\/(expression|workflow-expression|extensions)/.test(url)],
	['n8n credentials (load, decrypt, authenticate)', (url) => /credentials-helper|n8n-core\/dist\/credentials|credentials-entity|sqlite3|@n8n\/db|typeorm|tarn/.test(url)],
	['HTTP client (axios, node:http, sockets)', (url) => /axios|follow-redirects|backend-network|node:(http|_http|net|stream|internal\/(streams|http))/.test(url)],
];

function frameKey(node) {
	return node.callFrame.url.replace(/.*node_modules\//, '');
}

/**
 * ms per category over the node's run: the samples from the first to the last one with our router on
 * the stack (after an await, a continuation runs without it, so the window, not the stack, decides).
 * Idle samples there are time spent waiting: for the sandbox's answers, or for a CPU on a busy machine.
 */
function breakdown(profile) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const stackOf = (id) => {
		const stack = [];
		for (let cur = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur));
		return stack; // leaf first
	};
	const inRouter = (i) => stackOf(profile.samples[i]).some((n) => /WeChatLive\/actions\/router\.js$/.test(n.callFrame.url));
	let first = -1;
	let last = -1;
	for (let i = 0; i < profile.samples.length; i++) {
		if (!inRouter(i)) continue;
		if (first < 0) first = i;
		last = i;
	}
	if (first < 0) return null;
	const totals = new Map();
	let windowMs = 0;
	for (let i = first + 1; i <= last; i++) {
		const dt = (profile.timeDeltas[i] ?? 0) / 1000;
		windowMs += dt;
		const stack = stackOf(profile.samples[i]);
		const leaf = stack[0].callFrame.functionName;
		let category = 'other n8n and Node.js work';
		if (leaf === '(idle)') category = 'idle: waiting for answers (or for a CPU)';
		else if (leaf === '(garbage collector)') category = 'garbage collection';
		else if (leaf === '(program)') category = 'V8 / native (program)';
		else if (CATEGORIES[0][1](frameKey(stack[0]))) category = CATEGORIES[0][0];
		else {
			for (const node of stack) {
				const found = CATEGORIES.slice(1).find(([, test]) => test(frameKey(node)));
				if (found) {
					category = found[0];
					break;
				}
			}
		}
		totals.set(category, (totals.get(category) ?? 0) + dt);
	}
	return { windowMs, parts: [...totals.entries()].sort((a, b) => b[1] - a[1]) };
}

/** The profile (of several written to dir) in which our router ran. */
function findProfile(dir) {
	for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
		const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		if (profile.nodes.some((n) => /WeChatLive\/actions\/router\.js$/.test(n.callFrame.url))) return profile;
	}
	return undefined;
}

module.exports = { breakdown, findProfile };
