// The facilitator's form for a new conversation: its field names (`titel`, `vraag-0-tekst`, …), reading them
// back exactly as typed, turning them into what `ConversationInput` checks, putting its errors on the
// right fields, and the edits that work by submitting (add, remove, fill from a dilemma card). Pure, so
// the page behaves the same with and without JavaScript.
import { textOf } from "../../infra/form-data.ts";
import { shorten } from "../deliberation/card-from-record.ts";
import { PRINCIPLES } from "../dilemmas/dilemma-tags.ts";
import type { ConversationTemplate } from "./templates.ts";

/** The most questions a conversation holds (as `ConversationInput` says). */
export const MAX_QUESTIONS = 30;
// The limits of `QuestionDraftSchema`, for filling a question from a card.
const QUESTION_TEXT_MAX = 300;
const CHOICE_MAX = 120;
const PRINCIPLES_MAX = 3;

/** One question as typed: every field a string (or list of strings), nothing checked yet. */
export interface QuestionFormValues {
  kind: string;
  text: string;
  optionA: string;
  optionB: string;
  allowOther: boolean;
  principles: string[];
  minutes: string;
  cardSlug: string;
}

export interface ConversationFormValues {
  /** The template the conversation started from ("" for an empty start), to keep its guide in view. */
  template: string;
  title: string;
  description: string;
  minAnswers: string;
  questions: QuestionFormValues[];
}

/** What pressing a button of the form asks for. Positions count from 0. */
export type FormIntent =
  | { kind: "create" }
  | { kind: "add" }
  | { kind: "remove"; position: number }
  | { kind: "card"; position: number; slug: string };

export const FIELDS = {
  template: "sjabloon",
  title: "titel",
  description: "beschrijving",
  minAnswers: "minimum",
  /** Not an input: where the error about the list of questions is shown. */
  questions: "vragen",
  intent: "intent",
} as const;

/** The query parameter of `/gesprekken/nieuw` that starts the form with a dilemma card's question. */
export const CARD_QUERY = "kaart";

const QUESTION_FIELDS = {
  kind: "soort",
  text: "tekst",
  optionA: "keuze-a",
  optionB: "keuze-b",
  allowOther: "anders",
  principles: "principes",
  minutes: "minuten",
  cardSlug: "kaart",
  /** The select from which "Neem kaart over" takes a card. */
  cardChoice: "kaartkeuze",
} as const;
export type QuestionField = keyof typeof QUESTION_FIELDS;

/** The name (and id) of a question's field, such as `vraag-0-tekst`. */
export function questionField(position: number, field: QuestionField): string {
  return `vraag-${position}-${QUESTION_FIELDS[field]}`;
}

/** The values of the buttons that change the list of questions. */
export const INTENTS = {
  create: "maken",
  add: "toevoegen",
  remove: (position: number) => `verwijder-${position}`,
  card: (position: number) => `kaart-${position}`,
} as const;

export function emptyQuestion(): QuestionFormValues {
  return {
    kind: "dilemma",
    text: "",
    optionA: "",
    optionB: "",
    allowOther: false,
    principles: [],
    minutes: "",
    cardSlug: "",
  };
}

/** An empty form, or one filled from a template, for the facilitator to edit. */
export function formValuesFrom(template?: ConversationTemplate): ConversationFormValues {
  if (!template) {
    return { template: "", title: "", description: "", minAnswers: "", questions: [emptyQuestion()] };
  }
  return {
    template: template.key,
    title: template.title,
    description: template.description,
    minAnswers: "",
    questions: template.questions.map((question) => ({
      kind: question.kind,
      text: question.text,
      optionA: question.optionA ?? "",
      optionB: question.optionB ?? "",
      allowOther: question.allowOther ?? false,
      principles: [...question.principles],
      minutes: question.minutes === undefined ? "" : String(question.minutes),
      cardSlug: question.cardSlug ?? "",
    })),
  };
}

const QUESTION_NUMBER = /^vraag-(\d{1,3})-soort$/;

/**
 * Reads the form as typed, and which button was pressed. Questions come in the order of their numbers;
 * a gap (a question removed in the browser) closes, and a button names its question by the number the
 * form had.
 */
export function readConversationForm(form: FormData): { values: ConversationFormValues; intent: FormIntent } {
  const text = (name: string) => textOf(form, name);
  const numbers = [...new Set([...form.keys()].map((key) => QUESTION_NUMBER.exec(key)?.[1]))]
    .filter((number): number is string => number !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
    // One more than allowed, so the check can say there are too many.
    .slice(0, MAX_QUESTIONS + 1);
  const field = (number: number, name: QuestionField) => `vraag-${number}-${QUESTION_FIELDS[name]}`;
  const questions = numbers.map(
    (number): QuestionFormValues => ({
      kind: text(field(number, "kind")),
      text: text(field(number, "text")),
      optionA: text(field(number, "optionA")),
      optionB: text(field(number, "optionB")),
      allowOther: text(field(number, "allowOther")) === "ja",
      principles: form
        .getAll(field(number, "principles"))
        .filter((value): value is string => typeof value === "string"),
      minutes: text(field(number, "minutes")),
      cardSlug: text(field(number, "cardSlug")),
    }),
  );
  const values: ConversationFormValues = {
    template: text(FIELDS.template),
    title: text(FIELDS.title),
    description: text(FIELDS.description),
    minAnswers: text(FIELDS.minAnswers),
    questions,
  };

  const pressed = text(FIELDS.intent);
  const named = /^(verwijder|kaart)-(\d{1,3})$/.exec(pressed);
  const position = named ? numbers.indexOf(Number(named[2])) : -1;
  let intent: FormIntent = { kind: "create" };
  if (pressed === INTENTS.add) intent = { kind: "add" };
  else if (named?.[1] === "verwijder" && position >= 0) intent = { kind: "remove", position };
  else if (named?.[1] === "kaart" && position >= 0) {
    const number = numbers[position] ?? 0;
    intent = { kind: "card", position, slug: text(field(number, "cardChoice")).trim() };
  }
  return { values, intent };
}

const whole = (typed: string) => (typed.trim() === "" ? undefined : Number(typed));

/** The typed form in the shape `ConversationInput` checks (empty numbers and card mean "none"). */
export function conversationInputOf(values: ConversationFormValues) {
  return {
    title: values.title,
    description: values.description,
    minAnswers: whole(values.minAnswers),
    questions: values.questions.map((question) => ({
      kind: question.kind,
      text: question.text,
      optionA: question.optionA,
      optionB: question.optionB,
      allowOther: question.allowOther,
      cardSlug: question.cardSlug.trim() || undefined,
      principles: question.principles,
      minutes: whole(question.minutes),
    })),
  };
}

const TOP_FIELDS: Record<string, string> = {
  title: FIELDS.title,
  description: FIELDS.description,
  minAnswers: FIELDS.minAnswers,
  questions: FIELDS.questions,
};

/** The form field a problem in the conversation's input belongs to (for `fieldErrorsOf`'s `nameOf`). */
export function conversationFieldOf(path: readonly PropertyKey[]): string {
  const [top, position, name] = path;
  if (top === "questions" && typeof position === "number") {
    // The card is a hidden field; its problem belongs beside the card's select.
    const named = name === "cardSlug" ? "cardChoice" : name;
    return typeof named === "string" && named in QUESTION_FIELDS
      ? questionField(position, named as QuestionField)
      : questionField(position, "text");
  }
  return TOP_FIELDS[String(top)] ?? FIELDS.title;
}

/** The form with one more, empty question at the end (unless it is full). */
export function withQuestionAdded(values: ConversationFormValues): ConversationFormValues {
  if (values.questions.length >= MAX_QUESTIONS) return values;
  return { ...values, questions: [...values.questions, emptyQuestion()] };
}

export function withQuestionRemoved(
  values: ConversationFormValues,
  position: number,
): ConversationFormValues {
  return { ...values, questions: values.questions.filter((_, index) => index !== position) };
}

/** What a question takes from a published dilemma card. */
export interface CardForQuestion {
  slug: string;
  title: string;
  case: string;
  optionA: string;
  optionB: string;
  principles: readonly string[];
}

/**
 * A dilemma question made from a card: the case (as many whole sentences as fit) with "Wat doe je?",
 * the two options (shortened to fit a phone's button when needed) and the card's principles. Keeps the
 * minutes of the question it replaces.
 */
export function questionFromCard(card: CardForQuestion, replacing: QuestionFormValues): QuestionFormValues {
  const known = new Set<string>(PRINCIPLES);
  return {
    kind: "dilemma",
    text: caseAsQuestion(card),
    optionA: shorten(oneLine(card.optionA), CHOICE_MAX),
    optionB: shorten(oneLine(card.optionB), CHOICE_MAX),
    allowOther: true,
    principles: card.principles.filter((slug) => known.has(slug)).slice(0, PRINCIPLES_MAX),
    minutes: replacing.minutes,
    cardSlug: card.slug,
  };
}

export function withCardTaken(
  values: ConversationFormValues,
  position: number,
  card: CardForQuestion,
): ConversationFormValues {
  return {
    ...values,
    questions: values.questions.map((question, index) =>
      index === position ? questionFromCard(card, question) : question,
    ),
  };
}

/**
 * The form with a card's question in it, for a facilitator who came from the card's page: it fills the
 * first question when that is still empty (an empty start), and otherwise comes after the template's
 * questions. An untitled conversation takes the card's title. Also returns the question's position.
 */
export function withCardQuestion(
  values: ConversationFormValues,
  card: CardForQuestion,
): { values: ConversationFormValues; position: number } {
  const title = values.title.trim() ? values.title : card.title;
  const [first] = values.questions;
  if (values.questions.length === 1 && first && isEmptyQuestion(first)) {
    return { values: { ...withCardTaken(values, 0, card), title }, position: 0 };
  }
  if (values.questions.length >= MAX_QUESTIONS) return { values, position: -1 };
  const added = withQuestionAdded(values);
  const position = added.questions.length - 1;
  return { values: { ...withCardTaken(added, position, card), title }, position };
}

function isEmptyQuestion(question: QuestionFormValues): boolean {
  return !question.text.trim() && !question.optionA.trim() && !question.optionB.trim() && !question.cardSlug;
}

const ASK = "Wat doe je?";

function caseAsQuestion(card: CardForQuestion): string {
  const sentences = oneLine(card.case).split(/(?<=[.!?])\s+/);
  let text = "";
  for (const sentence of sentences) {
    const longer = text ? `${text} ${sentence}` : sentence;
    if (longer.length + 1 + ASK.length > QUESTION_TEXT_MAX) break;
    text = longer;
  }
  return text ? `${text} ${ASK}` : shorten(oneLine(card.title), QUESTION_TEXT_MAX);
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
