import type { WeChatResource } from '../types';
import { create } from './create.operation';
import { deleteRoom } from './delete.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { getPushUrl } from './getPushUrl.operation';
import { getReplay } from './getReplay.operation';
import { getShareCode } from './getShareCode.operation';
import { setComments } from './setComments.operation';
import { setCustomerService } from './setCustomerService.operation';
import { setFeedPublic } from './setFeedPublic.operation';
import { setReplay } from './setReplay.operation';
import { update } from './update.operation';

export const room: WeChatResource = {
	value: 'room',
	name: 'Room',
	description: 'Live rooms (直播间)',
	operations: [
		create,
		get,
		getMany,
		update,
		deleteRoom,
		getPushUrl,
		getShareCode,
		getReplay,
		setFeedPublic,
		setReplay,
		setCustomerService,
		setComments,
	],
};
