/**
 * Judging answers against question sets (the format: test/eval/README.md), and the integrity rule every
 * answer is held to: quotes stand in their articles, and figures in the answer stand in its quotes.
 */
import type { Answer } from "../engine/index.js";
import { KNOWN_PLACES } from "../lexicon/places.js";
import type { KnowledgeBase } from "../model/knowledge.js";
import { numbersIn } from "../model/numbers.js";

/** A company by reference: 该公司, 本集团. */
const COMPANY_NAMED_BY_REFERENCE = /[该該本](公司|企业|企業|集团|集團|厂|廠)/;
/** A quote's line that opens with the company or with 其 (其中, 其他, 其余, 其次, 其实 are not it). */
const COMPANY_OPENS_LINE = /^(公司|企业|企業)|^其(?![中他余次实])/m;
const COMPANY_REFERENCES = [COMPANY_NAMED_BY_REFERENCE, COMPANY_OPENS_LINE];
const PLACE_REFERENCE = /[该該本全](市|县|縣|区|區|省)/;

export interface EvalCase {
  readonly id: string;
  readonly q: string;
  readonly all?: readonly string[];
  readonly source?: string;
  readonly unanswerable?: boolean;
  readonly lang?: string;
  readonly variant?: string;
  /** Questions asked before `q` in the same conversation, oldest first: `q` is asked as their follow-up. */
  readonly context?: string | readonly string[];
}

export interface Verdict {
  readonly pass: boolean;
  readonly kind: string;
  readonly why?: string;
}

const squash = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

export function kindOf(c: EvalCase): string {
  if (c.unanswerable) return "unanswerable";
  return c.variant ?? (c.lang && c.lang !== "zh" ? c.lang : "zh");
}

export function judge(c: EvalCase, answer: Answer & { text: string }, kb: KnowledgeBase): Verdict {
  const kind = kindOf(c);
  if (c.unanswerable) {
    return answer.answered
      ? { pass: false, kind, why: `answered "${answer.answer}" but should not` }
      : { pass: true, kind };
  }
  if (!answer.answered) return { pass: false, kind, why: `not answered: ${answer.answer}` };
  const missing = (c.all ?? []).filter((s) => !squash(answer.answer).includes(squash(s)));
  if (missing.length) return { pass: false, kind, why: `answer lacks ${missing.join(", ")}: ${answer.answer}` };
  if (answer.answer.length > 200) return { pass: false, kind, why: `answer is ${answer.answer.length} characters` };
  if (answer.text.length > 1500) return { pass: false, kind, why: `text is ${answer.text.length} characters` };
  if (c.source && !answer.citations.some((x) => x.title.includes(c.source!) || x.url.includes(c.source!))) {
    return { pass: false, kind, why: `no citation of "${c.source}"` };
  }
  const broken = integrityProblems(answer, kb);
  if (broken.length) return { pass: false, kind, why: broken.join("; ") };
  return { pass: true, kind };
}

/** Figures in a text that are not dates (2024年, 10月底, 12月29日, 1月至9月). */
export function figuresIn(text: string): string[] {
  const squashed = text.normalize("NFKC");
  return (
    numbersIn(squashed)
      .filter((n) => !/^[年月日号]/.test(squashed.slice(n.index + n.text.length)))
      // A bare year in English words (Jan–Sep 2024, as of end-Oct 2024) is a date too.
      .filter((n) => !(/^(19|20)\d\d$/.test(n.text) && /^(?:[)）.,;]|\s|$)/.test(squashed.slice(n.index + 4))))
      .map((n) => n.text)
  );
}

/** What breaks citation integrity in an answer; empty when nothing does. */
export function integrityProblems(answer: Answer, kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  for (const c of answer.citations) {
    const article = kb.articles.find((a) => a.url === c.url && a.title === c.title);
    if (!article) problems.push(`citation of an unknown article ${c.url}`);
    else if (!article.paragraphs.some((p) => p.text.includes(c.quote)))
      problems.push(`quote not in its article: ${c.quote}`);
  }
  if (!answer.answered) return problems;
  const quotes = answer.citations.map((c) => c.quote.normalize("NFKC")).join("\n");
  for (const figure of figuresIn(answer.answer)) {
    if (!quotes.includes(figure)) problems.push(`figure ${figure} is in no quote`);
  }
  // Whom it is about: a place the answer names that its quote does not is the quote's place reference
  // (该市 → 忻州市), never a company's (该公司 stays the company).
  const quoted = answer.citations.map((c) => c.quote).join("\n");
  const companyOnly = COMPANY_REFERENCES.some((r) => r.test(quoted)) && !PLACE_REFERENCE.test(quoted);
  for (const place of KNOWN_PLACES) {
    if (answer.answer.includes(place) && !quoted.includes(place) && companyOnly)
      problems.push(`the answer makes ${place} the subject of a quote about a company`);
  }
  return problems;
}
