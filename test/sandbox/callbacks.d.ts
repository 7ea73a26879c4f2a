/** Types for callbacks.js (plain CommonJS so the sandbox runs under Node without TypeScript). */

export type DeliveryMode = 'plaintext' | 'compatible' | 'safe';
export type DeliveryFormat = 'xml' | 'json';

export const MODES: DeliveryMode[];
export const FORMATS: DeliveryFormat[];

export interface WeChatEvent {
	[key: string]: unknown;
}

export interface DeliveryOptions {
	event: WeChatEvent;
	mode?: DeliveryMode;
	format?: DeliveryFormat;
	token: string;
	encodingAESKey?: string;
	appId?: string;
	timestamp?: number | string;
	nonce?: string;
	random?: Buffer;
	jsonShape?: 'nested' | 'flat';
}

export interface Delivery {
	query: Record<string, string>;
	body: string;
	contentType: string;
	/** The message before encryption (the whole body in plaintext mode). */
	message: string;
}

export interface SendOptions extends DeliveryOptions {
	repeat?: number;
	timeout?: number;
}

export interface VerifyOptions {
	token: string;
	echostr?: string;
	timestamp?: number | string;
	nonce?: string;
	signature?: string;
	timeout?: number;
}

export function sign(token: string, ...parts: Array<string | number>): string;
export function encrypt(message: string, encodingAESKey: string, appId: string, random?: Buffer): string;
export function decrypt(encrypted: string, encodingAESKey: string): { message: string; appId: string };
export function randomEncodingAESKey(): string;
export function toXml(value: unknown, name?: string): string;
export function toJson(value: unknown): string;
export function buildDelivery(options: DeliveryOptions): Delivery;
export function sendEvent(
	url: string,
	options: SendOptions,
): Promise<Array<{ status: number; data: string; delivery: Delivery }>>;
export function verifyUrl(
	url: string,
	options: VerifyOptions,
): Promise<{ ok: boolean; status: number; data: string; echostr: string }>;

export interface FollowEventFields {
	toUserName?: string;
	fromUserName?: string;
	createTime?: number;
	roomId?: number;
	userOpenid?: string;
	time?: number;
	liveStatus?: number;
	action?: 'add_follow' | 'del_follow' | string;
}
export function followEvent(fields?: FollowEventFields): WeChatEvent;

export interface PushResultEventFields {
	toUserName?: string;
	fromUserName?: string;
	createTime?: number;
	messageId?: string | bigint;
	roomId?: number;
	totalCount?: number;
	successCount?: number;
	openidErrorCount?: number;
	relationErrorCount?: number;
	userRecvLimitCount?: number;
	internalErrorCount?: number;
}
export function pushResultEvent(fields?: PushResultEventFields): WeChatEvent;
