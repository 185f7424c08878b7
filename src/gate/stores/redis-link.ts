import { createRequire } from "node:module";
import type { Redis } from "ioredis";

/** Required when a gate first connects, as pg is (db/connection.ts): a gate without --redis never needs ioredis. */
const load = createRequire(import.meta.url);

export interface RedisLinkOptions {
  url: string;
  /** Told once when Redis stops answering and once when it answers again, never per request. */
  onNotice: (message: string) => void;
  /** Counted on every failed command (`lic_gate_redis_errors_total`). */
  onError: () => void;
  /** A command that takes longer fails, so a hung Redis slows no request by more than this. */
  commandTimeoutMs?: number;
}

/**
 * The gate's connection to a Redis shared by its replicas. Redis is a help, never a need: a command that fails
 * (Redis down at start or mid-run, or slow) yields `undefined` and the caller goes on with its own memory. Commands
 * are not queued while disconnected (they fail at once), and ioredis reconnects in the background, so Redis is used
 * again as soon as it is back.
 */
export class RedisLink {
  private readonly redis: Redis;
  private reachable = true;
  private readonly where: string;

  constructor(private readonly options: RedisLinkOptions) {
    this.where = redactedUrl(options.url);
    const ioredis = load("ioredis") as typeof import("ioredis");
    this.redis = new ioredis.Redis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 1000,
      connectTimeout: 2000,
      // Try again soon, but not in a loop: a Redis that is back is found within half a second.
      retryStrategy: (times) => Math.min(times * 50, 500),
      lazyConnect: false,
    });
    // Without a listener ioredis prints every failed reconnect; the state change is told once in `markDown`.
    this.redis.on("error", (error: Error) => this.markDown(error));
    this.redis.on("ready", () => this.recovered());
  }

  /** 1 while the last command (or connection attempt) succeeded, for the `lic_gate_redis_up` gauge. */
  get up(): boolean {
    return this.reachable && this.redis.status === "ready";
  }

  /** Runs `command`; `undefined` when Redis fails it (counted, and told once per outage). */
  async run<T>(command: (redis: Redis) => Promise<T>): Promise<T | undefined> {
    if (this.redis.status !== "ready") return this.failed(new Error(`not connected (${this.redis.status})`));
    try {
      const result = await command(this.redis);
      this.recovered();
      return result;
    } catch (error) {
      return this.failed(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }

  /** A command Redis did not carry out: counted, and the caller goes on without Redis. */
  private failed(error: Error): undefined {
    this.options.onError();
    this.markDown(error);
    return undefined;
  }

  private markDown(error: Error): void {
    if (!this.reachable) return;
    this.reachable = false;
    this.options.onNotice(`Redis at ${this.where} failed (${error.message}); each replica serves from its own memory`);
  }

  private recovered(): void {
    if (this.reachable) return;
    this.reachable = true;
    this.options.onNotice(`Redis at ${this.where} answers again; decisions are shared again`);
  }
}

/** The URL without its password, for log lines. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.href;
  } catch {
    return "(an unparsable URL)";
  }
}
