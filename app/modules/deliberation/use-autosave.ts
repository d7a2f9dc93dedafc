// Autosave for a step of the Dilemma-wijzer (with JavaScript): a moment after the person stops typing,
// the step's fields go to the API with the revision they are based on. A save refused because another
// tab saved first pauses autosaving and hands the other version to the merge panel; an expired login
// says so and leaves the text where it is. Leaving through the progress links saves first.
import { type FormEvent, type MouseEvent, useCallback, useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { useLanguage } from "../../infra/i18n/i18n.ts";
import type { DeliberationContent } from "./deliberation.validation.ts";
import { filledSteps, type StepNumber, stepOf } from "./deliberation-steps.ts";
import { readStepForm } from "./step-form.ts";

export interface Conflict {
  theirs: DeliberationContent;
  revision: number;
}

export type AutosaveStatus = "idle" | "dirty" | "saving" | "saved" | "failed" | "logged-out" | "conflict";

const QUIET_MS = 1500;

export function useAutosave(options: {
  id: string;
  step: StepNumber;
  revision: number;
  filled: StepNumber[];
}) {
  const navigate = useNavigate();
  // The API says its problems in the language asked for: the page's, not the browser's.
  const language = useLanguage();
  const formRef = useRef<HTMLFormElement>(null);
  const revision = useRef(options.revision);
  const [shownRevision, setShownRevision] = useState(options.revision);
  const [filled, setFilled] = useState(options.filled);
  const [status, setStatus] = useState<AutosaveStatus>("idle");
  const [savedAt, setSavedAt] = useState<Date>();
  const [problem, setProblem] = useState<string>();
  const [conflict, setConflict] = useState<Conflict>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const inFlight = useRef<Promise<boolean> | undefined>(undefined);
  const changedSince = useRef(false);

  useEffect(() => {
    revision.current = options.revision;
    setShownRevision(options.revision);
  }, [options.revision]);

  const save = useCallback(async (): Promise<boolean> => {
    const form = formRef.current;
    const step = stepOf(options.step);
    if (!form || !step) return false;
    if (inFlight.current) await inFlight.current;
    changedSince.current = false;
    setStatus("saving");
    const attempt = (async () => {
      try {
        const response = await fetch(`/api/v1/afwegingen/${options.id}/stappen/${step.number}`, {
          method: "PATCH",
          headers: {
            "Content-Type": "application/json",
            Accept: "application/json",
            "Accept-Language": language,
          },
          credentials: "same-origin",
          body: JSON.stringify({
            revision: revision.current,
            ...readStepForm(step, new FormData(form)),
          }),
        });
        const body = await response.json().catch(() => ({}));
        if (response.ok) {
          revision.current = body.revision;
          setShownRevision(body.revision);
          setFilled(filledSteps(body.content));
          setSavedAt(new Date());
          setStatus(changedSince.current ? "dirty" : "saved");
          return true;
        }
        if (response.status === 401) setStatus("logged-out");
        else if (response.status === 409 && body.current) {
          setConflict({ theirs: body.current.content, revision: body.current.revision });
          setStatus("conflict");
        } else {
          setProblem(typeof body.errors?.[0]?.message === "string" ? body.errors[0].message : body.detail);
          setStatus("failed");
        }
      } catch {
        setProblem(undefined);
        setStatus("failed");
      }
      return false;
    })();
    inFlight.current = attempt;
    const ok = await attempt;
    inFlight.current = undefined;
    return ok;
  }, [options.id, options.step, language]);

  const paused = status === "conflict" || status === "logged-out";

  /** Call on every input: saves once the person has been quiet for a moment. */
  const changed = useCallback(
    (_event?: FormEvent) => {
      changedSince.current = true;
      if (paused) return;
      setStatus("dirty");
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), QUIET_MS);
    },
    [paused, save],
  );

  /** For links away from the step: save what is unsaved first, and stay if that fails. */
  const leave = useCallback(
    (event: MouseEvent<HTMLAnchorElement>, to: string) => {
      if (status !== "dirty" && status !== "saving") return;
      event.preventDefault();
      clearTimeout(timer.current);
      void save().then((ok) => {
        if (ok) navigate(to);
      });
    },
    [status, save, navigate],
  );

  // Closing the tab with unsaved text asks first.
  useEffect(() => {
    if (status !== "dirty" && status !== "saving" && status !== "failed") return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [status]);

  // A form submit saves by itself: a waiting autosave is dropped, and one under way is let finish first
  // so that the submit carries the revision it produced.
  const submitting = useCallback((event: FormEvent<HTMLFormElement>) => {
    clearTimeout(timer.current);
    const running = inFlight.current;
    if (!running) return;
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void running.then(() => setTimeout(() => form.requestSubmit(submitter ?? undefined), 0));
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  return {
    formRef,
    revision: shownRevision,
    filled,
    status,
    savedAt,
    problem,
    conflict,
    changed,
    leave,
    submitting,
  };
}
