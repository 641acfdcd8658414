/**
 * The baseline the engine is measured against: a bare MiniSearch over sentences with CJK bigrams,
 * whose top sentence is the answer. No facts, no "don't know", no English, no typo mending.
 */
import MiniSearch from "minisearch";
import type { Answer } from "../engine/index.js";
import { type KnowledgeBase, sentencesOf } from "../model/knowledge.js";

/** Bigrams of Han runs, words otherwise: the tokenizer a newcomer would write first. */
export function bareTokenize(text: string): string[] {
  const out: string[] = [];
  for (const run of text.toLowerCase().match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? []) {
    if (!/\p{Script=Han}/u.test(run) || run.length < 2) out.push(run);
    else for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

export interface Baseline {
  ask(question: string): Answer;
}

export function createBaseline(kb: KnowledgeBase): Baseline {
  const sentences = sentencesOf(kb);
  const articles = new Map(kb.articles.map((a) => [a.id, a]));
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ["text"], tokenize: bareTokenize });
  index.addAll(sentences.map((s, id) => ({ id, text: s.text })));
  return {
    ask(question) {
      const top = index.search(question)[0];
      const s = top ? sentences[Number(top.id)] : undefined;
      const a = s ? articles.get(s.articleId) : undefined;
      return {
        question,
        answered: Boolean(s),
        answer: s?.text ?? "",
        lang: "zh",
        citations: s && a ? [{ title: a.title, publisher: a.publisher, date: a.date, url: a.url, quote: s.text }] : [],
        facts: [],
        others: [],
        related: [],
      };
    },
  };
}

/** Builds the baseline's index alone, for build-time comparisons. */
export function buildBaselineIndex(texts: readonly string[]): MiniSearch<{ id: number; text: string }> {
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ["text"], tokenize: bareTokenize });
  index.addAll(texts.map((text, id) => ({ id, text })));
  return index;
}
