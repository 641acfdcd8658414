/**
 * Figure questions from public reading-comprehension sets (test/fixtures/external, whose README says how
 * they are built and scored): articles nobody curated, questions people wrote. Scored right (the gold
 * number, whole, in the answer, citing the gold article), wrong (answered otherwise) or none (I don't
 * know). Every fifth article is held out from tuning.
 */

import { readFileSync } from "node:fs";
import path from "node:path";
import type { Answer } from "../engine/index.js";
import { directAnswer } from "../render/words.js";

export const EXTERNAL_SETS = {
  "cmrc-trial": { file: "cmrc2018_trial.json", date: "2018-05-01" },
  "drcd-test": { file: "DRCD_test.json", date: "2018-06-01" },
} as const;
export type ExternalSetName = keyof typeof EXTERNAL_SETS;
export type Split = "dev" | "heldout" | "all";

export interface ExternalCase {
  readonly id: string;
  readonly q: string;
  /** The first number of the gold answer. */
  readonly number: string;
  /** The gold article's title, encoded as in its link. */
  readonly source: string;
  readonly gold: string;
  readonly split: "dev" | "heldout";
}

export interface ExternalSet {
  /** Article files to add to a knowledge folder, by path relative to it. */
  readonly files: Record<string, string>;
  readonly cases: readonly ExternalCase[];
}

interface Squad {
  data: {
    title: string;
    paragraphs: { context: string; qas: { id: string; question: string; answers: { text: string }[] }[] }[];
  }[];
}

/** A figure question: it asks how many, how large, how long or which year. */
const ASKS_FIGURE = /多少|几|幾|多大|多高|多长|多長|多远|多遠|多重|多久|哪一年|哪年|何年/;

export function buildExternalSet(name: ExternalSetName, dir = "test/fixtures/external"): ExternalSet {
  const { file, date } = EXTERNAL_SETS[name];
  const data = (JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Squad).data;
  const byTitle = new Map<string, Squad["data"][number]["paragraphs"]>();
  for (const a of data) {
    const title = a.title.trim() || a.paragraphs[0]!.context.slice(0, 12);
    byTitle.set(title, [...(byTitle.get(title) ?? []), ...a.paragraphs]);
  }
  const files: Record<string, string> = {};
  const cases: ExternalCase[] = [];
  let n = 0;
  for (const [title, paragraphs] of byTitle) {
    const picked = paragraphs
      .flatMap((p) => p.qas)
      .filter((q) => /\d/.test(q.answers[0]!.text) && ASKS_FIGURE.test(q.question));
    if (!picked.length) continue;
    n++;
    const slug = `${name}-${String(n).padStart(4, "0")}`;
    const url = `https://zh.wikipedia.org/wiki/${encodeURIComponent(title)}`;
    const body = paragraphs.map((p) => p.context.replace(/\s*\n\s*/g, " ").trim()).join("\n\n");
    files[`articles/${slug}.md`] =
      `---\ntitle: ${JSON.stringify(title)}\npublisher: 维基百科\ndate: ${date}\n` +
      `url: ${JSON.stringify(url)}\n---\n\n${body}\n`;
    for (const q of picked) {
      const gold = q.answers[0]!.text;
      cases.push({
        id: q.id,
        q: q.question.trim(),
        number: gold.match(/\d[\d,]*(?:\.\d+)?/)![0],
        source: encodeURIComponent(title),
        gold,
        split: n % 5 === 0 ? "heldout" : "dev",
      });
    }
  }
  return { files, cases };
}

export type Outcome = "right" | "wrong" | "none";

const squash = (s: string) =>
  String(s ?? "")
    .normalize("NFKC")
    .replace(/(\d),(?=\d{3})/g, "$1")
    .replace(/\s+/g, "")
    .toLowerCase();

/** score.mjs's rule: the gold number as a whole number in the answer, and the gold article cited. */
export function scoreExternal(c: ExternalCase, answer: Answer): Outcome {
  if (!answer.answered) return "none";
  const num = squash(c.number).replace(/\./g, "\\.");
  const whole = new RegExp(`(^|[^0-9.])${num}($|[^0-9]|\\.(?![0-9]))`).test(squash(directAnswer(answer)));
  const cited = answer.citations.some(
    (x) => x.url.includes(c.source) || squash(x.title).includes(squash(decodeURIComponent(c.source))),
  );
  return whole && cited ? "right" : "wrong";
}

export interface ExternalReport {
  readonly total: number;
  readonly right: number;
  readonly wrong: number;
  readonly none: number;
  readonly outcomes: readonly { readonly c: ExternalCase; readonly outcome: Outcome; readonly answer: string }[];
}

export function runExternal(ask: (q: string) => Answer, cases: readonly ExternalCase[]): ExternalReport {
  const outcomes = cases.map((c) => {
    const a = ask(c.q);
    return { c, outcome: scoreExternal(c, a), answer: directAnswer(a) };
  });
  const count = (o: Outcome) => outcomes.filter((x) => x.outcome === o).length;
  return { total: cases.length, right: count("right"), wrong: count("wrong"), none: count("none"), outcomes };
}

export function formatExternal(r: Pick<ExternalReport, "total" | "right" | "wrong" | "none">): string {
  const pct = (x: number) => `${((100 * x) / Math.max(1, r.total)).toFixed(1)}%`;
  return (
    `right ${r.right}/${r.total} (${pct(r.right)}) · wrong ${r.wrong} (${pct(r.wrong)}) · ` +
    `none ${r.none} (${pct(r.none)})`
  );
}
