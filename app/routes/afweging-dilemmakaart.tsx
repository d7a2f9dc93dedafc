// A private record as a dilemma card to send in: the draft is shown in the card form, the person reads
// it, removes what identifies anyone and confirms that. The card is always anonymous to the public;
// the record itself stays as it is, private.
import { data, Form, redirect } from "react-router";
import { z } from "zod";
import { readFormData } from "~/infra/form-data.ts";
import { languageOf, useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { cardDraftIn } from "~/modules/deliberation/card-draft.server.ts";
import { requireOwnDeliberation } from "~/modules/deliberation/own-deliberation.server.ts";
import { CardFields } from "~/modules/dilemmas/card-form.tsx";
import { submitCard } from "~/modules/dilemmas/dilemma-submissions.server.ts";
import { principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import { DilemmaCardInput } from "~/modules/dilemmas/dilemmas.validation.ts";
import { type CardFormValues, readCardForm } from "~/modules/dilemmas/read-card-form.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { CheckboxField } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { UnorderedList, UnorderedListItem } from "~/ui/list.tsx";
import type { Route } from "./+types/afweging-dilemmakaart";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = {
  texts: ["account", "cardForm", "dilemmas", "deliberation.card", "deliberation.toRecord"],
};

const REVIEWED = "nagelezen";

/** The card, sent only once its maker says they read it again: nothing of the record goes unseen. */
const Sent = DilemmaCardInput.extend({
  [REVIEWED]: z.literal("ja", { error: "deliberation.card.reviewedRequired" }),
});

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { record } = await requireOwnDeliberation({ request, services, id: params.id });
    const { db } = services.database;
    const draft = cardDraftIn(record.content, languageOf(request));
    const titles = await principleTitles({ db });
    return data(
      {
        id: record.id,
        draft: draft.values,
        scrubbed: draft.scrubbed,
        possibleNames: draft.possibleNames,
        principles: [...titles].map(([slug, title]) => ({ slug, title })),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    // Only the owner of the record may send a card made from it; anyone else learns nothing.
    const { actor } = await requireOwnDeliberation({ request, services, id: params.id });
    const { db } = services.database;
    const form = await readFormData(request);
    const typed = readCardForm(form);
    const reviewed = form.get(REVIEWED) === "ja";
    const { quotas } = services.config;
    try {
      const { [REVIEWED]: _, ...card } = Sent.parse({ ...typed, [REVIEWED]: form.get(REVIEWED) });
      await submitCard({ db, quotas, actor, card, anonymous: true });
    } catch (error) {
      return answerRefusedForm(error, {
        request,
        values: typed,
        quota: { quotas, kind: "dilemmaCard", field: "title" },
        extra: { reviewed },
      });
    }
    return redirect("/dilemmas/mijn?ingestuurd=1", { status: 303 });
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function CardFromRecord({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: CardFormValues = actionData?.values ?? loaderData.draft;
  return (
    <>
      <title>{`${t("deliberation.card.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("deliberation.card.title")}</Heading>
      <ErrorSummary title={t("account.errorSummary")} errors={errors} />
      <Paragraph>{t("deliberation.card.intro")}</Paragraph>
      {loaderData.scrubbed > 0 ? (
        <Alert type="info">
          <Paragraph>{t("deliberation.card.scrubbed", { count: loaderData.scrubbed })}</Paragraph>
        </Alert>
      ) : null}
      {loaderData.possibleNames.length > 0 ? (
        <Alert type="warning">
          <Paragraph>{t("deliberation.card.check")}</Paragraph>
          <UnorderedList lang="nl">
            {loaderData.possibleNames.map((word) => (
              <UnorderedListItem key={word}>{word}</UnorderedListItem>
            ))}
          </UnorderedList>
        </Alert>
      ) : null}
      <Form method="post" className="vm-form" noValidate>
        <CardFields values={values} errors={errors} principles={loaderData.principles} />
        <CheckboxField
          id={REVIEWED}
          name={REVIEWED}
          value="ja"
          required
          label={t("deliberation.card.reviewed")}
          error={errors[REVIEWED]}
          defaultChecked={actionData?.reviewed ?? false}
        />
        <Button>{t("deliberation.card.send")}</Button>
      </Form>
      <Paragraph>
        <Link to={`/afwegen/${loaderData.id}`}>{t("deliberation.toRecord")}</Link>
      </Paragraph>
    </>
  );
}
