// Pages that follow a live stream (JavaScript only): a conversation's control and big screen, a
// consultation's outcome while it runs. Without JavaScript those pages show what was true when loaded.
import { useEffect, useRef, useState } from "react";
import { useNavigation, useRevalidator } from "react-router";

/**
 * Follows a live stream (Server-Sent Events `tally`, whose id is a version that only grows: a
 * conversation's version, the time of a consultation's outcome) and reloads the page's data when the
 * stream moved past what the page shows. Events close together
 * cause one reload, and none while a form is being sent or a reload is running: it catches up after.
 */
export function useLiveRevalidation(options: { url: string; version: number; enabled?: boolean }) {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" || revalidator.state !== "idle";
  const [seen, setSeen] = useState(options.version);
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  // One reload per version seen, so a page that somehow stays behind does not reload in a loop.
  const asked = useRef(options.version);

  const enabled = options.enabled ?? true;
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource(options.url);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let newest = 0;
    // The server ended the stream on purpose (the conversation ended, the consultation closed): do not
    // reconnect.
    source.addEventListener("end", () => source.close());
    source.addEventListener("tally", (event: MessageEvent) => {
      const version = Number(event.lastEventId);
      if (!Number.isFinite(version)) return;
      newest = Math.max(newest, version);
      // Many answers in a second become one update.
      timer ??= setTimeout(() => {
        timer = undefined;
        setSeen((known) => Math.max(known, newest));
      }, 250);
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [options.url, enabled]);

  useEffect(() => {
    if (busy || seen <= options.version || seen <= asked.current) return;
    asked.current = seen;
    void revalidate.current();
  }, [busy, seen, options.version]);
}
