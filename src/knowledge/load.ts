/** Reads a knowledge folder: the only part of the core that touches files. */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArticle } from "./article.js";
import { assembleKnowledge, type ParsedArticle } from "./assemble.js";
import { parseFactFile, type FactDraft } from "./facts.js";
import { EMPTY_GLOSSARY, parseGlossary } from "./glossary.js";
import type { Glossary, KnowledgeBase, Problem } from "../model/knowledge.js";

export type LoadResult = { ok: true; kb: KnowledgeBase } | { ok: false; problems: Problem[] };

const GLOSSARY_FILES = ["glossary.yaml", "glossary.yml"];
/** An article is a news article: anything larger is a mistake or should be split into several. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export interface LoadOptions {
  /**
   * Files to check as if they were in `dir` (relative path → text), replacing any of the same
   * name: how an uploaded article is validated with the whole base before it is written.
   */
  readonly extra?: Readonly<Record<string, string>>;
}

/** Reads `dir` whole into a knowledge base, or returns every problem found; never a partial base. */
export async function loadKnowledge(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const extra = new Map(Object.entries(options.extra ?? {}).map(([rel, text]) => [path.normalize(rel), text]));
  const problems: Problem[] = [];
  const shown = (...parts: string[]) => path.normalize(path.join(dir, ...parts));
  const hash = createHash("sha256");

  const read = async (rel: string): Promise<string | undefined> => {
    const file = shown(rel);
    let bytes: Buffer;
    try {
      const given = extra.get(path.normalize(rel));
      bytes = given !== undefined ? Buffer.from(given, "utf8") : await readFile(path.join(dir, rel));
    } catch (e) {
      problems.push({ file, line: 1, message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})` });
      return undefined;
    }
    if (rel.startsWith("articles") && bytes.length > MAX_ARTICLE_BYTES) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      problems.push({ file, line: 1, message: `the article is ${mb(bytes.length)} MB; the limit is ${mb(MAX_ARTICLE_BYTES)} MB (split it into several articles)` });
      return undefined;
    }
    hash.update(rel).update("\0").update(bytes).update("\0");
    const decoded = decodeUtf8(bytes);
    if (typeof decoded === "number") {
      problems.push({ file, line: decoded, message: "the file is not UTF-8 text (save it as UTF-8)" });
      return undefined;
    }
    return decoded.replace(/^\uFEFF/, "");
  };

  const withExtra = (folder: string, names: string[] | undefined, pattern: RegExp) => {
    const added = [...extra.keys()].filter((k) => path.dirname(k) === folder && pattern.test(k)).map((k) => path.basename(k));
    return names === undefined && !added.length ? undefined : [...new Set([...(names ?? []), ...added])].sort();
  };
  const articleFiles = withExtra("articles", await listFiles(path.join(dir, "articles"), /\.md$/i), /\.md$/i);
  const factFiles = withExtra("facts", await listFiles(path.join(dir, "facts"), /\.ya?ml$/i), /\.ya?ml$/i);
  if (articleFiles === undefined) {
    return { ok: false, problems: [{ file: shown("articles"), line: 1, message: "no articles folder here" }] };
  }
  if (!articleFiles.length) {
    return { ok: false, problems: [{ file: shown("articles"), line: 1, message: "the folder holds no articles (*.md)" }] };
  }

  const articles: ParsedArticle[] = [];
  for (const name of articleFiles) {
    const text = await read(path.join("articles", name));
    if (text === undefined) continue;
    const parsed = parseArticle(shown("articles", name), text, name.replace(/\.md$/i, ""));
    problems.push(...parsed.problems);
    if (parsed.article) articles.push({ article: parsed.article, idLine: parsed.idLine ?? 1 });
  }

  const facts: FactDraft[] = [];
  for (const name of factFiles ?? []) {
    const text = await read(path.join("facts", name));
    if (text === undefined) continue;
    const parsed = parseFactFile(shown("facts", name), text);
    problems.push(...parsed.problems);
    facts.push(...parsed.facts);
  }

  let glossary: Glossary = EMPTY_GLOSSARY;
  const present = new Set(await listFiles(dir, /^glossary\.ya?ml$/) ?? []);
  for (const name of GLOSSARY_FILES.filter((n) => present.has(n)).slice(0, 1)) {
    const text = await read(name);
    if (text === undefined) continue;
    const parsed = parseGlossary(shown(name), text);
    problems.push(...parsed.problems);
    glossary = parsed.glossary ?? glossary;
  }

  if (problems.length) return { ok: false, problems };
  const assembled = assembleKnowledge({ articles, facts, glossary, version: hash.digest("hex").slice(0, 16) });
  return assembled.kb ? { ok: true, kb: assembled.kb } : { ok: false, problems: assembled.problems };
}

/** Sorted names of the files in `dir` matching `pattern`; undefined when there is no such folder. */
async function listFiles(dir: string, pattern: RegExp): Promise<string[] | undefined> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    // Anything named like a knowledge file is read, so that a link to nowhere or a folder named x.md
    // is reported instead of silently skipped.
    return entries
      .filter((e) => pattern.test(e.name) && !e.name.startsWith("."))
      .map((e) => e.name)
      .sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/** The text, or the line of the first byte that is not UTF-8. */
function decodeUtf8(bytes: Buffer): string | number {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const bad = lenient.indexOf("\uFFFD");
    return lenient.slice(0, Math.max(bad, 0)).split("\n").length;
  }
}
