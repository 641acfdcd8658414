/** Reads a knowledge folder: the only part of the core that touches files. */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Glossary, KnowledgeBase, Problem } from "../model/knowledge.js";
import { parseArticle } from "./article.js";
import { assembleKnowledge, type ParsedArticle } from "./assemble.js";
import { type FactDraft, parseFactFile } from "./facts.js";
import { EMPTY_GLOSSARY, parseGlossary } from "./glossary.js";
import { JOURNAL, settleInterruptedChanges } from "./journal.js";

export type LoadResult =
  | {
      ok: true;
      kb: KnowledgeBase;
      files: KnowledgeFiles;
      /** The bytes of every file read, by relative path: given as `LoadOptions.contents`, the same base loads again. */
      contents: FolderContents;
    }
  | { ok: false; problems: Problem[] };

/** A knowledge folder's files as bytes, by relative path. */
export type FolderContents = ReadonlyMap<string, Uint8Array>;

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
  /**
   * The folder's files as an earlier load read them, read instead of the folder: how the engine
   * thread starts again from the last good knowledge while the folder itself is being edited.
   */
  readonly contents?: FolderContents;
}

/** Reads `dir` whole into a knowledge base, or returns every problem found; never a partial base. */
export async function loadKnowledge(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const folder = new FolderReader(dir, options);
  const { problems, shown } = folder;
  // A removal cut short by a crash is undone before anything is read. Files given as contents are not the
  // folder: the engine restarts from them while the folder may be in the middle of a change, left alone then.
  const settled = options.contents ? [] : await settleInterruptedChanges(dir);
  for (const message of settled) problems.push({ file: shown(JOURNAL), line: 1, message });

  const articleFiles = await folder.names("articles", /\.md$/i);
  const factFiles = await folder.names("facts", /\.ya?ml$/i);
  if (problems.length) return { ok: false, problems };
  if (articleFiles === undefined) {
    return { ok: false, problems: [{ file: shown("articles"), line: 1, message: "no articles folder here" }] };
  }
  if (!articleFiles.length) {
    const message = "the folder holds no articles (*.md)";
    return { ok: false, problems: [{ file: shown("articles"), line: 1, message }] };
  }

  const articles: ParsedArticle[] = [];
  for (const name of articleFiles) {
    const id = name.replace(/\.md$/i, "");
    const parse = (text: string) => parseArticle(shown("articles", name), text, id);
    const parsed = await folder.parse(path.join("articles", name), parse);
    if (parsed === undefined) continue;
    problems.push(...parsed.problems);
    if (parsed.article) articles.push({ article: parsed.article, idLine: parsed.idLine ?? 1 });
  }

  const facts: FactDraft[] = [];
  for (const name of factFiles ?? []) {
    const parsed = await folder.parse(path.join("facts", name), (text) => parseFactFile(shown("facts", name), text));
    if (parsed === undefined) continue;
    problems.push(...parsed.problems);
    facts.push(...parsed.facts);
  }

  let glossary: Glossary = EMPTY_GLOSSARY;
  const present = new Set((await folder.list("", /^glossary\.ya?ml$/)) ?? []);
  for (const name of GLOSSARY_FILES.filter((n) => present.has(n)).slice(0, 1)) {
    const parsed = await folder.parse(name, (text) => parseGlossary(shown(name), text));
    if (parsed === undefined) continue;
    problems.push(...parsed.problems);
    glossary = parsed.glossary ?? glossary;
  }

  if (problems.length) return { ok: false, problems };
  const assembled = assembleKnowledge({ articles, facts, glossary, version: folder.version() });
  const { files, contents } = folder;
  return assembled.kb ? { ok: true, kb: assembled.kb, files, contents } : { ok: false, problems: assembled.problems };
}

/**
 * One load's reading of a folder (or of the files given instead of it, with `extra` on top): the
 * problems found so far, and the bytes and parses of every file read.
 */
class FolderReader {
  readonly problems: Problem[] = [];
  readonly files = new Map<string, { hash: string; parsed: unknown }>();
  readonly contents = new Map<string, Uint8Array>();
  readonly #dir: string;
  readonly #extra: Map<string, string>;
  readonly #given: FolderContents | undefined;
  readonly #previous: KnowledgeFiles | undefined;
  readonly #hash = createHash("sha256");

  constructor(dir: string, options: LoadOptions) {
    this.#dir = dir;
    this.#extra = new Map(Object.entries(options.extra ?? {}).map(([rel, text]) => [path.normalize(rel), text]));
    this.#given = options.contents;
    this.#previous = options.previous;
  }

  /** A path as problems show it. */
  readonly shown = (...parts: string[]): string => path.normalize(path.join(this.#dir, ...parts));

  /** The version of the base: a hash of every file read, names and bytes. */
  version(): string {
    return this.#hash.digest("hex").slice(0, 16);
  }

  /** The file's parse, reused from the previous load when its bytes are the same. */
  async parse<T>(rel: string, parser: (text: string) => T): Promise<T | undefined> {
    const bytes = await this.#read(rel);
    if (bytes === undefined) return undefined;
    const own = createHash("sha256").update(bytes).digest("hex");
    const before = this.#previous?.get(rel);
    if (before?.hash === own) {
      this.files.set(rel, before);
      return before.parsed as T;
    }
    const decoded = decodeUtf8(bytes);
    if (typeof decoded === "number") {
      const message = "the file is not UTF-8 text (save it as UTF-8)";
      this.problems.push({ file: this.shown(rel), line: decoded, message });
      return undefined;
    }
    let parsed: T;
    try {
      parsed = parser(decoded.replace(/^\uFEFF/, ""));
    } catch (e) {
      // A parser's own failure is the file's problem, not the loader's: the rest of the folder is still checked.
      const why = e instanceof Error ? e.message : String(e);
      this.problems.push({ file: this.shown(rel), line: 1, message: `cannot be read as a knowledge file (${why})` });
      return undefined;
    }
    this.files.set(rel, { hash: own, parsed });
    return parsed;
  }

  async #read(rel: string): Promise<Buffer | undefined> {
    const file = this.shown(rel);
    let bytes: Buffer;
    try {
      const added = this.#extra.get(path.normalize(rel));
      if (added !== undefined) bytes = Buffer.from(added, "utf8");
      else bytes = this.#given ? fromContents(this.#given, rel) : await readFile(path.join(this.#dir, rel));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? e;
      this.problems.push({ file, line: 1, message: `cannot read the file (${code})` });
      return undefined;
    }
    if (rel.startsWith("articles") && bytes.length > MAX_ARTICLE_BYTES) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      const message =
        `the article is ${mb(bytes.length)} MB; the limit is ${mb(MAX_ARTICLE_BYTES)} MB ` +
        "(split it into several articles)";
      this.problems.push({ file, line: 1, message });
      return undefined;
    }
    this.#hash.update(rel).update("\0").update(bytes).update("\0");
    this.contents.set(rel, bytes);
    return bytes;
  }

  /** The names in `folder` matching `pattern`, with the extra files in it; undefined when there are none. */
  async names(folder: string, pattern: RegExp): Promise<string[] | undefined> {
    const names = await this.list(folder, pattern);
    const added = [...this.#extra.keys()]
      .filter((k) => path.dirname(k) === folder && pattern.test(k))
      .map((k) => path.basename(k));
    return names === undefined && !added.length ? undefined : [...new Set([...(names ?? []), ...added])].sort();
  }

  /** As listFiles, with a folder that cannot be listed taken as a problem. */
  async list(folder: string, pattern: RegExp): Promise<string[] | undefined> {
    const listed = this.#given
      ? namesIn(this.#given, folder, pattern)
      : await listFiles(path.join(this.#dir, folder), pattern);
    if (typeof listed !== "string") return listed;
    this.problems.push({ file: folder ? this.shown(folder) : path.normalize(this.#dir), line: 1, message: listed });
    return [];
  }
}

function fromContents(contents: FolderContents, rel: string): Buffer {
  const bytes = contents.get(rel);
  if (!bytes) throw Object.assign(new Error(`${rel} is not among the files given`), { code: "ENOENT" });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** As listFiles, over files given as contents. */
function namesIn(contents: FolderContents, folder: string, pattern: RegExp): string[] | undefined {
  const inFolder = [...contents.keys()].filter((rel) => path.dirname(rel) === (folder || "."));
  const names = inFolder.map((rel) => path.basename(rel));
  return names.length ? names.filter((n) => pattern.test(n)).sort() : undefined;
}

/**
 * Sorted names of the files in `dir` matching `pattern`; undefined when there is no such folder, and
 * why when it cannot be listed (a file where the folder should be, no permission).
 */
async function listFiles(dir: string, pattern: RegExp): Promise<string[] | undefined | string> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    // Anything named like a knowledge file is read, so that a link to nowhere or a folder named x.md
    // is reported instead of silently skipped.
    return entries
      .filter((e) => pattern.test(e.name) && !e.name.startsWith("."))
      .map((e) => e.name)
      .sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (code === "ENOTDIR") return "this is a file, where a folder should be";
    return `cannot list the folder (${code ?? e})`;
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
