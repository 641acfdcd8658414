/**
 * A figure over the years → PNG: Apache ECharts draws the chart as SVG on the server (no DOM, no canvas),
 * resvg turns the SVG into PNG with the Noto Sans SC font the project installs (never a system font, so that
 * every machine draws the same pixels). No state between charts; a render takes 130–250 ms,
 * most of it resvg reading the font, so the bot runs it in a thread of its own (src/thread/charts.ts).
 */
import { createRequire } from "node:module";
import { Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";
import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { Answer, SeriesPoint } from "../engine/index.js";
import { displayPeriod } from "../engine/state/statement.js";
import { clip } from "./clip.js";
import { LABELS } from "./words.js";

echarts.use([LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** One chart: one unit, so one axis; a line for each kind of period (years, half years). */
export interface ChartSpec {
  /** Names the subject and the measure (忻州市 · 地区生产总值). */
  readonly title: string;
  /** The axis's unit (亿元, %). */
  readonly unit: string;
  /** The categories along the axis, oldest first, as a person reads them (2024年1月至6月). */
  readonly periods: readonly string[];
  readonly lines: readonly ChartLine[];
}

export interface ChartLine {
  /** The kind of period (年, 1月至6月): shown in the legend when a chart has more than one line. */
  readonly name: string;
  /** One a period of `periods`, null where this line has no point. */
  readonly points: readonly ({ readonly value: number; readonly figure: string } | null)[];
}

export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 540;
const FONT_FAMILY = "Noto Sans SC";
const FONT_FILE = "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf";

/**
 * The charts of a series: one a unit, so that a level (亿元) and a growth rate (%) never share an axis, and
 * within a chart one line a kind of period, so that a half year is never drawn as the next year.
 */
export function chartsOf(title: string, points: readonly SeriesPoint[]): ChartSpec[] {
  const byUnit = new Map<string, SeriesPoint[]>();
  for (const p of points) byUnit.set(p.unit, [...(byUnit.get(p.unit) ?? []), p]);
  return [...byUnit].map(([unit, ofUnit]) => {
    const periods = [...new Set(ofUnit.map((p) => p.period))].sort((a, b) => order(a) - order(b));
    const byShape = new Map<string, SeriesPoint[]>();
    for (const p of ofUnit) byShape.set(shapeOf(p.period), [...(byShape.get(shapeOf(p.period)) ?? []), p]);
    const lines = [...byShape].map(([shape, ofShape]) => ({
      name: displayPeriod(shape) || "全年",
      points: periods.map((period) => {
        const p = ofShape.find((x) => x.period === period);
        return p ? { value: p.value, figure: p.figure } : null;
      }),
    }));
    return { title: byUnit.size > 1 ? `${title}（${unit}）` : title, unit, periods: periods.map(displayPeriod), lines };
  });
}

/** The chart's title for an answer: its subject and measure as its fact names them. */
export function chartTitle(answer: Answer): string {
  const fact = answer.facts[0];
  const named = [fact?.subject, fact?.metric].filter((x): x is string => Boolean(x?.trim()));
  return clip(named.join(" · ") || LABELS[answer.lang].series, 60, "…");
}

/** The kind of period: the period with its year left out (as the engine's series groups them). */
function shapeOf(period: string): string {
  return period.replace(/(?:19|20)\d\d\s*年/, "").trim();
}

/** Oldest first: by year, then by the last month the period reaches (2024年1-6月 after 2023年). */
function order(period: string): number {
  const year = Number(period.match(/(?:19|20)\d\d/)?.[0] ?? 0);
  const months = [...period.matchAll(/(\d{1,2})月/g)].map((m) => Number(m[1]));
  return year * 100 + (months.length ? Math.max(...months) : 12);
}

function optionOf(spec: ChartSpec): echarts.EChartsCoreOption {
  const several = spec.lines.length > 1;
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: FONT_FAMILY },
    title: { text: spec.title, left: "center", top: 16, textStyle: { fontSize: 22, fontWeight: "normal" } },
    ...(several ? { legend: { bottom: 12, data: spec.lines.map((l) => l.name) } } : {}),
    grid: { left: 80, right: 60, top: 90, bottom: several ? 80 : 56 },
    xAxis: { type: "category", data: [...spec.periods], axisLabel: { fontSize: 15 } },
    yAxis: { type: "value", name: spec.unit, nameTextStyle: { fontSize: 15 }, axisLabel: { fontSize: 14 } },
    series: spec.lines.map((line) => ({
      type: "line",
      name: line.name,
      connectNulls: true,
      symbolSize: 8,
      data: line.points.map((p) => (p ? p.value : null)),
      // Each point says its figure as the source writes it (1316.9亿元), not as the axis would round it.
      label: {
        show: true,
        fontSize: 15,
        formatter: (item: { dataIndex: number }) => line.points[item.dataIndex]?.figure ?? "",
      },
    })),
  };
}

/** The chart as SVG text: ECharts' server-side rendering, no animation, so the same spec gives the same text. */
export function chartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    chart.setOption(optionOf(spec));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

let font: string | undefined;

/** The font's file, in the project's own packages. */
function fontFile(): string {
  font ??= createRequire(import.meta.url).resolve(FONT_FILE);
  return font;
}

/** How resvg draws: on white, with the project's font and no other. */
export function resvgOptions(): ResvgRenderOptions {
  return {
    background: "#ffffff",
    font: {
      fontFiles: [fontFile()],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  };
}

/** The chart as PNG bytes. */
export function renderChart(spec: ChartSpec): Buffer {
  return new Resvg(chartSvg(spec), resvgOptions()).render().asPng();
}
