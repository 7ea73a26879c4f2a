export const common: Record<string, string> = {
	// Resources
	"Resource": "资源",
	"Goods": "商品",
	"The live goods library and its audit (直播商品库)": "直播商品库及商品审核",
	"Media": "素材",
	"Images uploaded as temporary media (临时素材)": "上传为临时素材的图片",
	"Role": "成员角色",
	"Members' roles: admins, anchors, operators (成员管理)": "成员管理：管理员、主播、运营者的角色",
	"Room": "直播间",
	"Live rooms (直播间)": "直播间",
	"Room Assistant": "直播间小助手",
	"Room assistants (直播间小助手)": "直播间小助手",
	"Room Goods": "直播间商品",
	"Goods inside a room: import, sale, push, order (直播间商品)": "直播间里的商品：导入、上下架、推送、排序",
	"Room Sub-Anchor": "主播副号",
	"A room’s sub-anchor (主播副号)": "直播间的主播副号",
	"Subscriber": "长期订阅用户",
	"Long-term subscribers and the live-started push (长期订阅)": "长期订阅用户及开播后的长期订阅群发",
	"Widget": "直播挂件",
	"The live pendant’s global goods key (直播挂件)": "直播挂件的全局 KEY",

	// Operations
	"Operation": "操作",
	"Create": "创建",
	"Delete": "删除",
	"Get": "获取",
	"Get Many": "获取列表",
	"Update": "编辑",
	"Add": "添加",
	"Remove": "移除",

	// Images From
	"Images From": "图片来源",
	"How the image fields below are given. WeChat itself only takes media IDs; for binary data or URLs the node uploads the image first (Media → Upload Image).": "下方图片字段的填写方式。微信接口只接受临时素材 media ID；选择二进制数据或图片链接时，节点会先上传图片（素材 → 上传图片）。",
	"Binary Data of the Input Item": "输入数据项的二进制数据",
	"Each image field names a binary property of the input item, e.g. data": "每个图片字段填写输入数据项的一个二进制属性名，例如 data",
	"Image URL": "图片链接",
	"Each image field is a public http(s) URL of a JPG, PNG or GIF image": "每个图片字段填写一个可公开访问的 http(s) 链接，指向 JPG、PNG 或 GIF 图片",
	"Media ID": "临时素材的 media ID",
	"Each image field is a media_id from an earlier upload (valid for 3 days)": "每个图片字段填写之前上传得到的 media_id（有效期 3 天）",
	"Cover Image": "封面图",
	"e.g. hw7zsntcr0rE-RBfBAaF553DqBk-J02UtWsP8VqrUh3tKu3jO_JwEO8n1cWTJ5TN": "例如 hw7zsntcr0rE-RBfBAaF553DqBk-J02UtWsP8VqrUh3tKu3jO_JwEO8n1cWTJ5TN",
	"e.g. https://shop.example.com/images/cover.jpg": "例如 https://shop.example.com/images/cover.jpg",

	// Shared fields
	"Additional Fields": "附加字段",
	"Add Field": "添加字段",
	"Sub-Anchor WeChat ID": "主播副号微信号",

	// Room picker
	"The live room (直播间). Pick it from the list or give its numeric Room ID.": "要操作的直播间。可从列表中选择，或填写数字形式的直播间 ID。",
	"From List": "从列表选择",
	"By ID": "按 ID",
	"e.g. 1024": "例如 1024",
	"A Room ID is a whole number, e.g. 1024": "直播间 ID 必须是整数，例如 1024",

	// Return All / Limit
	"Return All": "返回全部",
	"Whether to return all results or only up to a given limit": "是否返回全部结果；关闭时最多返回设定的条数",
	"Limit": "数量上限",
	"Max number of results to return": "最多返回多少条结果",

	// Shared labels
	"JSON": "JSON",
	"WeChat ID": "微信号",
	"Goods IDs": "商品 ID",
	"e.g. 5001, 5002, 5003": "例如 5001, 5002, 5003",

	// Goods picker
	"The goods in the live goods library (直播商品库). Pick it from the list or give its numeric Goods ID.": "直播商品库中的商品。可从列表中选择，或填写数字形式的商品 ID。",
	"e.g. 5001": "例如 5001",
	"A Goods ID is a whole number, e.g. 5001": "商品 ID 必须是整数，例如 5001",
	"Goods Key": "商品 KEY",
	"e.g. productId, sku": "例如 productId, sku",
	"e.g. wx1234567890abcdef": "例如 wx1234567890abcdef",

	// Batching
	"Batching": "分批",
	"Run items in batches, with a pause between batches, several at a time, or under a per-minute cap, to stay within WeChat’s call limits": "将数据项分批执行：批次之间暂停、多条同时发送或限制每分钟条数，以免超出微信的接口调用频率限制",
	"Add option": "添加选项",
	"Batch Interval (Ms)": "批次间隔（毫秒）",
	"How long to wait after a batch has finished before the next one starts, in milliseconds": "一批执行完后等待多久再开始下一批，单位为毫秒",
	"Concurrency": "并发数",
	"How many items are sent to WeChat at the same time (1 to 20). Output items stay in input order. Writes that fail are never resent.": "同时发送给微信的数据项条数（1 到 20）。输出数据项保持输入顺序。写入失败的请求不会重发。",
	"Items per Batch": "每批条数",
	"How many input items make one batch. Without it, all items are one batch.": "每批包含多少条输入数据。不设置时，所有数据项作为一批。",
	"Max Items per Minute": "每分钟最多条数",
	"At most this many items start in any 60 seconds; 0 means no cap. Without it: 600 when Concurrency is above 1, no cap otherwise. WeChat does not publish its per-minute limits; lower this if WeChat answers 45011 (per-minute limit reached).": "任意 60 秒内最多开始处理的数据项条数；0 表示不限制。不设置时：并发数大于 1 为 600，否则不限制。微信未公布每分钟的调用上限；如果微信返回 45011（达到每分钟调用上限），请调低此值。",

	// Node
	"WeChat Live": "微信直播",
	"Manage WeChat Mini Program live broadcasts (小程序直播): rooms, goods, roles, subscribers and images": "管理微信小程序直播：直播间、商品、成员角色、长期订阅用户和图片",
};
