import type { Json } from '../harness';

export const PACKAGE = 'n8n-nodes-wechat-live';
export const NODE_TYPE = `${PACKAGE}.weChatLive`;
export const CREDENTIAL = { id: 'wxLiveE2eCred001', name: 'WeChat Live (sandbox)' };

/** The sandbox credential as n8n imports it (the data is encrypted on import). */
export function sandboxCredential(sandbox: { url: string; app: { appId: string; appSecret: string } }) {
	return {
		...CREDENTIAL,
		type: 'weChatLiveApi',
		data: { appId: sandbox.app.appId, appSecret: sandbox.app.appSecret, baseUrl: sandbox.url },
	};
}

let counter = 0;

/**
 * Manual Trigger → (Code node giving the input items) → WeChat Live, as a user would wire it.
 * Workflow ids stay ≤ 21 characters (n8n execute ignores longer ones).
 */
export function actionWorkflow(
	name: string,
	parameters: Json,
	{ items, continueOnFail = false }: { items?: Json[]; continueOnFail?: boolean } = {},
): Json {
	const id = `wxE2e${String(++counter).padStart(4, '0')}${Date.now().toString(36).slice(-6)}`;
	const nodes: Json[] = [
		{
			id: `${id}-trigger`,
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	const connections: Json = {};
	let previous = 'Start';
	if (items) {
		nodes.push({
			id: `${id}-items`,
			name: 'Input Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [220, 0],
			parameters: { jsCode: `return ${JSON.stringify(items.map((json) => ({ json })))};` },
		});
		connections[previous] = { main: [[{ node: 'Input Items', type: 'main', index: 0 }]] };
		previous = 'Input Items';
	}
	nodes.push({
		id: `${id}-wechat`,
		name: 'WeChat Live',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [440, 0],
		parameters,
		credentials: { weChatLiveApi: CREDENTIAL },
		...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	});
	connections[previous] = { main: [[{ node: 'WeChat Live', type: 'main', index: 0 }]] };
	return { id, name, nodes, connections, settings: { executionOrder: 'v1' } };
}

/** Room → Create with every field a shop fills in, the images as media IDs; `room` overrides any of them. */
export function roomCreateWorkflow(
	name: string,
	{ media, startTime, endTime, ...room }: { media: string; startTime: string; endTime: string } & Json,
): Json {
	return actionWorkflow(name, {
		resource: 'room',
		operation: 'create',
		name: 'Evening tea show',
		startTime,
		endTime,
		anchorName: 'Anchor Lin',
		anchorWechat: 'lin_anchor',
		imageSource: 'mediaId',
		coverImg: media,
		shareImg: media,
		feedsImg: media,
		type: 0,
		closeLike: false,
		closeGoods: false,
		closeComment: false,
		additionalFields: {},
		...room,
	});
}
