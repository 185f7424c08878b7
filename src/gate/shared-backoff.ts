import { setTimeout as sleep } from "node:timers/promises";
import type { RedisLink } from "./stores/redis-link.js";

const UNTIL_KEY = "lic:gate:upstream-backoff-until";
/** Sets the until-time only if it is later than the one held: a short Retry-After must not cut a long one short. */
const RAISE_UNTIL = `local held = tonumber(redis.call("get", KEYS[1]) or "0")
if tonumber(ARGV[1]) > held then redis.call("set", KEYS[1], ARGV[1], "PX", ARGV[2]) end
return 0`;

/**
 * The upstream's rate limit, honoured by every replica: a 429's Retry-After one replica got is kept in Redis as an
 * until-time, and no replica sends to the upstream before it. Kept in memory too, so a replica honours its own
 * 429s while Redis is down.
 */
export class SharedBackoff {
  private localUntil = 0;

  constructor(
    private readonly link: RedisLink,
    /** The longest a request waits; the Hub client does not wait for a longer Retry-After either. */
    private readonly maxWaitMs = 60_000,
  ) {}

  async note(retryAfterMs: number): Promise<void> {
    if (retryAfterMs <= 0) return;
    const until = Date.now() + retryAfterMs;
    this.localUntil = Math.max(this.localUntil, until);
    await this.link.run((redis) => redis.eval(RAISE_UNTIL, 1, UNTIL_KEY, until, retryAfterMs));
  }

  /** Resolves once no backoff is in force (or the signal aborts: the client went away). */
  async untilFree(signal?: AbortSignal): Promise<void> {
    const shared = Number((await this.link.run((redis) => redis.get(UNTIL_KEY))) ?? 0);
    const waitMs = Math.min(Math.max(this.localUntil, shared) - Date.now(), this.maxWaitMs);
    if (waitMs <= 0) return;
    await sleep(waitMs, undefined, signal ? { signal } : {}).catch(() => {});
  }
}
