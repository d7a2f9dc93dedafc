// Making a live conversation: start from a template (with its conversation guide beside the form) or
// from nothing, edit the questions, add, remove or fill one from a dilemma card. Every change is a
// submit, so it all works without JavaScript; on a mistake everything typed comes back with the errors.
// From a card's page (`?kaart=<slug>`) the form opens with that card's question already in it.
import { data, Form, redirect } from "react-router";
import { AppError, isAppError } from "~/infra/errors.ts";
import { readFormData } from "~/infra/form-data.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import { message } from "~/infra/i18n/translate.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import {
  CARD_QUERY,
  type ConversationFormValues,
  conversationFieldOf,
  conversationInputOf,
  FIELDS,
  formValuesFrom,
  INTENTS,
  MAX_QUESTIONS,
  type QuestionFormValues,
  questionField,
  readConversationForm,
  withCardQuestion,
  withCardTaken,
  withQuestionAdded,
  withQuestionRemoved,
} from "~/modules/conversations/conversation-form.ts";
import { createConversation } from "~/modules/conversations/conversations.server.ts";
import { ConversationInput } from "~/modules/conversations/conversations.validation.ts";
import { QUESTION_KINDS } from "~/modules/conversations/tallies.ts";
import { TEMPLATES, templateFor } from "~/modules/conversations/templates.ts";
import { PRINCIPLES } from "~/modules/dilemmas/dilemma-tags.ts";
import { getPublishedCard, listPublishedCards, principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import { Slug } from "~/modules/dilemmas/dilemmas.validation.ts";
import { Alert, StatusBadge } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import {
  CheckboxField,
  CheckboxGroup,
  type ChoiceOption,
  FieldError,
  Fieldset,
  FormField,
  Select,
  Textarea,
  Textbox,
} from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { OrderedList, OrderedListItem } from "~/ui/list.tsx";
import { VisuallyHidden } from "~/ui/visually-hidden.tsx";
import type { Route } from "./+types/gesprekken-nieuw";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account", "conversations", "waysIn"] };

const EMPTY_START = "leeg";

type Notice = { kind: "added" | "card"; number: number } | { kind: "removed" };

/** A published card by its address, or nothing (an unknown, unpublished or malformed one). */
async function findCard(db: Parameters<typeof getPublishedCard>[0]["db"], slug: string) {
  if (!Slug.safeParse(slug).success) return undefined;
  return getPublishedCard({ db, slug }).catch((error: unknown) => {
    if (isAppError(error)) return undefined;
    throw error;
  });
}

/** The conversation guide of a template, for the facilitator to read beside the form. */
function guideOf(key: string) {
  const template = templateFor(key);
  if (!template) return null;
  return { title: template.title, minutes: template.minutes, rounds: template.rounds };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    await requirePermission({ request, services, permission: "conversations:lead" });
    const { db } = services.database;
    const query = new URL(request.url).searchParams;
    const chosen = query.get(FIELDS.template) ?? "";
    const template = templateFor(chosen);
    const cardSlug = query.get(CARD_QUERY)?.trim() ?? "";
    const [cards, titles, card] = await Promise.all([
      listPublishedCards({ db }),
      principleTitles({ db }),
      cardSlug ? findCard(db, cardSlug) : Promise.resolve(undefined),
    ]);
    // A card from its page: its question goes into the empty start, or after the template's questions.
    const withCard = card ? withCardQuestion(formValuesFrom(template), card) : undefined;
    const notice: Notice | null =
      withCard && withCard.position >= 0 ? { kind: "card", number: withCard.position + 1 } : null;
    return data(
      {
        templates: TEMPLATES.map(({ key, title, description, minutes }) => ({
          key,
          title,
          description,
          minutes,
        })),
        chosen: template ? template.key : chosen === EMPTY_START || card ? EMPTY_START : null,
        start: withCard?.values ?? formValuesFrom(template),
        notice,
        card: card ? { slug: card.slug, title: card.title } : null,
        cardMissing: Boolean(cardSlug) && !card,
        guide: template ? guideOf(template.key) : null,
        cards: cards.map((card) => ({ slug: card.slug, title: card.title })),
        principles: PRINCIPLES.map((slug) => ({ value: slug, label: titles.get(slug) ?? slug, lang: "nl" })),
        defaultMinimum: services.config.conversations.minAnswers,
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { user } = await requirePermission({ request, services, permission: "conversations:lead" });
    const { db } = services.database;
    const form = await readFormData(request);
    const { values, intent } = readConversationForm(form);
    const { quotas } = services.config;
    // Changes of the list of questions answer with a notice; a refusal, of a change or of the
    // conversation itself, answers the one way with its messages beside the fields.
    const changed = (next: ConversationFormValues, notice: Notice) =>
      data(
        { values: next, errors: {}, problem: null, notice, guide: guideOf(next.template) },
        { headers: PRIVATE_HEADERS },
      );
    const refusal = (field: string, said: string) =>
      new AppError("invalid", said, { fields: { [field]: said } });
    try {
      switch (intent.kind) {
        case "add":
          if (values.questions.length >= MAX_QUESTIONS) {
            throw refusal(
              "questions",
              message("problems.conversations.tooManyQuestions", { max: MAX_QUESTIONS }),
            );
          }
          return changed(withQuestionAdded(values), { kind: "added", number: values.questions.length + 1 });
        case "remove":
          return changed(withQuestionRemoved(values, intent.position), { kind: "removed" });
        case "card": {
          const field = `questions.${intent.position}.cardSlug`;
          if (!intent.slug) throw refusal(field, "problems.conversations.chooseCard");
          const card = await getPublishedCard({ db, slug: intent.slug }).catch((error: unknown) => {
            if (isAppError(error)) return undefined;
            throw error;
          });
          if (!card) throw refusal(field, "problems.conversations.cardNotFound");
          return changed(withCardTaken(values, intent.position, card), {
            kind: "card",
            number: intent.position + 1,
          });
        }
        case "create": {
          const made = await createConversation({
            db,
            quotas,
            ownerId: user.id,
            input: ConversationInput.parse(conversationInputOf(values)),
            maxParticipants: services.config.conversations.maxParticipants,
            defaultMinAnswers: services.config.conversations.minAnswers,
          });
          return redirect(`/gesprekken/${made.id}/leiden`, { status: 303 });
        }
      }
    } catch (error) {
      return answerRefusedForm(error, {
        request,
        values,
        fieldNames: { nameOf: conversationFieldOf },
        quota: { quotas, kind: "conversation", field: FIELDS.title },
        extra: { notice: null, guide: guideOf(values.template) },
        headers: PRIVATE_HEADERS,
      });
    }
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

function QuestionFields(props: {
  position: number;
  question: QuestionFormValues;
  errors: Record<string, string>;
  cards: ChoiceOption[];
  principles: ChoiceOption[];
  /** "nl" while the texts are a Dutch template's or card's, not yet the facilitator's own. */
  contentLang?: string;
}) {
  const t = useT();
  const { position, question, errors } = props;
  const lang = props.contentLang;
  const name = (field: Parameters<typeof questionField>[1]) => questionField(position, field);
  const number = position + 1;
  const which = <VisuallyHidden> {t("conversations.new.inQuestion", { number })}</VisuallyHidden>;
  const card = props.cards.find((candidate) => candidate.value === question.cardSlug);
  return (
    <Fieldset
      legend={t("conversations.question", { number })}
      framed
      className="vm-question-fields"
      id={`vraag-${position}`}
    >
      <FormField id={name("kind")} label={t("conversations.new.kind")} error={errors[name("kind")]}>
        {(describedBy) => (
          <Select
            id={name("kind")}
            name={name("kind")}
            defaultValue={question.kind}
            describedBy={describedBy}
            options={QUESTION_KINDS.map((kind) => ({ value: kind, label: t(`conversations.kinds.${kind}`) }))}
          />
        )}
      </FormField>
      <FormField id={name("text")} label={t("conversations.new.text")} error={errors[name("text")]}>
        {(describedBy) => (
          <Textarea
            id={name("text")}
            name={name("text")}
            rows={3}
            maxLength={300}
            lang={lang}
            defaultValue={question.text}
            invalid={Boolean(errors[name("text")])}
            describedBy={describedBy}
          />
        )}
      </FormField>
      {(["optionA", "optionB"] as const).map((option) => (
        <FormField
          key={option}
          id={name(option)}
          label={t(`conversations.new.${option}`)}
          description={t("conversations.new.optionHint")}
          error={errors[name(option)]}
        >
          {(describedBy) => (
            <Textbox
              id={name(option)}
              name={name(option)}
              maxLength={120}
              lang={lang}
              defaultValue={question[option]}
              invalid={Boolean(errors[name(option)])}
              describedBy={describedBy}
            />
          )}
        </FormField>
      ))}
      <CheckboxField
        id={name("allowOther")}
        name={name("allowOther")}
        value="ja"
        defaultChecked={question.allowOther}
        label={t("conversations.new.allowOther")}
      />
      <CheckboxGroup
        id={name("principles")}
        name={name("principles")}
        legend={t("conversations.new.principles")}
        error={errors[name("principles")]}
        options={props.principles}
        checked={question.principles}
      />
      <FormField
        id={name("minutes")}
        label={t("conversations.new.minutes")}
        description={t("conversations.new.minutesHint")}
        error={errors[name("minutes")]}
      >
        {(describedBy) => (
          <Textbox
            id={name("minutes")}
            name={name("minutes")}
            maxLength={3}
            defaultValue={question.minutes}
            invalid={Boolean(errors[name("minutes")])}
            describedBy={describedBy}
          />
        )}
      </FormField>
      <input type="hidden" name={name("cardSlug")} value={question.cardSlug} />
      {question.cardSlug ? (
        <Paragraph>
          {t("conversations.new.fromCard")}{" "}
          <Link to={`/dilemmas/${question.cardSlug}`} lang="nl">
            {card?.label ?? question.cardSlug}
          </Link>
        </Paragraph>
      ) : null}
      <div className="vm-card-pick">
        <FormField
          id={name("cardChoice")}
          label={t("conversations.new.card")}
          description={t("conversations.new.cardHint")}
          error={errors[name("cardChoice")]}
        >
          {(describedBy) => (
            <Select
              id={name("cardChoice")}
              name={name("cardChoice")}
              defaultValue=""
              describedBy={describedBy}
              options={[{ value: "", label: t("conversations.new.cardNone") }, ...props.cards]}
            />
          )}
        </FormField>
        <Button appearance="secondary-action" name={FIELDS.intent} value={INTENTS.card(position)}>
          {t("conversations.new.cardTake")}
          {which}
        </Button>
      </div>
      <div className="vm-actions">
        <Button appearance="secondary-action" name={FIELDS.intent} value={INTENTS.remove(position)}>
          {t("conversations.new.remove")}
          <VisuallyHidden> {number}</VisuallyHidden>
        </Button>
      </div>
    </Fieldset>
  );
}

function ConversationGuide(props: { guide: NonNullable<ReturnType<typeof guideOf>> }) {
  const t = useT();
  return (
    <section aria-labelledby="draaiboek" className="vm-guidance vm-conversation-guide">
      <Heading level={2} id="draaiboek">
        {t("conversations.new.guideTitle")}
      </Heading>
      <Paragraph>{t("conversations.new.guideIntro", { minutes: props.guide.minutes })}</Paragraph>
      <OrderedList className="vm-guide-rounds" lang="nl">
        {props.guide.rounds.map((round) => (
          <OrderedListItem key={round.title}>
            <strong>{round.title}</strong> ({t("conversations.minutes", { count: round.minutes })})
            <Paragraph>{round.guidance}</Paragraph>
          </OrderedListItem>
        ))}
      </OrderedList>
    </section>
  );
}

export default function NewConversation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const values = actionData?.values ?? loaderData.start;
  const errors: Record<string, string> = actionData?.errors ?? {};
  const guide = actionData ? actionData.guide : loaderData.guide;
  // The card from the card's page is announced once; after a submit the form says what happened.
  const notice = actionData ? actionData.notice : loaderData.notice;
  // Choosing another start keeps the card from its page.
  const withCard = loaderData.card ? `&${CARD_QUERY}=${encodeURIComponent(loaderData.card.slug)}` : "";
  const showForm = Boolean(actionData) || loaderData.chosen !== null;
  // A template's or a card's texts are Dutch content until the facilitator sends the form back.
  const contentLang =
    !actionData && (loaderData.chosen !== EMPTY_START || loaderData.card) ? "nl" : undefined;
  const cards = loaderData.cards.map((card) => ({ value: card.slug, label: card.title, lang: "nl" }));
  return (
    <>
      <title>{`${t("conversations.new.title")} – Vakmanschap`}</title>
      <Paragraph>
        <Link to="/gesprekken">{t("conversations.back")}</Link>
      </Paragraph>
      <Heading level={1}>{t("conversations.new.title")}</Heading>
      <ErrorSummary title={t("account.errorSummary")} errors={errors} />
      <Paragraph>{t("conversations.new.intro")}</Paragraph>
      {loaderData.cardMissing ? (
        <Alert type="warning">
          <Paragraph>{t("waysIn.conversation.cardMissing")}</Paragraph>
        </Alert>
      ) : null}
      {loaderData.card ? (
        <Paragraph>
          {t("waysIn.conversation.startsWithCard")}{" "}
          <Link to={`/dilemmas/${loaderData.card.slug}`} lang="nl">
            {loaderData.card.title}
          </Link>
        </Paragraph>
      ) : null}

      <section aria-labelledby="begin">
        <Heading level={2} id="begin">
          {t("conversations.new.startTitle")}
        </Heading>
        {showForm ? <Paragraph>{t("conversations.new.startAgain")}</Paragraph> : null}
        <ul className="vm-plain-list vm-template-list">
          {loaderData.templates.map((template) => (
            <li key={template.key} className="vm-card-summary">
              <Heading level={3} lang="nl">
                {template.title}
              </Heading>
              <Paragraph>
                {t("conversations.minutes", { count: template.minutes })}
                {loaderData.chosen === template.key ? (
                  <>
                    {" "}
                    <StatusBadge>{t("conversations.new.chosen")}</StatusBadge>
                  </>
                ) : null}
              </Paragraph>
              <Paragraph lang="nl">{template.description}</Paragraph>
              <Paragraph>
                {/* The name says which template; it starts with the visible words, so voice control finds it. */}
                <Link to={`/gesprekken/nieuw?${FIELDS.template}=${template.key}${withCard}`}>
                  {/* The name is said whole by the hidden text, so the template's Dutch title keeps its language. */}
                  <span aria-hidden="true">{t("conversations.new.useTemplate")}</span>
                  <VisuallyHidden>
                    {t("conversations.new.useTemplate")}: <span lang="nl">{template.title}</span>
                  </VisuallyHidden>
                </Link>
              </Paragraph>
            </li>
          ))}
          <li className="vm-card-summary">
            <Heading level={3}>{t("conversations.new.emptyTitle")}</Heading>
            <Paragraph>{t("conversations.new.emptyText")}</Paragraph>
            <Paragraph>
              <Link to={`/gesprekken/nieuw?${FIELDS.template}=${EMPTY_START}${withCard}`}>
                {t("conversations.new.useEmpty")}
              </Link>
            </Paragraph>
          </li>
        </ul>
      </section>

      {showForm ? (
        <div className="vm-conversation-builder">
          <Form
            method="post"
            className="vm-form vm-conversation-form"
            noValidate
            // What the server sends back is what the fields show: a new key makes them take it.
            key={JSON.stringify(values)}
          >
            {/* Enter in a text field presses the first button of a form: let that be "make". */}
            <button type="submit" name={FIELDS.intent} value={INTENTS.create} hidden>
              {t("conversations.new.create")}
            </button>
            <Heading level={2}>{t("conversations.new.formTitle")}</Heading>
            <input type="hidden" name={FIELDS.template} value={values.template} />
            <FormField
              id={FIELDS.title}
              label={t("conversations.new.titleField")}
              error={errors[FIELDS.title]}
            >
              {(describedBy) => (
                <Textbox
                  id={FIELDS.title}
                  name={FIELDS.title}
                  lang={contentLang}
                  maxLength={120}
                  defaultValue={values.title}
                  invalid={Boolean(errors[FIELDS.title])}
                  describedBy={describedBy}
                />
              )}
            </FormField>
            <FormField
              id={FIELDS.description}
              label={t("conversations.new.description")}
              description={t("conversations.new.descriptionHint")}
              error={errors[FIELDS.description]}
            >
              {(describedBy) => (
                <Textarea
                  id={FIELDS.description}
                  name={FIELDS.description}
                  rows={3}
                  maxLength={1000}
                  lang={contentLang}
                  defaultValue={values.description}
                  invalid={Boolean(errors[FIELDS.description])}
                  describedBy={describedBy}
                />
              )}
            </FormField>
            <FormField
              id={FIELDS.minAnswers}
              label={t("conversations.new.minimum")}
              description={t("conversations.new.minimumHint", { minimum: loaderData.defaultMinimum })}
              error={errors[FIELDS.minAnswers]}
            >
              {(describedBy) => (
                <Textbox
                  id={FIELDS.minAnswers}
                  name={FIELDS.minAnswers}
                  maxLength={2}
                  defaultValue={values.minAnswers}
                  invalid={Boolean(errors[FIELDS.minAnswers])}
                  describedBy={describedBy}
                />
              )}
            </FormField>

            <Heading level={2} id={FIELDS.questions}>
              {t("conversations.new.questionsTitle")}
            </Heading>
            {errors[FIELDS.questions] ? <FieldError as="p">{errors[FIELDS.questions]}</FieldError> : null}
            {notice ? (
              <Alert type="ok">
                <Paragraph>
                  {notice.kind === "removed"
                    ? t("conversations.new.removed")
                    : t(notice.kind === "added" ? "conversations.new.added" : "conversations.new.cardTaken", {
                        number: notice.number,
                      })}{" "}
                  {notice.kind !== "removed" ? (
                    <Link reloadDocument to={`#vraag-${notice.number - 1}`}>
                      {t("conversations.new.goTo", { number: notice.number })}
                    </Link>
                  ) : null}
                </Paragraph>
              </Alert>
            ) : null}
            {values.questions.map((question, position) => (
              <QuestionFields
                // biome-ignore lint/suspicious/noArrayIndexKey: a question is its position in the form
                key={position}
                position={position}
                question={question}
                errors={errors}
                cards={cards}
                principles={loaderData.principles}
                contentLang={contentLang}
              />
            ))}
            <div className="vm-actions">
              <Button appearance="secondary-action" name={FIELDS.intent} value={INTENTS.add}>
                {t("conversations.new.add")}
              </Button>
            </div>
            <div className="vm-actions">
              <Button name={FIELDS.intent} value={INTENTS.create}>
                {t("conversations.new.create")}
              </Button>
            </div>
          </Form>
          {guide ? <ConversationGuide guide={guide} /> : null}
        </div>
      ) : null}
    </>
  );
}
