// Hands a request to React Router and writes its answer, storing it in the page cache when the route
// marked it as cacheable. Written out (instead of @react-router/express) because the cache needs the
// finished bytes of the response.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { NextFunction, Request, Response } from "express";
import { createRequestHandler, type ServerBuild } from "react-router";
import type { Services } from "../app/infra/services.server.ts";
import { clientAddressKey } from "../app/infra/client-address.ts";
import { PAGE_CACHE_HEADER, type PageCache } from "./page-cache.ts";

function toFetchRequest(req: Request, res: Response, origin: string): globalThis.Request {
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = Readable.toWeb(req) as ReadableStream;
    init.duplex = "half";
  }
  return new Request(new URL(req.originalUrl, origin), init);
}

/** Answers from the page cache before any other work (compression, rendering) is done. */
export function serveCachedPage(pageCache: PageCache) {
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || req.path.startsWith("/assets/")) return next();
    const hit = pageCache.get(pageCache.keyOf(req));
    if (!hit) return next();
    pageCache.send(req, res, hit);
  };
}

export function createPageHandler(options: { build: ServerBuild; services: Services; pageCache: PageCache }) {
  const handle = createRequestHandler(options.build, options.services.config.env);
  const fallbackOrigin = `http://localhost:${options.services.config.port}`;

  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const cacheable = req.method === "GET" || req.method === "HEAD";
      const key = cacheable ? options.pageCache.keyOf(req) : "";

      // The Host header is the client's to choose; the configured public address is not.
      let origin = options.services.config.publicUrl ?? fallbackOrigin;
      if (
        !options.services.config.publicUrl &&
        req.headers.host &&
        /^[a-z0-9.:[\]-]+$/i.test(req.headers.host)
      ) {
        origin = `${req.protocol}://${req.headers.host}`;
      }
      const response = await handle(toFetchRequest(req, res, origin), {
        services: options.services,
        clientIp: clientAddressKey(req.ip),
      });
      const tag = response.headers.get(PAGE_CACHE_HEADER);
      response.headers.delete(PAGE_CACHE_HEADER);

      if (tag && cacheable && response.status === 200 && response.body) {
        const body = Buffer.from(await response.arrayBuffer());
        const headers = [...response.headers].filter(
          ([name]) => name !== "set-cookie" && name !== "content-length",
        );
        return options.pageCache.send(req, res, options.pageCache.store(key, { tag, headers, body }));
      }

      res.status(response.status);
      for (const [name, value] of response.headers) {
        if (name !== "set-cookie") res.append(name, value);
      }
      for (const cookie of response.headers.getSetCookie()) res.append("Set-Cookie", cookie);
      if (!response.body || req.method === "HEAD") {
        res.end();
        return;
      }
      await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), res);
    } catch (error) {
      next(error);
    }
  };
}
