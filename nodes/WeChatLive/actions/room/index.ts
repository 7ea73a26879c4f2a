import type { WeChatResource } from '../types';
import { roomCreate } from './create.operation';
import { roomDelete } from './delete.operation';
import { roomGet } from './get.operation';
import { roomGetMany } from './getMany.operation';
import { roomGetPushUrl } from './getPushUrl.operation';
import { roomGetReplay } from './getReplay.operation';
import { roomGetShareCode } from './getShareCode.operation';
import { roomSetComments } from './setComments.operation';
import { roomSetCustomerService } from './setCustomerService.operation';
import { roomSetFeedPublic } from './setFeedPublic.operation';
import { roomSetReplay } from './setReplay.operation';
import { roomUpdate } from './update.operation';

export const room: WeChatResource = {
	value: 'room',
	name: 'Room',
	description: 'Live rooms (直播间)',
	operations: [
		roomCreate,
		roomGet,
		roomGetMany,
		roomUpdate,
		roomDelete,
		roomGetPushUrl,
		roomGetShareCode,
		roomGetReplay,
		roomSetFeedPublic,
		roomSetReplay,
		roomSetCustomerService,
		roomSetComments,
	],
};
