/**
 * Questions to ask next: whole questions the engine answers, made from curated facts near the answer, or
 * from a candidate's own words; and the known name nearest to what was asked ("did you mean").
 */
import type { Fact } from "../../model/knowledge.js";
import type { Candidate } from "../read/candidates.js";
import { placeFits } from "../read/score.js";
import type { IndexedFact, Indexes } from "../retrieve/indexes.js";
import type { Question } from "../understand/question.js";
import { closestName } from "../understand/typos.js";
import { metricOf } from "./facts.js";

/** A question that the knowledge base answers with this candidate's fact. */
export function relatedQuestion(c: Candidate): string {
  const f = c.fact?.fact;
  if (f) return questionFor(f);
  // A question must name a measure: 宁武县是多少？ asks nothing.
  const metric = metricOf(c);
  return metric ? `${c.subject}${metric}是多少？` : "";
}

export function questionFor(f: Fact): string {
  const subject = f.metric.includes(f.subject.replace(/市$/, "")) ? "" : f.subject;
  switch (f.kind) {
    case "person":
      return `${f.role ?? `${subject}${f.metric}`}是谁？`;
    case "list":
      return `${subject}${f.metric}有哪些？`;
    case "rank":
      return `${subject}${f.metric.replace(/(全省|全国)?(排名|排位|名次)$/, "")}排名第几？`;
    case "text":
      return `${subject}${f.metric}是什么？`;
    default:
      return `${subject}${f.metric}是多少？`;
  }
}

/** Next questions near the answer: about what it asked, or from the same article; else the facts written nearest. */
export function nextQuestions(
  ix: Indexes,
  best: Candidate,
  candidates: readonly Candidate[],
  asking: { readonly ask?: (f: Fact) => string; readonly want?: number } = {},
): string[] {
  const { ask = questionFor, want = ix.options.limits.related } = asking;
  const o = ix.options;
  const near = candidates.filter(
    (c) =>
      c.fact &&
      c.quote !== best.quote &&
      c.fact.fact.metric !== best.fact?.fact.metric &&
      (c.coverage >= o.relatedCoverage || c.article === best.article),
  );
  const related = [...new Set(near.slice(0, 2 * want).map((c) => ask(c.fact!.fact)))].filter(Boolean).slice(0, want);
  return related.length ? related : nearbyQuestions(ix, best, ask, want);
}

/** Questions about the facts written nearest to the evidence in its article. */
function nearbyQuestions(ix: Indexes, best: Candidate, ask: (f: Fact) => string, want: number): string[] {
  const paragraph = best.fact?.paragraph ?? best.passage?.sentence.paragraph ?? 0;
  return ix.factList
    .filter((f) => f.article === best.article && f.fact.quote !== best.quote && f.fact.kind !== "person")
    .sort((a, b) => Math.abs(a.paragraph - paragraph) - Math.abs(b.paragraph - paragraph))
    .map((f) => ask(f.fact))
    .filter((q, i, all) => q && all.indexOf(q) === i)
    .slice(0, want);
}

/** A few questions the knowledge base answers, about the places named when there are any. */
export function suggestionsFor(ix: Indexes, places: readonly (readonly string[])[]): string[] {
  const want = ix.options.limits.related;
  const numeric = ix.factList.filter((f) => ["amount", "share", "count", "growth"].includes(f.fact.kind));
  const about = places.length ? numeric.filter((f) => placeFits(places, f.context)) : numeric;
  // Short metrics make the clearest examples.
  const pool = [...(about.length ? about : numeric)].sort((a, b) => a.fact.metric.length - b.fact.metric.length);
  // One from each article in turn, so that every article shows.
  const byArticle = new Map<string, IndexedFact[]>();
  for (const f of pool) byArticle.set(f.fact.articleId, [...(byArticle.get(f.fact.articleId) ?? []), f]);
  const out: string[] = [];
  for (let i = 0; out.length < want && i < pool.length; i++) {
    for (const list of byArticle.values()) if (list[i] && out.length < want) out.push(questionFor(list[i]!.fact));
  }
  return out;
}

/** The known name closest to what the question asked about, for "did you mean" (fuse.js). */
export function nearestName(ix: Indexes, q: Question): string | undefined {
  const named = q.concepts.filter((c) => /\p{Script=Han}/u.test(c.text) && [...c.text].length >= 2);
  for (const c of named.sort((a, b) => b.weight - a.weight).slice(0, 2)) {
    const name = closestName(ix, c.text);
    if (name) return name;
  }
  return undefined;
}
