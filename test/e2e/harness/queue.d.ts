// Types for queue.js (n8n in queue mode: main + webhook processors + workers on Postgres and Redis).
import type { Execution, HttpResponse, Json, N8nInstall, N8nInstance } from './index';

export interface QueueClusterOptions {
	/** label; user folders test/e2e/.work/<name>/<member> (main, webhook-1…, worker-1…) */
	name?: string;
	/** packed package, installed into every member's user folder */
	tarball?: string;
	/** default 2 */
	workers?: number;
	/** default 1 */
	webhookProcessors?: number;
	/** jobs each worker runs at once (`n8n worker --concurrency`), default 5 */
	concurrency?: number;
	/** extra env for every process */
	env?: Record<string, string>;
	/** Postgres database, default e2e_<name>_<pid>; recreated by setup(), dropped by dispose() */
	database?: string;
	encryptionKey?: string;
	version?: string;
}

export interface QueueMember {
	readonly role: 'main' | 'webhook' | 'worker';
	/** main, webhook-1, worker-2… */
	readonly name: string;
	readonly instance: N8nInstance;
	/** http://127.0.0.1:<port> (main, webhook processors) */
	readonly url: string;
	readonly healthUrl: string;
	readonly logFile: string;
	readonly running: boolean;
	brokerPort?: number;
	healthPort?: number;
	logs(options?: { all?: boolean }): string;
}

export interface QueueExecution extends Execution {
	/** the worker that ran it (from the workers' logs), undefined if none did */
	worker?: string;
}

export interface ServicesInfo {
	postgres: { host: string; port: number; user: string; database: string; dataDir: string; log: string };
	redis: { host: string; port: number; log: string };
	startedNow: { postgres: boolean; redis: boolean };
	/** true when `node scripts/services.js start` started them: release() then leaves them running */
	keep: boolean;
	/** Debian packages installed by this start */
	installed: string[];
	ms: number;
}

export declare class QueueCluster {
	constructor(options?: QueueClusterOptions);
	readonly name: string;
	readonly database: string;
	readonly main: QueueMember;
	readonly webhookProcessors: QueueMember[];
	readonly workers: QueueMember[];
	readonly members: QueueMember[];
	readonly mainUrl: string;
	services: ServicesInfo | null;
	servicesStartedHere: boolean;
	/** this cluster's ticket with scripts/services.js (start({ user }) / release(user)) */
	readonly servicesUser: string;
	install?: N8nInstall;
	/** env every process shares (Postgres, Redis, queue mode, prefixes) */
	sharedEnv(): Record<string, string>;
	setup(): Promise<{ ms: number; installed: string[]; servicesMs: number }>;
	cli(
		args: string[],
		options?: { allowFailure?: boolean; timeoutMs?: number; retryOnCrash?: boolean },
	): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; output: string }>;
	importCredentials(credentials: Json[] | Json): Promise<string[]>;
	importWorkflows(workflows: Json[] | Json): Promise<string[]>;
	publish(ids: string | string[]): Promise<void>;
	/** ms each process took to become ready, and the total */
	start(options?: { timeoutMs?: number }): Promise<Record<string, number>>;
	stop(): Promise<void>;
	/** base URL of webhook processor i (default 0) */
	webhookUrl(i?: number): string;
	postWebhook(
		path: string,
		options?: { method?: string; query?: Record<string, string>; body?: Json; headers?: Record<string, string>; via?: number; retryMs?: number },
	): Promise<HttpResponse>;
	query(sql: string, params?: Json[]): Promise<Json[]>;
	workerOfExecutions(): Record<string, string>;
	executions(
		workflowId: string | null,
		options?: { limit?: number; waitFor?: number; timeoutMs?: number },
	): Promise<QueueExecution[]>;
	executionCount(workflowId: string): Promise<number>;
	credentialRows(): Promise<Array<{ id: string; name: string; type: string; data: string; updatedAt: string }>>;
	/** stops every process, drops the database (unless dropDatabase: false), releases the services (stopServices: true stops them regardless) */
	dispose(options?: { dropDatabase?: boolean; stopServices?: boolean }): Promise<void>;
}

export declare function createQueueCluster(options?: QueueClusterOptions): QueueCluster;
export declare function pgQuery(
	install: N8nInstall,
	conn: { host: string; port: number; user: string; database: string },
	sql: string,
	params?: Json[],
	options?: { parseData?: boolean },
): Promise<Json[]>;
