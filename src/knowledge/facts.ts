/** Fact files: `article:` for the whole file, then `facts:`, a list of facts. */

import type { FactKind, Problem } from "../model/knowledge.js";
import { type FactInput, factSchema } from "./schema.js";
import { issuesToProblems, parseYaml } from "./yaml.js";

/** A fact as written, before it is checked against its article. */
export interface FactDraft extends FactInput {
  readonly file: string;
  readonly line: number;
  readonly index: number;
}

export function parseFactFile(file: string, text: string): { facts: FactDraft[]; problems: Problem[] } {
  const { source, problems } = parseYaml(file, text);
  if (problems.length) return { facts: [], problems };
  const doc = source.value as { article?: unknown; facts?: unknown } | null;
  if (doc === null || typeof doc !== "object" || Array.isArray(doc) || !Array.isArray(doc.facts)) {
    return { facts: [], problems: [{ file, line: 1, message: "a fact file must have 'facts:', a list of facts" }] };
  }
  const unknown = Object.keys(doc).filter((k) => k !== "article" && k !== "facts");
  for (const key of unknown) problems.push({ file, line: source.lineOf([key]), message: `unknown field "${key}"` });
  if (doc.article !== undefined && typeof doc.article !== "string") {
    problems.push({ file, line: source.lineOf(["article"]), message: "article must be the id of an article" });
  }
  const fileArticle = typeof doc.article === "string" ? doc.article.trim() : undefined;

  const facts: FactDraft[] = [];
  doc.facts.forEach((raw: unknown, index: number) => {
    const line = source.lineOf(["facts", index]);
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      problems.push({ file, line, message: "a fact must be fields written as 'name: value'" });
      return;
    }
    const parsed = factSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...issuesToProblems(file, source, parsed.error.issues, ["facts", index]));
      return;
    }
    const article = parsed.data.article ?? fileArticle;
    if (!article) {
      problems.push({ file, line, message: "the fact names no article (add 'article:' to it or to the file)" });
      return;
    }
    facts.push({ ...parsed.data, article, file, line, index });
  });
  return { facts, problems };
}

/** The kind a fact is of, when its author did not say. */
export function guessKind(values: readonly (number | string)[], unit: string, metric: string): FactKind {
  if (values.length > 1 && values.every((v) => typeof v === "string")) return "list";
  const first = values[0];
  if (typeof first === "string") {
    if (/^\d+\/\d+$/.test(first)) return "fraction";
    if (/第[一二三四五六七八九十\d]+/.test(first)) return "rank";
    return "text";
  }
  if (unit === "%") return /增长|增速|下降|提高|同比|环比|改善/.test(metric) ? "growth" : "share";
  if (/^(个|家|项|户|处|条|座|名|人|所|批|类|种|县|镇|村|次)$/.test(unit)) return "count";
  if (/^年$/.test(unit)) return "duration";
  return "amount";
}
