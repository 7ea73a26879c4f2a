/** The WeChat API sandbox as the integration tests use it: a fresh one per test, with a fresh credential. */
import type { IDataObject } from 'n8n-workflow';

import { CredentialStore } from './executeContext';

const { startSandbox, images } = require('../sandbox');
const fixtures = require('../sandbox/fixtures');
const { storeMedia } = require('../sandbox/routes/media');

export type SandboxRequest = IDataObject & { endpoint: string | null; body: IDataObject; query: Record<string, string> };

/** The sandbox's API (test/sandbox/server.js); `State` narrows `state` to what a test reads. */
export interface Sandbox<State = IDataObject> {
	url: string;
	app: { appId: string; appSecret: string };
	state: State;
	requests(endpoint?: string): SandboxRequest[];
	clearLog(): void;
	expireTokens(): void;
	fault(spec: IDataObject): void;
	clearFaults(): void;
	close(): Promise<void>;
}

/**
 * Starts a sandbox before each test and stops it after, handing the test the sandbox and a credential for
 * it (App ID and Secret, base URL, no token yet).
 */
export function useSandbox<State = IDataObject>(
	receive: (sandbox: Sandbox<State>, store: CredentialStore) => void,
	options: IDataObject = {},
): void {
	let current: Sandbox<State> | undefined;
	beforeEach(async () => {
		current = (await startSandbox(options)) as Sandbox<State>;
		receive(current, new CredentialStore({ ...current.app, baseUrl: current.url, accessToken: '', expiresAt: 0 }));
	});
	afterEach(async () => {
		await current?.close();
	});
}

/** A media ID the sandbox knows, for a PNG of the given size. */
export function sandboxMedia(sandbox: Sandbox<unknown>, width = 100, height = 100): string {
	return storeMedia(sandbox.state, images.png(width, height), 'image/png');
}

/** A room that already exists in the sandbox (IDs from 1001), not yet started unless told otherwise. */
export const sandboxRoom: (sandbox: Sandbox<unknown>, overrides?: IDataObject) => IDataObject & { roomId: number } =
	fixtures.sandboxRoom;
