export const triggers: Record<string, string> = {
	// WeChat Live Trigger (message push). The trigger names keep n8n's word "Trigger": n8n's node creator
	// offers a node as a trigger only when its display name contains "trigger" (without it, the WeChat
	// Live entry says "No 微信直播 Triggers available" and the trigger cannot be added); as the Chinese
	// "Events" label is not one n8n looks for, it lists one entry, "On new 微信直播触发器 event".
	"WeChat Live Trigger": "微信直播触发器 Trigger",
	"Starts the workflow when WeChat pushes a live event (a subscriber added or removed, a mass push result). The WeChat Live node beside it has the 41 actions on rooms, goods, roles, subscribers and images.": "微信推送直播事件（有用户长期订阅或取消订阅、长期订阅群发有了结果）时启动工作流。同名的微信直播节点提供直播间、商品、成员角色、长期订阅用户和图片的 41 个操作。",
	"Register the Production URL above by hand in the mini program admin console (mp.weixin.qq.com): 开发 (Development) → 开发管理 (Development Management) → 消息推送 (Message Push). Paste the Production URL, enter the same Token and EncodingAESKey as in the credential, choose 安全模式 (safe mode) and the data format (JSON recommended; XML works too). Publish this workflow BEFORE you press 提交 (Submit): WeChat checks the URL with a GET request at that moment. WeChat only calls a public https address: the Production URL must start with https:// and be reachable from the internet. n8n builds it from its WEBHOOK_URL setting; if it starts with http:// or shows localhost or 127.0.0.1, set WEBHOOK_URL to your public https address (e.g. https://n8n.example.com/) and restart n8n.": "请在小程序管理后台（mp.weixin.qq.com）手动填写上方的生产 URL（Production URL）：开发 → 开发管理 → 消息推送。粘贴生产 URL，填写与凭证中相同的令牌（Token）和消息加密密钥（EncodingAESKey），选择“安全模式”，数据格式建议选 JSON（XML 也可以）。务必先发布此工作流，再点击“提交”：微信会在点击提交时用 GET 请求校验该 URL。微信只会调用公网 https 地址：生产 URL 必须以 https:// 开头，并且能从互联网访问。n8n 按 WEBHOOK_URL 设置生成这个地址；如果它以 http:// 开头，或显示 localhost、127.0.0.1，请把 WEBHOOK_URL 设为你的公网 https 地址（例如 https://n8n.example.com/），然后重启 n8n。",

	// WeChat Live Trigger → Events
	"Events": "事件",
	"Which pushes start the workflow. Others are still answered with \"success\", so WeChat does not retry them.": "哪些推送会启动工作流。其他推送也会回复“success”，这样微信就不会重试。",
	"Any Other Message or Event": "其他消息或事件",
	"Every other push to this URL, such as customer service messages or the console debug event (debug_demo)": "推送到此 URL 的其他所有消息和事件，例如客服消息、后台的调试事件（debug_demo）",
	"Mass Push Result": "长期订阅群发结果",
	"The result of a push to long-term subscribers (长期订阅群发结果, wxalive_push_message_notify): message_id and delivery counts": "向长期订阅用户群发的结果（wxalive_push_message_notify）：含 message_id 和各项送达人数",
	"Subscriber Added or Removed": "用户长期订阅或取消订阅",
	"A user subscribed to or unsubscribed from a live room (长期订阅状态, wxalive_follow_notify)": "用户在直播间订阅或取消了长期订阅（wxalive_follow_notify）",

	// WeChat Live Trigger → Accepted Modes
	"Accepted Modes": "接受的加解密方式",
	"Message encryption modes (消息加解密方式) this trigger accepts. Encrypted deliveries need the EncodingAESKey in the credential.": "此触发器接受哪些消息加解密方式。加密推送需要在凭证中填写消息加密密钥（EncodingAESKey）。",
	"Encrypted Only (Safe or Compatible Mode)": "仅加密（安全模式或兼容模式）",
	"安全模式 or 兼容模式: the message is signed and encrypted with the EncodingAESKey. Recommended.": "安全模式或兼容模式：消息经过签名，并用消息加密密钥（EncodingAESKey）加密。推荐使用。",
	"Encrypted or Plaintext": "加密或明文",
	"Only while switching the console between plaintext and an encrypted mode": "仅用于后台在明文模式与加密模式之间切换的过渡期",
	"Plaintext Only": "仅明文",
	"明文模式 only: the message body is not authenticated. Compatible mode (兼容模式) deliveries count as encrypted.": "仅明文模式：消息正文不经签名校验，无法确认真伪。兼容模式的推送算作加密推送。",
	"In plaintext mode (明文模式) WeChat signs only the URL parameters (Token, timestamp, nonce), not the message: anyone who has seen one delivery URL can post made-up events to this workflow until the timestamp tolerance runs out. Prefer safe mode (安全模式).": "明文模式下，微信的签名只覆盖 URL 参数（Token、timestamp、nonce），不包括消息本身：任何人只要见过一次推送的 URL，就能在时间戳允许误差的时限内向此工作流提交伪造的事件。建议改用安全模式。",

	// WeChat Live Trigger → Options
	"Options": "选项",
	"Include Raw Message": "包含原始消息",
	"Whether to add the message as WeChat sent it (decrypted, with its nested elements) under \"raw\"": "是否在 `raw` 字段下附上微信发来的原始消息（已解密，保留嵌套元素）",
	"Timestamp Tolerance (Seconds)": "时间戳允许误差（秒）",
	"Refuse deliveries whose signed timestamp is further than this from this server's clock, which limits replays. From 1 to 3600 seconds.": "签名时间戳与本服务器时钟相差超过此值的推送将被拒绝，以防被重放。可填 1 到 3600 秒。",
	"Turn Off Timestamp Check": "关闭时间戳校验",
	"Whether to accept deliveries whatever their signed timestamp. Not recommended: a captured delivery can then be replayed at any time. Only for a server whose clock cannot be kept right.": "是否不论签名时间戳如何都接受推送。不建议开启：被截获的推送随时都能被重放。仅适用于时钟无法保持准确的服务器。",

	// WeChat Live Status Trigger (polling)
	"WeChat Live Status Trigger": "微信直播状态触发器 Trigger", // "Trigger": see WeChat Live Trigger above
	"Starts the workflow when a goods audit result comes in, a live room changes status, or a replay becomes available, by polling WeChat": "定时查询微信，在商品审核出结果、直播间状态变化或回放生成时启动工作流",
	"WeChat sends no message when a goods audit is decided, a room changes status or a replay is ready, so this trigger asks WeChat on the Poll Times schedule and reports what changed since the previous poll. The first poll after publishing only records how things stand. Mind the daily quotas: goods polls use getapproved (10,000 calls a day, at least 4 calls a poll: one per audit status and 100 goods), so poll goods every 5 minutes or less often; room and replay polls use getliveinfo (100,000 a day, one call per 100 rooms plus one per recently ended room awaiting its replay), so every minute is fine.": "商品审核出结果、直播间状态变化或回放生成时，微信不会推送消息，因此此触发器按轮询时间（Poll Times）的设置定时查询微信，并报告与上次查询相比的变化。发布后的第一次查询只记录当前状态。请留意每日调用额度：查询商品使用 getapproved（每天 10,000 次；每次查询至少调用 4 次，每种审核状态每 100 个商品调用 1 次），因此商品的查询间隔请不要短于 5 分钟；查询直播间和回放使用 getliveinfo（每天 100,000 次；每 100 个直播间调用 1 次，另外每个刚结束、尚在等待回放的直播间各调用 1 次），因此每分钟查询一次也没问题。",

	// WeChat Live Status Trigger → Event
	"Event": "事件",
	"Which change starts the workflow": "哪种变化会启动工作流",
	"Goods Audit Status Changed": "商品审核状态变化",
	"A goods of the library was approved, rejected, withdrawn or resubmitted (商品审核状态, from getapproved)": "商品库中的商品审核通过、审核驳回、撤回审核或重新提交审核（来自 getapproved）",
	"Replay Ready": "回放已生成",
	"An ended room’s replay became available (直播回放, from getliveinfo get_replay), about 10 minutes after the room ends": "已结束直播间的回放可以查看了（来自 getliveinfo 的 get_replay），一般在直播结束约 10 分钟后",
	"Room Status Changed": "直播间状态变化",
	"A live room started, paused, ended, was banned… (直播间状态 live_status, from getliveinfo)": "直播间开播、暂停、结束、被禁播……（`live_status`，来自 getliveinfo）",

	// WeChat Live Status Trigger → Changed To (goods audit)
	"Changed To": "变为",
	"Which audit results start the workflow": "哪些审核结果会启动工作流",
	"Any Change": "任意变化",
	"Every change of audit status, including withdrawn (Not Submitted) and resubmitted (Under Review)": "审核状态的任何变化，包括撤回审核（变为未审核）和重新提交审核（变为审核中）",
	"Approved": "审核通过",
	"The goods passed the audit (审核通过) and can be imported into rooms": "商品已通过审核，可以导入直播间",
	"Rejected": "审核驳回",
	"The goods failed the audit (审核驳回): fix it and resubmit it": "商品未通过审核：请修改后重新提交审核",

	// WeChat Live Status Trigger → Changed To (room status)
	"Which room status changes start the workflow": "哪些直播间状态变化会启动工作流",
	"Every change of live_status, including banned, abnormal and expired": "直播状态（`live_status`）的任何变化，包括禁播、异常和已过期",
	"Ended": "已结束",
	"The room ended (已结束, 103)": "直播间状态变为已结束（103）",
	"Live": "直播中",
	"The room went live, or live again after a pause (直播中, 101)": "直播间开播，或暂停后恢复直播（直播中，101）",
	"Paused": "暂停",
	"The room was paused (暂停, 105)": "直播间状态变为暂停（105）",

	// WeChat Live Status Trigger → Room IDs, Rooms Ended Within
	"Room IDs": "直播间 ID",
	"Only these rooms, by room ID (roomid), separated by commas. Leave empty for every room.": "只查询这些直播间：填写直播间 ID（`roomid`），用逗号（中英文均可）、顿号或空格分隔。留空则查询所有直播间。",
	"e.g. 1001, 1002": "例如 1001, 1002",
	"Rooms Ended Within (Days)": "回放查询范围（天）",
	"Only rooms whose planned end time is at most this many days ago are checked for a replay, one getliveinfo call each per poll until their replay appears": "只为计划结束时间在最近这么多天内的直播间查询回放；回放生成之前，每次查询都为每个这样的直播间调用 1 次 getliveinfo",

	// Run time
	// WeChat Live Trigger → publishing: Timestamp Tolerance, Turn Off Timestamp Check
	"Turn Off Timestamp Check must be on or off, not \"{value}\"": "“关闭时间戳校验”只能是开或关，不能是“{value}”",
	"Switch it on or off, or give an expression that results in true or false.": "请打开或关闭此选项，或使用结果为 `true` 或 `false` 的表达式。",
	"Timestamp Tolerance 0 no longer turns the timestamp check off": "“时间戳允许误差”填 0 已不再表示关闭时间戳校验",
	"Enter a number of seconds from 1 to {max} ({usual} is WeChat's usual 5 minutes), or, if you really want no check, add the option Turn Off Timestamp Check.": "请填写 1 到 {max} 之间的秒数（{usual} 即微信通常的 5 分钟）；如果确实不需要校验，请添加选项“关闭时间戳校验”。",
	"Timestamp Tolerance must be a number of seconds from 1 to {max}, not {value}": "“时间戳允许误差”必须是 1 到 {max} 之间的秒数，不能是 {value}",
	"Enter a number of seconds from 1 to {max}, such as {usual} (5 minutes). An expression must result in a number or in digits.": "请填写 1 到 {max} 之间的秒数，例如 {usual}（5 分钟）。使用表达式时，结果必须是数字。",

	// WeChat Live Trigger → checking a delivery (nodes/shared/crypto.ts, nodes/shared/xml.ts): the trigger
	// answers WeChat with a bare status and logs only the reason code, so these reach no panel today
	"The EncodingAESKey must be exactly 43 letters and digits": "消息加密密钥（EncodingAESKey）必须正好是 43 位字母和数字",
	"The EncodingAESKey does not decode to 32 bytes": "消息加密密钥（EncodingAESKey）解码后不是 32 字节",
	"The AES key must be 32 bytes": "AES 密钥必须是 32 字节",
	"Encrypt is not standard base64": "`Encrypt` 字段不是标准的 base64 编码",
	"The ciphertext is not a whole number of 32-byte blocks": "密文长度不是 32 字节分组的整数倍",
	"Invalid PKCS#7 padding": "密文的 PKCS#7 填充无效",
	"The plaintext is too short": "解密后的明文太短",
	"The message length field exceeds the plaintext": "消息长度字段超出了明文的长度",
	"The message was encrypted for another AppID": "此消息是为另一个 AppID 加密的",
	"The message is not valid UTF-8": "消息不是有效的 UTF-8 文本",
	"The XML document is too large": "XML 文档太大",
	"The XML document contains a DTD or entity declaration": "XML 文档含有 DTD 或实体声明",
	"Text outside the root element": "根元素之外有文本",
	"Unterminated CDATA section": "CDATA 段缺少结束标记",
	"CDATA outside the root element": "根元素之外有 CDATA 段",
	"Unterminated comment": "注释缺少结束标记",
	"Unexpected processing instruction": "出现了不允许的处理指令",
	"Markup declarations are not allowed": "不允许使用标记声明",
	"Malformed end tag": "结束标签格式错误",
	"Mismatched end tag": "结束标签与开始标签不匹配",
	"The root element holds text instead of elements": "根元素里是文本，而不是元素",
	"Malformed start tag": "开始标签格式错误",
	"Forbidden element name": "不允许使用的元素名",
	"More than one root element": "根元素不止一个",
	"Too many XML elements": "XML 元素太多",
	"The XML document nests too deeply": "XML 文档的嵌套层级太深",
	"Unclosed element": "有元素没有闭合",
	"No root element": "没有根元素",
	"Mixed text and element content": "文本与子元素混在一起",
	"\"]]>\" is not allowed in text": "文本中不允许出现“]]>”",
	"Bare \"&\" in text": "文本中有未转义的“&”",
	"Unknown or invalid entity reference": "未知或无效的实体引用",

	// WeChat Live Status Trigger → Event, Changed To, Room IDs
	"Event: \"{value}\" is not an event this trigger knows": "事件：此触发器没有“{value}”这个事件",
	"Choose Goods Audit Status Changed, Room Status Changed or Replay Ready; an expression must result in {goodsAudit}, {roomStatus} or {replayReady}.": "请选择“商品审核状态变化”“直播间状态变化”或“回放已生成”；使用表达式时，结果必须是 {goodsAudit}、{roomStatus} 或 {replayReady}。",
	"Changed To: \"{value}\" is not one of its choices": "变为：“{value}”不是可选的值",
	"Pick a choice from the list, or give an expression that results in one of {choices}.": "请从列表中选择，或使用结果为 {choices} 之一的表达式。",
	"Room IDs: \"{value}\" is not a room ID": "直播间 ID：“{value}”不是直播间 ID",
	"Give room IDs as whole numbers separated by commas, e.g. \"1001, 1002\" (the `roomid` that Room → Get Many shows), or leave the field empty for every room.": "直播间 ID 请填写整数，用逗号（中英文均可）、顿号或空格分隔，例如“1001, 1002”（即“直播间 → 获取列表”显示的 `roomid`）；留空则查询所有直播间。",

	// WeChat Live Status Trigger → a test run with nothing to show ({status}: the Changed To choice)
	"There is nothing to show: the goods library has no goods at all": "没有可显示的数据：商品库中还没有任何商品",
	"There is nothing to show: the goods library has no {status} goods": "没有可显示的数据：商品库中没有审核状态为“{status}”的商品",
	"A test run shows the newest goods the trigger would report. Add goods (Goods → Create) or wait for an audit result, then test again; once the workflow is published, the trigger reports each audit change as it happens.": "测试运行会显示触发器将会报告的最新一个商品。请先添加商品（“商品 → 创建”）或等待审核出结果，再重新测试；工作流发布后，触发器会在每次审核状态变化时报告。",
	"There is nothing to show: WeChat lists no room": "没有可显示的数据：微信返回的直播间列表为空",
	"There is nothing to show: WeChat lists none of the rooms {roomIds}": "没有可显示的数据：微信返回的直播间列表中没有直播间 {roomIds}",
	"There is nothing to show: WeChat lists no room that is {status}": "没有可显示的数据：微信返回的直播间中没有状态为“{status}”的直播间",
	"There is nothing to show: none of the rooms {roomIds} is {status}": "没有可显示的数据：直播间 {roomIds} 的状态都不是“{status}”",
	"A test run shows the newest room the trigger would report. Check the Room IDs, or create a room (Room → Create); once the workflow is published, the trigger reports each status change as it happens.": "测试运行会显示触发器将会报告的最新一个直播间。请检查“直播间 ID”，或先创建直播间（“直播间 → 创建”）；工作流发布后，触发器会在每次直播间状态变化时报告。",
	"There is nothing to show: no room has ended": "没有可显示的数据：还没有已结束的直播间",
	"There is nothing to show: none of the rooms {roomIds} has ended": "没有可显示的数据：直播间 {roomIds} 都还没有结束",
	"There is nothing to show: none of the {count} most recently ended rooms has a replay": "没有可显示的数据：最近结束的 {count} 个直播间都还没有回放",
	"There is nothing to show: none of the {count} most recently ended rooms among rooms {roomIds} has a replay": "没有可显示的数据：直播间 {roomIds} 中最近结束的 {count} 个都还没有回放",
	"A test run shows the newest ended room that has a replay. WeChat makes a replay only when replay is switched on for the room (Room → Set Replay), about 10 minutes after the room ends.": "测试运行会显示最近结束、且已有回放的一个直播间。只有为直播间开启了回放（“直播间 → 设置回放”），微信才会在直播结束约 10 分钟后生成回放。",
};
