export const transport: Record<string, string> = {
	// WeChat's errcodes, as rendered (transport/errcodes.ts, explainErrcode)
	"WeChat refused the request with an error code it does not document": "微信拒绝了请求，返回的错误码不在微信文档中",
	"WeChat does not document this code: what WeChat said, quoted in this message, is the only clue to what to change.": "微信文档中没有这个错误码：本消息中引用的微信原话是判断该改什么的唯一线索。",
	"This server’s IP address is not in the App’s API IP whitelist: {ip}": "本服务器的 IP 地址不在小程序的 IP 白名单中：{ip}",
	"Add {ip} to the whitelist. {fix}": "请把 {ip} 加入 IP 白名单。{fix}",

	// A WeChat error, and WeChat not answering (transport/request.ts)
	"{message} (WeChat errcode {errcode})": "{message}（微信错误码 {errcode}）",
	"Verification link: {link}": "实名认证链接：{link}",
	"WeChat said: \"{errmsg}\".": "微信返回：“{errmsg}”。",
	"API: {method} {path} ({name}).": "接口：{method} {path}（{name}）。",
	"Request ID for WeChat support: {rid}.": "向微信咨询时请提供请求 ID（rid）：{rid}。",
	"WeChat answered HTTP {status}": "微信返回了 HTTP {status}",
	"WeChat could not be reached ({reason})": "无法连接微信（{reason}）",
	"The read was retried automatically ({attempts} tries in all).": "这是读取操作，已自动重试（共尝试 {attempts} 次）。",
	"It was not retried: this answer does not change when asked again.": "没有自动重试：再次请求也会得到同样的应答。",
	"Check the network and the credential’s API Base URL (an HTTP 4xx usually means it does not point at WeChat’s API), then run again.": "请检查网络和凭证中的 API 基础地址（HTTP 4xx 通常表示它指向的不是微信 API），然后重新运行。",
	"Check the network and the credential’s API Base URL, then run again.": "请检查网络和凭证中的 API 基础地址，然后重新运行。",
	"This was a write and it was NOT retried automatically, because WeChat may have applied it anyway: check the current state in WeChat (for example with a Get operation) before running this item again.": "这是写入操作，没有自动重试，因为微信可能已经执行了它：请先查看微信中的当前状态（例如用“获取”操作），再重新运行这条数据。",
	"Check the WeChat Live API credential (App ID, App Secret, API Base URL) and the API IP whitelist in the WeChat MP console.": "请检查“微信直播 API”凭证（AppID、AppSecret、API 基础地址），以及微信公众平台中的 IP 白名单。",
	"Fix the API Base URL in the WeChat Live API credential, then run again.": "请修改“微信直播 API”凭证中的 API 基础地址，然后重新运行。",

	// The credential's API Base URL (transport/http.ts)
	"The credential’s API Base URL \"{url}\" is not a web address. Use {wechat}, or the https address of your relay.": "凭证中的 API 基础地址“{url}”不是网址。请填写 {wechat}，或中转服务器的 https 地址。",
	"The credential’s API Base URL must start with https:// (it is \"{url}\"). Use {wechat}.": "凭证中的 API 基础地址必须以 https:// 开头（现在是“{url}”）。请填写 {wechat}。",
	"The credential’s API Base URL \"{url}\" uses plain http, so the App Secret and access tokens would travel unencrypted. Use https ({wechat} or an https relay), or, for a relay on a private network, turn on \"{allowHttp}\" in the credential.": "凭证中的 API 基础地址“{url}”使用明文 http，AppSecret 和接口调用凭据会以未加密的方式传输。请使用 https（{wechat} 或 https 中转服务器）；如果中转服务器在内网中，也可以在凭证中打开“{allowHttp}”。",
	"The answer from {url} is not WeChat’s API (it did not answer with WeChat’s JSON, for example it sent a web page). Check the credential’s API Base URL: {wechat}, or the address of your relay.": "{url} 返回的不是微信 API 的应答（没有返回微信的 JSON，例如返回了一个网页）。请检查凭证中的 API 基础地址：应为 {wechat}，或你的中转服务器地址。",

	// The access token (transport/token.ts)
	"Getting an access token failed: fill in both the App ID and the App Secret of the mini program in the credential.": "获取接口调用凭据（access_token）失败：请在凭证中填写小程序的 AppID 和 AppSecret。",
	"Getting an access token failed: could not reach WeChat at {url} ({reason}). Check the credential’s API Base URL and that this server can reach it.": "获取接口调用凭据（access_token）失败：无法连接微信 {url}（{reason}）。请检查凭证中的 API 基础地址，并确认本服务器能访问该地址。",
	"Getting an access token failed: {reason}": "获取接口调用凭据（access_token）失败：{reason}",
	"Getting an access token failed: {message} (WeChat errcode {errcode}: {errmsg}). {fix}": "获取接口调用凭据（access_token）失败：{message}（微信错误码 {errcode}：{errmsg}）。{fix}",
	"Getting an access token failed: the answer from {url} has no access_token. Check that the credential’s API Base URL is {wechat}, or a relay that passes WeChat’s answers on unchanged.": "获取接口调用凭据（access_token）失败：{url} 的应答中没有 `access_token`。请确认凭证中的 API 基础地址是 {wechat}，或是原样转发微信应答的中转服务器。",
	"Getting an access token failed: n8n did not store the new token. Run the workflow again.": "获取接口调用凭据（access_token）失败：n8n 没有保存新的凭据。请重新运行工作流。",
	"Getting an access token failed: n8n could not read the credential. Run the workflow again.": "获取接口调用凭据（access_token）失败：n8n 无法读取凭证。请重新运行工作流。",

	// Images checked before the upload (transport/media.ts)
	"the file is not a JPG, PNG or GIF image": "文件不是 JPG、PNG 或 GIF 图片",
	"WeChat only takes JPG, PNG and GIF images: convert the image or pick another file.": "微信只接受 JPG、PNG 和 GIF 图片：请转换图片格式或换一个文件。",
	"the image is {size}, more than WeChat’s {max} for this field": "图片大小为 {size}，超过了微信对该字段 {max} 的限制",
	"Compress or resize the image before uploading it.": "请先压缩图片或缩小尺寸，再上传。",
	"the image is {width}×{height} pixels, more than WeChat’s {maxWidth}×{maxHeight}": "图片尺寸为 {width}×{height} 像素，超过了微信的上限 {maxWidth}×{maxHeight}",
	"Resize the image to at most {maxWidth}×{maxHeight} pixels.": "请把图片缩小到不超过 {maxWidth}×{maxHeight} 像素。",

	// An image download cut short (transport/download.ts), said inside the download's error
	"the connection closed before the whole image had arrived": "图片还没有下载完，连接就断开了",

	// The Room and Goods pickers (methods/resultName.ts): a status as the picker shows it
	"{name} (#{id}, {status})": "{name}（#{id}，{status}）",
	"Unknown ({code})": "未知（{code}）",
	// the live and audit statuses of nodes/shared/labels.ts not already in the table (Live, Ended, Paused,
	// Approved and Rejected are in triggers.ts)
	"Not Started": "未开始",
	"Banned": "禁播",
	"Abnormal": "异常",
	"Expired": "已过期",
	"Not Submitted": "未审核",
	"Under Review": "审核中",
};
