// The wrappers keep the markup that screen readers rely on: table captions and header scopes, legends
// on groups of fields, and hints and errors tied to their control.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CheckboxField, Fieldset, RadioGroup } from "./form-field.tsx";
import { Link } from "./link.tsx";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "./table.tsx";

describe("page parts keep their accessible markup", () => {
  it("a table is named by its caption, and every heading says whether it heads a column or a row", () => {
    const html = renderToStaticMarkup(
      <Table>
        <TableCaption>Rounds</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Round</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableHeaderCell scope="row">Spring</TableHeaderCell>
            <TableCell numeric>12</TableCell>
          </TableRow>
        </TableBody>
      </Table>,
    );
    expect(html).toMatch(/^<div class="utrecht-table-container vm-table-scroll"><table class="utrecht-table/);
    expect(html).toContain('<caption class="utrecht-table__caption">Rounds</caption>');
    expect(html).toContain('<th scope="col" class="utrecht-table__header-cell">Round</th>');
    expect(html).toContain('<th scope="row" class="utrecht-table__header-cell">Spring</th>');
    expect(html).toContain(
      '<td class="utrecht-table__cell utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data">12</td>',
    );
  });

  it("a table inside a scroll region gets no second container", () => {
    const html = renderToStaticMarkup(
      <Table container={false}>
        <TableCaption>Log</TableCaption>
      </Table>,
    );
    expect(html).toMatch(/^<table class="utrecht-table utrecht-table--html-table">/);
  });

  it("a large radio group is a fieldset with the question as legend, its hint and error read with it", () => {
    const html = renderToStaticMarkup(
      <RadioGroup
        id="antwoord"
        name="antwoord"
        large
        legend="Which one?"
        description="Choose one"
        error="Choose an answer"
        options={[
          { value: "a", label: "A" },
          { value: "b", label: "B" },
        ]}
        checked="b"
      />,
    );
    expect(html).toContain('aria-describedby="antwoord-beschrijving antwoord-fout" aria-invalid="true"');
    expect(html).toContain("utrecht-form-fieldset--invalid");
    expect(html).toContain(">Which one?</legend>");
    expect(html).toContain('id="antwoord-beschrijving">Choose one</div>');
    expect(html).toContain('id="antwoord-fout">Choose an answer</div>');
    // The first option carries the group's id, so the error summary can jump to the group.
    expect(html).toContain('id="antwoord" name="antwoord" value="a"');
    expect(html).toContain('id="antwoord-b" name="antwoord" checked="" value="b"');
    expect(html).toContain('class="utrecht-form-field utrecht-form-field--radio vm-choice"');
    expect(html).toContain(
      'class="utrecht-form-field__label utrecht-form-label utrecht-form-label--radio vm-choice__label"',
    );
  });

  it("a framed fieldset keeps the browser's frame; a plain one drops it", () => {
    const framed = renderToStaticMarkup(
      <Fieldset legend="Period" framed>
        {null}
      </Fieldset>,
    );
    const plain = renderToStaticMarkup(<Fieldset legend="Period">{null}</Fieldset>);
    expect(framed).toContain('<fieldset class="utrecht-form-fieldset"><legend');
    expect(plain).toContain(
      '<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"><legend',
    );
  });

  it("a single checkbox is described by its hint and its error", () => {
    const html = renderToStaticMarkup(
      <CheckboxField
        id="consent"
        name="consent"
        value="ja"
        label="I agree"
        description="Why we ask"
        error="Tick the box"
      />,
    );
    expect(html).toContain('aria-invalid="true" aria-describedby="consent-beschrijving consent-fout"');
    expect(html).toContain(
      '<label class="utrecht-form-label utrecht-form-label--checkbox" for="consent">I agree</label>',
    );
  });

  it("a download is a plain link the browser fetches itself", () => {
    const html = renderToStaticMarkup(
      <Link to="/mijn-gegevens/download" download>
        Download
      </Link>,
    );
    expect(html).toBe('<a class="nl-link" href="/mijn-gegevens/download" download="">Download</a>');
  });
});
