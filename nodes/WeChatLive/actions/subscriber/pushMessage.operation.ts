import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { sentences, t } from '../../../shared/i18n/translate';
import { weChatRequest } from '../../transport/request';
import { getRoomId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import { errorItemJson } from '../errorItem';
import type { WeChatOperation } from '../types';
import { listFollowers } from '../../transport/reads/followers';
import { chunk, openidFieldProperty, openidsOfItem, openidsProperty, parseOpenids, PUSH_BATCH_SIZE } from './fields';

type Recipients = 'allSubscribers' | 'itemField' | 'list';

/** The openids bound for one room, each with the input item it came from (for pairedItem). */
interface RoomPush {
	roomId: number;
	items: number[];
	openids: Map<string, number>;
}

/** Reads every item's room and openids; a bad item fails (or becomes an error item) before any request. */
function collectPushes(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	recipients: Recipients,
	onError: (error: Error, itemIndex: number) => void,
): RoomPush[] {
	const byRoom = new Map<number, RoomPush>();
	items.forEach((item, itemIndex) => {
		try {
			const roomId = getRoomId(context, itemIndex);
			let openids: string[] = [];
			if (recipients === 'list') {
				openids = parseOpenids(context, itemIndex, openidsProperty, context.getNodeParameter(openidsProperty.name, itemIndex, ''));
			} else if (recipients === 'itemField') {
				const path = String(context.getNodeParameter(openidFieldProperty.name, itemIndex, openidFieldProperty.default)).trim();
				openids = openidsOfItem(context, itemIndex, item.json, path);
			}
			const push = byRoom.get(roomId) ?? { roomId, items: [], openids: new Map<string, number>() };
			byRoom.set(roomId, push);
			push.items.push(itemIndex);
			// The same openid twice in one run would be pushed twice: keep the first.
			for (const openid of openids) if (!push.openids.has(openid)) push.openids.set(openid, itemIndex);
		} catch (error) {
			onError(error as Error, itemIndex);
		}
	});
	return [...byRoom.values()];
}

const paired = (indexes: Iterable<number>): IPairedItemData[] => [...new Set(indexes)].sort((a, b) => a - b).map((item) => ({ item }));

export const subscriberPushMessage: WeChatOperation = {
	value: 'pushMessage',
	name: 'Push Message',
	action: 'Push a live-started message to subscribers',
	description:
		'Tell long-term subscribers that a room is live (长期订阅群发). Runs once for all input items: openids are merged per room and sent 2,000 a call.',
	endpoints: ['pushMessage', 'followersGet'],
	properties: [
		{
			displayName:
				'Runs once for all input items: their openids are merged per room, duplicates dropped, and sent in calls of up to 2,000. One output item per call, with the message_id the push-result event (wxalive_push_message_notify) carries. WeChat pushes one room a day, only while it is live.',
			name: 'pushNotice',
			type: 'notice',
			default: '',
		},
		roomIdProperty,
		{
			displayName: 'Recipients',
			name: 'recipients',
			type: 'options',
			noDataExpression: true,
			default: 'itemField',
			description: 'Who is told the room is live (user_openid)',
			options: [
				{
					name: 'All Long-Term Subscribers',
					value: 'allSubscribers',
					description: 'The node reads every subscriber first (one request per 2,000), then pushes to all of them',
				},
				{
					name: 'Field of Each Input Item',
					value: 'itemField',
					description: 'The openid (or a list of openids) in a field of every input item, e.g. the output of Subscriber → Get Many',
				},
				{
					name: 'Openid List',
					value: 'list',
					description: 'Openids given in a parameter, separated by commas or new lines, or an expression that returns a list',
				},
			],
		},
		openidFieldProperty,
		openidsProperty,
	],
	async executeAll(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
		const output: INodeExecutionData[] = [];
		const fail = (error: Error, pairedItem: IPairedItemData[], extra: IDataObject = {}) => {
			if (!this.continueOnFail()) throw error;
			output.push({ json: { ...errorItemJson(error), ...extra }, pairedItem });
		};
		const recipients = this.getNodeParameter('recipients', 0, 'itemField') as Recipients;
		const pushes = collectPushes(this, items, recipients, (error, itemIndex) => fail(error, [{ item: itemIndex }]));

		if (recipients === 'allSubscribers' && pushes.length > 0) {
			const asking = pushes.flatMap((push) => push.items);
			try {
				const followers = await listFollowers.call(this, { returnAll: true, limit: 0 }, asking[0]);
				for (const push of pushes) for (const { openid } of followers) push.openids.set(openid as string, push.items[0]);
			} catch (error) {
				fail(error as Error, paired(asking));
				return output;
			}
		}

		const sent: string[] = [];
		for (const push of pushes) {
			const batches = chunk([...push.openids], PUSH_BATCH_SIZE);
			for (const [index, batch] of batches.entries()) {
				const user_openid = batch.map(([openid]) => openid);
				const pairedItem = paired(recipients === 'allSubscribers' ? push.items : batch.map(([, item]) => item));
				const about = { room_id: push.roomId, total_count: user_openid.length, batch: index + 1, batches: batches.length };
				try {
					// A write: never resent on its own, or subscribers could be notified twice.
					const response = await weChatRequest.call(this, 'pushMessage', {
						body: { room_id: push.roomId, user_openid },
						itemIndex: pairedItem[0].item,
					});
					// total_count is what the push-result event calls the number of openids of a push.
					output.push({ json: { message_id: response.message_id, ...about }, pairedItem });
					sent.push(t('room {roomId} batch {batch} (message_id {messageId})', { roomId: push.roomId, batch: index + 1, messageId: String(response.message_id) }));
				} catch (error) {
					if (sent.length) {
						const e = error as Error & { description?: string };
						e.description = sentences(e.description, t('Already pushed in this run, do not resend: {calls}.', { calls: sent.join(t(', ')) }));
					}
					// The openids travel with the error item, so exactly this batch can be retried.
					fail(error as Error, pairedItem, { ...about, user_openid });
				}
			}
		}
		return output;
	},
};
