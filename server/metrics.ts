// Prometheus metrics: request counts and latencies by kind of address, the page cache and the
// database pool. Served on /metrics only to configured networks or with the metrics token.
import { createHash, timingSafeEqual } from "node:crypto";
import { BlockList, isIP } from "node:net";
import type { NextFunction, Request, Response } from "express";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "../app/infra/db.server.ts";
import type { Config } from "../app/infra/env.server.ts";
import type { PageCache } from "./page-cache.ts";

export type RequestKind = "page" | "api" | "asset" | "health";

export function kindOf(path: string): RequestKind {
  if (path.startsWith("/api/")) return "api";
  if (path.startsWith("/assets/") || path.startsWith("/favicon.")) return "asset";
  if (path === "/healthz" || path === "/readyz" || path === "/metrics") return "health";
  return "page";
}

export function createMetrics(options: { database: Database; pageCache: PageCache }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests by kind of address, method and status code",
    labelNames: ["kind", "method", "status"],
    registers: [registry],
  });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to the last byte of the response",
    labelNames: ["kind"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new Gauge({
    name: "db_pool_connections",
    help: "Database pool connections by state",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const stats = options.database.poolStats();
      this.set({ state: "total" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
    },
  });
  new Gauge({
    name: "page_cache",
    help: "Rendered-page cache: entries, hits and misses since start",
    labelNames: ["figure"],
    registers: [registry],
    collect() {
      const stats = options.pageCache.stats();
      this.set({ figure: "entries" }, stats.entries);
      this.set({ figure: "hits" }, stats.hits);
      this.set({ figure: "misses" }, stats.misses);
    },
  });

  /** Counts one answered request; the page cache's early answers come here without Express. */
  // The labelled series are looked up once per combination: prom-client hashes the labels on each call.
  const series = new Map<
    string,
    { count: ReturnType<typeof requests.labels>; time: ReturnType<typeof duration.labels> }
  >();
  const record = (kind: RequestKind, method: string, status: number, seconds: number) => {
    const key = `${kind} ${method} ${status}`;
    let found = series.get(key);
    if (!found) {
      found = {
        count: requests.labels({ kind, method, status: String(status) }),
        time: duration.labels({ kind }),
      };
      series.set(key, found);
    }
    found.count.inc();
    found.time.observe(seconds);
  };

  return {
    registry,
    record,
    middleware(req: Request, res: Response, next: NextFunction) {
      const start = process.hrtime.bigint();
      // Decided now: a mounted router rewrites req.path before the response finishes.
      const kind = kindOf(req.path);
      res.on("finish", () =>
        record(kind, req.method, res.statusCode, Number(process.hrtime.bigint() - start) / 1e9),
      );
      next();
    },
  };
}

function digestOf(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/**
 * Who may read /metrics: addresses in METRICS_ALLOW, or whoever presents METRICS_TOKEN. The address is
 * `req.ip`: behind a proxy on the same machine without TRUST_PROXY every request comes from 127.0.0.1,
 * so the default list lets everyone in; set TRUST_PROXY, or an empty METRICS_ALLOW and the token.
 */
export function createMetricsGuard(config: Pick<Config, "metricsAllow" | "metricsToken">) {
  const allowed = new BlockList();
  for (const entry of config.metricsAllow) {
    const [address, prefix] = entry.split("/");
    const family = isIP(address ?? "") === 6 ? "ipv6" : "ipv4";
    if (!address || !isIP(address)) continue;
    if (prefix === undefined) allowed.addAddress(address, family);
    else allowed.addSubnet(address, Number(prefix), family);
  }
  const expected = config.metricsToken ? digestOf(`Bearer ${config.metricsToken}`) : undefined;
  return (req: Request): boolean => {
    const presented = req.headers.authorization;
    // Compared as hashes of equal length in constant time: the answer's timing says nothing of how
    // much of a guess was right.
    if (expected && presented !== undefined && timingSafeEqual(digestOf(presented), expected)) return true;
    const ip = (req.ip ?? "").replace(/^::ffff:/, "");
    const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
    return isIP(ip) !== 0 && allowed.check(ip, family);
  };
}
