import { NodeOperationError } from 'n8n-workflow';

import { t } from '../../../shared/i18n/translate';
import { itemNumber } from '../../helpers/validation';
import { getRoomId } from '../common/parameters';
import { roomIdProperty } from '../common/properties';
import type { WeChatOperation } from '../types';
import { listRooms } from '../../transport/reads/rooms';

export const roomGet: WeChatOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get a room',
	description: 'Get one room by its ID (from 获取直播间列表; WeChat has no single-room read)',
	endpoints: ['getLiveInfo'],
	properties: [roomIdProperty],
	async execute(itemIndex) {
		const roomId = getRoomId(this, itemIndex);
		let seen = 0;
		const [room] = await listRooms.call(
			this,
			{ returnAll: false, limit: 1, keep: (r) => (seen++, Number(r.roomid) === roomId) },
			itemIndex,
		);
		if (!room) {
			throw new NodeOperationError(this.getNode(), t('Room {roomId}, asked for in {item}, was not found.', { roomId, item: itemNumber(itemIndex) }), {
				description: t('None of the account’s {count} rooms has this ID. Check the Room ID, or list the rooms with Room → Get Many.', { count: seen }),
				itemIndex,
			});
		}
		return room;
	},
};
