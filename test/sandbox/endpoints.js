// The WeChat endpoints the sandbox serves: name, method and path as WeChat's own pages give them, with
// the page. Written from those pages, not read from the node's table (nodes/WeChatLive/transport/
// endpoints.json): a wrong method or path there then fails against the sandbox, and
// test/unit/sandboxEndpoints.test.ts compares the two tables. Names are the node's, so the request log
// and fault injection speak of `roomCreate`, not of a path. To add an endpoint: a line here, and a
// handler of the same name exported by a file in routes/.
const API = 'https://developers.weixin.qq.com/miniprogram/dev/server/API';
const page = (folder) => (name) => `${API}/${folder}/${name}.html`;
const studio = page('livebroadcast/studio-management');
const commodity = page('livebroadcast/commodity-management');
const role = page('livebroadcast/role-management');
const subscribe = page('livebroadcast/subscribe-management');

const get = (path, doc) => ({ method: 'GET', path, doc });
const post = (path, doc) => ({ method: 'POST', path, doc });

module.exports = {
	// Platform: the stable access token (获取稳定版接口调用凭据) and temporary media (新增临时素材).
	stableToken: post('/cgi-bin/stable_token', page('mp-access-token')('api_getstableaccesstoken')),
	mediaUpload: post('/cgi-bin/media/upload', page('kf-mgnt/kf-message')('api_uploadtempmedia')),

	// Rooms (直播间管理)
	roomCreate: post('/wxaapi/broadcast/room/create', studio('api_createroom')),
	getLiveInfo: post('/wxa/business/getliveinfo', studio('api_getliveinfo')), // list and, with action=get_replay, replays
	roomEdit: post('/wxaapi/broadcast/room/editroom', studio('api_editroom')),
	roomDelete: post('/wxaapi/broadcast/room/deleteroom', studio('api_deleteroom')),
	roomGetPushUrl: get('/wxaapi/broadcast/room/getpushurl', studio('api_getpushurl')),
	roomGetSharedCode: get('/wxaapi/broadcast/room/getsharedcode', studio('api_getsharedcode')),
	roomUpdateFeedPublic: post('/wxaapi/broadcast/room/updatefeedpublic', studio('api_updatefeedpublic')),
	roomUpdateReplay: post('/wxaapi/broadcast/room/updatereplay', studio('api_updatereplay')),
	roomUpdateKf: post('/wxaapi/broadcast/room/updatekf', studio('api_updatekf')),
	roomUpdateComment: post('/wxaapi/broadcast/room/updatecomment', studio('api_updatecomment')),

	// Room assistants (小助手); WeChat's page name "addveassistant" is its own typo.
	assistantAdd: post('/wxaapi/broadcast/room/addassistant', studio('api_addveassistant')),
	assistantModify: post('/wxaapi/broadcast/room/modifyassistant', studio('api_modifyassistant')),
	assistantRemove: post('/wxaapi/broadcast/room/removeassistant', studio('api_removeassistant')),
	assistantList: get('/wxaapi/broadcast/room/getassistantlist', studio('api_getassistantlist')),

	// Sub-anchor (主播副号)
	subAnchorAdd: post('/wxaapi/broadcast/room/addsubanchor', studio('api_addsubanchor')),
	subAnchorModify: post('/wxaapi/broadcast/room/modifysubanchor', studio('api_modifysubanchor')),
	subAnchorDelete: post('/wxaapi/broadcast/room/deletesubanchor', studio('api_deletesubanchor')),
	subAnchorGet: get('/wxaapi/broadcast/room/getsubanchor', studio('api_getsubanchor')),

	// Goods inside a room; WeChat spells two paths in camel case (deleteInRoom, getVideo) and one page "deletedoods".
	roomAddGoods: post('/wxaapi/broadcast/room/addgoods', studio('api_importgoods')),
	goodsOnSale: post('/wxaapi/broadcast/goods/onsale', studio('api_salegoods')),
	goodsDeleteInRoom: post('/wxaapi/broadcast/goods/deleteInRoom', studio('api_deletedoods')),
	goodsPush: post('/wxaapi/broadcast/goods/push', studio('api_pushgoods')),
	goodsSort: post('/wxaapi/broadcast/goods/sort', studio('api_sortgoods')),
	goodsGetVideo: post('/wxaapi/broadcast/goods/getVideo', studio('api_downloadgoodsvideo')),

	// The live pendant's global goods key (直播挂件)
	goodsSetKey: post('/wxaapi/broadcast/goods/setkey', studio('api_setdefault_goodskey')),
	goodsGetKey: get('/wxaapi/broadcast/goods/getkey', studio('api_getdefault_goodskey')),

	// Goods library (直播商品管理)
	goodsAdd: post('/wxaapi/broadcast/goods/add', commodity('api_addgoods')),
	goodsUpdate: post('/wxaapi/broadcast/goods/update', commodity('api_updategoodsinfo')),
	goodsDelete: post('/wxaapi/broadcast/goods/delete', commodity('api_deletegoodsinfo')),
	goodsResetAudit: post('/wxaapi/broadcast/goods/resetaudit', commodity('api_resetaudit')),
	goodsAudit: post('/wxaapi/broadcast/goods/audit', commodity('api_resubmitaudit')),
	goodsWarehouse: post('/wxa/business/getgoodswarehouse', commodity('api_getgoodsauditinfo')),
	goodsApproved: get('/wxaapi/broadcast/goods/getapproved', commodity('api_getgoodsinfo')),

	// Roles (成员管理); the add page is named "getrolelistdw" on WeChat's site.
	roleAdd: post('/wxaapi/broadcast/role/addrole', role('api_getrolelistdw')),
	roleDelete: post('/wxaapi/broadcast/role/deleterole', role('api_deleterole')),
	roleList: get('/wxaapi/broadcast/role/getrolelist', role('api_getrolelist')),

	// Long-term subscribers (长期订阅)
	followersGet: post('/wxa/business/get_wxa_followers', subscribe('api_getfollowers')),
	pushMessage: post('/wxa/business/push_message', subscribe('api_pushmessage')),
};
