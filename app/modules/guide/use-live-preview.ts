// The preview while typing (with JavaScript): a moment after the editor stops typing, the form goes to
// the page's own action as its "Voorbeeld bekijken" button would send it, and the preview in the answer
// is shown. Without JavaScript the button does the same with a page load. Nothing is saved.
import { type FormEvent, useEffect, useRef } from "react";
import { useFetcher } from "react-router";

const QUIET_MS = 600;

/** The preview intents; routes skip reloading their data after them (`shouldRevalidate`). */
export const PREVIEW_INTENTS = new Set(["alinea-voorbeeld", "wijzigingen-voorbeeld"]);

export function useLivePreview(intent: "alinea-voorbeeld" | "wijzigingen-voorbeeld") {
  const fetcher = useFetcher<{ previewHtml?: string | null }>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget);
    form.set("intent", intent);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void fetcher.submit(form, { method: "post" });
    }, QUIET_MS);
  };
  return { onInput, previewHtml: fetcher.data?.previewHtml ?? null };
}
