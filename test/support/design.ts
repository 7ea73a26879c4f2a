/** Every resource and operation value the node offers, exactly as designed (the README's operations table lists them). */
export const DESIGN = {
	room: ['create', 'get', 'getMany', 'update', 'delete', 'getPushUrl', 'getShareCode', 'getReplay', 'setFeedPublic', 'setReplay', 'setCustomerService', 'setComments'],
	roomAssistant: ['add', 'update', 'remove', 'getMany'],
	roomSubAnchor: ['add', 'update', 'delete', 'get'],
	roomGoods: ['import', 'setSale', 'remove', 'push', 'sort', 'getVideo'],
	goods: ['create', 'update', 'delete', 'cancelAudit', 'resubmitAudit', 'get', 'getMany'],
	role: ['add', 'remove', 'getMany'],
	subscriber: ['getMany', 'pushMessage'],
	widget: ['setGoodsKey', 'getGoodsKey'],
	media: ['uploadImage'],
};
export const designPairs = Object.entries(DESIGN).flatMap(([r, ops]) => ops.map((o) => `${r}:${o}`));
