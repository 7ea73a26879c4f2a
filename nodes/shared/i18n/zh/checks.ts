/**
 * The input checks: the one sentence of every input error, WeChat's rules (rules/), the parameter readers
 * (actions/common/), times (nodes/shared/time.ts), images before their upload, and the router's own
 * messages. A problem text continues "{item}的{field}…", so it has no subject and no final stop; a fix is a
 * whole sentence.
 */
export const checks: Record<string, string> = {
	// The sentence of every input error (helpers/validation.ts, transport/media.ts)
	"item {n}": "第 {n} 条数据",
	"{field} in {item} {problem}.": "{item}的{field}{problem}。",
	"{field} in {item}: {problem}.": "{item}的{field}：{problem}。",
	"{fix} (image from {origin})": "{fix}（图片来自{origin}）",

	// Times (helpers/validation.ts, nodes/shared/time.ts)
	"is {time}, a time that does not exist in {timeZone}: the clocks skip {minutes} minutes that night (daylight saving)": "是 {time}，这个时间在 {timeZone} 时区并不存在：当晚时钟会跳过 {minutes} 分钟（夏令时）",
	"Pick a time outside the skipped {minutes} minutes, e.g. {later}, or give the time with its offset.": "请选择被跳过的 {minutes} 分钟以外的时间，例如 {later}，或填写带时区偏移的时间。",
	"is not a date-time: \"{value}\"": "不是日期时间：“{value}”",
	"Pick a date and time, or give an ISO date-time such as 2026-12-24T20:00:00 (read in the workflow’s time zone, {timeZone}) or 2026-12-24T20:00:00+08:00, or Unix time in seconds.": "请选择日期和时间，或填写 ISO 格式的日期时间，例如 2026-12-24T20:00:00（按工作流的时区 {timeZone} 理解）或 2026-12-24T20:00:00+08:00，也可以填写以秒为单位的 Unix 时间戳。",
	"{timeZone}, UTC{offset}": "{timeZone}，UTC{offset}",
	"{time} ({zone})": "{time}（{zone}）",
	"Times without an offset are read in the workflow’s time zone, {timeZone} (workflow Settings → Timezone).": "不带时区偏移的时间按工作流的时区 {timeZone} 理解（工作流的“设置 → 时区”）。",

	// A room's show window and share-code params (rules/room.ts)
	"1 minute": "1 分钟",
	"{minutes} minutes": "{minutes} 分钟",
	"1 minute ago": "1 分钟前",
	"{minutes} minutes ago": "{minutes} 分钟前",
	"less than 10 minutes from now": "距现在不到 10 分钟",
	"is {start}, {when} (now is {now}); WeChat needs a start at least 10 minutes ahead": "是 {start}，即{when}（现在是 {now}）；微信要求开播时间至少在当前时间 10 分钟之后",
	"WeChat needs the start at least 10 minutes ahead: pick a later start time.": "微信要求开播时间至少在当前时间 10 分钟之后：请选择更晚的开播时间。",
	"is {start}, more than 6 months ahead": "是 {start}，超过了 6 个月之后",
	"Pick a start before {latest}.": "请选择 {latest} 之前的开播时间。",
	"is {duration} before the start ({start} to {end}), but WeChat takes 30 minutes to 24 hours": "比开播时间早了 {duration}（{start} 至 {end}），而微信要求直播时长在 30 分钟到 24 小时之间",
	"makes a show of {duration} ({start} to {end}), but WeChat takes 30 minutes to 24 hours": "使直播时长为 {duration}（{start} 至 {end}），而微信要求直播时长在 30 分钟到 24 小时之间",
	"Set the end at least 30 minutes after the start.": "请把结束时间设在开播时间 30 分钟之后。",
	"Set the end at most 24 hours after the start, or split the show into two rooms.": "请把结束时间设在开播时间后 24 小时以内，或把这场直播拆成两个直播间。",
	"is {length} characters long once URL-encoded, more than the {max} the live plugin keeps (it cuts the rest off)": "经 URL 编码后长 {length} 个字符，超过了直播组件保留的 {max} 个字符（超出部分会被截掉）",
	"Send fewer or shorter parameters, e.g. an ID the mini program looks up instead of the data itself.": "请减少参数或缩短参数，例如只传一个 ID，由小程序自行查询数据，而不是直接传数据本身。",

	// Names and WeChat IDs (rules/text.ts)
	"is too short: “{value}” counts as {length} characters by WeChat’s count (a Chinese character counts 2); WeChat needs {min}–{max}": "太短：“{value}”按微信的算法计为 {length} 个字符（一个汉字算 2 个）；微信要求 {min}–{max} 个字符",
	"is too long: “{value}” counts as {length} characters by WeChat’s count (a Chinese character counts 2); WeChat needs {min}–{max}": "太长：“{value}”按微信的算法计为 {length} 个字符（一个汉字算 2 个）；微信要求 {min}–{max} 个字符",
	"is too long: “{value}” counts as {length} characters by WeChat’s count (a Chinese character counts 2); WeChat allows at most {max}": "太长：“{value}”按微信的算法计为 {length} 个字符（一个汉字算 2 个）；微信最多允许 {max} 个字符",
	"Use {minChinese}–{maxChinese} Chinese characters or {min}–{max} Latin letters and digits.": "请填写 {minChinese}–{maxChinese} 个汉字，或 {min}–{max} 个英文字母和数字。",
	"Use at most {maxChinese} Chinese characters or {max} Latin letters and digits.": "请最多填写 {maxChinese} 个汉字，或 {max} 个英文字母和数字。",
	"is \"{id}\", which is not a WeChat ID (a WeChat ID has no spaces or Chinese characters)": "是“{id}”，这不是微信号（微信号中没有空格，也没有汉字）",
	"Give the WeChat ID (微信号) shown in WeChat under Me, not the nickname.": "请填写微信“我”页面中显示的微信号，而不是昵称。",

	// Goods (rules/goods.ts, rules/lists.ts)
	"is a web address (\"{text}\"), but WeChat wants a page of the mini program": "是网址（“{text}”），而微信要求填写小程序的页面路径",
	"Give the page path as in the mini program’s app.json, e.g. pages/goods/detail?id=1001.": "请按小程序 `app.json` 中的写法填写页面路径，例如 `pages/goods/detail?id=1001`。",
	"has an entry that is not text: {entry}": "中有一项不是文本：{entry}",
	"Give the keys as text, e.g. productId, sku.": "请以文本形式填写 KEY，例如 `productId`、`sku`。",
	"is empty": "为空",
	"Give at least one key, e.g. productId.": "请至少填写一个 KEY，例如 `productId`。",
	"needs at least 1 entry": "至少需要 1 项",
	"needs at least {min} entries": "至少需要 {min} 项",
	"has {count} entries, more than WeChat’s limit of {max}": "有 {count} 项，超过了微信的上限 {max} 项",
	"Give at least one goods ID, e.g. 5001.": "请至少填写一个商品 ID，例如 5001。",
	"has \"{entry}\" as entry {position}, which is not a goods ID": "的第 {position} 项是“{entry}”，这不是商品 ID",
	"Goods IDs are positive whole numbers, e.g. 5001: check the list or the expression.": "商品 ID 是正整数，例如 5001：请检查列表或表达式。",

	// Prices (rules/prices.ts)
	"is not a number: \"{value}\"": "不是数字：“{value}”",
	"Give the price in yuan (元), e.g. 99.5.": "请以元为单位填写价格，例如 99.5。",
	"is {price}, with more than 2 decimals": "是 {price}，超过了 2 位小数",
	"WeChat takes yuan (元) to the fen: round it, e.g. {rounded}.": "微信的价格以元为单位，精确到分：请四舍五入，例如 {rounded}。",
	"is {priceType}, but WeChat knows only 1 (fixed price), 2 (price range) and 3 (discount)": "是 {priceType}，而微信只支持 1（一口价）、2（价格区间）和 3（显示折扣价）",
	"Pick a price type.": "请选择价格形式。",
	"is missing": "未填写",
	"Give the price in yuan (元).": "请以元为单位填写价格。",
	"is given for a fixed price, which has only one price": "填写了，但一口价只有一个价格",
	"Remove Second Price, or pick Price Range or Discount.": "请删除“第二价格”，或把价格形式改为价格区间或显示折扣价。",
	"is missing, but a price range needs both prices": "未填写，而价格区间需要两个价格",
	"is missing, but a discount needs both prices": "未填写，而显示折扣价需要两个价格",
	"Give Price and Second Price in yuan (元).": "请以元为单位填写“价格”和“第二价格”。",
	"is {price2}, not above Price ({price}): a price range goes from Price up to Second Price": "是 {price2}，没有高于“价格”（{price}）：价格区间是从“价格”到“第二价格”",
	"Give the lowest price as Price and the highest as Second Price.": "请把最低价填在“价格”，最高价填在“第二价格”。",
	"is {price2}, not below Price ({price}): for a discount, Price is the original and Second Price the current, lower price": "是 {price2}，没有低于“价格”（{price}）：显示折扣价时，“价格”是原价，“第二价格”是更低的现价",
	"Give the original price as Price and the discounted price as Second Price.": "请把原价填在“价格”，折后价填在“第二价格”。",

	// The readers every resource uses (actions/common/parameters.ts)
	"must be a positive whole number, got \"{value}\"": "必须是正整数，现在是“{value}”",
	"Give the numeric {field} as WeChat shows it.": "请按微信中显示的数字填写{field}。",
	"Give the person’s WeChat ID (微信号), as shown in WeChat under Me.": "请填写此人的微信号，即微信“我”页面中显示的微信号。",
	"must be true or false, got {value}": "必须是 `true` 或 `false`，现在是 {value}",
	"Switch it on or off, or make the expression give true or false.": "请打开或关闭开关，或让表达式返回 `true` 或 `false`。",
	"is {value}, but must be a whole number of at least 1": "是 {value}，但必须是不小于 1 的整数",
	"Set how many results you want, e.g. 50, or switch on Return All.": "请设置需要的结果条数，例如 50，或打开“返回全部”。",
	"{value} ({label})": "{value}（{label}）",
	", ": "、",
	"is {value}, which is not one of its choices": "是 {value}，不是可选的值之一",
	"Pick it from the list, or make the expression give one of: {choices}.": "请从列表中选择，或让表达式返回以下值之一：{choices}。",

	// The Batching option (actions/common/batching.ts)
	"{batching} → {option} is {value}, but must be a whole number of at least {min}.": "“{batching} → {option}”是 {value}，但必须是不小于 {min} 的整数。",
	"Set {batching} → {option} to a whole number of at least {min}, or remove it.": "请把“{batching} → {option}”设为不小于 {min} 的整数，或删除这个选项。",
	"{batching} → {option} is {value}, but must be a whole number from {min} to {max}.": "“{batching} → {option}”是 {value}，但必须是 {min} 到 {max} 之间的整数。",
	"Set {batching} → {option} to a whole number from {min} to {max}, or remove it.": "请把“{batching} → {option}”设为 {min} 到 {max} 之间的整数，或删除这个选项。",
	"The wait was stopped.": "等待已中止。",

	// Image fields (actions/common/images.ts)
	"Fill in {field} ({description}).": "请填写{field}（{description}）。",
	"is a URL, but Images From is set to Media ID": "是 URL，但“图片来源”设置的是“临时素材的 media ID”",
	"Set Images From to Image URL, or give a media ID from Media → Upload Image.": "请把“图片来源”改为“图片链接”，或填写通过“素材 → 上传图片”得到的 media ID。",
	"is not an http(s) URL: \"{url}\"": "不是以 `http://` 或 `https://` 开头的网址：“{url}”",
	"Give a full link starting with https://.": "请填写以 https:// 开头的完整链接。",
	"names the binary property \"{property}\", which the input item does not have": "指定的二进制属性“{property}”在输入数据中不存在",
	"Use one of the item’s binary properties: {present}.": "请使用这条数据已有的二进制属性之一：{present}。",
	"The input item has no binary data: read or download the image in an earlier node, or take the image from a URL instead.": "输入数据中没有二进制数据：请在前面的节点中读取或下载图片，或改为通过图片链接获取图片。",
	"binary property \"{property}\"": "二进制属性“{property}”",
	"Check that the URL opens the image in a browser without logging in.": "请确认这个链接不用登录就能在浏览器中打开图片。",
	"the image is more than WeChat’s {max} for this field, so the download was stopped there": "图片超过了微信对该字段 {max} 的限制，因此下载在此处停止",
	"Compress or resize the image, and check that the URL points to the image itself (image from {url}).": "请压缩图片或缩小尺寸，并确认链接指向的是图片本身（图片来自 {url}）。",
	"the server answered {status} for {url}, not the image": "服务器对 {url} 返回了 {status}，而不是图片",
	"{url} redirects more than {max} times (the redirects may go round in a circle)": "{url} 重定向超过了 {max} 次（可能是循环重定向）",
	"Open the URL in a browser and give the address where the image finally shows.": "请在浏览器中打开这个链接，填写最终显示图片的地址。",
	"{url} redirects to \"{location}\", which is not an http(s) address": "{url} 重定向到了“{location}”，这不是 http(s) 地址",
	"Give the image’s own http(s) address.": "请填写图片本身的 http(s) 地址。",
	"downloading the image from {url} took more than {seconds} seconds, so it was stopped": "从 {url} 下载图片超过了 {seconds} 秒，已停止下载",
	"The server is too slow or stalls. Try again later, host the image elsewhere, or download it with an HTTP Request node and pass it on as binary data.": "服务器太慢或没有响应。请稍后重试，或把图片放到别的服务器上，或先用 HTTP Request 节点下载图片，再以二进制数据传入。",
	"could not download the image from {url} ({reason})": "无法从 {url} 下载图片（{reason}）",

	// The router (actions/router.ts)
	"This version of the node has no operation \"{operation}\" for the resource \"{resource}\".": "此版本的节点没有资源“{resource}”的操作“{operation}”。",
	"Pick the operation again in the node, or update the package. For a WeChat API this node does not cover, use the HTTP Request node with the \"WeChat Live API\" credential: it adds the access token for you.": "请在节点中重新选择操作，或更新本节点包。对于本节点未覆盖的微信接口，请使用 HTTP Request 节点并选择“微信直播 API”凭证：它会自动为你加上接口调用凭据（access_token）。",
};
