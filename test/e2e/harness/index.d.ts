// Types for the CommonJS harness (index.js), so TypeScript tests can import it under `strict`.

export interface N8nInstall {
	version: string;
	nodeVersion: string;
	nodeBin: string;
	n8nBin: string;
	n8nDir: string;
	nodeHome: string;
	root: string;
}

export interface Owner {
	email: string;
	password: string;
	firstName?: string;
	lastName?: string;
}

export interface InstanceOptions {
	/** label for logs; default user folder test/e2e/.work/<name> (use one name per test file) */
	name?: string;
	/** server port; default a free one */
	port?: number;
	/** the server's task-broker port; default a free one */
	brokerPort?: number;
	/** default tarball for installPackage() */
	tarball?: string;
	/** extra or overriding env for every n8n process */
	env?: Record<string, string>;
	userFolder?: string;
	/** wipe the user folder first (only folders this harness created); default true */
	fresh?: boolean;
	/** n8n version; default $N8N_VERSION or 2.41.1 */
	version?: string;
	encryptionKey?: string;
	/** the owner (env-managed; set up on first login where n8n has none), for login() / rest() */
	owner?: Owner;
}

export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface ExecuteResult {
	/** 'success' | 'error' | … as n8n reports it */
	status: string;
	runData: Record<string, Json[]>;
	/** the workflow error (resultData.error), if any */
	error?: Json;
	lastNodeExecuted?: string;
	/** 0 = success, 1 = workflow error (also when the process crashed after printing the run data) */
	exitCode: number | null;
	/** set (e.g. 'SIGSEGV') when n8n died while exiting after printing complete run data */
	crashedOnExit?: string;
	/** the whole IRun printed by --rawOutput */
	raw: Json;
	/** everything the CLI printed */
	output: string;
}

export interface Execution {
	id: number;
	status: string;
	mode: string;
	finished: boolean;
	workflowId: string;
	startedAt: string | null;
	stoppedAt: string | null;
	createdAt: string;
	storedAt?: string;
	/** IRun data: { resultData: { runData, error?, lastNodeExecuted }, … } */
	data: Json;
}

export interface HttpResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	/** parsed JSON when the response says JSON, else the text */
	body: Json;
}

export interface WebhookOptions {
	method?: string;
	query?: Record<string, string>;
	body?: Json;
	headers?: Record<string, string>;
	/** use /webhook-test/ instead of /webhook/ */
	test?: boolean;
	/** keep retrying 404 (registration race) this long; default 10000 */
	retryMs?: number;
}

export interface ItemsOptions {
	/** default: the last run */
	runIndex?: number;
	/** output index, default 0 */
	output?: number;
}

export declare class N8nInstance {
	constructor(options?: InstanceOptions);
	readonly name: string;
	port?: number;
	readonly userFolder: string;
	readonly workDir: string;
	readonly serverLog: string;
	readonly cliLog: string;
	readonly dbFile: string;
	readonly nodesDir: string;
	/** http://127.0.0.1:<port> */
	readonly url: string;
	readonly running: boolean;
	server: { pid: number; brokerPort: number; exited: boolean; child: import('child_process').ChildProcess } | null;
	install?: N8nInstall;
	env(overrides?: Record<string, string>): Record<string, string>;
	installPackage(tarball?: string): Promise<{ name: string; version: string; dir: string }>;
	cli(
		args: string[],
		options?: { allowFailure?: boolean; timeoutMs?: number; retryOnCrash?: boolean },
	): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; output: string }>;
	importCredentials(credentials: Json[] | Json): Promise<string[]>;
	importWorkflows(workflows: Json[] | Json): Promise<string[]>;
	publish(ids: string | string[]): Promise<void>;
	execute(id: string, options?: { timeoutMs?: number }): Promise<ExecuteResult>;
	itemsOf(run: Json, nodeName: string, options?: ItemsOptions): Json[];
	start(options?: { timeoutMs?: number }): Promise<{ url: string; pid: number; ms: number }>;
	stop(options?: { timeoutMs?: number }): Promise<void>;
	postWebhook(path: string, options?: WebhookOptions): Promise<HttpResponse>;
	executions(
		workflowId: string | null,
		options?: { limit?: number; waitFor?: number; timeoutMs?: number },
	): Promise<Execution[]>;
	logs(options?: { all?: boolean }): string;
	/** the n8n-auth cookie ("n8n-auth=…") */
	login(): Promise<string>;
	rest(method: string, path: string, body?: Json): Promise<HttpResponse>;
	dispose(options?: { remove?: boolean }): Promise<void>;
}

export declare function ensureN8n(options?: { version?: string; nodeVersion?: string }): Promise<N8nInstall>;
export declare function n8nLayout(version?: string): Json;
export declare function cacheRoot(): string;
export declare const REPO_ROOT: string;
export declare const DEFAULT_N8N_VERSION: string;
export declare const WORK_ROOT: string;
export declare const DEFAULT_ENCRYPTION_KEY: string;
export declare function packPackage(repoDir: string, options?: { destination?: string }): Promise<string>;
export declare function createInstance(options?: InstanceOptions): N8nInstance;
/** item.json of every item a node emitted (execute() result, execution row, IRun or runData). */
export declare function itemsOf(run: Json, nodeName: string, options?: ItemsOptions): Json[];
export declare function nodeErrorOf(run: Json, nodeName: string): Json | undefined;
export declare function parseRawOutput(text: string): Json | undefined;
export declare function freePort(): Promise<number>;
export declare function request(
	url: string,
	options?: { method?: string; headers?: Record<string, string>; body?: Json; timeoutMs?: number },
): Promise<HttpResponse>;
export declare function waitForHttp(
	url: string,
	options?: { timeoutMs?: number; intervalMs?: number; alive?: () => boolean },
): Promise<boolean>;
export declare function bcryptHash(install: N8nInstall, password: string): Promise<string>;
export declare function readExecutions(
	install: N8nInstall,
	dbFile: string,
	options?: { workflowId?: string | null; limit?: number },
): Promise<Execution[]>;
/**
 * Runs `source` (a CommonJS script body) with the install's Node inside its n8n: the script gets
 * `n8nRequire` (require from n8n's package) and `input`, and prints its answer as JSON on stdout.
 */
export declare function runInN8n<T = Json>(install: N8nInstall, source: string, input?: Json): Promise<T>;
