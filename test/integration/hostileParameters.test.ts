/**
 * Bad node parameters of every kind, for every operation, generated from the operations' own descriptions:
 * each parameter gets the bad values its type invites (empty required text, non-numeric IDs, out-of-range
 * limits, unreadable dates, wrong options, broken JSON, oversized lists), plus the rules WeChat documents
 * for that field (name lengths, time windows, price rules, list sizes). Every one must fail before WeChat
 * is called: an error that names the field as the user sees it and the item, and not a single request to
 * the sandbox.
 *
 * Cases that still slip through are listed in KNOWN_GAPS with what happens instead; they run as
 * `it.failing`, so fixing one makes jest say so (then remove it from the list).
 */
import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { batchingProperty } from '../../nodes/WeChatLive/actions/common/batching';
import { resources } from '../../nodes/WeChatLive/actions/resources';
import type { WeChatOperation } from '../../nodes/WeChatLive/actions/types';
import type { Sandbox } from '../support/sandbox';
import { useSandbox } from '../support/sandbox';
import type { CredentialStore } from '../support/executeContext';
import { roomById, runNode } from '../support/executeContext';

let sandbox: Sandbox;
let store: CredentialStore;

useSandbox((started, credentials) => {
	sandbox = started;
	store = credentials;
});

const HOUR = 3600 * 1000;
const iso = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();
const MEDIA = 'hw7zsntcr0rE-RBfBAaF553DqBk-J02UtWsP8VqrUh3tKu3jO_JwEO8n1cWTJ5TN';

/** Parameters every operation accepts as they are: each case below changes exactly one field of these. */
const roomFields: IDataObject = {
	name: 'Christmas tea sale',
	startTime: iso(24 * HOUR),
	endTime: iso(26 * HOUR),
	anchorName: 'Anchor Lin',
	anchorWechat: 'lin_anchor',
	imageSource: 'mediaId',
	coverImg: MEDIA,
	shareImg: MEDIA,
	feedsImg: MEDIA,
	closeLike: false,
	closeGoods: false,
	closeComment: false,
	additionalFields: {},
};
const room = { roomId: roomById(1001) };
const goods = { goodsId: roomById(5001) };
const paging = { returnAll: false, limit: 5 };

const VALID: Record<string, IDataObject> = {
	'room:create': { ...roomFields, type: 0 },
	'room:get': room,
	'room:getMany': { ...paging, filters: {} },
	'room:update': { ...room, ...roomFields },
	'room:delete': room,
	'room:getPushUrl': room,
	'room:getShareCode': { ...room, paramsInput: 'none' },
	'room:getReplay': { ...room, ...paging },
	'room:setFeedPublic': { ...room, enabled: true },
	'room:setReplay': { ...room, enabled: true },
	'room:setCustomerService': { ...room, enabled: true },
	'room:setComments': { ...room, muteAll: true },
	'roomAssistant:add': { ...room, usersInput: 'fields', users: { user: [{ username: 'helper_01', nickname: 'Helper' }] } },
	'roomAssistant:update': { ...room, username: 'helper_01', nickname: 'Helper' },
	'roomAssistant:remove': { ...room, username: 'helper_01' },
	'roomAssistant:getMany': { ...room, ...paging },
	'roomSubAnchor:add': { ...room, username: 'sub_anchor01' },
	'roomSubAnchor:update': { ...room, username: 'sub_anchor01' },
	'roomSubAnchor:delete': room,
	'roomSubAnchor:get': room,
	'roomGoods:import': { ...room, ids: '5001, 5002' },
	'roomGoods:setSale': { ...room, ...goods, onSale: true },
	'roomGoods:remove': { ...room, ...goods },
	'roomGoods:push': { ...room, ...goods },
	'roomGoods:sort': { ...room, goods: '5002, 5001' },
	'roomGoods:getVideo': { ...room, ...goods },
	'goods:create': { name: 'Longjing tea 250g', imageSource: 'mediaId', coverImgUrl: MEDIA, url: 'pages/goods/detail?id=1', priceType: 1, price: 99.5, additionalFields: {} },
	'goods:get': { goodsIds: '5001' },
	'goods:getMany': { status: 2, ...paging },
	'goods:update': { ...goods, imageSource: 'mediaId', updateFields: { priceType: 1, price: 10 } },
	'goods:delete': goods,
	'goods:cancelAudit': { ...goods, auditId: '900001' },
	'goods:resubmitAudit': goods,
	'role:add': { username: 'shop_admin', role: 2 },
	'role:remove': { username: 'shop_admin', role: 2 },
	'role:getMany': { ...paging, role: -1, keyword: '' },
	'subscriber:getMany': paging,
	'subscriber:pushMessage': { ...room, recipients: 'list', openids: 'oAbc123, oDef456' },
	'widget:setGoodsKey': { goodsKey: 'productId' },
	'widget:getGoodsKey': {},
	'media:uploadImage': { source: 'binary', binaryPropertyName: 'data', intendedUse: 'any' },
};

/** A tiny PNG as the input item's binary data (Media → Upload Image, Images From: binary). */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const inputItem = { json: { openid: 'oAbc123' }, binary: { data: { data: PNG.toString('base64'), mimeType: 'image/png', fileName: 'a.png' } } } as never;

/** Any value a parameter can be given, bad ones included (IDataObject's own value type). */
type Bad = IDataObject[string];

interface Case {
	operation: string;
	/** The field the error must name (by its display name). */
	field: string;
	/** The parameter (or collection option) given the bad value. */
	parameter: string;
	value: unknown;
	label: string;
	parameters: IDataObject;
}

const BAD_IDS = ['', '   ', 'abc', '12abc', '-5', '0', '1.5', '1e3', '0x10', 'Infinity', '99999999999999999999'];
const BAD_DATES: unknown[] = ['', 'not a date', 'next friday', '2026-13-45T25:00:00', 0, -1, true, {}];
const BAD_LIMITS: unknown[] = [0, -1, 1.5, 'abc', Number.NaN];
// 0 and negative prices are sent: WeChat's pages state no lower bound, and it answers 300003 (goods.test.ts).
const BAD_PRICES: unknown[] = ['abc', '', 1.234, Number.NaN, Number.POSITIVE_INFINITY];
const BAD_BOOLEANS: unknown[] = ['maybe', 2, 'yes please'];
const BAD_OPTIONS: Bad[] = ['bogus', 999];
const BAD_OBJECT_JSON: unknown[] = ['{not json', '[]', '"text"', '{}', 'null', '[1, 2]'];
const BAD_ID_LISTS: unknown[] = ['', ' , ', 'abc', '5001, x', '-1', '0', '1.5', '5001; 0x10', [5001, 'x'], [{}]];
const BAD_WECHAT_IDS: unknown[] = ['', '   ', 'has space', '小林主播', 'tab\tinside'];

/** A bad value whose error must name a field inside it (an entry of a list), not the parameter itself. */
class Naming {
	constructor(
		readonly field: string,
		readonly value: unknown,
	) {}
}
const naming = (field: string, value: unknown) => new Naming(field, value);

/** Field rules beyond the type: what WeChat documents for that field, and the mistakes users make. */
const FIELD_VALUES: Record<string, unknown[]> = {
	name: ['ab', 'x'.repeat(35), '圣'.repeat(18), '直播'],
	anchorName: ['abc', 'x'.repeat(31), '主'],
	anchorWechat: BAD_WECHAT_IDS,
	createrWechat: BAD_WECHAT_IDS,
	subAnchorWechat: BAD_WECHAT_IDS,
	username: BAD_WECHAT_IDS,
	nickname: ['', '   '],
	startTime: [...BAD_DATES, iso(-HOUR), iso(5 * 60 * 1000), iso(200 * 24 * HOUR)],
	endTime: [...BAD_DATES, iso(24 * HOUR + 10 * 60 * 1000), iso(24 * HOUR - HOUR), iso(24 * HOUR + 25 * HOUR)],
	coverImg: ['', 'https://shop.example.com/cover.jpg'],
	shareImg: ['', 'http://shop.example.com/share.jpg'],
	feedsImg: ['', 'https://shop.example.com/feeds.jpg'],
	anchorImg: ['', 'https://shop.example.com/anchor.jpg'],
	coverImgUrl: ['', 'https://shop.example.com/goods.jpg'],
	// Which page paths and App IDs exist, only WeChat knows (300007 and its App ID check): only the shape is ours.
	url: ['', 'https://shop.example.com/goods/1', 'javascript:alert(1)'],
	thirdPartyAppid: [''],
	goodsKey: ['', ' , ; ', [{}], [[]]],
	ids: BAD_ID_LISTS,
	goods: BAD_ID_LISTS,
	goodsIds: BAD_ID_LISTS,
	auditId: ['', 'abc', '-1', '0', '1.5'],
	openids: ['', ' , ', 'o1, <script>', 'o1 o2 ö3', [{}], [123]],
	openidField: ['', 'missing', 'openid.deeper'],
	binaryPropertyName: ['', 'missing'],
	paramsJson: [...BAD_OBJECT_JSON, JSON.stringify({ path: 'x'.repeat(700) })],
	usersJson: [
		'{not json',
		'[1]',
		'[[]]',
		'[]',
		JSON.stringify(Array.from({ length: 11 }, (_, i) => ({ username: `helper_${i}`, nickname: 'H' }))),
		naming('username', '[{"username":"a b","nickname":"x"}]'),
		naming('nickname', '[{"username":"helper_1"}]'),
		'[{"username":"h_1","nickname":"x"},{"username":"h_1","nickname":"y"}]',
	],
	users: [
		{},
		{ user: [] },
		{ user: Array.from({ length: 11 }, (_, i) => ({ username: `helper_${i}`, nickname: 'H' })) },
		naming('nickname', { user: [{ username: 'helper_1', nickname: '' }] }),
		naming('username', { user: [{ username: '小助手', nickname: 'x' }] }),
		{ user: [{ username: 'h_1', nickname: 'x' }, { username: 'h_1', nickname: 'y' }] },
	],
	params: [{}, { parameter: [] }, { parameter: [{ name: '', value: '1' }] }, { parameter: [{ name: 'a', value: '1' }, { name: 'a', value: '2' }] }, { parameter: [{ name: 'path', value: 'x'.repeat(700) }] }],
	price: BAD_PRICES,
	price2: BAD_PRICES,
	limit: BAD_LIMITS,
	keyword: [],
	// Batching (when the node has it): whole numbers within range.
	concurrency: [0, -1, 1.5, 21, 'abc'],
	itemsPerBatch: [0, -1, 1.5, 'abc'],
	batchInterval: [-1, 1.5, 'abc'],
	maxItemsPerMinute: [-1, 1.5, 'abc'],
};

/** Where a goods field's documented rule differs from the room field of the same name. */
const GOODS_FIELD_VALUES: Record<string, unknown[]> = {
	// At most 14 Chinese characters; the page states no minimum (茶杯 is sent: goods.test.ts).
	name: ['x'.repeat(29), '圣'.repeat(15)],
};

/** Show conditions of a property, evaluated against the (flat) parameters of the case. */
function isShown(property: INodeProperties, parameters: IDataObject): boolean {
	const show = property.displayOptions?.show ?? {};
	return Object.entries(show).every(([name, values]) => name === 'resource' || name === 'operation' || (values as unknown[]).includes(parameters[name]));
}

function badValuesFor(property: INodeProperties, resource: string): unknown[] {
	const own = resource === 'goods' ? GOODS_FIELD_VALUES[property.name] : undefined;
	if (own) return own;
	if (FIELD_VALUES[property.name]) return FIELD_VALUES[property.name];
	switch (property.type) {
		case 'resourceLocator':
			return BAD_IDS.map((value) => ({ __rl: true, mode: 'id', value }));
		case 'string':
			return property.required ? ['', '   '] : [];
		case 'dateTime':
			return BAD_DATES;
		case 'number':
			return BAD_LIMITS;
		case 'boolean':
			return BAD_BOOLEANS;
		case 'options':
			return property.noDataExpression ? [] : BAD_OPTIONS.filter((v) => !(property.options ?? []).some((o) => 'value' in o && o.value === v));
		case 'multiOptions':
			return [['bogus'], [999]];
		case 'json':
			return BAD_OBJECT_JSON;
		default:
			return [];
	}
}

const describeValue = (value: unknown) => {
	const text = typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value) ?? String(value);
	return text.length > 40 ? `${text.slice(0, 37)}…` : text;
};

function casesFor(resource: string, operation: WeChatOperation): Case[] {
	const key = `${resource}:${operation.value}`;
	const valid = VALID[key];
	const cases: Case[] = [];
	const add = (field: string, parameters: IDataObject, value: unknown, where = field) =>
		cases.push({ operation: key, field, parameter: where.split('.').pop()!, value, label: `${key} ${where} = ${describeValue(value)}`, parameters });
	/** A bad value, or one wrapped by `naming` when its error must name a field inside it. */
	const addValue = (field: string, value: unknown, parametersWith: (value: Bad) => IDataObject, where = field) => {
		const named = value instanceof Naming ? value : undefined;
		const raw = (named ? named.value : value) as Bad;
		add(named?.field ?? field, parametersWith(raw), raw, where);
	};
	// The node-wide Batching option is the same for every per-item operation: its cases once, on one of them.
	const properties = [...operation.properties, ...(key === 'room:getPushUrl' ? batchingOf(resource, operation) : [])];
	for (const property of properties) {
		if (property.type === 'notice' || !isShown(property, valid)) continue;
		// Goods → Update's base changes no image, so Images From is not read: its own case is below.
		if (key === 'goods:update' && property.name === 'imageSource') continue;
		if (property.type === 'collection') {
			// Each option inside the collection, given alone, with its own bad values.
			for (const option of (property.options ?? []) as INodeProperties[]) {
				for (const value of badValuesFor(option, resource)) {
					addValue(option.name, value, (raw) => ({ ...valid, [property.name]: { ...(valid[property.name] as IDataObject), [option.name]: raw } }), `${property.name}.${option.name}`);
				}
			}
			continue;
		}
		for (const value of badValuesFor(property, resource)) addValue(property.name, value, (raw) => ({ ...valid, [property.name]: raw }));
	}
	// Relations the types cannot express.
	if (key === 'goods:create') {
		add('price2', { ...valid, priceType: 2, price: 10, price2: 5 }, 'range 10 → 5', 'price2');
		add('price2', { ...valid, priceType: 3, price: 10, price2: 12 }, 'discount 10 → 12', 'price2');
		add('price2', { ...valid, priceType: 2, price: 10 }, 'range without price2', 'price2');
	}
	if (key === 'goods:update') {
		for (const value of BAD_OPTIONS) add('imageSource', { ...valid, imageSource: value, updateFields: { coverImgUrl: MEDIA } }, value, 'imageSource');
		add('updateFields', { ...valid, updateFields: {} }, {}, 'updateFields');
		add('price2', { ...valid, updateFields: { priceType: 1, price: 5, price2: 4 } }, 'fixed price with price2', 'updateFields.price2');
	}
	if (key === 'room:getShareCode') {
		for (const value of FIELD_VALUES.paramsJson) addValue('paramsJson', value, (raw) => ({ ...valid, paramsInput: 'json', paramsJson: raw }));
		for (const value of FIELD_VALUES.params) addValue('params', value, (raw) => ({ ...valid, paramsInput: 'keyValue', params: raw }));
	}
	if (key === 'roomAssistant:add') {
		for (const value of FIELD_VALUES.usersJson) addValue('usersJson', value, (raw) => ({ ...valid, usersInput: 'json', usersJson: raw }));
	}
	if (key === 'subscriber:pushMessage') {
		for (const value of FIELD_VALUES.openidField) addValue('openidField', value, (raw) => ({ ...valid, recipients: 'itemField', openidField: raw }));
	}
	if (key === 'media:uploadImage') {
		for (const value of ['', 'ftp://example.com/a.png', 'not a url']) addValue('url', value, (raw) => ({ ...valid, source: 'url', url: raw }));
	}
	return cases;
}

/** The node-wide Batching option, where the node offers it for this operation. */
function batchingOf(resource: string, operation: WeChatOperation): INodeProperties[] {
	if (!operation.execute || operation.executeAll) return [];
	const { WeChatLive } = require('../../nodes/WeChatLive/WeChatLive.node');
	const properties = new WeChatLive().description.properties as INodeProperties[];
	return properties.filter((p) => p.name === 'batching' && (p.displayOptions?.show?.operation as string[] | undefined)?.includes(operation.value) && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource));
}

const allCases = resources.flatMap((resource) => resource.operations.flatMap((operation) => casesFor(resource.value, operation)));

/**
 * Bad values the node lets through today, and what happens instead (see the report). Each case a gap
 * matches runs as it.failing: once the node refuses it properly, jest flags the case, and the gap (or
 * the part of it that is fixed) goes.
 */
const KNOWN_GAPS: Array<{ gap: string; matches: (c: Case) => boolean }> = [];

const gapOf = (c: Case) => KNOWN_GAPS.find((g) => g.matches(c))?.gap;

async function run(parameters: IDataObject, continueOnFail = false): Promise<{ error?: Error & { description?: string }; items?: INodeExecutionData[] }> {
	try {
		return { items: await runNode({ parameters, store, items: [inputItem], continueOnFail }) };
	} catch (error) {
		return { error: error as Error & { description?: string } };
	}
}

describe('the valid parameters each case starts from', () => {
	it.each(Object.keys(VALID))('%s reaches WeChat as it is', async (key) => {
		const [resource, operation] = key.split(':');
		const { error } = await run({ resource, operation, ...VALID[key] });
		// WeChat may refuse made-up IDs; the point is that the node's own checks let these through.
		expect(error?.message ?? '').not.toMatch(INPUT_ERROR);
		expect(sandbox.requests().length).toBeGreaterThan(0);
	});

	it('cover every operation of the node', () => {
		const offered = resources.flatMap((r) => r.operations.map((op) => `${r.value}:${op.value}`));
		expect(Object.keys(VALID).sort()).toEqual(offered.sort());
	});
});

describe('values as expressions give them', () => {
	it.each([
		['room:getMany', { returnAll: 'false', limit: '3', filters: { liveStatus: ['101', 102] } }, 'getLiveInfo'],
		['goods:getMany', { status: '2', returnAll: 0, limit: 2 }, 'goodsApproved'],
		['roomGoods:setSale', { ...room, ...goods, onSale: 'false' }, 'goodsOnSale'],
		['room:create', { ...roomFields, type: '1', closeLike: 1, closeGoods: '0', additionalFields: { closeReplay: 'true', screenType: '0' } }, 'roomCreate'],
	] as const)('%s takes digits for numbers and "true"/1 for switches', async (key, parameters, endpoint) => {
		const [resource, operation] = key.split(':');
		const { error } = await run({ resource, operation, ...VALID[key], ...parameters });
		expect(error?.message ?? '').not.toMatch(INPUT_ERROR);
		expect(sandbox.requests().map((r) => r.endpoint)).toContain(endpoint);
	});

	it('sends the values WeChat expects', async () => {
		await run({ resource: 'room', operation: 'create', ...roomFields, type: '1', closeLike: 'true', additionalFields: { closeReplay: 0, screenType: '1' } });
		const [request] = sandbox.requests('roomCreate');
		expect(request.body).toMatchObject({ type: 1, closeLike: 1, closeGoods: 0, closeReplay: 0, screenType: 1 });
	});
});

/** An input error: it names a field and the item, "Room Name in item 1 …". */
const INPUT_ERROR = /^[^,]* in item \d+\b/;

/** The display names a parameter (or an option inside a collection) has in an operation. */
function displayNamesOf(operation: string, name: string): string[] {
	const [resource, op] = operation.split(':');
	const found: string[] = [];
	const visit = (options: unknown[] | undefined): void => {
		for (const option of (options ?? []) as Array<INodeProperties & { values?: INodeProperties[] }>) {
			if (option.name === name && option.displayName) found.push(option.displayName);
			visit(option.options as unknown[] | undefined);
			visit(option.values);
		}
	};
	visit(resources.find((r) => r.value === resource)?.operations.find((o) => o.value === op)?.properties);
	visit([batchingProperty]); // added to every per-item operation by the description builder
	return found;
}

/** The error names the field as its property shows it. */
function expectNamed(message: string, operation: string, field: string): void {
	const names = displayNamesOf(operation, field);
	expect(names.some((displayName) => message.includes(displayName)) ? undefined : { message, names }).toBeUndefined();
}

describe.each(resources.map((r) => [r.value] as const))('%s: bad parameters fail before any request, naming the field', (resource) => {
	const cases = allCases.filter((c) => c.operation.startsWith(`${resource}:`));
	const check = async ({ operation, field, parameters }: Case) => {
		const [, op] = operation.split(':');
		const { error, items } = await run({ resource, operation: op, ...parameters });
		expect({ requests: sandbox.requests().map((r) => r.endpoint) }).toEqual({ requests: [] });
		expect(items).toBeUndefined();
		expectNamed(String(error?.message), operation, field);
		expect(`${error?.message} ${error?.description}`).not.toContain(sandbox.app.appSecret);
		// With Continue On Fail: the item comes out once, as an error item saying the same, with the fix.
		const onFail = await run({ resource, operation: op, ...parameters }, true);
		expect({ requests: sandbox.requests().map((r) => r.endpoint) }).toEqual({ requests: [] });
		expect(onFail.error).toBeUndefined();
		expect(onFail.items).toHaveLength(1);
		const [item] = onFail.items!;
		expect([item.pairedItem].flat()).toEqual([{ item: 0 }]);
		expectNamed(String(item.json.error), operation, field);
		expect(typeof item.json.description).toBe('string');
	};
	const known = cases.filter((c) => gapOf(c));
	const rest = cases.filter((c) => !gapOf(c));
	if (rest.length) it.each(rest.map((c) => [c.label, c] as const))('%s', (_label, c) => check(c));
	if (known.length) it.failing.each(known.map((c) => [c.label, c] as const))('%s (known gap)', (_label, c) => check(c));
});

it('generates cases for every operation that has parameters, and lists the known gaps', () => {
	const gaps = new Map<string, string[]>();
	for (const c of allCases) {
		const gap = gapOf(c);
		if (gap) gaps.set(gap, [...(gaps.get(gap) ?? []), c.label]);
	}
	process.stdout.write(
		`\nbad parameters: ${allCases.length} cases, ${allCases.length - [...gaps.values()].flat().length} refused before any request, ${[...gaps.values()].flat().length} known gaps:\n${[...gaps.entries()].map(([gap, labels]) => `- ${gap} (${labels.length} cases, e.g. ${labels[0]})`).join('\n')}\n`,
	);
	const withParameters = resources.flatMap((r) => r.operations.filter((op) => op.properties.some((p) => p.type !== 'notice')).map((op) => `${r.value}:${op.value}`));
	const covered = new Set(allCases.map((c) => c.operation));
	expect(withParameters.filter((key) => !covered.has(key))).toEqual([]);
	expect(allCases.length).toBeGreaterThan(300);
});
