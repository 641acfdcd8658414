/**
 * How well the extractor reads figures as facts (src/engine/extract): figures found (precision, recall) and,
 * of the figures found, how often each field is right, on hand-checked samples. The invented sample is
 * exhaustive: every figure of its articles is listed. The real-dev sample lists every figure of the
 * sentences it covers; it reads the pages from ../shared at run time and is skipped when they are absent.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { canonicalMeasure, canonicalPlace, type ExtractedFact, extractFacts } from "../engine/extract/index.js";
import { simplify } from "../engine/text.js";
import { parseArticle } from "../knowledge/article.js";
import type { Article } from "../model/knowledge.js";

/** One figure of the sample as a person checked it. */
export interface ExpectedFact {
  readonly article: string;
  readonly sentence: number;
  readonly value: string;
  readonly subject?: string;
  readonly measure?: string;
  readonly period?: string;
  readonly kind?: string;
  readonly status?: string;
}

export const FIELDS = ["subject", "measure", "period", "kind", "status"] as const;
type Field = (typeof FIELDS)[number];

export interface ExtractionScore {
  readonly expected: number;
  readonly extracted: number;
  readonly matched: number;
  /** Per field: right of those checked. */
  readonly fields: Record<Field, { right: number; checked: number }>;
  /** Fields that differ, for reading: `article#sentence value field: got ≠ want`. */
  readonly misses: string[];
}

/** Articles of a folder by file name without .md. */
export function readArticles(dir: string, only?: (file: string) => boolean): Map<string, Article> {
  const out = new Map<string, Article>();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".md") || (only && !only(file))) continue;
    const id = file.replace(/\.md$/, "");
    const parsed = parseArticle(file, readFileSync(path.join(dir, file), "utf8"), id);
    if (parsed.article) out.set(id, parsed.article);
  }
  return out;
}

export function readExpected(file: string): ExpectedFact[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("//"))
    .map((l) => JSON.parse(l) as ExpectedFact);
}

const key = (article: string, sentence: number, value: string) =>
  `${article}#${sentence}#${simplify(value.normalize("NFKC")).replace(/\s+/g, "")}`;

const SAME: Record<Field, (got: ExtractedFact, want: string) => boolean> = {
  subject: (got, want) => canonicalPlace(simplify(got.subject)) === canonicalPlace(simplify(want)),
  measure: (got, want) => got.canonical === canonicalMeasure(simplify(want)),
  period: (got, want) => got.period === want,
  kind: (got, want) => got.kind === want,
  status: (got, want) => got.status === want,
};

/**
 * Scores the extractor on the expected facts of `articles`. `exhaustive`: every figure of the articles is
 * expected, so every extra figure costs precision; otherwise only figures of the sentences listed count.
 */
export function scoreExtraction(
  articles: ReadonlyMap<string, Article>,
  expected: readonly ExpectedFact[],
  exhaustive: boolean,
): ExtractionScore {
  const want = new Map(
    expected.filter((e) => articles.has(e.article)).map((e) => [key(e.article, e.sentence, e.value), e]),
  );
  const covered = new Set(expected.map((e) => `${e.article}#${e.sentence}`));
  const fields = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, checked: 0 }])) as ExtractionScore["fields"];
  const misses: string[] = [];
  let extracted = 0;
  let matched = 0;
  for (const [id, article] of articles) {
    for (const got of extractFacts(article)) {
      if (!exhaustive && !covered.has(`${id}#${got.sentence}`)) continue;
      extracted++;
      const e = want.get(key(id, got.sentence, got.value));
      if (!e) {
        misses.push(`${id}#${got.sentence} ${got.value}: not a figure of the sample`);
        continue;
      }
      matched++;
      for (const field of FIELDS) {
        const w = e[field];
        if (w === undefined) continue;
        fields[field].checked++;
        if (SAME[field](got, w)) fields[field].right++;
        else misses.push(`${id}#${got.sentence} ${got.value} ${field}: ${shown(got, field)} ≠ ${w}`);
      }
    }
  }
  const found = new Set([...articles].flatMap(([id, a]) => extractFacts(a).map((g) => key(id, g.sentence, g.value))));
  for (const [k, e] of want) if (!found.has(k)) misses.push(`${e.article}#${e.sentence} ${e.value}: not found`);
  return { expected: want.size, extracted, matched, fields, misses };
}

function shown(got: ExtractedFact, field: Field): string {
  return field === "measure" ? `${got.measure} (${got.canonical})` : String(got[field]);
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : "-");

export function formatScore(name: string, s: ExtractionScore): string {
  const fields = FIELDS.map((f) => `${f} ${pct(s.fields[f].right, s.fields[f].checked)}`).join(", ");
  return (
    `${name}: ${s.expected} figures; precision ${pct(s.matched, s.extracted)} (${s.matched}/${s.extracted}), ` +
    `recall ${pct(s.matched, s.expected)}; of those found: ${fields}`
  );
}

/** Time to extract every article of the folders that exist: the extractor must stay cheap. */
export function timeExtraction(dirs: readonly string[]): string {
  const articles = dirs.filter((d) => existsSync(d)).flatMap((d) => [...readArticles(d).values()]);
  const sentences = articles.reduce((n, a) => n + a.paragraphs.reduce((m, p) => m + p.sentences.length, 0), 0);
  for (const a of articles) extractFacts(a);
  const start = process.hrtime.bigint();
  let facts = 0;
  for (const a of articles) facts += extractFacts(a).length;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return (
    `speed: ${articles.length} articles, ${sentences} sentences, ${facts} facts in ${ms.toFixed(1)} ms ` +
    `(${((1000 * ms) / Math.max(sentences, 1)).toFixed(0)} µs a sentence)`
  );
}
