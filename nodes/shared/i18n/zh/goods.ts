export const goods: Record<string, string> = {
	// Room Goods → Get Video
	"Get Video": "获取讲解视频",
	"Get the link to the video of the anchor explaining goods in a room (下载商品讲解视频)": "获取主播在直播间讲解商品的视频下载链接",
	"Get a goods explanation video": "获取商品讲解视频",

	// Room Goods → Import
	"Import": "导入",
	"Add approved goods of the library to a room (直播间导入商品); goods already there stay": "把商品库中审核通过的商品导入直播间；直播间已有的商品保留不变",
	"Import goods into a room": "向直播间导入商品",

	// Room Goods → Push
	"Push": "推送",
	"Show goods of a live room to its viewers (推送商品); one push at a time per room": "向观众推送直播间里的商品；每个直播间同一时间只能推送一个商品",
	"Push goods to viewers": "推送商品",

	// Room Goods → Remove
	"Remove goods from a room (删除直播间商品); they stay in the goods library": "删除直播间里的商品；商品仍保留在商品库中",
	"Remove goods from a room": "删除直播间商品",

	// Room Goods → Set Sale
	"Set Sale": "上下架",
	"Put goods of a room on or off the shelf (上下架商品); not while they are being pushed": "上架或下架直播间里的商品；商品推送期间不能上下架",
	"Put room goods on or off sale": "上下架直播间商品",

	// Room Goods → Sort
	"Sort": "排序",
	"Set the order of the goods shelf of a room (直播间商品排序)": "设置直播间货架上商品的显示顺序",
	"Sort the goods of a room": "直播间商品排序",

	// Goods → Cancel Audit
	"Cancel Audit": "撤回审核",
	"Withdraw goods from audit (撤回商品审核), e.g. to change them; the audit used is not given back": "撤回商品审核，例如为了修改商品；已消耗的提审次数不返还",
	"Cancel a goods audit": "撤回商品审核",

	// Goods → Create
	"Add goods to the live goods library and submit them for audit (添加并提审商品)": "向直播商品库添加商品并提交审核",
	"Create goods": "添加并提审商品",

	// Goods → Delete
	"Delete goods from the library and from every room (删除商品); goods under review cannot be deleted": "从商品库和所有直播间中删除商品；审核中的商品无法删除",
	"Delete goods": "删除商品",

	// Goods → Get
	"Get goods by ID with their audit status (获取商品的信息与审核状态)": "按 ID 获取商品的信息与审核状态",
	"Get goods": "获取商品信息",

	// Goods → Get Many
	"List the goods of the library in one audit status (获取商品列表)": "按审核状态获取商品库中的商品列表",
	"Get many goods": "获取商品列表",

	// Goods → Resubmit Audit
	"Resubmit Audit": "重新提交审核",
	"Submit withdrawn goods for audit again (重新提交商品审核); returns the new Audit ID": "将已撤回审核的商品重新提交审核；返回新的审核单 ID",
	"Resubmit goods for audit": "重新提交商品审核",

	// Goods → Update
	"Change goods in the live goods library (更新商品); only the fields given are sent": "更新直播商品库中的商品；只提交填写了的字段",
	"Update goods": "更新商品",

	// Widget → Get Goods Key
	"Get Goods Key": "获取全局 KEY",
	"Get the live pendant’s global goods key (直播挂件获取全局KEY)": "获取直播挂件的全局 KEY",
	"Get the widget goods key": "获取直播挂件全局 KEY",

	// Widget → Set Goods Key
	"Set Goods Key": "设置全局 KEY",
	"Set the live pendant’s global goods key (直播挂件设置全局KEY)": "设置直播挂件的全局 KEY",
	"Set the widget goods key": "设置直播挂件全局 KEY",

	// Room Goods → Import: fields
	"The goods to add to the room (ids): approved goods of the library (Goods → Get Many with Approved). Separate IDs with commas or new lines, or use an expression that gives an array of IDs": "要导入直播间的商品（`ids`）：商品库中审核通过的商品（可用“商品 → 获取列表”并选择“审核通过”查出）。多个 ID 用逗号或换行分隔，也可以用返回 ID 数组的表达式",

	// Room Goods → Set Sale: fields
	"On Sale": "上架",
	"Whether viewers can buy the goods in the room (onSale): on the shelf, or taken off it": "观众能否在直播间购买该商品（`onSale`）：开启为上架，关闭为下架",

	// Room Goods → Sort: fields
	"Goods Order": "商品顺序",
	"The room’s goods IDs in the order the shelf should show them (goods). Separate IDs with commas or new lines, or use an expression that gives an array of IDs": "直播间商品的 ID，按货架上要显示的顺序排列（`goods`）。多个 ID 用逗号或换行分隔，也可以用返回 ID 数组的表达式",

	// Goods → Create: fields
	"Each create submits an audit, and WeChat allows 500 audits a day (shared with Resubmit Audit). Keep the Goods ID and Audit ID of the output: the other goods operations need them.": "每次创建都会提交一次审核，微信每天最多允许提审 500 次（与“重新提交审核”共用）。请保存输出中的商品 ID 和审核单 ID，其他商品操作都要用到。",
	"Goods Name": "商品名称",
	"Goods title (name): at most 14 Chinese characters, or 28 Latin letters and digits (a Chinese character counts 2). WeChat has refused names under 3 Chinese characters.": "商品名称（`name`）：最多 14 个汉字或 28 个英文字母和数字（1 个汉字按 2 个字符计）。少于 3 个汉字的名称曾被微信拒绝。",
	"e.g. 西湖龙井 250g": "例如 西湖龙井 250g",
	"Media ID of the goods picture: at most 300×300 px": "商品封面图的 media ID：不超过 300×300 px",
	"Name of the input item’s binary property that holds the goods picture: at most 300×300 px": "存放商品封面图的输入数据项二进制属性名：图片不超过 300×300 px",
	"URL of the goods picture: at most 300×300 px": "商品封面图的链接：不超过 300×300 px",
	"Page Path": "商品详情页路径",
	"The goods detail page of the released mini program. The node drops a leading \"/\" and URL-encodes the query values, as WeChat needs.": "已发布小程序中的商品详情页路径。节点会按微信的要求去掉开头的“/”，并对查询参数的值做 URL 编码。",
	"e.g. pages/goods/detail?sku=1001": "例如 pages/goods/detail?sku=1001",
	"Price Type": "价格形式",
	"How the price is shown (priceType)": "价格的显示方式（`priceType`）",
	"Discount (显示折扣价)": "显示折扣价",
	"Price is the original price, Second Price the current, lower price": "“价格”填原价，“第二价格”填更低的现价",
	"Fixed Price (一口价)": "一口价",
	"One price": "只显示一个价格",
	"Price Range (价格区间)": "价格区间",
	"From Price up to Second Price": "从“价格”到“第二价格”",
	"Price": "价格",
	"In yuan (元), above 0, at most 2 decimals. The fixed price; for a range the lowest price; for a discount the original price.": "单位为元，须大于 0，最多 2 位小数。一口价时为售价；价格区间时为最低价；显示折扣价时为原价。",
	"Second Price": "第二价格",
	"In yuan (元), at most 2 decimals (price2). For a range the highest price (above Price); for a discount the current price (below Price).": "单位为元，最多 2 位小数（`price2`）。价格区间时为最高价（须高于“价格”）；显示折扣价时为现价（须低于“价格”）。",
	"Keys the live pendant (直播挂件) matches this goods by (goodsKey), separated by commas. Without them WeChat uses the global key (Widget → Set Goods Key).": "直播挂件用来匹配此商品的 KEY（`goodsKey`），多个用逗号分隔。不填时微信使用全局 KEY（直播挂件 → 设置全局 KEY）。",
	"Third-Party App ID": "第三方小程序 AppID",
	"When the goods page belongs to another mini program: its App ID (thirdPartyAppid). Leave out for your own goods.": "商品详情页属于其他小程序时，填写该小程序的 AppID（`thirdPartyAppid`）。自己小程序的商品不用填。",

	// Goods → Get: fields
	"The goods to read (goods_ids): any number of IDs; the node asks WeChat for 20 at a time. Separate IDs with commas or new lines, or use an expression that gives an array of IDs": "要获取的商品（`goods_ids`）：ID 数量不限，节点每次向微信查询 20 个。多个 ID 用逗号或换行分隔，也可以用返回 ID 数组的表达式",

	// Goods → Get Many: fields
	"Audit Status": "审核状态",
	"Which goods to list (status). Only approved goods can be imported into rooms.": "列出哪种审核状态的商品（`status`）。只有审核通过的商品才能导入直播间。",
	"Approved (2)": "审核通过 (2)",
	"Not Submitted (0)": "未审核 (0)",
	"Rejected (3)": "审核驳回 (3)",
	"Under Review (1)": "审核中 (1)",

	// Goods → Update: fields
	"Approved goods accept only price changes (Price Type, Price, Second Price); goods under review accept none (cancel the audit first); other goods accept every field.": "审核通过的商品只能修改价格（价格形式、价格、第二价格）；审核中的商品不能修改（请先撤回审核）；其他商品的所有字段都可以修改。",
	"Update Fields": "要更新的字段",
	"The goods picture: at most 300×300 px (coverImgUrl): a media ID, binary property or URL as set in Images From": "商品封面图，不超过 300×300 px（`coverImgUrl`）：按“图片来源”的设置，填写 media ID、二进制属性名或图片链接",

	// Goods → Delete: fields
	"Deleting also removes the goods from every room that sells them, and cannot be undone": "删除后，商品也会从所有在售的直播间中移除，且无法恢复",

	// Goods → Cancel Audit: fields
	"Audit ID": "审核单 ID",
	"The audit to withdraw (auditId), as returned by Goods → Create or Goods → Resubmit Audit": "要撤回的审核单（`auditId`），即“商品 → 创建”或“商品 → 重新提交审核”返回的 ID",
	"e.g. 525022786": "例如 525022786",

	// Widget → Set Goods Key: fields
	"Set the global key once: goods added without their own key are matched by it, and changing it later breaks those matches. WeChat allows 500 calls a day.": "全局 KEY 只需设置一次：添加时没有自己 KEY 的商品都按它匹配，之后再修改会使这些匹配失效。微信每天最多允许调用 500 次。",
	"The names of the goods page’s query parameters that identify a goods (goodsKey), separated by commas, or an expression giving an array": "商品详情页中用于识别商品的查询参数名（`goodsKey`），多个用逗号分隔，也可以用返回数组的表达式",
};
