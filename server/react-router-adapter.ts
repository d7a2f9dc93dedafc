// Hands a request to React Router and writes its answer, storing it in the page cache when the route
// marked it as cacheable. Written out (instead of @react-router/express) because the cache needs the
// finished bytes of the response.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { NextFunction, Request, Response } from "express";
import { createRequestHandler, type ServerBuild } from "react-router";
import { clientAddressKey } from "../app/infra/client-address.ts";
import { createRouteTexts } from "../app/infra/i18n/route-texts.ts";
import { PAGE_VIEW_HEADER } from "../app/infra/route-errors.server.ts";
import type { Services } from "../app/infra/services.server.ts";
import { countView, PAGE_CACHE_HEADER, type PageCache } from "./page-cache.ts";
import { sendPlainPage } from "./security/plain-page.ts";

class BodyTooLarge extends Error {}
/** The client went away before its body was complete: nobody to answer. */
class ClientGone extends Error {}

/**
 * The whole body of a form post, read up to `limit` bytes. Forms here are small (the largest text field
 * takes a few thousand characters), so the body is held in memory, never more than the limit: a
 * `Content-Length` above it is refused before a byte is read, a chunked body as soon as it passes it.
 */
function readBoundedBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) return Promise.reject(new BodyTooLarge());
  // Listeners, not `for await`: leaving such a loop early destroys the socket before the answer.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stop();
      req.pause();
      reject(new BodyTooLarge());
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = () => {
      stop();
      reject(new ClientGone());
    };
    const onClose = () => {
      if (req.complete) return;
      stop();
      reject(new ClientGone());
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

/**
 * After a refusal the rest of the body is read and thrown away (Node does the same after any answer on
 * a kept-alive connection), so the client, still sending, gets to read the answer instead of a reset
 * connection. A body that has not ended after DISCARD_MS has its connection cut: it costs at most that
 * long and no memory.
 */
function discardRestOfBody(req: Request): void {
  const cut = setTimeout(() => req.socket.destroy(), DISCARD_MS);
  req.once("end", () => clearTimeout(cut));
  req.once("close", () => clearTimeout(cut));
  req.resume();
}

const DISCARD_MS = 2000;

function toFetchRequest(req: Request, res: Response, origin: string, body?: Buffer): globalThis.Request {
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const init: RequestInit = { method: req.method, headers, signal: controller.signal };
  if (body !== undefined) init.body = new Uint8Array(body);
  return new Request(new URL(req.originalUrl, origin), init);
}

export function createPageHandler(options: { build: ServerBuild; services: Services; pageCache: PageCache }) {
  const handle = createRequestHandler(options.build, options.services.config.env);
  const routeTexts = createRouteTexts(options.build.routes);

  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const cacheable = req.method === "GET" || req.method === "HEAD";
      const key = cacheable ? options.pageCache.keyOf(req) : "";

      let body: Buffer | undefined;
      if (!cacheable) {
        // Security: no form of this site sends files, and every body is bounded (413 above the limit).
        if (/^multipart\//i.test(req.headers["content-type"] ?? "")) {
          discardRestOfBody(req);
          return sendPlainPage(req, res, { status: 415, page: "unsupported" });
        }
        const limit = options.services.config.formBodyLimitBytes;
        try {
          body = await readBoundedBody(req, limit);
        } catch (error) {
          if (error instanceof ClientGone) return;
          if (!(error instanceof BodyTooLarge)) throw error;
          discardRestOfBody(req);
          return sendPlainPage(req, res, {
            status: 413,
            page: "tooLarge",
            values: { kilobytes: Math.floor(limit / 1024) },
          });
        }
      }
      // The request's address is the site's configured one, never the `Host` header a client chooses,
      // so no page can build a link from it.
      const response = await handle(toFetchRequest(req, res, options.services.config.publicUrl, body), {
        services: options.services,
        clientIp: clientAddressKey(req.ip),
        routeTexts,
      });
      const tag = response.headers.get(PAGE_CACHE_HEADER);
      response.headers.delete(PAGE_CACHE_HEADER);
      const view = response.headers.get(PAGE_VIEW_HEADER) ?? undefined;
      response.headers.delete(PAGE_VIEW_HEADER);
      if (view && response.status === 200) countView(req, view, options.services.insightCounters);

      if (tag && cacheable && response.status === 200 && response.body) {
        const body = Buffer.from(await response.arrayBuffer());
        const headers = [...response.headers].filter(
          ([name]) => name !== "set-cookie" && name !== "content-length",
        );
        return options.pageCache.send(req, res, options.pageCache.store(key, { tag, headers, body, view }));
      }

      res.status(response.status);
      // setHeader, not append: a header the route sets replaces the one helmet set before (one
      // Referrer-Policy on the share page, not two).
      for (const [name, value] of response.headers) {
        if (name !== "set-cookie") res.setHeader(name, value);
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
