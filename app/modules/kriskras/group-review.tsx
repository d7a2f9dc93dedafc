// What an editor reviews of composed kris-kras groups, one group at a time: its score and warnings,
// the mix of its members as bars with the numbers beside them, and its members in a table with a box
// to choose each (for moving, swapping, hosting or locking); and who has no group, and why. The boxes
// all carry one field name, so the page's form sends the chosen people as one list.
import type { ReactNode } from "react";
import { useLanguage, useT } from "../../infra/i18n/i18n.ts";
import { Alert } from "../../ui/alert.tsx";
import { Checkbox } from "../../ui/form-field.tsx";
import { Heading, Paragraph } from "../../ui/heading.tsx";
import { UnorderedList, UnorderedListItem } from "../../ui/list.tsx";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "../../ui/table.tsx";
import { ATTRIBUTES, type Attribute } from "./kriskras-kinds.ts";

/** The name of the box that chooses a person. */
export const CHOSEN = "kies";

/** A person as the review shows them. */
export interface PersonView {
  signupId: string;
  name: string;
  organisation: string;
  locked?: boolean;
  /** What they need to take part (only for the round's organisers), or "". */
  need: string;
  attributes: Record<Attribute, string>;
}

/** A composed group as the review shows it. */
export interface GroupView {
  id: string;
  number: number;
  score: number;
  repeats: number;
  hostSignupId: string | null;
  members: PersonView[];
  mix: Record<Attribute, { value: string; count: number }[]>;
}

export type UnplacedReason = "geen-tijdvak" | "te-weinig-aanmeldingen" | "tijdvakken-vol";

function PersonChoice(props: {
  person: PersonView;
  chosen: Set<string>;
  host?: boolean;
  note?: string;
  labels: Record<string, string>;
}) {
  const t = useT();
  const { person } = props;
  const id = `kies-${person.signupId}`;
  return (
    <TableRow>
      <TableCell>
        <Checkbox
          id={id}
          name={CHOSEN}
          value={person.signupId}
          defaultChecked={props.chosen.has(person.signupId)}
        />{" "}
        <label htmlFor={id}>{person.name}</label>
        {props.host ? ` (${t("kriskras.groepen.hostMark")})` : ""}
        {person.locked ? ` (${t("kriskras.groepen.lockedMark")})` : ""}
        {props.note ? ` (${props.note})` : ""}
        {person.need ? (
          <div className="vm-access-need">{t("kriskras.groepen.need", { need: person.need })}</div>
        ) : null}
      </TableCell>
      <TableCell>{person.organisation}</TableCell>
      <TableCell>
        {props.labels[`workKind:${person.attributes.workKind}`] ?? person.attributes.workKind}
      </TableCell>
      <TableCell>
        {props.labels[`scaleBand:${person.attributes.scaleBand}`] ?? person.attributes.scaleBand}
      </TableCell>
      <TableCell>
        {props.labels[`serviceBand:${person.attributes.serviceBand}`] ?? person.attributes.serviceBand}
      </TableCell>
      <TableCell>{props.labels[`region:${person.attributes.region}`] ?? person.attributes.region}</TableCell>
    </TableRow>
  );
}

function PeopleTable(props: { caption: string; children: ReactNode }) {
  const t = useT();
  return (
    <Table>
      <TableCaption>{props.caption}</TableCaption>
      <TableHeader>
        <TableRow>
          {(["name", "organisation", "workKind", "scaleBand", "serviceBand", "region"] as const).map(
            (column) => (
              <TableHeaderCell key={column} scope="col">
                {t(`kriskras.groepen.columns.${column}`)}
              </TableHeaderCell>
            ),
          )}
        </TableRow>
      </TableHeader>
      <TableBody>{props.children}</TableBody>
    </Table>
  );
}

export function GroupReview(props: {
  group: GroupView;
  bounds: { min: number; max: number };
  labels: Record<string, string>;
  chosen: Set<string>;
}) {
  const t = useT();
  const { group } = props;
  const size = group.members.length;
  const pairs = (size * (size - 1)) / 2;
  const warnings = [
    size < props.bounds.min || size > props.bounds.max
      ? t("kriskras.groepen.sizeWarning", { size, min: props.bounds.min, max: props.bounds.max })
      : null,
    group.repeats > 0 ? t("kriskras.groepen.repeatWarning", { count: group.repeats }) : null,
    group.hostSignupId ? null : t("kriskras.groepen.noHostWarning"),
  ].filter((warning): warning is string => warning !== null);
  return (
    <article className="vm-group" aria-labelledby={`groep-${group.id}`}>
      <Heading level={4} id={`groep-${group.id}`}>
        {t("kriskras.groepen.groupTitle", { number: group.number, size })}
      </Heading>
      <Paragraph>
        {t("kriskras.groepen.score", {
          score: group.score,
          average: pairs > 0 ? (group.score / pairs).toFixed(1) : "0",
        })}
      </Paragraph>
      {warnings.map((warning) => (
        <Alert key={warning} type="warning">
          {warning}
        </Alert>
      ))}
      <Mix group={group} labels={props.labels} />
      <PeopleTable caption={t("kriskras.groepen.membersCaption", { number: group.number })}>
        {group.members.map((member) => (
          <PersonChoice
            key={member.signupId}
            person={member}
            chosen={props.chosen}
            host={member.signupId === group.hostSignupId}
            labels={props.labels}
          />
        ))}
      </PeopleTable>
    </article>
  );
}

/** The mix as a bar per attribute for the eye, with the numbers written beside it. */
function Mix(props: { group: GroupView; labels: Record<string, string> }) {
  const t = useT();
  const language = useLanguage();
  const size = props.group.members.length;
  if (size === 0) return null;
  return (
    <dl className="vm-mix">
      {ATTRIBUTES.map((attribute: Attribute) => {
        const entries = props.group.mix[attribute];
        let start = 0;
        return (
          <div key={attribute} className="vm-mix__row">
            <dt>{t(`kriskras.groepen.attributes.${attribute}`, { count: entries.length })}</dt>
            <dd>
              <svg
                className="vm-mix__bar"
                viewBox="0 0 100 6"
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
              >
                {entries.map((entry, index) => {
                  const width = (entry.count / size) * 100;
                  const x = start;
                  start += width;
                  return (
                    <rect
                      key={entry.value}
                      className={`vm-mix__part vm-mix__part--${index % 6}`}
                      x={x}
                      width={width}
                      height="6"
                    />
                  );
                })}
              </svg>
              <span lang={language}>
                {entries
                  .map(
                    (entry) => `${props.labels[`${attribute}:${entry.value}`] ?? entry.value} ${entry.count}`,
                  )
                  .join(", ")}
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

export function UnplacedPeople(props: {
  people: (PersonView & { reason: UnplacedReason })[];
  labels: Record<string, string>;
  chosen: Set<string>;
}) {
  const t = useT();
  if (props.people.length === 0) return <Paragraph>{t("kriskras.groepen.everyonePlaced")}</Paragraph>;
  return (
    <section aria-labelledby="zonder-groep">
      <Heading level={3} id="zonder-groep">
        {t("kriskras.groepen.unplacedTitle", { count: props.people.length })}
      </Heading>
      <UnorderedList>
        {(["geen-tijdvak", "te-weinig-aanmeldingen", "tijdvakken-vol"] as const).map((reason) => {
          const count = props.people.filter((person) => person.reason === reason).length;
          return count > 0 ? (
            <UnorderedListItem key={reason}>
              {t(`kriskras.groepen.reasons.${reason}`, { count })}
            </UnorderedListItem>
          ) : null;
        })}
      </UnorderedList>
      <PeopleTable caption={t("kriskras.groepen.unplacedCaption")}>
        {props.people.map((person) => (
          <PersonChoice
            key={person.signupId}
            person={person}
            chosen={props.chosen}
            labels={props.labels}
            note={t(`kriskras.groepen.reasonShort.${person.reason}`)}
          />
        ))}
      </PeopleTable>
    </section>
  );
}
