// Server rendering: the whole document is rendered before it is sent (pages are small and most are
// cached), so the Content-Security-Policy can list the hash of every inline script instead of a
// per-request nonce, and a cached page carries a policy that fits its bytes.
import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import type { AppLoadContext, EntryContext } from "react-router";
import { ServerRouter } from "react-router";

export const streamTimeout = 5_000;

function scriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.push(
      `'sha256-${createHash("sha256")
        .update(match[1] ?? "")
        .digest("base64")}'`,
    );
  }
  return hashes;
}

/**
 * `formOrigins`: other sites a form may lead to. Browsers apply `form-action` to the redirects after a
 * form too, so the login button's way to the organisation's provider must be allowed here.
 */
export function contentSecurityPolicy(html: string, formOrigins: string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes(html).join(" ")}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    ["form-action 'self'", ...formOrigins].join(" "),
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  return new Promise<Response>((resolve, reject) => {
    let statusCode = responseStatusCode;
    const { pipe, abort } = renderToPipeableStream(
      <ServerRouter context={routerContext} url={request.url} />,
      {
        onAllReady() {
          const sink = new PassThrough();
          const chunks: Buffer[] = [];
          sink.on("data", (chunk: Buffer) => chunks.push(chunk));
          sink.on("end", () => {
            clearTimeout(timer);
            const html = Buffer.concat(chunks).toString("utf8");
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            const sso = loadContext.services.config.oidc;
            responseHeaders.set(
              "Content-Security-Policy",
              contentSecurityPolicy(html, sso ? [new URL(sso.issuer).origin] : []),
            );
            resolve(new Response(html, { headers: responseHeaders, status: statusCode }));
          });
          sink.on("error", reject);
          pipe(sink);
        },
        onShellError: reject,
        onError(error) {
          statusCode = 500;
          loadContext.services.logger.error({ err: error }, "rendering failed");
        },
      },
    );
    const timer = setTimeout(abort, streamTimeout + 1000);
    timer.unref();
  });
}
