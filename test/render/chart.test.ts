/** Charts of a figure over the years: what is drawn apart, and that the PNG holds the Chinese text. */
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import type { SeriesPoint } from "../../src/engine/index.js";
import { CHART_HEIGHT, CHART_WIDTH, chartSvg, chartsOf, renderChart, resvgOptions } from "../../src/render/chart.js";
import { chartCaption, MAX_CAPTION } from "../../src/render/telegram.js";

const point = (period: string, value: number, unit: string, year = 2024): SeriesPoint => ({
  period,
  value,
  unit,
  figure: `${value}${unit}`,
  quote: `全年全市地区生产总值${value}${unit}。`,
  citation: {
    title: `测试市${period}统计公报`,
    publisher: "测试统计局",
    date: `${year}-03-20`,
    url: `https://example.org/${encodeURIComponent(period)}`,
    quote: `全年全市地区生产总值${value}${unit}。`,
  },
});

const LEVELS = [point("2021年", 1102.3, "亿元"), point("2022年", 1205.6, "亿元"), point("2023年", 1316.9, "亿元")];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("what a chart holds", () => {
  it("puts a level and a growth rate on charts of their own, each with its unit", () => {
    const rates = [point("2022年", 4.1, "%"), point("2023年", 4.7, "%")];
    const specs = chartsOf("测试市 · 地区生产总值", [...LEVELS, ...rates]);
    expect(specs.map((s) => s.unit)).toEqual(["亿元", "%"]);
    expect(specs[0]!.lines[0]!.points.map((p) => p?.figure)).toEqual(["1102.3亿元", "1205.6亿元", "1316.9亿元"]);
    expect(specs[1]!.lines[0]!.points.map((p) => p?.value)).toEqual([4.1, 4.7]);
    expect(specs.every((s) => s.title.includes(s.unit))).toBe(true);
  });

  it("draws a half year on a line of its own, after the years, never joined to them", () => {
    const [spec] = chartsOf("测试市 · 地区生产总值", [point("2024年1-6月", 642.5, "亿元"), ...LEVELS]);
    expect(spec!.periods).toEqual(["2021年", "2022年", "2023年", "2024年1月至6月"]);
    expect(spec!.lines.map((l) => l.name)).toEqual(["1月至6月", "全年"]);
    expect(spec!.lines[0]!.points.map((p) => p?.figure ?? null)).toEqual([null, null, null, "642.5亿元"]);
    expect(spec!.lines[1]!.points.at(-1)).toBeNull();
  });

  it("labels every point with its figure as written, and the axis with the unit", () => {
    const svg = chartSvg(chartsOf("测试市 · 地区生产总值", LEVELS)[0]!);
    for (const p of LEVELS) expect(svg).toContain(p.figure);
    expect(svg).toContain("亿元");
    expect(svg).toContain("测试市 · 地区生产总值");
  });
});

describe("the PNG", () => {
  it("is a PNG of the chart's size, the same bytes every time", () => {
    const spec = chartsOf("测试市 · 地区生产总值", LEVELS)[0]!;
    const png = renderChart(spec);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // IHDR: width and height, big-endian, right after the signature and the chunk's length and type.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    expect(png.length).toBeGreaterThan(5_000);
    expect(renderChart(spec).equals(png)).toBe(true);
  });

  it("draws a Chinese title in the project's font (no system font is loaded)", () => {
    const svg = chartSvg(chartsOf("忻州市地区生产总值", LEVELS)[0]!);
    const image = new Resvg(svg, resvgOptions()).render();
    // The title's band holds nothing but the title: dark pixels there are its glyphs.
    const dark = darkPixels(image.pixels, image.width, 0, 60);
    expect(dark).toBeGreaterThan(500);
    const untitled = new Resvg(chartSvg(chartsOf("", LEVELS)[0]!), resvgOptions()).render();
    expect(darkPixels(untitled.pixels, untitled.width, 0, 60)).toBe(0);
  });
});

describe("the caption", () => {
  it("names each point's source, title and date", () => {
    const caption = chartCaption(LEVELS, "测试市 · 地区生产总值");
    expect(caption.split("\n")).toEqual([
      "测试市 · 地区生产总值",
      "2021年 1102.3亿元：《测试市2021年统计公报》2024-03-20",
      "2022年 1205.6亿元：《测试市2022年统计公报》2024-03-20",
      "2023年 1316.9亿元：《测试市2023年统计公报》2024-03-20",
    ]);
  });

  it("is in English for an English question, each source's title as it is written", () => {
    const lines = chartCaption(LEVELS, "测试市 · 地区生产总值", "en").split("\n");
    expect(lines[1]).toBe("2021 1102.3亿元: source 《测试市2021年统计公报》 2024-03-20");
  });

  it("stays within Telegram's 1,024 characters however many points", () => {
    const many = Array.from({ length: 60 }, (_, i) => point(`${1960 + i}年`, 100 + i, "亿元"));
    expect(chartCaption(many, "测试市 · 地区生产总值").length).toBeLessThanOrEqual(MAX_CAPTION);
  });
});

/** Pixels of rows [top, bottom) darker than light grey (RGBA). */
function darkPixels(pixels: Buffer, width: number, top: number, bottom: number): number {
  let n = 0;
  for (let i = top * width * 4; i < bottom * width * 4; i += 4) {
    if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 3 * 160) n++;
  }
  return n;
}
