/**
 * What the trigger needs from its credential to check a delivery: the message-push Token, the App ID and
 * the EncodingAESKeys (decoded). Asking n8n for the credential reads and decrypts it from n8n's database,
 * and under load on SQLite those reads queue behind the executions' writes (test/bench/RESULTS.md: that
 * was most of the trigger's answer time). So each process keeps these values in memory, per credential:
 * loaded on activation or on the first delivery, never written anywhere, never logged.
 *
 * n8n does not tell an active trigger that its credential was saved (its credential update only stores the
 * row and emits an audit event), so a changed Token or key is picked up two ways, neither on the path of a
 * delivery that checks out:
 * - after answering, a delivery re-reads the credential in the background when the values are older than
 *   REFRESH_AFTER_MS;
 * - a delivery the values in memory refuse (signature, key, App ID) re-reads them once and is checked
 *   again, at most once per RELOAD_AFTER_REFUSAL_MS per credential, so a flood of forgeries costs at
 *   most one database read per interval.
 */
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { decodeAesKey } from '../shared/crypto';

export interface PushSecrets {
	/** Message-push Token; empty when the credential has none. */
	token: string;
	appId: string;
	/** The current key first, then the previous one (rotation). */
	aesKeys: Buffer[];
}

type CredentialReader = Pick<IWebhookFunctions | IHookFunctions, 'getCredentials' | 'getNode' | 'logger'>;

const CREDENTIAL_TYPE = 'weChatLiveApi';
export const REFRESH_AFTER_MS = 5_000;
export const RELOAD_AFTER_REFUSAL_MS = 1_000;
/** Credentials held per process; the oldest-loaded goes first past this. */
const MAX_CREDENTIALS = 1_000;

interface Entry {
	secrets: PushSecrets;
	loadedAt: number;
}

const entries = new Map<string, Entry>();
/** Reads in progress, shared by everyone who asks meanwhile (a burst on a cold process reads once). */
const loading = new Map<string, Promise<PushSecrets>>();

/** The credential's ID, which n8n keeps on the node itself (no database read). */
function credentialKey(reader: CredentialReader): string | undefined {
	const id = reader.getNode().credentials?.[CREDENTIAL_TYPE]?.id;
	return typeof id === 'string' && id !== '' ? id : undefined;
}

/** The values in memory, or (first use in this process) read now. */
export async function pushSecrets(reader: CredentialReader): Promise<PushSecrets> {
	const key = credentialKey(reader);
	if (key === undefined) return await readSecrets(reader);
	const entry = entries.get(key);
	if (entry !== undefined) return entry.secrets;
	return await load(reader, key);
}

/** Activation: read the values now, so the first delivery finds them in memory. */
export async function primePushSecrets(reader: CredentialReader): Promise<void> {
	const key = credentialKey(reader);
	if (key !== undefined) await load(reader, key);
}

/** After the answer: re-read in the background when the values are older than REFRESH_AFTER_MS. */
export function refreshPushSecretsIfOld(reader: CredentialReader, now = Date.now()): void {
	const key = credentialKey(reader);
	const entry = key === undefined ? undefined : entries.get(key);
	if (key === undefined || entry === undefined || loading.has(key)) return;
	if (now - entry.loadedAt < REFRESH_AFTER_MS) return;
	load(reader, key).catch((error: unknown) => {
		// The values in memory stay in use; the next delivery tries again.
		reader.logger.warn(
			`WeChat Live Trigger could not re-read its credential: ${error instanceof Error ? error.message : String(error)}`,
		);
	});
}

/**
 * After the values in memory refused a delivery: fresh values to check it again with, or undefined when
 * they were read within RELOAD_AFTER_REFUSAL_MS (nothing new to learn) or there is no credential ID.
 */
export async function reloadPushSecretsAfterRefusal(
	reader: CredentialReader,
	now = Date.now(),
): Promise<PushSecrets | undefined> {
	const key = credentialKey(reader);
	const entry = key === undefined ? undefined : entries.get(key);
	if (key === undefined || entry === undefined) return undefined;
	const inProgress = loading.get(key);
	if (inProgress !== undefined) return await inProgress;
	if (now - entry.loadedAt < RELOAD_AFTER_REFUSAL_MS) return undefined;
	return await load(reader, key);
}

/** For tests: forget every credential. */
export function forgetPushSecrets(): void {
	entries.clear();
	loading.clear();
}

async function load(reader: CredentialReader, key: string): Promise<PushSecrets> {
	const inProgress = loading.get(key);
	if (inProgress !== undefined) return await inProgress;
	const read = readSecrets(reader);
	loading.set(key, read);
	try {
		const secrets = await read;
		entries.delete(key); // re-inserted last: the map's order is load order
		entries.set(key, { secrets, loadedAt: Date.now() });
		if (entries.size > MAX_CREDENTIALS) {
			const oldest = entries.keys().next();
			if (!oldest.done) entries.delete(oldest.value);
		}
		return secrets;
	} finally {
		loading.delete(key);
	}
}

async function readSecrets(reader: CredentialReader): Promise<PushSecrets> {
	const credentials = await reader.getCredentials(CREDENTIAL_TYPE);
	const token = stringField(credentials.token);
	if (token === '') {
		reader.logger.warn(
			'WeChat Live Trigger: the credential has no message-push Token; every request is refused',
		);
	}
	return { token, appId: stringField(credentials.appId), aesKeys: aesKeysOf(reader, credentials) };
}

function stringField(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** The current key, then the previous one. A malformed key is left out and logged, never guessed at. */
function aesKeysOf(reader: CredentialReader, credentials: IDataObject): Buffer[] {
	const keys: Buffer[] = [];
	for (const field of ['encodingAESKey', 'previousEncodingAESKey']) {
		const value = stringField(credentials[field]);
		if (value === '') continue;
		if (!/^[A-Za-z0-9]{43}$/.test(value)) {
			reader.logger.warn(
				`WeChat Live Trigger: the credential's ${field} is not 43 letters and digits; it is ignored`,
			);
			continue;
		}
		keys.push(decodeAesKey(value));
	}
	return keys;
}
