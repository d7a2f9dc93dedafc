// Reads a Server-Sent Events endpoint as a test or benchmark client would: events as they arrive.
import { parseEventStream } from "../../app/infra/sse.server.ts";

export interface ReceivedEvent {
  type: string;
  id?: string;
  data: string;
}

/**
 * Opens `url` with fetch and yields each event once its closing blank line has arrived. Stop early with
 * `break` (the request is cancelled) or with the signal. Throws when the answer is not an event stream.
 */
export async function* readEventStream(
  url: string,
  options: { headers?: Record<string, string>; signal?: AbortSignal } = {},
): AsyncIterable<ReceivedEvent> {
  const response = await fetch(url, {
    headers: { Accept: "text/event-stream", ...options.headers },
    signal: options.signal,
  });
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok || !type.startsWith("text/event-stream") || !response.body) {
    await response.body?.cancel();
    throw new Error(`not an event stream: ${response.status} ${type}`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      // A CR at the very end may be the first half of a CRLF: wait for the next chunk.
      const end = buffer.endsWith("\r") ? buffer.length - 1 : buffer.length;
      const complete = buffer.slice(0, end).replace(/\r\n?/g, "\n");
      const cut = complete.lastIndexOf("\n\n");
      if (cut === -1) continue;
      buffer = complete.slice(cut + 2) + buffer.slice(end);
      yield* parseEventStream(complete.slice(0, cut + 2));
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
