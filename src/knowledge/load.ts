/** Reads a knowledge folder: the only part of the core that touches files. */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArticle } from "./article.js";
import { assembleKnowledge, type ParsedArticle } from "./assemble.js";
import { parseFactFile, type FactDraft } from "./facts.js";
import { EMPTY_GLOSSARY, parseGlossary } from "./glossary.js";
import { JOURNAL, settleInterruptedChanges } from "./journal.js";
import type { Glossary, KnowledgeBase, Problem } from "../model/knowledge.js";

export type LoadResult = { ok: true; kb: KnowledgeBase; files: KnowledgeFiles } | { ok: false; problems: Problem[] };

/**
 * What a load read, file by file (relative path → its bytes' hash and what it parsed to): given back
 * as `LoadOptions.previous`, the next load parses only the files whose bytes changed, and
 * `changedFiles` says which those were.
 */
export type KnowledgeFiles = ReadonlyMap<string, { readonly hash: string; readonly parsed: unknown }>;

/** The files added, changed or removed between two loads, sorted. */
export function changedFiles(before: KnowledgeFiles, after: KnowledgeFiles): string[] {
  const changed = [...after].filter(([rel, f]) => before.get(rel)?.hash !== f.hash).map(([rel]) => rel);
  for (const rel of before.keys()) if (!after.has(rel)) changed.push(rel);
  return changed.sort();
}

const GLOSSARY_FILES = ["glossary.yaml", "glossary.yml"];
/** An article is a news article: anything larger is a mistake or should be split into several. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export interface LoadOptions {
  /**
   * Files to check as if they were in `dir` (relative path → text), replacing any of the same
   * name: how an uploaded article is validated with the whole base before it is written.
   */
  readonly extra?: Readonly<Record<string, string>>;
  /**
   * The files of an earlier load of the same folder: a file with the same bytes is not parsed again
   * (at 100k passages, parsing is two thirds of a load).
   */
  readonly previous?: KnowledgeFiles;
}

/** Reads `dir` whole into a knowledge base, or returns every problem found; never a partial base. */
export async function loadKnowledge(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const extra = new Map(Object.entries(options.extra ?? {}).map(([rel, text]) => [path.normalize(rel), text]));
  const problems: Problem[] = [];
  const shown = (...parts: string[]) => path.normalize(path.join(dir, ...parts));
  const hash = createHash("sha256");
  const files = new Map<string, { hash: string; parsed: unknown }>();
  // A removal cut short by a crash is undone before anything is read.
  for (const message of await settleInterruptedChanges(dir)) problems.push({ file: shown(JOURNAL), line: 1, message });

  /** The file's parse, reused from the previous load when its bytes are the same. */
  const parse = async <T>(rel: string, parser: (text: string) => T): Promise<T | undefined> => {
    const bytes = await read(rel);
    if (bytes === undefined) return undefined;
    const own = createHash("sha256").update(bytes).digest("hex");
    const before = options.previous?.get(rel);
    if (before?.hash === own) {
      files.set(rel, before);
      return before.parsed as T;
    }
    const decoded = decodeUtf8(bytes);
    if (typeof decoded === "number") {
      problems.push({ file: shown(rel), line: decoded, message: "the file is not UTF-8 text (save it as UTF-8)" });
      return undefined;
    }
    const parsed = parser(decoded.replace(/^\uFEFF/, ""));
    files.set(rel, { hash: own, parsed });
    return parsed;
  };

  const read = async (rel: string): Promise<Buffer | undefined> => {
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
    return bytes;
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
    const parsed = await parse(path.join("articles", name), (text) => parseArticle(shown("articles", name), text, name.replace(/\.md$/i, "")));
    if (parsed === undefined) continue;
    problems.push(...parsed.problems);
    if (parsed.article) articles.push({ article: parsed.article, idLine: parsed.idLine ?? 1 });
  }

  const facts: FactDraft[] = [];
  for (const name of factFiles ?? []) {
    const parsed = await parse(path.join("facts", name), (text) => parseFactFile(shown("facts", name), text));
    if (parsed === undefined) continue;
    problems.push(...parsed.problems);
    facts.push(...parsed.facts);
  }

  let glossary: Glossary = EMPTY_GLOSSARY;
  const present = new Set(await listFiles(dir, /^glossary\.ya?ml$/) ?? []);
  for (const name of GLOSSARY_FILES.filter((n) => present.has(n)).slice(0, 1)) {
    const parsed = await parse(name, (text) => parseGlossary(shown(name), text));
    if (parsed === undefined) continue;
    problems.push(...parsed.problems);
    glossary = parsed.glossary ?? glossary;
  }

  if (problems.length) return { ok: false, problems };
  const assembled = assembleKnowledge({ articles, facts, glossary, version: hash.digest("hex").slice(0, 16) });
  return assembled.kb ? { ok: true, kb: assembled.kb, files } : { ok: false, problems: assembled.problems };
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
