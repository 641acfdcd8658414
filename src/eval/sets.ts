/**
 * Question sets that come with their own articles: a folder of `articles/*.md` and `questions.jsonl`
 * (the format: test/eval/README.md). The articles are added to a knowledge folder as an admin would add
 * them; every question is asked and scored right (answered with every `all` string, citing `source`),
 * wrong (answered otherwise, or an unanswerable question answered) or none (refused), overall and by the
 * case's `kind`, `variant` or `lang`. Every fifth article (by file name) is held out with its questions.
 *
 * Retrieval is measured alone, as DrQA measures its retriever: how often a sentence of the cited article
 * that holds the gold strings is among the retriever's hits.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { answerJson } from "../console.js";
import type { Engine } from "../engine/index.js";
import type { KnowledgeBase, Sentence } from "../model/knowledge.js";
import { sentencesOf } from "../model/knowledge.js";
import { askCase } from "./conversation.js";
import { type EvalCase, integrityProblems } from "./judge.js";

export type SetSplit = "dev" | "heldout" | "all";
export type Outcome = "right" | "wrong" | "none";

export interface SetCase extends EvalCase {
  readonly kind?: string;
}

export interface QuestionSet {
  /** Article files to add to a knowledge folder, by path relative to it. */
  readonly files: Record<string, Buffer>;
  readonly cases: readonly SetCase[];
  /** File names of the held-out articles. */
  readonly heldout: ReadonlySet<string>;
}

/** As ../shared/eval/rwn.mjs counts: right and none of the answerable, wrong of all, unanswerable refused. */
export interface Tally {
  total: number;
  answerable: number;
  right: number;
  wrong: number;
  none: number;
  refused: number;
}

const emptyTally = (): Tally => ({ total: 0, answerable: 0, right: 0, wrong: 0, none: 0, refused: 0 });

export interface SetReport extends Tally {
  /** Answerable questions, and those whose gold sentence the retriever found. */
  readonly retrieval: { answerable: number; found: number };
  /** Answers whose quote or figures break integrity (engine/../eval/judge.ts), each with why. */
  readonly integrity: readonly string[];
  readonly groups: Record<string, Tally>;
  readonly outcomes: readonly { readonly c: SetCase; readonly outcome: Outcome | "refused"; readonly answer: string }[];
}

/** The set in `dir`: its articles and its questions. */
export function readSet(dir: string): QuestionSet {
  const names = readdirSync(path.join(dir, "articles"))
    .filter((n) => n.endsWith(".md"))
    .sort();
  const files = Object.fromEntries(names.map((n) => [`articles/${n}`, readFileSync(path.join(dir, "articles", n))]));
  const heldout = new Set(names.filter((_, i) => i % 5 === 4));
  const cases = readFileSync(path.join(dir, "questions.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim().startsWith("{"))
    .map((l) => JSON.parse(l) as SetCase);
  return { files, cases, heldout };
}

/** Whether a case belongs to the split: its source article is held out or not. */
export function inSplit(set: QuestionSet, c: SetCase, split: SetSplit, kb: KnowledgeBase): boolean {
  if (split === "all") return true;
  const article = kb.articles.find((a) => c.source && (a.url.includes(c.source) || a.title.includes(c.source)));
  const held = article ? set.heldout.has(path.basename(article.file)) : false;
  return split === "heldout" ? held : !held;
}

const squash = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/** right, wrong or none, by the shared rule: every `all` string in the direct answer, the source cited. */
export function outcomeOf(c: SetCase, answer: ReturnType<typeof answerJson>): Outcome | "refused" {
  if (c.unanswerable) return answer.answered ? "wrong" : "refused";
  if (!answer.answered) return "none";
  const cited = answer.citations.some(
    (x) => !c.source || squash(x.url).includes(squash(c.source)) || squash(x.title).includes(squash(c.source)),
  );
  return cited && (c.all ?? []).every((g) => squash(answer.answer).includes(squash(g))) ? "right" : "wrong";
}

/** Every question of `cases` asked of `engine`, scored. */
export function runSet(engine: Engine, cases: readonly SetCase[], now: Date): SetReport {
  const report = { ...emptyTally(), retrieval: { answerable: 0, found: 0 }, groups: {} as Record<string, Tally> };
  const sentences = sentencesOf(engine.kb);
  const outcomes: { c: SetCase; outcome: Outcome | "refused"; answer: string }[] = [];
  const integrity: string[] = [];
  for (const c of cases) {
    const answer = askCase(engine, c, now);
    const outcome = outcomeOf(c, answer);
    outcomes.push({ c, outcome, answer: answer.answer });
    integrity.push(...integrityProblems(answer, engine.kb).map((p) => `${c.id}: ${p}`));
    const group = groupOf(c);
    report.groups[group] ??= emptyTally();
    for (const tally of [report, report.groups[group]!]) {
      tally.total++;
      if (!c.unanswerable) tally.answerable++;
      tally[outcome]++;
    }
    if (c.unanswerable || !c.all?.length) continue;
    report.retrieval.answerable++;
    if (retrieved(engine, c, sentences, now)) report.retrieval.found++;
  }
  return { ...report, integrity, outcomes };
}

function groupOf(c: SetCase): string {
  if (c.unanswerable) return c.kind ? `unanswerable:${c.kind}` : "unanswerable";
  return c.kind ?? c.variant ?? c.lang ?? "plain";
}

/** Whether a sentence (or a curated fact's quote) of the cited article holding every gold string is among the hits. */
export function retrieved(engine: Engine, c: EvalCase, sentences: readonly Sentence[], now: Date): boolean {
  const gold = (c.all ?? []).map(squash);
  const cited = new Set(
    engine.kb.articles
      .filter((a) => !c.source || a.url.includes(c.source) || a.title.includes(c.source))
      .map((a) => a.id),
  );
  const holds = (text: string) => gold.every((g) => squash(text).includes(g));
  const wanted = sentences.filter((s) => cited.has(s.articleId) && holds(s.text));
  const hits = engine.retrieve(c.q, now);
  if (hits.facts.some((f) => cited.has(f.articleId) && holds(f.quote))) return true;
  // Gold strings spread over two sentences: any sentence holding one of them counts.
  const any = wanted.length
    ? wanted
    : sentences.filter((s) => cited.has(s.articleId) && gold.some((g) => squash(s.text).includes(g)));
  const ids = new Set(any.map((s) => s.id));
  return hits.sentences.some((s) => ids.has(s.id));
}

export function formatTally(t: Tally): string {
  const pct = (x: number, of: number) => `${((100 * x) / Math.max(1, of)).toFixed(1)}%`;
  const un = t.total - t.answerable;
  return (
    `right ${t.right}/${t.answerable} (${pct(t.right, t.answerable)}) · ` +
    `wrong ${t.wrong}/${t.total} (${pct(t.wrong, t.total)})` +
    ` · none ${t.none}${un ? ` · unanswerable refused ${t.refused}/${un}` : ""}`
  );
}
