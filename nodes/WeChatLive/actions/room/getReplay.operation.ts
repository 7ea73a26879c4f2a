import { getPaging, getRoomId } from '../common/parameters';
import { returnAllOrLimit, roomIdProperty } from '../common/properties';
import type { WeChatOperation } from '../types';
import { listReplays } from '../../transport/reads/replays';

export const roomGetReplay: WeChatOperation = {
	value: 'getReplay',
	name: 'Get Replay',
	action: 'Get the replay of a room',
	description:
		'Get the replay video segments of a room, one item each (获取直播间回放). WeChat makes them about 10 minutes after the show ends; the media URLs expire.',
	endpoints: ['getLiveInfo'],
	properties: [roomIdProperty, ...returnAllOrLimit()],
	async execute(itemIndex) {
		const roomId = getRoomId(this, itemIndex);
		const paging = getPaging(this, itemIndex);
		return await listReplays.call(this, roomId, paging, itemIndex);
	},
};
