/** Charts drawn in their own thread: the same PNG as drawn here, and a worker that goes when idle comes back. */
import { describe, expect, it } from "vitest";
import { chartsOf, renderChart } from "../../src/render/chart.js";
import { chartsInThread } from "../../src/thread/charts.js";

const citation = {
  title: "测试公报",
  publisher: "测试统计局",
  date: "2024-03-20",
  url: "https://example.org/b",
  quote: "",
};
const SPECS = chartsOf(
  "测试市 · 地区生产总值",
  [2021, 2022, 2023].map((year, i) => ({
    period: `${year}年`,
    value: 1000 + i,
    unit: "亿元",
    figure: `${1000 + i}亿元`,
    quote: "",
    citation,
  })),
);

describe("the chart thread", () => {
  it("draws the same PNG as this thread, and again after its idle worker has gone", async () => {
    const charts = chartsInThread(30_000, 50);
    try {
      const [first] = await charts.render(SPECS);
      expect(first!.equals(renderChart(SPECS[0]!))).toBe(true);
      await new Promise((r) => setTimeout(r, 200));
      const [second] = await charts.render(SPECS);
      expect(second!.equals(first!)).toBe(true);
    } finally {
      await charts.close();
    }
  }, 60_000);

  it("fails the charts it holds when closed, not later", async () => {
    const charts = chartsInThread();
    const drawing = expect(charts.render(SPECS)).rejects.toThrow(/closed/);
    await charts.close();
    await drawing;
  });
});
