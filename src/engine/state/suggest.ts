/**
 * What to offer beside an answer or a refusal, in the asker's language: questions about what is nearest to
 * the question (its place and measure, the candidates read), and for a refusal, the place and measure the
 * sources lack, named as the question names them. Every question offered here is a proposal: the engine's
 * last stage (answer.ts) asks each one and keeps only those it answers.
 */
import { ENGLISH_ASKING, ENGLISH_ASKING_WORDS, ENGLISH_STOP, REPORT_TERMS } from "../../lexicon/english.js";
import { ENGLISH_PLACES, SHANXI_PLACES } from "../../lexicon/places.js";
import type { Fact } from "../../model/knowledge.js";
import type { Candidate } from "../read/candidates.js";
import { placeFits } from "../read/score.js";
import type { IndexedFact, Indexes } from "../retrieve/indexes.js";
import { normalize } from "../text.js";
import type { Question } from "../understand/question.js";
import type { Language } from "./answer.js";
import { metricOf } from "./facts.js";
import { questionFor, relatedQuestion } from "./related.js";

/** What a refusal says the sources lack: the place and the measure asked, in the question's own words. */
export interface Lacking {
  readonly place?: string;
  readonly measure?: string;
}

const HAN = /\p{Script=Han}/u;
const NUMERIC_KINDS: ReadonlySet<string> = new Set(["amount", "share", "count", "growth"]);

/** Proposals beyond the number offered: some will not be answered and are dropped by the last stage. */
const PROPOSALS = 3;

/**
 * Questions near this one, best first, in its language: the candidates' own (what was read for it), then the
 * curated facts of its place and measure, then any the base answers (one article after another). At most
 * PROPOSALS times the number offered; each still to be asked before it is offered.
 */
export function proposals(ix: Indexes, q: Question | undefined, lang: Language, near: readonly Candidate[]): string[] {
  const want = ix.options.limits.related * PROPOSALS;
  const ask = (c: Candidate) => (lang === "en" ? englishCandidateQuestion(ix, c) : relatedQuestion(c));
  // Made one at a time, as far as needed: an English question of a fact looks up each of its words.
  function* out() {
    for (const c of near) yield ask(c);
    if (q) for (const f of rankedFacts(ix, q)) yield questionIn(ix, lang, f.fact);
    for (const f of anyFacts(ix, q?.places ?? [])) yield questionIn(ix, lang, f.fact);
  }
  const asked = q ? normalize(q.raw).replace(/\s+/g, "") : "";
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const s of out()) {
    const key = normalize(s).replace(/\s+/g, "");
    if (!s || seen.has(key) || key === asked) continue;
    seen.add(key);
    kept.push(s);
    if (kept.length >= want) break;
  }
  return kept;
}

/** A curated fact asked in a language: its own Chinese question, or an English one where its words have English names. */
export function questionIn(ix: Indexes, lang: Language, f: Fact): string {
  if (lang === "zh") return questionFor(f);
  if (!NUMERIC_KINDS.has(f.kind)) return "";
  let made = englishOf.get(ix);
  if (!made) {
    made = new WeakMap();
    englishOf.set(ix, made);
  }
  let question = made.get(f);
  if (question === undefined) {
    question = englishQuestion(ix, f.subject, f.metric);
    made.set(f, question);
  }
  return question;
}

/** Each curated fact's English question, per knowledge (the glossary's English names are the knowledge's). */
const englishOf = new WeakMap<Indexes, WeakMap<Fact, string>>();

function englishCandidateQuestion(ix: Indexes, c: Candidate): string {
  if (c.fact) return questionIn(ix, "en", c.fact.fact);
  return englishQuestion(ix, c.subject, metricOf(c));
}

/** "What is Xinzhou's installed capacity?" for 忻州市 and 装机容量; "" when either has no English name. */
export function englishQuestion(ix: Indexes, subject: string, metric: string): string {
  const place = englishPlace(subject);
  const measure = place ? englishMeasure(ix, withoutPlace(metric, subject)) : undefined;
  return place && measure ? ENGLISH_ASKING.amount(place, measure) : "";
}

/** A metric with its subject's name left out (忻州市新能源装机 → 新能源装机). */
export function withoutPlace(metric: string, subject: string): string {
  const short = subject.replace(/(市|县|区|省)$/, "");
  return metric.replace(subject, "").replace(short.length >= 2 ? short : subject, "");
}

/** Every English name of a place of 山西 (静乐县 → Jingle, Jingle County). */
function placeNamesEn(name: string): readonly string[] {
  return SHANXI_PLACES.find((p) => p.name === name || p.short.includes(name))?.english ?? [];
}

/** A place's English name (忻州市 → Xinzhou), from the lexicon's places. */
export function englishPlace(name: string): string | undefined {
  const entry = SHANXI_PLACES.find((p) => p.name === name || p.short.includes(name));
  if (entry?.english[0]) return entry.english[0];
  const short = name.replace(/(市|县|区|省)$/, "");
  const key = Object.keys(ENGLISH_PLACES).find((k) => ENGLISH_PLACES[k] === name || ENGLISH_PLACES[k] === short);
  return key ? key.replace(/\b\w/g, (ch) => ch.toUpperCase()) : undefined;
}

/** Han words with the English name of their group, longest first: the report terms and the glossary's own. */
const namesOf = new WeakMap<Indexes, readonly (readonly [string, string])[]>();

function englishNames(ix: Indexes): readonly (readonly [string, string])[] {
  let names = namesOf.get(ix);
  if (!names) {
    const groups = [...REPORT_TERMS, ...ix.groups.filter((g) => g.section === "terms").map((g) => g.terms)];
    const pairs: [string, string][] = [];
    for (const terms of groups) {
      const english = terms.find((t) => !HAN.test(t) && /[a-z]{2}/i.test(t));
      if (!english) continue;
      for (const t of terms) if (HAN.test(t)) pairs.push([t, english]);
    }
    names = pairs.sort((a, b) => b[0].length - a[0].length);
    namesOf.set(ix, names);
  }
  return names;
}

/** Characters a metric may leave untranslated: joiners, and 总量/数量 that only say "the amount of". */
const UNNAMED = /[和与及的、总量数]/gu;

/**
 * A Chinese measure in English words (人均可支配收入 → per capita disposable income), read left to right, the
 * longest known word first; undefined when less than half of its characters have English names, as the English
 * question would then ask for something else.
 */
export function englishMeasure(ix: Indexes, metric: string): string | undefined {
  const text = metric.replace(/[\s，,。]/g, "");
  const han = text.replace(UNNAMED, "").length;
  if (!han) return undefined;
  const found: { at: number; english: string; length: number }[] = [];
  const taken = new Array<boolean>(text.length).fill(false);
  for (const [word, english] of englishNames(ix)) {
    let at = text.indexOf(word);
    while (at >= 0) {
      if (!taken.slice(at, at + word.length).some(Boolean)) {
        for (let i = at; i < at + word.length; i++) taken[i] = true;
        found.push({ at, english, length: word.length });
      }
      at = text.indexOf(word, at + 1);
    }
  }
  const named = found.reduce((n, f) => n + f.length, 0);
  // Three English pieces strung together (farmer per capita farmland) read as no name: none is given.
  if (named * 2 < han || new Set(found.map((f) => f.english)).size > 2) return undefined;
  const words = found.sort((a, b) => a.at - b.at).map((f) => f.english);
  return [...new Set(words)].join(" ");
}

/** The curated numeric facts nearest the question: its places, then how many of its concepts their metrics say. */
function rankedFacts(ix: Indexes, q: Question): IndexedFact[] {
  // A single character (长 of 太原市长) is met in too many metrics to say which are near.
  const concepts = q.concepts.filter((c) => c.forms.some((f) => f.length >= 2));
  if (!concepts.length && !q.places.length) return [];
  const scored = numericFacts(ix).map((f) => {
    const place = q.places.length && placeFits(q.places, f.context) ? 1 : 0;
    const said = concepts.filter((c) => c.forms.some((form) => form.length >= 2 && f.focus.includes(form))).length;
    return { f, score: 2 * place + (concepts.length ? (3 * said) / concepts.length : 0), said };
  });
  return scored
    .filter((s) => s.said > 0 || (s.score > 0 && !concepts.length))
    .sort((a, b) => b.score - a.score || a.f.fact.metric.length - b.f.fact.metric.length)
    .map((s) => s.f);
}

function numericFacts(ix: Indexes): readonly IndexedFact[] {
  return ix.factList.filter((f) => NUMERIC_KINDS.has(f.fact.kind));
}

/** Facts the base answers, about the places named when there are any: the shortest metrics, one article after another. */
function anyFacts(ix: Indexes, places: Question["places"]): IndexedFact[] {
  const numeric = numericFacts(ix);
  const about = places.length ? numeric.filter((f) => placeFits(places, f.context)) : [];
  const rest = numeric.filter((f) => !about.includes(f));
  return [...inTurn(about), ...inTurn(rest)];
}

/** Facts, the shortest metrics first (the clearest examples), one article after another, so that every article shows. */
function inTurn(facts: readonly IndexedFact[]): IndexedFact[] {
  const pool = [...facts].sort((a, b) => a.fact.metric.length - b.fact.metric.length);
  const byArticle = new Map<string, IndexedFact[]>();
  for (const f of pool) byArticle.set(f.fact.articleId, [...(byArticle.get(f.fact.articleId) ?? []), f]);
  const out: IndexedFact[] = [];
  for (let i = 0; out.length < pool.length; i++) for (const list of byArticle.values()) if (list[i]) out.push(list[i]!);
  return out;
}

/** English words of a question that name neither a measure nor a place: how it asks, not what. */
const ASKING_EN: ReadonlySet<string> = new Set([...ENGLISH_STOP, ...ENGLISH_ASKING_WORDS]);

/**
 * The place and measure a question asks about, as it names them: the places' names as written, and the
 * question's own words for the measure (its concepts in Chinese; its words but places, times and asking words in
 * English). Nothing when the question names neither.
 */
export function lackingOf(q: Question, lang: Language): Lacking | undefined {
  const raw = q.raw;
  const place = placesAsWritten(q, lang);
  const measure = lang === "en" ? englishWords(raw, q, place ?? "") : chineseMeasure(q);
  if (!place && !measure) return undefined;
  return { ...(place ? { place } : {}), ...(measure ? { measure } : {}) };
}

function placesAsWritten(q: Question, lang: Language): string | undefined {
  const lower = q.raw.toLowerCase();
  const names = q.places.map((group) => {
    const english = group.flatMap(placeNamesEn).map((n) => n.toLowerCase());
    const forms = [...group, ...english].sort((a, b) => b.length - a.length);
    if (lang === "en") {
      const latin = forms.find((f) => !HAN.test(f) && lower.includes(f));
      if (latin) {
        const at = lower.indexOf(latin);
        return q.raw.slice(at, at + latin.length);
      }
      const han = group.find((f) => HAN.test(f));
      return (han && englishPlace(han)) ?? group[0]!;
    }
    return forms.find((f) => HAN.test(f) && q.text.includes(f)) ?? group.find((f) => HAN.test(f)) ?? group[0]!;
  });
  const joined = names.filter(Boolean).join(lang === "en" ? " and " : "、");
  return joined || undefined;
}

/** The question's concepts in the order it says them, each as it writes it (GDP, not 地区生产总值). */
function chineseMeasure(q: Question): string | undefined {
  const places = new Set(q.places.flat());
  const said = q.concepts
    .filter((c) => !c.forms.some((f) => places.has(f)))
    .map((c) => {
      const forms = [...c.forms].filter(Boolean).sort((a, b) => b.length - a.length);
      const form = forms.find((f) => q.text.includes(f));
      if (!form) return { at: Number.MAX_SAFE_INTEGER, text: c.text };
      const at = q.text.indexOf(form);
      // The question as written where the normalizer kept its length (GDP, not gdp); else its normalized form.
      const aligned = q.raw.length === q.text.length && normalize(q.raw) === q.text;
      return { at, text: aligned ? q.raw.slice(at, at + form.length) : form };
    })
    .sort((a, b) => a.at - b.at)
    .map((x) => x.text);
  const joined = [...new Set(said)].join("");
  return joined || undefined;
}

/** An English question's words that are neither asking words, numbers nor its places: what it asks about. */
function englishWords(raw: string, q: Question, places: string): string | undefined {
  const english = q.places.flatMap((g) => [...g.filter((f) => !HAN.test(f)), ...g.map(placeNamesEn)].flat());
  const placeWords = new Set([places, ...english].flatMap((f) => f.toLowerCase().split(/\s+/)));
  const words = raw
    .replace(/['’]s\b/g, "")
    .split(/[^A-Za-z0-9'-]+/)
    .filter(Boolean)
    .filter((w) => {
      const lower = w.toLowerCase();
      return !ASKING_EN.has(lower) && !placeWords.has(lower) && !/\d/.test(w) && !MONTH.test(lower);
    });
  const joined = words.join(" ").trim();
  return joined || undefined;
}

const MONTH =
  /^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)$/;
