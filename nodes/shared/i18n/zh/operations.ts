/**
 * The operations' own run-time texts (nodes/WeChatLive/actions/<resource>/): their readers' problems and
 * fixes, and what an operation reports. A problem is a predicate that follows "{item}的{field}" (the input
 * error's template, "{field} in {item} {problem}."), without final punctuation; a fix is a whole sentence.
 */
export const operations: Record<string, string> = {
	// Room: Create and Update (room/fields.ts)
	"Give the room a title.": "请填写直播间名称。",
	"Give the anchor’s nickname.": "请填写主播昵称。",

	// Room → Get Share Code: the custom parameters (room/fields.ts)
	"has no parameter": "中一个参数也没有",
	"Add a parameter, or set {field} to {none}.": "请添加参数，或把“{field}”设为“{none}”。",
	"has a parameter without a name (parameter {n})": "中有参数没有名称（第 {n} 个参数）",
	"Name every parameter, or remove the empty one.": "请给每个参数填写名称，或删除空的参数。",
	"has the parameter “{name}” twice": "中参数“{name}”出现了两次",
	"Give each parameter once.": "每个参数只能填写一次。",
	"is not valid JSON ({reason})": "不是有效的 JSON（{reason}）",
	"is a list, but must be one JSON object": "是一个列表，但必须是一个 JSON 对象",
	"is {value}, but must be one JSON object": "是 {value}，但必须是一个 JSON 对象",
	"is an empty object": "是一个空对象",
	"Give one JSON object, e.g. {\"path\": \"pages/index/index\", \"pid\": 1}.": "请填写一个 JSON 对象，例如 `{\"path\": \"pages/index/index\", \"pid\": 1}`。",

	// Room → Get
	"Room {roomId}, asked for in {item}, was not found.": "未找到{item}要查询的直播间 {roomId}。",
	"None of the account’s {count} rooms has this ID. Check the Room ID, or list the rooms with Room → Get Many.":
		"账号下的 {count} 个直播间中没有这个 ID。请检查直播间 ID，或用“直播间 → 获取列表”查看所有直播间。",

	// Room Assistant (roomAssistant/fields.ts)
	"{field} of assistant {n}": "第 {n} 个小助手的{field}",
	"Give the name viewers see for the assistant.": "请填写观众看到的小助手昵称。",
	"Give 1 to {max} assistants: a room has at most {max} (WeChat’s `maxCount`).": "请填写 1–{max} 个小助手：一个直播间最多 {max} 个（微信的 `maxCount`）。",
	"lists “{username}” twice": "中“{username}”出现了两次",
	"Give each assistant once.": "每个小助手只能填写一次。",
	"Give a list such as [{\"username\": \"wxid_helper01\", \"nickname\": \"小助手\"}].": "请填写一个列表，例如 `[{\"username\": \"wxid_helper01\", \"nickname\": \"小助手\"}]`。",
	"has an entry that is not an object: {entry}": "中有一项不是对象：{entry}",
	"Give each assistant as {\"username\": \"…\", \"nickname\": \"…\"}.": "每个小助手请写成 `{\"username\": \"…\", \"nickname\": \"…\"}`。",

	// Goods (goods/fields.ts, goods/update.operation.ts)
	"Give the goods a name.": "请填写商品名称。",
	"Give the goods detail page, e.g. pages/goods/detail?id=1001.": "请填写商品详情页路径，例如 `pages/goods/detail?id=1001`。",
	"Give the App ID of the mini program that sells the goods, or remove the field.": "请填写销售该商品的小程序的 AppID，或删除这个字段。",
	"has no field to change": "中没有要修改的字段",
	"Add the fields to change under {field}.": "请在“{field}”中添加要修改的字段。",

	// Goods → Get
	"Goods {ids}, asked for in {item}, was not found.": "未找到{item}要查询的商品 {ids}。",
	"Goods {ids}, asked for in {item}, were not found.": "未找到{item}要查询的商品 {ids}。",
	"WeChat has no goods with this ID in the live goods library (deleted, or never created). Check the ID, or list the goods with Goods → Get Many.":
		"微信的直播商品库中没有这个 ID 的商品（已删除，或从未创建）。请检查商品 ID，或用“商品 → 获取列表”查看商品。",
	"WeChat has no goods with these IDs in the live goods library (deleted, or never created). Check the IDs, or list the goods with Goods → Get Many.":
		"微信的直播商品库中没有这些 ID 的商品（已删除，或从未创建）。请检查商品 ID，或用“商品 → 获取列表”查看商品。",

	// Role (role/fields.ts, role/getMany.operation.ts)
	"Give the member’s WeChat ID (微信号).": "请填写成员的微信号。",
	"is masked (“{username}”)": "是打码后的微信号（“{username}”）",
	"WeChat masks the IDs that Role → Get Many returns: give the member’s full WeChat ID.": "微信会对“成员角色 → 获取列表”返回的微信号打码：请填写成员完整的微信号。",
	"is the super admin (0), which WeChat does not let the API set or remove": "是超级管理员（0），微信不允许通过接口设置或移除",
	"Transfer the super admin in the MP console (小程序直播 → 成员管理).": "请在微信公众平台转让超级管理员（小程序直播 → 成员管理）。",
	"is “{role}”, which is not a role the API can set": "是“{role}”，不是可以通过接口设置的角色",
	"Pick the role from the list, or make the expression give 1 (Admin), 2 (Anchor) or 3 (Operator).": "请从列表中选择角色，或让表达式给出 1（管理员）、2（主播）或 3（运营者）。",
	"is “{role}”, which is not a role WeChat lists": "是“{role}”，不是微信可以查询的角色",
	"Pick a role from the list, or make the expression give -1 (All Members), 0 (Super Admin), 1 (Admin), 2 (Anchor) or 3 (Operator).":
		"请从列表中选择角色，或让表达式给出 -1（全部成员）、0（超级管理员）、1（管理员）、2（主播）或 3（运营者）。",

	// Subscriber → Push Message (subscriber/fields.ts, subscriber/pushMessage.operation.ts)
	"An openid has only letters, digits, “-” and “_”, e.g. o7esq5MvImF2SEm7OHYohausj2o. Give openids as text (comma- or line-separated) or as a list.":
		"openid 只含字母、数字、“-”和“_”，例如 o7esq5MvImF2SEm7OHYohausj2o。请以文本（用逗号或换行分隔）或列表的形式填写 openid。",
	"contains {entry}, which is not an openid": "中有 {entry}，它不是 openid",
	"contains “{entry}”, which is not an openid": "中有“{entry}”，它不是 openid",
	"has no openids": "中没有 openid",
	"Give at least one openid, or choose {all} as {recipients}.": "请至少填写一个 openid，或把“{recipients}”选为“{all}”。",
	"Give the name of the input items’ openid field, e.g. openid.": "请填写输入数据中 openid 字段的名称，例如 openid。",
	"is “{path}”, but the input item has no such field": "是“{path}”，但输入数据中没有这个字段",
	"Use one of the item’s fields: {fields}.": "请使用这条数据中的字段之一：{fields}。",
	"The input item is empty: connect Subscriber → Get Many, or a node that outputs openids.": "输入数据是空的：请连接“长期订阅用户 → 获取列表”，或其他输出 openid 的节点。",
	"Field “{path}”": "字段“{path}”",
	"room {roomId} batch {batch} (message_id {messageId})": "直播间 {roomId} 第 {batch} 批（`message_id` {messageId}）",
	"Already pushed in this run, do not resend: {calls}.": "本次运行中已经推送过以下批次，请勿重复推送：{calls}。",

	// Media → Upload Image
	"Image": "图片",
	"Goods Cover Image": "商品封面",
	"Give the image’s http(s) URL.": "请填写图片的 http(s) 链接。",
	"Give the name of the input item’s binary property that holds the image, e.g. data.": "请填写输入数据中存放图片的二进制字段名称，例如 data。",
};
