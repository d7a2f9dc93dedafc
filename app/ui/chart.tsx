// Charts drawn on the server as SVG: decoration beside a data table that holds the same numbers, so
// each chart is one image with a title and a description, and every text in it comes from the caller.
// Positions come from d3-scale and the line from d3-shape; colours come from app.css (`vm-chart…`).
import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { type ReactNode, useId } from "react";

export type ChartValue = { label: string; value: number | null };

const WIDTH = 640;
const FONT_SIZE = 16;
/** A label is cut to what fits at this average character width; an estimate, as the server has no font. */
const CHAR_WIDTH = FONT_SIZE * 0.6;
const TICK_COUNT = 5;
const TICK_SIZE = 6;
/** Space between a text and the line or bar it belongs to. */
const GAP = 8;
const MAX_X_LABELS = 8;

/** A bar per item, the label to its left and the value at its end; `null` writes `hiddenLabel` instead. */
export function BarChart(props: {
  title: string;
  description?: string;
  bars: readonly ChartValue[];
  valueLabel: string;
  /** How a value and a tick are written, in the reader's language; without it, plain digits. */
  format?: (value: number) => string;
  /** Written instead of a value that is suppressed because too few people are behind it. */
  hiddenLabel: string;
  /** The language of the labels when it is not the page's (names written in Dutch on an English page). */
  labelLang?: string;
}) {
  const ids = useChartIds(props.description);
  if (props.bars.length === 0) return null;

  const labelWidth = 208;
  const valueWidth = 88;
  const rowHeight = 36;
  const top = 8;
  const plotBottom = top + props.bars.length * rowHeight;
  const height = plotBottom + TICK_SIZE + 2 * FONT_SIZE + 3 * GAP;

  const rangeStart = labelWidth;
  const rangeEnd = WIDTH - valueWidth;
  const count = tickCount(props.bars);
  const x = scaleLinear().domain(valueDomain(props.bars)).nice(count).rangeRound([rangeStart, rangeEnd]);
  const band = scaleBand<number>()
    .domain(props.bars.map((_, index) => index))
    .rangeRound([top, plotBottom])
    .paddingInner(0.3)
    .paddingOuter(0.15);
  const ticks = x.ticks(count);
  const formatTick = props.format ?? x.tickFormat(count, "f");
  const formatValue = props.format ?? String;
  const axisTitleAt = (rangeStart + rangeEnd) / 2;

  return (
    <ChartSvg ids={ids} title={props.title} description={props.description} height={height}>
      {ticks.map((tick) => (
        <line key={tick} className="vm-chart__grid" x1={x(tick)} x2={x(tick)} y1={top} y2={plotBottom} />
      ))}
      {props.bars.map((bar, index) => {
        const middle = (band(index) ?? 0) + band.bandwidth() / 2;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the bars are a fixed list in the caller's order, and labels may repeat
          <g key={index}>
            <ChartText
              className="vm-chart__label"
              x={labelWidth - GAP}
              y={middle}
              anchor="end"
              text={bar.label}
              maxWidth={labelWidth - GAP}
              lang={props.labelLang}
            />
            {bar.value === null ? (
              <text className="vm-chart__hidden" x={x(0) + GAP} y={middle} dy="0.35em">
                {props.hiddenLabel}
              </text>
            ) : (
              <>
                <rect
                  className="vm-chart__bar"
                  x={x(Math.min(0, bar.value))}
                  y={band(index)}
                  width={Math.abs(x(bar.value) - x(0))}
                  height={band.bandwidth()}
                />
                <text className="vm-chart__value" x={x(Math.max(0, bar.value)) + GAP} y={middle} dy="0.35em">
                  {formatValue(bar.value)}
                </text>
              </>
            )}
          </g>
        );
      })}
      <line className="vm-chart__axis" x1={x(0)} x2={x(0)} y1={top} y2={plotBottom} />
      <g className="vm-chart__x-axis">
        <line className="vm-chart__axis" x1={rangeStart} x2={rangeEnd} y1={plotBottom} y2={plotBottom} />
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              className="vm-chart__axis"
              x1={x(tick)}
              x2={x(tick)}
              y1={plotBottom}
              y2={plotBottom + TICK_SIZE}
            />
            <text
              className="vm-chart__tick"
              x={x(tick)}
              y={plotBottom + TICK_SIZE + GAP + FONT_SIZE / 2}
              dy="0.35em"
              textAnchor="middle"
            >
              {formatTick(tick)}
            </text>
          </g>
        ))}
        <ChartText
          className="vm-chart__axis-title"
          x={axisTitleAt}
          y={height - GAP - FONT_SIZE / 2}
          anchor="middle"
          text={props.valueLabel}
          maxWidth={2 * (WIDTH - axisTitleAt)}
        />
      </g>
    </ChartSvg>
  );
}

/** A series in order (weeks, months): a line that breaks where a value is suppressed, a dot per value. */
export function LineChart(props: {
  title: string;
  description?: string;
  points: readonly ChartValue[];
  valueLabel: string;
  /** How a tick is written, in the reader's language; without it, plain digits. */
  format?: (value: number) => string;
}) {
  const ids = useChartIds(props.description);
  if (props.points.length === 0) return null;

  const height = 320;
  const left = 64;
  const right = 16;
  const top = FONT_SIZE + 3 * GAP;
  const plotBottom = height - (TICK_SIZE + FONT_SIZE + 2 * GAP);

  const x = scalePoint<number>()
    .domain(props.points.map((_, index) => index))
    .rangeRound([left, WIDTH - right])
    .padding(0.5);
  const count = tickCount(props.points);
  const y = scaleLinear().domain(valueDomain(props.points)).nice(count).rangeRound([plotBottom, top]);
  const ticks = y.ticks(count);
  const formatTick = props.format ?? y.tickFormat(count, "f");
  const at = (index: number) => x(index) ?? 0;

  // At most MAX_X_LABELS labels, evenly spread from the first, so they do not run into each other.
  const labelEvery = Math.ceil(props.points.length / MAX_X_LABELS);
  const labelWidth = Math.max(x.step() * labelEvery - GAP, CHAR_WIDTH * 2);
  const path = line<ChartValue>()
    .defined((point) => point.value !== null)
    .x((_, index) => at(index))
    .y((point) => y(point.value ?? 0))(props.points);

  return (
    <ChartSvg ids={ids} title={props.title} description={props.description} height={height}>
      <ChartText
        className="vm-chart__axis-title"
        x={0}
        y={FONT_SIZE / 2 + GAP / 2}
        anchor="start"
        text={props.valueLabel}
        maxWidth={WIDTH}
      />
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="vm-chart__grid" x1={left} x2={WIDTH - right} y1={y(tick)} y2={y(tick)} />
          <text className="vm-chart__tick" x={left - GAP} y={y(tick)} dy="0.35em" textAnchor="end">
            {formatTick(tick)}
          </text>
        </g>
      ))}
      <line className="vm-chart__axis" x1={left} x2={left} y1={top} y2={plotBottom} />
      <line className="vm-chart__axis" x1={left} x2={WIDTH - right} y1={plotBottom} y2={plotBottom} />
      {props.points.map((point, index) =>
        index % labelEvery === 0 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the points are a fixed series in the caller's order
          <g key={index}>
            <line
              className="vm-chart__axis"
              x1={at(index)}
              x2={at(index)}
              y1={plotBottom}
              y2={plotBottom + TICK_SIZE}
            />
            <ChartText
              className="vm-chart__tick"
              x={at(index)}
              y={plotBottom + TICK_SIZE + GAP + FONT_SIZE / 2}
              anchor="middle"
              text={point.label}
              maxWidth={Math.min(labelWidth, 2 * Math.min(at(index), WIDTH - at(index)))}
            />
          </g>
        ) : null,
      )}
      {path ? <path className="vm-chart__line" d={path} /> : null}
      {props.points.map((point, index) =>
        point.value === null ? null : (
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <circle key={index} className="vm-chart__point" cx={at(index)} cy={y(point.value)} r={4} />
        ),
      )}
    </ChartSvg>
  );
}

/** A chart beside the table with its numbers (side by side when there is room), under one caption. */
export function ChartFigure(props: {
  chart: ReactNode;
  table: ReactNode;
  caption?: string;
  /** The table below the chart at every width: for a table with more columns than fit beside it. */
  stacked?: boolean;
}) {
  return (
    <figure className={props.stacked ? "vm-chart-figure vm-chart-figure--stacked" : "vm-chart-figure"}>
      {props.caption ? <figcaption className="vm-chart-figure__caption">{props.caption}</figcaption> : null}
      <div className="vm-chart-figure__chart">{props.chart}</div>
      <div className="vm-chart-figure__table">{props.table}</div>
    </figure>
  );
}

type ChartIds = { title: string; desc: string | undefined };

function useChartIds(description: string | undefined): ChartIds {
  const id = useId();
  return { title: `${id}-title`, desc: description ? `${id}-desc` : undefined };
}

/** One image to assistive technology, named by its title and description; it takes no keyboard focus. */
function ChartSvg(props: {
  ids: ChartIds;
  title: string;
  description: string | undefined;
  height: number;
  children: ReactNode;
}) {
  const { ids } = props;
  return (
    <svg
      className="vm-chart"
      viewBox={`0 0 ${WIDTH} ${props.height}`}
      role="img"
      aria-labelledby={ids.desc ? `${ids.title} ${ids.desc}` : ids.title}
      focusable="false"
    >
      <title id={ids.title}>{props.title}</title>
      {ids.desc ? <desc id={ids.desc}>{props.description}</desc> : null}
      {props.children}
    </svg>
  );
}

/** A text cut with an ellipsis when it would not fit in `maxWidth`; the whole text stays in its title. */
function ChartText(props: {
  className: string;
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  text: string;
  maxWidth: number;
  lang?: string;
}) {
  // By code point, so a character outside the basic plane is never cut in half.
  const characters = Array.from(props.text);
  const fits = Math.max(1, Math.floor(props.maxWidth / CHAR_WIDTH));
  const cut = characters.length > fits;
  return (
    <text
      className={props.className}
      x={props.x}
      y={props.y}
      dy="0.35em"
      textAnchor={props.anchor}
      lang={props.lang}
    >
      {cut ? <title>{props.text}</title> : null}
      {cut
        ? `${characters
            .slice(0, fits - 1)
            .join("")
            .trimEnd()}…`
        : props.text}
    </text>
  );
}

/** From zero (or the lowest value, if below zero) to the highest; [0, 1] when there is nothing to show. */
function valueDomain(items: readonly ChartValue[]): [number, number] {
  const values = shownValues(items);
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  return low === high ? [0, 1] : [low, high];
}

/** How many ticks to ask the scale for: fewer over a short range of whole numbers, so that counts of
    people get no ticks at halves (for [0, 3] the scale would otherwise step by 0.5). */
function tickCount(items: readonly ChartValue[]): number {
  const values = shownValues(items);
  if (!values.every(Number.isInteger)) return TICK_COUNT;
  const [low, high] = valueDomain(items);
  return Math.min(TICK_COUNT, Math.max(1, Math.ceil(high - low)));
}

function shownValues(items: readonly ChartValue[]): number[] {
  return items.flatMap((item) => (item.value === null ? [] : [item.value]));
}
