// The memory soak's live room (`bench/soak.ts`): one conversation with a facilitator stream and a stream
// per participant, opened before the soak starts and held open all through it, with answers at a steady
// rate over questions opened one after another, every fourth answer a changed one. The mechanics of
// bench/live.ts without its latency measurement; what it checks instead is that every phone still sees
// each new question and that the facilitator's count is right at the end of each question, so a stream
// that quietly died shows.
import {
  benchConversation,
  EventReader,
  joinParticipants,
  openParticipantStreams,
  openStream,
  sleep,
  type Target,
} from "./live-clients.ts";
import type { Outcomes } from "./soak-outcomes.ts";

/** The most questions a conversation holds (QUESTIONS_MAX in conversations.validation.ts). */
const QUESTIONS_MAX = 30;
/** About how long a question stays open; fewer, longer questions when the soak is long. */
const QUESTION_SECONDS = 20;
/** How long every phone may take to show a newly opened question, and the facilitator the last answer. */
const SETTLE_MS = 10_000;

/**
 * Makes the conversation (enough questions for `seconds`), joins `participants` and opens every stream;
 * throws when that fails. Then `hold` runs the questions and `close` closes the streams.
 */
export async function openLiveRoom(options: {
  target: Target;
  outcomes: Outcomes;
  participants: number;
  seconds: number;
}) {
  const { target, outcomes, participants } = options;
  const { errors } = outcomes;
  const questionCount = Math.min(QUESTIONS_MAX, Math.ceil(options.seconds / QUESTION_SECONDS));
  const made = await outcomes.request("session", "POST", "/api/v1/gesprekken", {
    headers: target.facilitator,
    body: benchConversation("Benchmark: duurtest", questionCount),
  });
  if (!made) throw new Error("the live room's conversation could not be made");
  const session = JSON.parse(made.body) as { id: string; joinCode: string; questions: { id: string }[] };

  let facilitatorQuestion: string | undefined;
  let facilitatorAnswered = 0;
  const facilitatorReader = new EventReader(true, (type, _id, data) => {
    if (type === "problem") return errors.add("problem event", `facilitator: ${data}`);
    if (type !== "tally") return;
    const snapshot = JSON.parse(data) as { current: { question: { id: string }; answered: number } | null };
    facilitatorQuestion = snapshot.current?.question.id;
    facilitatorAnswered = snapshot.current?.answered ?? 0;
  });
  const streams = [
    await openStream(
      target,
      `/api/v1/gesprekken/${session.id}/stroom`,
      target.facilitator,
      facilitatorReader,
      (reason) => errors.add("stream broken", reason),
    ),
  ];
  const close = () => {
    for (const stream of streams) stream.close();
  };
  const lastIds: number[] = [];
  const tokens = await joinParticipants(target, session.joinCode, participants).catch((error: Error) => {
    close();
    throw new Error(`joining the live room: ${error.message}`, { cause: error });
  });
  outcomes.count("join", tokens.length);
  const phones = await openParticipantStreams({
    target,
    tokens,
    errors,
    onEvent: (index, type, id) => {
      if (type === "tally") lastIds[index] = Number(id);
    },
  }).catch((error: Error) => {
    close();
    throw new Error(`opening the participants' streams: ${error.message}`, { cause: error });
  });
  streams.push(...phones.streams);
  outcomes.count("stream", streams.length);

  /**
   * Opens the questions one after another, each for its share of the time until `endsAt` (a
   * `performance.now()` time), with answers at `rate` a second, until then or until `signal` aborts.
   */
  const hold = async (holding: { rate: number; endsAt: number; signal: AbortSignal }) => {
    const { rate, endsAt, signal } = holding;
    let questionsOpened = 0;
    let answers = 0;
    let changedAnswers = 0;
    // Whose turn it is to answer first; it runs on over the questions so everyone takes part in turn.
    let nextParticipant = 0;
    const inflight: Promise<unknown>[] = [];
    for (const [q, question] of session.questions.entries()) {
      if (signal.aborted) break;
      const opened = await outcomes.request(
        "facilitator action",
        "POST",
        `/api/v1/gesprekken/${session.id}/acties`,
        { headers: target.facilitator, body: { action: "open", questionId: question.id } },
      );
      if (!opened) break;
      questionsOpened++;
      const openVersion = (JSON.parse(opened.body) as { version: number }).version;
      const openedAt = performance.now();
      while (facilitatorQuestion !== question.id || lastIds.some((id) => id < openVersion)) {
        if (performance.now() - openedAt > SETTLE_MS) {
          const missing = lastIds.filter((id) => id < openVersion).length;
          errors.add(
            "question not shown",
            `${missing} phones did not show question ${q + 1} within ${SETTLE_MS} ms`,
          );
          break;
        }
        await sleep(10);
      }

      // This question's share of the time that is left, sent on schedule whether or not earlier answers
      // came back; every fourth send changes the answer of someone who answered this question before.
      const start = performance.now();
      const end = start + (endsAt - start) / (session.questions.length - q);
      const answered: { who: number; value: "a" | "b" }[] = [];
      // Who the server confirmed an answer of: what the facilitator must count (a request that failed
      // is an error of its own, not a second one here).
      const confirmed = new Set<number>();
      let changes = 0;
      for (let slot = 0; !signal.aborted; slot++) {
        const due = start + (slot * 1000) / rate;
        if (due >= end) break;
        await sleep(Math.max(0, due - performance.now()));
        const isChange = (slot % 4 === 3 && answered.length > 0) || answered.length >= participants;
        let who: number;
        let value: "a" | "b";
        if (isChange) {
          const earlier = answered[changes++ % answered.length] as (typeof answered)[number];
          earlier.value = earlier.value === "a" ? "b" : "a";
          ({ who, value } = earlier);
          changedAnswers++;
        } else {
          who = nextParticipant++ % participants;
          value = Math.random() < 0.5 ? "a" : "b";
          answered.push({ who, value });
        }
        answers++;
        inflight.push(
          outcomes
            .request("answer", "PUT", `/api/v1/deelname/antwoorden/${question.id}`, {
              headers: { "Deelnemer-Token": tokens[who] ?? "" },
              body: { value },
            })
            .then((reply) => {
              if (reply) confirmed.add(who);
            }),
        );
      }
      await Promise.all(inflight.splice(0));
      const lastReply = performance.now();
      while (facilitatorAnswered !== confirmed.size && performance.now() - lastReply < SETTLE_MS) {
        await sleep(10);
      }
      if (facilitatorQuestion !== question.id || facilitatorAnswered !== confirmed.size) {
        errors.add(
          "wrong count",
          `question ${q + 1}: the facilitator shows ${facilitatorAnswered} answers, ${confirmed.size} were confirmed`,
        );
      }
    }
    return { questionsOpened, answers, changedAnswers };
  };

  return { streams: streams.length, hold, close };
}
