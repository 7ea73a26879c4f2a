export const credential: Record<string, string> = {
	// Credential name
	"WeChat Live API": "微信直播 API",
	// App ID / App Secret
	"App ID": "AppID（小程序 ID）",
	"The mini program’s AppID, from the WeChat MP console → Development Management (开发管理) → Development Settings (开发设置)": "小程序的 AppID，在微信公众平台 → 开发 → 开发管理 → 开发设置中查看",
	"App Secret": "AppSecret（小程序密钥）",
	"The mini program’s AppSecret, from the same page as the App ID. The server’s public IP must also be in the API IP whitelist (IP白名单) on that page.": "小程序的 AppSecret，与 AppID 在同一页面。服务器的公网 IP 还须加入该页面的 IP 白名单。",
	// API Base URL
	"API Base URL": "API 基础地址",
	"Where WeChat’s API is reached. Keep the default, or use a fixed-IP relay, or the local sandbox (npm run sandbox) to try workflows without a live-enabled account. Must be https, except on this machine (127.0.0.1, localhost).": "调用微信 API 的地址。一般保持默认即可；也可以填写固定 IP 的中转服务器，或填写本地沙盒（`npm run sandbox`），在没有开通直播的账号时试运行工作流。必须使用 https，本机地址（127.0.0.1、localhost）除外。",
	"This is not WeChat’s own address (https://api.weixin.qq.com): the App Secret and every access token go to this server. Use it only if you trust whoever runs it.": "这不是微信的官方地址（https://api.weixin.qq.com）：AppSecret 和所有接口调用凭据（access_token）都会发送到这台服务器。请仅在信任其运营方时使用。",
	"Allow Plain HTTP (Relay on a Private Network)": "允许明文 HTTP（内网中转）",
	"Whether an http:// API Base URL is accepted for a relay on a private network. The App Secret and access tokens then travel unencrypted; without this, only https (and the local sandbox) is accepted.": "是否允许为内网中转服务器填写 http:// 开头的 API 基础地址。开启后，AppSecret 和接口调用凭据将以明文传输；不开启时只接受 https（以及本地沙盒）。",
	// Message Push (WeChat Live Trigger)
	"Message Push Token": "消息推送令牌（Token）",
	"Only for the WeChat Live Trigger: the Token set under Development Management → Message Push (消息推送) in the MP console": "仅供微信直播触发器使用：在微信公众平台 → 开发 → 开发管理 → 开发设置 → 消息推送中设置的令牌（Token）",
	"EncodingAESKey": "消息加密密钥（EncodingAESKey）",
	"Only for the WeChat Live Trigger in compatible or safe mode: the 43-character EncodingAESKey from the Message Push settings": "仅当微信直播触发器使用兼容模式或安全模式时需要：消息推送设置中的 43 位消息加密密钥（EncodingAESKey）",
	"Previous EncodingAESKey": "上一个消息加密密钥（EncodingAESKey）",
	"Optional: the EncodingAESKey used before the last change, so messages WeChat encrypted with it during the switch are still accepted": "选填：最近一次修改前使用的消息加密密钥，以便切换期间微信用旧密钥加密的消息仍能被接收",
	// Credential test
	"The App ID and App Secret work, but this mini program is not authorised for the live API (48001): it needs the live broadcast (小程序直播) permission.": "AppID 和 AppSecret 有效，但该小程序没有直播接口权限（48001）：需要开通小程序直播权限。",
	"This server’s IP is not in the API IP whitelist (40164): add it in the WeChat MP console → Development Management → Development Settings → IP whitelist.": "本服务器的 IP 不在 IP 白名单中（40164）：请在微信公众平台 → 开发 → 开发管理 → 开发设置 → IP 白名单中添加。",
	"WeChat rejected the access token (40001): check the App Secret.": "微信拒绝了接口调用凭据（40001）：请检查 AppSecret。",
};
