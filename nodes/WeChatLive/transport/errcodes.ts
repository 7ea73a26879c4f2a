import { t } from '../../shared/i18n/translate';

/**
 * WeChat errcodes in plain language, each with the fix a shop's operations staff can apply.
 * Sources: WeChat's common and live errcode tables, listed in docs/wechat-facts.md, "Errcodes"; for 268489001,
 * https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/live-player/api_applylivelnfo
 */
export interface ErrcodeExplanation {
	message: string;
	fix: string;
}

const IP_WHITELIST_FIX =
	'Add the public IP address of your n8n server to the API IP whitelist: WeChat MP console (mp.weixin.qq.com) → Development (开发) → Development Management (开发管理) → Development Settings (开发设置) → IP whitelist (IP白名单). If n8n runs in the cloud, add every egress IP, or route through a fixed-IP relay and set it as the credential’s API Base URL.';

const TOKEN_FIX =
	'The node refreshes the access token once by itself. If this persists, check that no other system force-refreshes the token for this App ID (WeChat’s stable_token with force_refresh).';

export const ERRCODES: Record<number, ErrcodeExplanation> = {
	[-1]: {
		message: 'WeChat had a system error (-1)',
		fix: 'WeChat is busy. Reads were retried automatically. For writes, WeChat sometimes applies the change despite answering -1: check the current state (for example with Room → Get Many) before running the item again.',
	},
	1: { message: 'No live room has been created yet', fix: 'Create a room first (Room → Create).' },
	1001: { message: 'The request parameters are invalid', fix: 'Check the Room ID and the share parameters.' },
	1003: { message: 'The goods ID does not exist', fix: 'Check the goods ID (Goods → Get Many lists them).' },
	1007: { message: 'WeChat returned no data', fix: 'Try again in a minute; if it persists, check the input values.' },
	40001: {
		message: 'The access token was rejected (invalid or not the latest)',
		fix: `If this appears on the credential test, the App Secret is wrong or was reset. ${TOKEN_FIX}`,
	},
	40002: { message: 'The token request had an invalid grant type', fix: 'Report this as a bug of the node.' },
	40004: { message: 'Invalid media type', fix: 'Upload a JPG, PNG or GIF image.' },
	40005: { message: 'Unsupported media file type', fix: 'Upload a JPG, PNG or GIF image.' },
	40009: { message: 'The image file size is invalid', fix: 'Use a smaller image: at most 10 MB, and within the field’s own limit (room cover 2 MB, share image 1 MB, feeds image 100 KB).' },
	40013: {
		message: 'The App ID is invalid',
		fix: 'Copy the App ID (AppID, starts with "wx") from the WeChat MP console → Development Management → Development Settings into the credential.',
	},
	40014: { message: 'The access token is invalid', fix: TOKEN_FIX },
	40125: {
		message: 'The App Secret is invalid',
		fix: 'Reset or copy the App Secret (AppSecret) in the WeChat MP console → Development Management → Development Settings and paste it into the credential.',
	},
	40164: { message: 'This server’s IP address is not in the App’s API IP whitelist', fix: IP_WHITELIST_FIX },
	40243: { message: 'The App Secret is frozen', fix: 'Unfreeze the App Secret in the WeChat MP console.' },
	41001: { message: 'The access token is missing', fix: 'Report this as a bug of the node.' },
	41002: { message: 'The App ID is missing', fix: 'Fill in the App ID in the credential.' },
	41004: { message: 'The App Secret is missing', fix: 'Fill in the App Secret in the credential.' },
	42001: { message: 'The access token has expired', fix: TOKEN_FIX },
	43001: { message: 'WeChat requires a GET request here', fix: 'Report this as a bug of the node.' },
	43002: { message: 'WeChat requires a POST request here', fix: 'Report this as a bug of the node.' },
	43003: {
		message: 'WeChat requires HTTPS',
		fix: 'Set the credential’s API Base URL to https://api.weixin.qq.com (or an HTTPS relay).',
	},
	44002: { message: 'The request body was empty', fix: 'Report this as a bug of the node.' },
	45009: {
		message: 'The daily call quota of this WeChat API is used up',
		fix: 'Wait until tomorrow (quotas reset at midnight China time), or reset quotas in the WeChat MP console (10 resets a month).',
	},
	45011: {
		message: 'The per-minute call limit was reached',
		fix: 'Run the item again in a minute, or lower Batching → Max Items per Minute or Concurrency.',
	},
	47001: { message: 'WeChat could not parse the request (data format error)', fix: 'Check text fields for unusual characters; if it persists, report it as a bug.' },
	48001: {
		message: 'This mini program is not authorised for the live API',
		fix: 'The mini program needs the live broadcast (小程序直播) permission; WeChat no longer grants it to new mini programs. For a third-party platform, authorise permission set 52.',
	},
	48004: { message: 'This API is banned for the account', fix: 'See the notice in the WeChat MP console.' },
	50002: { message: 'The account is restricted', fix: 'See the notice in the WeChat MP console.' },
	50004: { message: 'Token requests are forbidden for this account', fix: 'See the notice in the WeChat MP console.' },
	50007: { message: 'The account is frozen', fix: 'See the notice in the WeChat MP console.' },
	61007: { message: 'The third-party platform is not authorised for this API', fix: 'Authorise permission set 52 (live).' },
	89503: {
		message: 'This server’s IP needs an administrator’s confirmation',
		fix: 'The mini program’s administrator must confirm the call from this IP in WeChat, then run again.',
	},
	89506: { message: 'An administrator rejected calls from this IP', fix: 'Try again in 24 hours or add the IP to the whitelist.' },
	89507: { message: 'An administrator rejected calls from this IP', fix: 'Try again in 1 hour or add the IP to the whitelist.' },
	268489001: {
		message: 'WeChat is not granting new live permissions (system maintenance)',
		fix: 'This mini program does not have the live broadcast (小程序直播) permission, and WeChat no longer grants it to new ones; mini programs that already have it are not affected. The shop can use the live API only with a mini program that already has the permission (put its App ID and App Secret in the credential); WeChat suggests Channels live (视频号直播) instead. Nothing in this workflow can change that.',
	},
	200002: {
		message: 'WeChat rejected a parameter',
		fix: 'WeChat’s text above names the parameter. For rooms the usual causes are a start less than 10 minutes or more than 6 months ahead, a show shorter than 30 minutes or longer than 24 hours, or an image media ID that is missing or expired (media IDs last 3 days); for lists, too many entries in one call.',
	},
	300001: { message: 'Creating or editing is forbidden for this account or room', fix: 'Check the account’s live permissions and the room status.' },
	300002: {
		message: 'The name length does not meet WeChat’s rules',
		fix: 'Room names: 3–17 Chinese characters (6–34 Latin). Goods names: at most 14 Chinese characters (28 Latin); WeChat’s docs give no minimum, but it has refused goods names under 3 Chinese characters (such as 茶杯): make the name longer, e.g. 陶瓷茶杯.',
	},
	300003: {
		message: 'The price is not valid',
		fix: 'Prices are in yuan, above 0, with at most 2 decimals (WeChat refuses 0). For a price range, the Second Price must be greater than the Price; for a discount, the Second Price (current price) must be lower than the Price (original price).',
	},
	300004: { message: 'The goods name contains prohibited content', fix: 'Change the goods name.' },
	300005: { message: 'The goods image contains prohibited content', fix: 'Use another image.' },
	300006: { message: 'The image could not be used (the media ID may have expired)', fix: 'Upload the image again (media IDs last 3 days) and use the new media ID.' },
	300007: {
		message: 'The mini program page path does not exist in the released version',
		fix: 'Use a page path of the released mini program without a leading "/", for example pages/goods/detail?id=1.',
	},
	300008: { message: 'Adding the goods failed', fix: 'Try again later.' },
	300009: { message: 'Withdrawing the audit failed', fix: 'Check the goods’ audit status (Goods → Get).' },
	300010: { message: 'The goods’ audit status does not allow this', fix: 'Goods under review cannot be changed; approved goods only accept price changes. Check the status with Goods → Get.' },
	300011: { message: 'These goods were not created through the API', fix: 'Goods created in the MP console can only be managed there.' },
	300012: { message: 'No audit quota left today (500 submissions a day)', fix: 'Submit again tomorrow.' },
	300013: { message: 'Submitting for audit failed', fix: 'Try again later.' },
	300014: { message: 'Goods under review cannot be deleted', fix: 'Withdraw the audit first (Goods → Cancel Audit) or wait for the result.' },
	300015: { message: 'The goods do not exist', fix: 'Check the goods ID.' },
	300017: { message: 'The goods have not been submitted for audit', fix: 'Nothing to withdraw; submit them with Goods → Resubmit Audit if needed.' },
	300018: { message: 'The goods image is too large', fix: 'Use an image of at most 300×300 pixels.' },
	300021: {
		message: 'The goods were created, but submitting them for audit failed',
		fix: 'The goods exist now: submit them again with Goods → Resubmit Audit instead of creating them again.',
	},
	300022: { message: 'This room does not exist', fix: 'Check the Room ID (Room → Get Many lists the rooms).' },
	300023: { message: 'The room’s status does not allow this operation', fix: 'Check the room’s status (for example, it may have ended or not be live yet).' },
	300024: { message: 'The goods do not exist', fix: 'Check the goods ID.' },
	300025: { message: 'The goods have not passed the audit', fix: 'Only approved goods can be imported; check with Goods → Get.' },
	300026: { message: 'The room’s goods list is full', fix: 'Remove goods from the room first.' },
	300027: { message: 'Importing the goods failed', fix: 'Try again later.' },
	300028: { message: 'The room name contains prohibited content', fix: 'Change the room name.' },
	300029: { message: 'The anchor nickname contains prohibited content', fix: 'Change the anchor name.' },
	300030: { message: 'The anchor’s WeChat ID is not valid', fix: 'Use the anchor’s WeChat ID (微信号), not the nickname.' },
	300031: { message: 'The cover image does not meet WeChat’s rules', fix: 'Use a 1080×1920 image of at most 2 MB.' },
	300032: { message: 'The share image does not meet WeChat’s rules', fix: 'Use an 800×640 image of at most 1 MB.' },
	300033: { message: 'The room would exceed its goods limit', fix: 'Import fewer goods or remove some first.' },
	300034: { message: 'The anchor name length does not meet WeChat’s rules', fix: 'Use 2–15 Chinese characters (4–30 Latin).' },
	300035: { message: 'The anchor’s WeChat ID does not exist', fix: 'Check the anchor’s WeChat ID (微信号).' },
	300036: {
		message: 'The anchor’s WeChat ID is not real-name verified',
		fix: 'The anchor must open the QR code link (qrcode_url) in WeChat and complete real-name verification in the 小程序直播 mini program, then run this item again.',
	},
	300037: { message: 'The feeds (shopping channel) cover image does not meet WeChat’s rules', fix: 'Use an 800×800 image of at most 100 KB.' },
	300038: { message: 'Customer service is not configured for this mini program', fix: 'Configure customer service in the MP console, or leave customer service disabled.' },
	300039: { message: 'The sub-anchor’s WeChat ID is not valid', fix: 'Check the sub-anchor’s WeChat ID (微信号); it must be real-name verified.' },
	300040: { message: 'The name contains characters WeChat does not allow', fix: 'Remove special characters from the name.' },
	300041: { message: 'The creator’s WeChat ID is not valid', fix: 'Check the creator’s WeChat ID (微信号).' },
	300042: { message: 'The room cannot be edited while a stream is being pushed', fix: 'Stop the stream first, or edit after the show.' },
	300043: { message: 'Only one live show a day may use subscriptions', fix: 'Try again tomorrow.' },
	300044: { message: 'These goods have no explanation video', fix: 'Nothing to download for these goods.' },
	300045: { message: 'The explanation video has not been generated yet', fix: 'Try again later.' },
	300046: { message: 'Generating the explanation video failed', fix: 'No video can be downloaded for these goods.' },
	300047: { message: 'Goods are being pushed right now', fix: 'Try again in a few seconds.' },
	300048: { message: 'Loading the room’s goods list failed', fix: 'Try again later.' },
	300049: { message: 'Goods cannot be put on or off sale while being pushed', fix: 'Try again in a few seconds.' },
	300050: { message: 'The list of goods to sort is empty', fix: 'Give at least one goods ID.' },
	300051: { message: 'WeChat could not parse the goods list', fix: 'Give the goods IDs as numbers.' },
	300052: { message: 'Goods that are off sale cannot be pushed', fix: 'Put them on sale first (Room Goods → Set Sale).' },
	300053: { message: 'These goods are not in the room', fix: 'Import them first (Room Goods → Import).' },
	400001: { message: 'The WeChat ID is not valid', fix: 'Use the member’s WeChat ID (微信号).' },
	400002: {
		message: 'The WeChat ID must be real-name verified to become an anchor',
		fix: 'The member must open the QR code link (codeurl) in WeChat and complete real-name verification, then run this item again.',
	},
	400003: { message: 'The role limit is reached (10 admins, 500 operators, 500 anchors)', fix: 'Remove a member from the role first.' },
	400004: { message: 'The member already has this role', fix: 'Nothing to do.' },
	400005: { message: 'This anchor still has rooms that have not started', fix: 'Delete or reassign the anchor’s upcoming rooms first.' },
	500001: { message: 'The sub-anchor’s WeChat ID is not valid', fix: 'Check the WeChat ID (微信号).' },
	500002: { message: 'The sub-anchor is not real-name verified', fix: 'The sub-anchor must complete real-name verification in WeChat.' },
	500003: { message: 'The room already has a sub-anchor', fix: 'Use Room Sub-Anchor → Update to change it.' },
	500004: { message: 'This sub-anchor is already set', fix: 'Nothing to do.' },
	500005: { message: 'The sub-anchor cannot be the main anchor', fix: 'Use a different WeChat ID.' },
	600001: { message: 'The user is already an assistant of this room', fix: 'Nothing to do, or use Room Assistant → Update.' },
	600002: { message: 'The user was not found', fix: 'Check the WeChat ID (微信号).' },
	9410000: { message: 'The room list is empty', fix: 'Create a room first.' },
	9410001: { message: 'Loading the room failed', fix: 'Try again later.' },
	9410002: { message: 'Loading the goods failed', fix: 'Try again later.' },
	9410003: { message: 'Loading the replay failed', fix: 'Replays appear about 10 minutes after a show ends; try again later.' },
	9410005: { message: 'Another room has already been pushed to subscribers today', fix: 'WeChat allows one room a day; try again tomorrow.' },
	9410006: { message: 'The room is not live', fix: 'Push the message once the room is live (status 101).' },
};

/**
 * getliveinfo's "nothing to list" answers, which are an empty list rather than an error: 9410000 (also past the
 * last page) and 1, "no room created yet" in WeChat's own sample
 * (https://developers.weixin.qq.com/miniprogram/dev/server/API/livebroadcast/studio-management/api_getliveinfo.html).
 */
export const EMPTY_LIST_ERRCODES = [1, 9410000];

/** Access-token problems: the transport refreshes the token once and resends. */
export const TOKEN_ERRCODES = new Set([40001, 40014, 42001]);

/**
 * The explanation of an errcode, in the package's language; WeChat's own errmsg sharpens it where it
 * carries the detail the user needs (40164 names the IP address to whitelist).
 */
export function explainErrcode(errcode: number, errmsg = ''): ErrcodeExplanation {
	const known = ERRCODES[errcode];
	const explained: ErrcodeExplanation = known
		? { message: t(known.message), fix: t(known.fix) }
		: {
				message: t('WeChat refused the request with an error code it does not document'),
				fix: t('WeChat does not document this code: what WeChat said, quoted in this message, is the only clue to what to change.'),
			};
	const ip = errcode === 40164 ? /invalid ip ([0-9a-f.:]+)/i.exec(errmsg)?.[1] : undefined;
	if (!ip) return explained;
	return {
		message: t('This server’s IP address is not in the App’s API IP whitelist: {ip}', { ip }),
		fix: t('Add {ip} to the whitelist. {fix}', { ip, fix: explained.fix }),
	};
}
