/**
 * @module A store for `@fastify/rate-limit` that counts in PostgreSQL, so the login and portal limits hold across
 * every server on one database rather than per process. Windows are fixed and follow the injected clock.
 */
import type {
  FastifyRateLimitOptions,
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
} from "@fastify/rate-limit";
import { countRateLimitHit, type Database } from "@keel/db";
import type { Kysely } from "kysely";
import type { Clock } from "../clock.js";

type Callback = Parameters<FastifyRateLimitStore["incr"]>[1];

/** The route a child store counts for; the plugin passes the route's options as `routeInfo`. */
function bucketOf(options: unknown): string {
  const route = (options as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
  if (typeof route?.url !== "string") return "limit";
  const method = Array.isArray(route.method) ? route.method.join(",") : String(route.method ?? "");
  return `${method} ${route.url}`.trim();
}

export function sharedRateLimitStore(deps: {
  db: Kysely<Database>;
  clock: Clock;
}): FastifyRateLimitStoreCtor {
  class SharedRateLimitStore implements FastifyRateLimitStore {
    readonly #bucket: string;
    constructor(_options: FastifyRateLimitOptions, bucket = "global") {
      this.#bucket = bucket;
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      const now = deps.clock.now();
      countRateLimitHit(deps.db, { bucket: this.#bucket, clientKey: key, windowMs: timeWindow, now }).then(
        (hit) => callback(null, { current: hit.hits, ttl: hit.resetsAt.getTime() - now.getTime() }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore["child"]>[0]): FastifyRateLimitStore {
      return new SharedRateLimitStore({}, bucketOf(routeOptions));
    }
  }
  return SharedRateLimitStore;
}
