/** Cross-file checks that turn parsed files into one knowledge base, or into every problem found. */

import type { Article, Fact, Glossary, KnowledgeBase, Problem } from "../model/knowledge.js";
import { standsIn } from "../model/numbers.js";
import { type FactDraft, guessKind } from "./facts.js";
import { guessRegion } from "./region.js";

export interface ParsedArticle {
  readonly article: Article;
  readonly idLine: number;
}

export function assembleKnowledge(input: {
  articles: readonly ParsedArticle[];
  facts: readonly FactDraft[];
  glossary: Glossary;
  version: string;
}): { kb?: KnowledgeBase; problems: Problem[] } {
  const problems: Problem[] = [];
  const byId = new Map<string, Article>();
  const duplicated = new Set<string>();
  for (const { article, idLine } of input.articles) {
    const other = byId.get(article.id);
    if (other) {
      duplicated.add(article.id);
      problems.push({
        file: article.file,
        line: idLine,
        message: `duplicate article id "${article.id}" (also ${other.file})`,
      });
    } else byId.set(article.id, withRegion(article, input.glossary));
  }

  const facts: Fact[] = [];
  const factFiles = new Map<string, string>();
  for (const draft of input.facts) {
    const at = (message: string) => problems.push({ file: draft.file, line: draft.line, message });
    const base = draft.file.replace(/^.*[\\/]/, "").replace(/\.ya?ml$/, "");
    const id = draft.id ?? `${base}#${draft.index + 1}`;
    const seen = factFiles.get(id);
    if (seen) at(`duplicate fact id "${id}" (also ${seen})`);
    factFiles.set(id, draft.file);

    // Facts of a duplicated id cannot be checked against the right article: the duplicate is the problem.
    if (duplicated.has(draft.article!)) continue;
    const article = byId.get(draft.article!);
    if (!article) {
      at(`article "${draft.article}" is not the id of any article`);
      continue;
    }
    const quote = draft.quote.trim();
    if (!article.paragraphs.some((p) => !p.heading && p.text.includes(quote))) {
      const shown = `${quote.slice(0, 40)}${quote.length > 40 ? "…" : ""}`;
      at(`quote is not in article "${article.id}" word for word: "${shown}"`);
      continue;
    }
    const values = Array.isArray(draft.value) ? draft.value : [draft.value];
    const missing = values.filter((v) => !standsIn(v, quote));
    if (missing.length) {
      at(`value ${missing.map((v) => JSON.stringify(v)).join(", ")} is not in its quote`);
      continue;
    }
    if (draft.role && !quote.includes(draft.role)) {
      at(`role "${draft.role}" is not in its quote`);
      continue;
    }
    facts.push({
      id,
      articleId: article.id,
      subject: draft.subject,
      metric: draft.metric,
      aliases: draft.aliases,
      kind: draft.kind ?? guessKind(values, draft.unit, draft.metric),
      values,
      unit: draft.unit,
      period: draft.period,
      quote,
      ...(draft.role ? { role: draft.role } : {}),
      file: draft.file,
      line: draft.line,
    });
  }

  if (problems.length) return { problems };
  return {
    kb: Object.freeze({ articles: [...byId.values()], facts, glossary: input.glossary, version: input.version }),
    problems,
  };
}

/** An article whose file gives no `region` is about the place its title or lead names, as an import guesses it. */
function withRegion(article: Article, glossary: Glossary): Article {
  if (article.region) return article;
  const lead = article.paragraphs.find((p) => !p.heading)?.text ?? "";
  const guess = guessRegion(article.title, lead, glossary.places);
  return guess ? { ...article, region: guess.region } : article;
}
