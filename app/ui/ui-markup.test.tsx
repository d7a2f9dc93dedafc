// The wrappers keep the markup that screen readers rely on: table captions and header scopes, legends
// on groups of fields, and hints and errors tied to their control.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart, ChartFigure, LineChart } from "./chart.tsx";
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

/** The text of every element with this class, in order (a `<title>` inside it included). */
function textsOf(html: string, className: string): string[] {
  return [...html.matchAll(new RegExp(`class="${className}"[^>]*>(.*?)</text>`, "g"))].map((match) =>
    (match[1] ?? "").replace(/<[^>]+>/g, ""),
  );
}

describe("charts are one named image beside the table with their numbers", () => {
  const bars = [
    { label: "Gemeenten", value: 95 },
    { label: "Provincies", value: null },
    { label: "Waterschappen", value: 12 },
  ];

  it("a chart is an image named by its title and description, and takes no focus", () => {
    const html = renderToStaticMarkup(
      <BarChart
        title="Who took part"
        description="Most were municipalities"
        bars={bars}
        valueLabel="People"
        hiddenLabel="fewer than 10"
      />,
    );
    const svg = html.match(/^<svg [^>]*>/)?.[0] ?? "";
    expect(svg).toContain('role="img"');
    expect(svg).toContain('focusable="false"');
    const ids = svg.match(/aria-labelledby="([^"]+)"/)?.[1]?.split(" ") ?? [];
    expect(ids).toHaveLength(2);
    expect(html).toContain(`<title id="${ids[0]}">Who took part</title>`);
    expect(html).toContain(`<desc id="${ids[1]}">Most were municipalities</desc>`);
  });

  it("without a description the image is named by its title alone", () => {
    const html = renderToStaticMarkup(
      <LineChart title="Per week" points={[{ label: "1", value: 3 }]} valueLabel="People" />,
    );
    const id = html.match(/aria-labelledby="([^"]+)"/)?.[1] ?? "";
    expect(id).not.toContain(" ");
    expect(html).toContain(`<title id="${id}">Per week</title>`);
    expect(html).not.toContain("<desc");
  });

  it("a bar chart draws a bar per shown value and writes the caller's text for a suppressed one", () => {
    const html = renderToStaticMarkup(
      <BarChart
        title="Who took part"
        bars={bars}
        valueLabel="People"
        hiddenLabel="fewer than 10"
        format={(value) => `${value} p.`}
      />,
    );
    expect(html.match(/class="vm-chart__bar"/g)).toHaveLength(2);
    expect(textsOf(html, "vm-chart__label")).toEqual(["Gemeenten", "Provincies", "Waterschappen"]);
    expect(textsOf(html, "vm-chart__value")).toEqual(["95 p.", "12 p."]);
    expect(textsOf(html, "vm-chart__hidden")).toEqual(["fewer than 10"]);
    expect(textsOf(html, "vm-chart__axis-title")).toEqual(["People"]);
  });

  it("the value axis has the scale's ticks: for a highest value of 95, 0 to 100 by 20", () => {
    const html = renderToStaticMarkup(
      <BarChart title="Who took part" bars={bars} valueLabel="People" hiddenLabel="fewer than 10" />,
    );
    expect(textsOf(html, "vm-chart__tick")).toEqual(["0", "20", "40", "60", "80", "100"]);
  });

  it("counts get whole ticks, and nothing to show still gives an axis from 0 to 1", () => {
    const few = renderToStaticMarkup(
      <BarChart title="T" bars={[{ label: "a", value: 3 }]} valueLabel="V" hiddenLabel="h" />,
    );
    expect(textsOf(few, "vm-chart__tick")).toEqual(["0", "1", "2", "3"]);
    const none = renderToStaticMarkup(
      <BarChart
        title="T"
        bars={[
          { label: "a", value: 0 },
          { label: "b", value: null },
        ]}
        valueLabel="V"
        hiddenLabel="h"
      />,
    );
    expect(textsOf(none, "vm-chart__tick")).toEqual(["0", "1"]);
  });

  it("a long label is cut with an ellipsis but kept whole in its title", () => {
    const label = "Maatschappelijke organisaties in het sociaal domein";
    const html = renderToStaticMarkup(
      <BarChart title="T" bars={[{ label, value: 4 }]} valueLabel="V" hiddenLabel="h" />,
    );
    const [, whole, shown] =
      html.match(/<text class="vm-chart__label"[^>]*><title>(.*?)<\/title>(.*?)<\/text>/) ?? [];
    expect(whole).toBe(label);
    expect(shown).toMatch(/^Maatschappelijke .*…$/);
    expect(shown?.length).toBeLessThan(label.length);
  });

  it("a chart of nothing renders nothing, so the caller can say there is no data", () => {
    expect(renderToStaticMarkup(<BarChart title="T" bars={[]} valueLabel="V" hiddenLabel="h" />)).toBe("");
    expect(renderToStaticMarkup(<LineChart title="T" points={[]} valueLabel="V" />)).toBe("");
  });

  it("a line breaks where a value is suppressed, with a dot per shown value", () => {
    const html = renderToStaticMarkup(
      <LineChart
        title="Per week"
        points={[
          { label: "w1", value: 3 },
          { label: "w2", value: 5 },
          { label: "w3", value: null },
          { label: "w4", value: 7 },
          { label: "w5", value: 6 },
        ]}
        valueLabel="People"
      />,
    );
    const path = html.match(/<path class="vm-chart__line" d="([^"]+)"/)?.[1] ?? "";
    expect(path.match(/M/g)).toHaveLength(2);
    expect(html.match(/class="vm-chart__point"/g)).toHaveLength(4);
    expect(textsOf(html, "vm-chart__tick")).toEqual([
      "0",
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "w1",
      "w2",
      "w3",
      "w4",
      "w5",
    ]);
  });

  it("a long series labels at most eight points, spread evenly", () => {
    const points = Array.from({ length: 52 }, (_, index) => ({ label: `w${index + 1}`, value: index }));
    const html = renderToStaticMarkup(<LineChart title="T" points={points} valueLabel="V" />);
    const labels = textsOf(html, "vm-chart__tick").filter((text) => text.startsWith("w"));
    expect(labels).toEqual(["w1", "w8", "w15", "w22", "w29", "w36", "w43", "w50"]);
  });

  it("a chart figure holds the chart, the table and an optional caption", () => {
    const html = renderToStaticMarkup(
      <ChartFigure caption="Who took part" chart={<svg />} table={<table />} />,
    );
    expect(html).toBe(
      '<figure class="vm-chart-figure"><figcaption class="vm-chart-figure__caption">Who took part</figcaption>' +
        '<div class="vm-chart-figure__chart"><svg></svg></div><div class="vm-chart-figure__table"><table></table></div></figure>',
    );
    expect(renderToStaticMarkup(<ChartFigure chart={null} table={null} />)).not.toContain("figcaption");
  });
});
