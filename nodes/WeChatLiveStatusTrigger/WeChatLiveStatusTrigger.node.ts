import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { localize } from '../shared/i18n/localize';
import { labelsOf, subtitleOf } from '../shared/i18n/subtitle';
import { t } from '../shared/i18n/translate';
import { ownEntry } from '../shared/lookup';
import { GOODS_AUDIT_EVENT, pollGoodsAudit } from './goodsAudit';
import { pollReplayReady, REPLAY_READY_EVENT } from './replayReady';
import { pollRoomStatus, ROOM_STATUS_EVENT } from './roomStatus';
import type { TriggerState } from './state';
import { forgetOtherEvents } from './state';

type Poll = (this: IPollFunctions) => Promise<INodeExecutionData[][] | null>;

/** Each event: its poll, and the keys of the workflow's static data it keeps its state under. */
const events: Record<string, { poll: Poll; stateKeys: Array<keyof TriggerState> }> = {
	[GOODS_AUDIT_EVENT]: { poll: pollGoodsAudit, stateKeys: ['goods'] },
	[ROOM_STATUS_EVENT]: { poll: pollRoomStatus, stateKeys: ['rooms'] },
	[REPLAY_READY_EVENT]: { poll: pollReplayReady, stateKeys: ['replayed', 'replayFilter'] },
};

const EVENT_CHOICES: INodePropertyOptions[] = [
	{
		name: 'Goods Audit Status Changed',
		value: GOODS_AUDIT_EVENT,
		description:
			'A goods of the library was approved, rejected, withdrawn or resubmitted (商品审核状态, from getapproved)',
	},
	{
		name: 'Replay Ready',
		value: REPLAY_READY_EVENT,
		description:
			'An ended room’s replay became available (直播回放, from getliveinfo get_replay), about 10 minutes after the room ends',
	},
	{
		name: 'Room Status Changed',
		value: ROOM_STATUS_EVENT,
		description:
			'A live room started, paused, ended, was banned… (直播间状态 live_status, from getliveinfo)',
	},
];

export class WeChatLiveStatusTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeChat Live Status Trigger',
		name: 'weChatLiveStatusTrigger',
		icon: {
			light: 'file:../../icons/wechatLive.svg',
			dark: 'file:../../icons/wechatLive.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: subtitleOf('$parameter["event"]', labelsOf(EVENT_CHOICES)),
		description:
			'Starts the workflow when a goods audit result comes in, a live room changes status, or a replay becomes available, by polling WeChat',
		defaults: {
			name: 'WeChat Live Status Trigger',
		},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'weChatLiveApi',
				required: true,
			},
		],
		properties: [
			{
				displayName:
					'WeChat sends no message when a goods audit is decided, a room changes status or a replay is ready, so this trigger asks WeChat on the Poll Times schedule and reports what changed since the previous poll. The first poll after publishing only records how things stand. Mind the daily quotas: goods polls use getapproved (10,000 calls a day, at least 4 calls a poll: one per audit status and 100 goods), so poll goods every 5 minutes or less often; room and replay polls use getliveinfo (100,000 a day, one call per 100 rooms plus one per recently ended room awaiting its replay), so every minute is fine.',
				name: 'pollingNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				required: true,
				default: GOODS_AUDIT_EVENT,
				description: 'Which change starts the workflow',
				options: EVENT_CHOICES,
			},
			{
				displayName: 'Changed To',
				name: 'auditStatusTo',
				type: 'options',
				default: 'any',
				description: 'Which audit results start the workflow',
				displayOptions: { show: { event: [GOODS_AUDIT_EVENT] } },
				options: [
					{
						name: 'Any Change',
						value: 'any',
						description:
							'Every change of audit status, including withdrawn (Not Submitted) and resubmitted (Under Review)',
					},
					{
						name: 'Approved',
						value: 'approved',
						description: 'The goods passed the audit (审核通过) and can be imported into rooms',
					},
					{
						name: 'Rejected',
						value: 'rejected',
						description: 'The goods failed the audit (审核驳回): fix it and resubmit it',
					},
				],
			},
			{
				displayName: 'Changed To',
				name: 'roomStatusTo',
				type: 'options',
				default: 'any',
				description: 'Which room status changes start the workflow',
				displayOptions: { show: { event: [ROOM_STATUS_EVENT] } },
				options: [
					{
						name: 'Any Change',
						value: 'any',
						description: 'Every change of live_status, including banned, abnormal and expired',
					},
					{
						name: 'Ended',
						value: 'ended',
						description: 'The room ended (已结束, 103)',
					},
					{
						name: 'Live',
						value: 'live',
						description: 'The room went live, or live again after a pause (直播中, 101)',
					},
					{
						name: 'Paused',
						value: 'paused',
						description: 'The room was paused (暂停, 105)',
					},
				],
			},
			{
				displayName: 'Room IDs',
				name: 'roomIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1001, 1002',
				description:
					'Only these rooms, by room ID (roomid), separated by commas. Leave empty for every room.',
				displayOptions: { show: { event: [ROOM_STATUS_EVENT, REPLAY_READY_EVENT] } },
			},
			{
				displayName: 'Rooms Ended Within (Days)',
				name: 'endedWithinDays',
				type: 'number',
				default: 3,
				typeOptions: { minValue: 1 },
				description:
					'Only rooms whose planned end time is at most this many days ago are checked for a replay, one getliveinfo call each per poll until their replay appears',
				displayOptions: { show: { event: [REPLAY_READY_EVENT] } },
			},
		],
	};

	// The panel in the package's language (nodes/shared/i18n); the literal above stays what n8n's lint reads.
	constructor() {
		this.description = localize(this.description);
	}

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const chosen = this.getNodeParameter('event', GOODS_AUDIT_EVENT) as unknown;
		// An Event from an expression can be anything: polling goods instead would report the wrong thing.
		const event = typeof chosen === 'string' ? ownEntry(events, chosen) : undefined;
		if (!event) {
			throw new NodeOperationError(this.getNode(), t('Event: "{value}" is not an event this trigger knows', { value: String(chosen) }), {
				description: t(
					'Choose Goods Audit Status Changed, Room Status Changed or Replay Ready; an expression must result in {goodsAudit}, {roomStatus} or {replayReady}.',
					{ goodsAudit: GOODS_AUDIT_EVENT, roomStatus: ROOM_STATUS_EVENT, replayReady: REPLAY_READY_EVENT },
				),
			});
		}
		// A manual test run leaves the stored state alone, whatever it holds.
		if (this.getMode() !== 'manual') forgetOtherEvents(this, event.stateKeys);
		return await event.poll.call(this);
	}
}
