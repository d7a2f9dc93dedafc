// The lists people choose from when they sign up for kris-kras: the organisations and the answer
// options of each attribute. Editors add, change and switch off; something already chosen is switched
// off instead of deleted. Plain POST forms with an `intent`, working without JavaScript.
import { data, Form, redirect } from "react-router";
import { z } from "zod";
import { readFormData } from "~/infra/form-data.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { listAnswerOptions, listOrganisations } from "~/modules/kriskras/kriskras-lists.server.ts";
import { OPTION_ATTRIBUTES } from "~/modules/kriskras/kriskras-options.ts";
import { fieldIdsOf, OptionFields, OrganisationFields } from "~/modules/kriskras/list-forms.tsx";
import { applyListEdit, LIST_NOTICES } from "~/modules/kriskras/lists-editor.server.ts";
import {
  OPTION_FIELDS,
  type OptionFormValues,
  ORGANISATION_FIELDS,
  type OrganisationFormValues,
} from "~/modules/kriskras/lists-editor-form.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "~/ui/table.tsx";
import { VisuallyHidden } from "~/ui/visually-hidden.tsx";
import type { Route } from "./+types/beheer-kriskras-organisaties";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account", "kriskras.beheer"] };

const Notice = z.enum(LIST_NOTICES).nullable().catch(null);
const PAGE = "/beheer/kriskras/organisaties";

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    await requirePermission({ request, services: context.services, permission: "kriskras:organise" });
    const db = context.services.database.db;
    const [organisations, options] = await Promise.all([
      listOrganisations({ db }),
      listAnswerOptions({ db }),
    ]);
    const search = new URL(request.url).searchParams;
    return data(
      {
        organisations,
        options: options.map((option) => ({
          ...option,
          values: {
            attribute: option.attribute,
            key: option.key,
            labelNl: option.labelNl,
            labelEn: option.labelEn,
            position: String(option.position),
            active: option.active ? "ja" : "",
          } satisfies OptionFormValues,
        })),
        editOrganisation:
          organisations.find((organisation) => organisation.id === search.get("organisatie"))?.id ?? null,
        editOption: search.get("antwoord"),
        notice: Notice.parse(search.get("gedaan")),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    await requirePermission({ request, services: context.services, permission: "kriskras:organise" });
    const form = await readFormData(request);
    const outcome = await applyListEdit({ db: context.services.database.db, form, request });
    if (outcome.kind === "done") {
      const anchor = outcome.notice.startsWith("organisatie") ? "#organisaties" : "#antwoorden";
      return redirect(`${PAGE}?gedaan=${outcome.notice}${anchor}`, { status: 303 });
    }
    const { kind: _kind, status, ...shown } = outcome;
    return data(shown, { status, headers: PRIVATE_HEADERS });
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

const headerCell = (label: string, numeric = false) => (
  <TableHeaderCell scope="col" numeric={numeric}>
    {label}
  </TableHeaderCell>
);

/** The same two actions on every row; the row's name makes each one's accessible name unique. */
function RowActions(props: { change: string; hidden: Record<string, string>; intent: string; name: string }) {
  const t = useT();
  const which = <VisuallyHidden> {props.name}</VisuallyHidden>;
  return (
    <div className="vm-actions">
      <Link to={props.change}>
        {t("kriskras.beheer.lists.change")}
        {which}
      </Link>
      <Form method="post">
        <input type="hidden" name="intent" value={props.intent} />
        {Object.entries(props.hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Button appearance="secondary-action">
          {t("kriskras.beheer.lists.remove")}
          {which}
        </Button>
      </Form>
    </div>
  );
}

export default function KriskrasLists({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const sent = actionData;
  const errorsFor = (intent: string) => (sent?.intent === intent ? sent.errors : {});
  const kinds = loaderData.options
    .filter((option) => option.attribute === "organisationKind")
    .map((option) => ({ value: option.key, label: language === "en" ? option.labelEn : option.labelNl }));
  const kindLabel = new Map(kinds.map((kind) => [kind.value, kind.label]));
  const yesNo = (active: boolean) =>
    active ? t("kriskras.beheer.lists.yes") : t("kriskras.beheer.lists.no");

  const editOrganisationId =
    sent?.intent === "organisatie-wijzigen" && sent.target ? sent.target : loaderData.editOrganisation;
  const editedOrganisation = loaderData.organisations.find(
    (organisation) => organisation.id === editOrganisationId,
  );
  const editOptionId =
    sent?.intent === "antwoord-wijzigen" && sent.target ? sent.target : loaderData.editOption;
  const editedOption = loaderData.options.find(
    (option) => `${option.attribute}:${option.key}` === editOptionId,
  );
  const fieldIds: Record<string, Record<string, string>> = {
    "organisatie-toevoegen": fieldIdsOf("nieuwe-organisatie", ORGANISATION_FIELDS),
    "organisatie-wijzigen": fieldIdsOf("organisatie", ORGANISATION_FIELDS),
    "antwoord-toevoegen": fieldIdsOf("nieuw-antwoord", OPTION_FIELDS),
    "antwoord-wijzigen": fieldIdsOf("antwoord", OPTION_FIELDS),
  };
  const newOrganisation: OrganisationFormValues =
    sent?.intent === "organisatie-toevoegen"
      ? (sent.values as OrganisationFormValues)
      : { name: "", kind: "ministerie", active: "ja" };
  const newOption: OptionFormValues =
    sent?.intent === "antwoord-toevoegen"
      ? (sent.values as OptionFormValues)
      : { attribute: "region", key: "", labelNl: "", labelEn: "", position: "100", active: "ja" };

  return (
    <>
      <title>{`${t("kriskras.beheer.lists.title")} – Vakmanschap`}</title>
      <Paragraph>
        <Link to="/beheer/kriskras">{t("kriskras.beheer.back")}</Link>
      </Paragraph>
      <Heading level={1}>{t("kriskras.beheer.lists.title")}</Heading>
      <Paragraph lead>{t("kriskras.beheer.lists.intro")}</Paragraph>
      {loaderData.notice && !sent ? (
        <Alert type="ok">
          <Paragraph>{t(`kriskras.beheer.lists.notices.${loaderData.notice}`)}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary
        title={t("account.errorSummary")}
        errors={sent?.errors ?? {}}
        fieldIds={sent?.intent ? fieldIds[sent.intent] : undefined}
      />
      {sent?.problem ? (
        <Alert type="error">
          <Paragraph>{sent.problem}</Paragraph>
        </Alert>
      ) : null}

      <section aria-labelledby="organisaties">
        <Heading level={2} id="organisaties">
          {t("kriskras.beheer.lists.organisations")}
        </Heading>
        {editedOrganisation ? (
          <section aria-labelledby="organisatie-wijzigen" className="vm-card">
            <Heading level={3} id="organisatie-wijzigen">
              {t("kriskras.beheer.lists.editOrganisation")}
            </Heading>
            <Form
              method="post"
              className="vm-form"
              noValidate
              key={JSON.stringify(sent?.values ?? editedOrganisation)}
            >
              <input type="hidden" name="intent" value="organisatie-wijzigen" />
              <input type="hidden" name="id" value={editedOrganisation.id} />
              <OrganisationFields
                prefix="organisatie"
                values={
                  sent?.intent === "organisatie-wijzigen"
                    ? (sent.values as OrganisationFormValues)
                    : {
                        name: editedOrganisation.name,
                        kind: editedOrganisation.kind,
                        active: editedOrganisation.active ? "ja" : "",
                      }
                }
                errors={errorsFor("organisatie-wijzigen")}
                kinds={kinds}
              />
              <div className="vm-actions">
                <Button>{t("kriskras.beheer.lists.save")}</Button>
                <Link to={`${PAGE}#organisaties`}>{t("kriskras.beheer.lists.cancel")}</Link>
              </div>
            </Form>
          </section>
        ) : null}
        <Table>
          <TableCaption>{t("kriskras.beheer.lists.organisations")}</TableCaption>
          <TableHeader>
            <TableRow>
              {headerCell(t("kriskras.beheer.lists.name"))}
              {headerCell(t("kriskras.beheer.lists.kind"))}
              {headerCell(t("kriskras.beheer.lists.active"))}
              {headerCell(t("kriskras.beheer.lists.signups"), true)}
              {headerCell(t("kriskras.beheer.lists.actions"))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {loaderData.organisations.map((organisation) => (
              <TableRow key={organisation.id}>
                <TableHeaderCell scope="row" lang="nl">
                  {organisation.name}
                </TableHeaderCell>
                <TableCell>{kindLabel.get(organisation.kind) ?? organisation.kind}</TableCell>
                <TableCell>{yesNo(organisation.active)}</TableCell>
                <TableCell numeric>{organisation.signups}</TableCell>
                <TableCell>
                  <RowActions
                    change={`?organisatie=${organisation.id}#organisatie-wijzigen`}
                    intent="organisatie-verwijderen"
                    hidden={{ id: organisation.id }}
                    name={organisation.name}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <section aria-labelledby="organisatie-toevoegen">
          <Heading level={3} id="organisatie-toevoegen">
            {t("kriskras.beheer.lists.addOrganisation")}
          </Heading>
          <Form
            method="post"
            className="vm-form"
            noValidate
            key={`${loaderData.organisations.length}:${JSON.stringify(newOrganisation)}`}
          >
            <input type="hidden" name="intent" value="organisatie-toevoegen" />
            <OrganisationFields
              prefix="nieuwe-organisatie"
              values={newOrganisation}
              errors={errorsFor("organisatie-toevoegen")}
              kinds={kinds}
            />
            <div className="vm-actions">
              <Button>{t("kriskras.beheer.lists.add")}</Button>
            </div>
          </Form>
        </section>
      </section>

      <section aria-labelledby="antwoorden">
        <Heading level={2} id="antwoorden">
          {t("kriskras.beheer.lists.options")}
        </Heading>
        <Paragraph>{t("kriskras.beheer.lists.optionsIntro")}</Paragraph>
        {editedOption ? (
          <section aria-labelledby="antwoord-wijzigen" className="vm-card">
            <Heading level={3} id="antwoord-wijzigen">
              {t("kriskras.beheer.lists.editOption", {
                attribute: t(`kriskras.beheer.attributes.${editedOption.attribute}`),
                key: editedOption.key,
              })}
            </Heading>
            <Form
              method="post"
              className="vm-form"
              noValidate
              key={JSON.stringify(sent?.values ?? editedOption.values)}
            >
              <input type="hidden" name="intent" value="antwoord-wijzigen" />
              <OptionFields
                prefix="antwoord"
                existing
                values={
                  sent?.intent === "antwoord-wijzigen"
                    ? (sent.values as OptionFormValues)
                    : editedOption.values
                }
                errors={errorsFor("antwoord-wijzigen")}
              />
              <div className="vm-actions">
                <Button>{t("kriskras.beheer.lists.save")}</Button>
                <Link to={`${PAGE}#antwoorden`}>{t("kriskras.beheer.lists.cancel")}</Link>
              </div>
            </Form>
          </section>
        ) : null}
        {OPTION_ATTRIBUTES.map((attribute) => (
          <Table key={attribute}>
            <TableCaption>{t(`kriskras.beheer.attributes.${attribute}`)}</TableCaption>
            <TableHeader>
              <TableRow>
                {headerCell(t("kriskras.beheer.lists.labelNl"))}
                {headerCell(t("kriskras.beheer.lists.labelEn"))}
                {headerCell(t("kriskras.beheer.lists.key"))}
                {headerCell(t("kriskras.beheer.lists.position"), true)}
                {headerCell(t("kriskras.beheer.lists.active"))}
                {headerCell(t("kriskras.beheer.lists.actions"))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {loaderData.options
                .filter((option) => option.attribute === attribute)
                .map((option) => (
                  <TableRow key={option.key}>
                    <TableHeaderCell scope="row" lang="nl">
                      {option.labelNl}
                    </TableHeaderCell>
                    <TableCell lang="en">{option.labelEn}</TableCell>
                    <TableCell>
                      <code>{option.key}</code>
                    </TableCell>
                    <TableCell numeric>{option.position}</TableCell>
                    <TableCell>{yesNo(option.active)}</TableCell>
                    <TableCell>
                      <RowActions
                        change={`?antwoord=${encodeURIComponent(`${attribute}:${option.key}`)}#antwoord-wijzigen`}
                        intent="antwoord-verwijderen"
                        hidden={{ attribute, key: option.key }}
                        name={`${t(`kriskras.beheer.attributes.${attribute}`)}: ${language === "en" ? option.labelEn : option.labelNl}`}
                      />
                    </TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        ))}
        <section aria-labelledby="antwoord-toevoegen">
          <Heading level={3} id="antwoord-toevoegen">
            {t("kriskras.beheer.lists.addOption")}
          </Heading>
          <Form
            method="post"
            className="vm-form"
            noValidate
            key={`${loaderData.options.length}:${JSON.stringify(newOption)}`}
          >
            <input type="hidden" name="intent" value="antwoord-toevoegen" />
            <OptionFields
              prefix="nieuw-antwoord"
              existing={false}
              values={newOption}
              errors={errorsFor("antwoord-toevoegen")}
            />
            <div className="vm-actions">
              <Button>{t("kriskras.beheer.lists.add")}</Button>
            </div>
          </Form>
        </section>
      </section>
    </>
  );
}
