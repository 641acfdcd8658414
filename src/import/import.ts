/**
 * The shell of importing: a source (a file, a link, or bytes already in hand) is read, its article
 * extracted, given the values the person importing it supplied, and checked with the whole
 * knowledge folder by the knowledge loader. `prepareImport` writes nothing, so a preview can be
 * shown first; `saveImport` writes the file, checking again.
 */
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, link, readdir, readFile, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_TIME_ZONE } from "../config.js";
import { EMPTY_GLOSSARY, parseGlossary } from "../knowledge/glossary.js";
import { type KnowledgeFiles, loadKnowledge, MAX_ARTICLE_BYTES } from "../knowledge/load.js";
import type { RegionGuess } from "../knowledge/region.js";
import { formatProblem, type Glossary, type KnowledgeBase } from "../model/knowledge.js";
import {
  type ArticleFields,
  type ArticlePreview,
  articleId,
  guessArticleRegion,
  previewArticle,
  renderArticle,
  unwritable,
} from "./article.js";
import { latestPublicationDate } from "./dates.js";
import { type Extracted, extractArticle } from "./extract.js";
import { type AddressPolicy, FetchError, type FetchLimits, fetchPage } from "./fetch.js";
import type { Field, Found } from "./types.js";

/**
 * A path or an http(s) link; or bytes received some other way (an upload), with what is known of them;
 * or an article extracted before (kept with a preview waiting for a field), not extracted again.
 */
export type ImportSource =
  | string
  | { readonly bytes: Uint8Array; readonly name: string; readonly contentType?: string; readonly url?: string }
  | { readonly extracted: Extracted; readonly name: string };

export interface ImportOptions {
  readonly knowledgeDir: string;
  /** Values that replace what was found (the command line's --title, --date, …). */
  readonly given?: Readonly<Partial<Record<Field, string>>>;
  readonly limits?: Partial<FetchLimits>;
  /** Which internal addresses a link may lead to. Default: none. */
  readonly addresses?: AddressPolicy;
  /** The clock and the users' time zone, against which a date in the future is refused. Default: now, Asia/Shanghai. */
  readonly now?: Date;
  readonly timeZone?: string;
}

export interface PreparedArticle {
  readonly id: string;
  /** Where it goes, relative to the knowledge folder: `articles/<id>.md`. */
  readonly file: string;
  /** The file's text. */
  readonly text: string;
  readonly fields: ArticleFields;
  readonly preview: ArticlePreview;
}

export interface PreparedImport {
  /** What was read from the source, if anything was. */
  readonly extracted?: Extracted;
  /** The value of each field and where it came from: the source, an option, or a guess. */
  readonly fields: Readonly<Partial<Record<Field, Found>>>;
  /** The article as it would be written, once every required field has a value. */
  readonly article?: PreparedArticle;
  /** Required fields that neither the source nor the options gave. */
  readonly missing: readonly Field[];
  /** What a person should check before saving: guesses and disagreeing sources. */
  readonly unsure: readonly string[];
  /** Why it cannot be saved; empty when it can. */
  readonly problems: readonly string[];
  /** A date the source gave that is later than tomorrow: not taken, so the date is missing. */
  readonly futureDate?: string;
  /** The page was refused unread: nested this deep, or with this many elements. */
  readonly tooComplex?: { readonly depth?: number; readonly elements?: number };
}

const REQUIRED = ["title", "publisher", "date", "url"] as const;
const OPTION_HINT: Record<(typeof REQUIRED)[number], string> = {
  title: "--title TITLE",
  publisher: "--publisher NAME",
  date: "--date YYYY-MM-DD",
  url: "--url https://…",
};

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html",
  ".htm": "text/html",
  ".xhtml": "application/xhtml+xml",
  ".txt": "text/plain",
  ".md": "text/markdown",
  ".markdown": "text/markdown",
};

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

interface SourceBytes {
  readonly label: string;
  readonly bytes: Uint8Array;
  readonly contentType?: string;
  readonly url?: string;
}

/** Reads a source within the size limit; a message for the person if it cannot be read. */
type InHand = Exclude<ImportSource, { extracted: Extracted }>;

async function readSource(source: InHand, options: ImportOptions): Promise<SourceBytes | string> {
  const maxBytes = options.limits?.maxBytes ?? MAX_ARTICLE_BYTES;
  if (typeof source !== "string") {
    if (source.bytes.length > maxBytes)
      return `${source.name} is ${mb(source.bytes.length)}; the limit is ${mb(maxBytes)}`;
    const contentType = source.contentType ?? CONTENT_TYPES[path.extname(source.name).toLowerCase()];
    return {
      label: source.name,
      bytes: source.bytes,
      ...(contentType ? { contentType } : {}),
      ...(source.url ? { url: source.url } : {}),
    };
  }
  if (/^https?:\/\//i.test(source)) {
    try {
      const page = await fetchPage(source, { ...options.limits, ...options.addresses });
      return {
        label: source,
        bytes: page.bytes,
        url: page.url,
        ...(page.contentType ? { contentType: page.contentType } : {}),
      };
    } catch (e) {
      if (e instanceof FetchError) return e.message;
      throw e;
    }
  }
  const ext = path.extname(source).toLowerCase();
  const contentType = CONTENT_TYPES[ext];
  if (!contentType)
    return (
      `${source}: cannot import a ${ext || "file without an extension"}; ` +
      "give an .html, .htm, .txt (a page capture) or .md file, or an http(s) link"
    );
  try {
    const info = await stat(source);
    if (!info.isFile()) return `${source} is not a file`;
    if (info.size > maxBytes) return `${source} is ${mb(info.size)}; the limit is ${mb(maxBytes)}`;
    return { label: source, bytes: await readFile(source), contentType };
  } catch (e) {
    return `cannot read ${source} (${(e as NodeJS.ErrnoException).code ?? e})`;
  }
}

/** The same link, whatever its scheme, `www.` or final slash. */
const sameLink = (a: string, b: string) => {
  const norm = (u: string) =>
    u
      .trim()
      .replace(/^https?:\/\/(www\.)?/i, "")
      .replace(/\/+$/, "")
      .toLowerCase();
  return norm(a) === norm(b);
};

/**
 * Reads `source`, finds its article and checks it, as it would be written, with the whole folder.
 * Writes nothing. `problems` is empty when `saveImport` may write `article`.
 */
/** The region guessed from the title or the lead, said to be a guess; or a note that there is none. */
function guessRegionInto(fields: Partial<Record<Field, Found>>, unsure: string[], guess: RegionGuess | undefined) {
  if (!guess) {
    unsure.push("region: none found; if 该市 or 全市 in the text mean one place, give it with --region");
    return;
  }
  const { region, from } = guess;
  fields.region = { value: region, from: REGION_GUESSED[from] };
  unsure.push(
    `region: "${region}" is a guess; 该市 and 全市 in the text will be read as ${region} ` + "(--region to change it)",
  );
}

/** How a guessed region is said to be found, in `Found.from`; the admin bot's reply words each in Chinese. */
export const REGION_GUESSED = {
  title: "a guess from the place the title names",
  lead: "a guess from the place the lead paragraph names",
} as const;

export async function prepareImport(source: ImportSource, options: ImportOptions): Promise<PreparedImport> {
  const got =
    typeof source !== "string" && "extracted" in source
      ? { read: { label: source.name }, result: { ok: true as const, article: source.extracted } }
      : await extractSource(source, options);
  if (typeof got === "string") return { fields: {}, missing: [], unsure: [], problems: [got] };
  const { read, result } = got;
  if (!result.ok) {
    const { depth, elements } = result;
    const tooComplex = depth || elements ? { tooComplex: { depth, elements } } : {};
    return { fields: {}, missing: [], unsure: [], problems: [`${read.label}: ${result.reason}`], ...tooComplex };
  }
  const extracted = result.article;

  // The folder may not load without this article (facts that quote it): then there is no base to
  // take ids and places from, and the check with the article in it decides.
  const current = await loadKnowledge(options.knowledgeDir);
  const kb: KnowledgeBase | undefined = current.ok ? current.kb : undefined;

  const checked = takeFields(extracted, read.label, options);
  if ("done" in checked) return checked.done;
  const { fields, unsure } = checked;
  const missing: Field[] = [];
  const problems: string[] = [];

  const title = fields.title!.value;
  const url = fields.url!.value;
  if (!fields.region) {
    const places = (kb?.glossary ?? (await glossaryOf(options.knowledgeDir))).places;
    guessRegionInto(fields, unsure, guessArticleRegion(title, extracted.paragraphs, places));
  }
  const names = await articleNames(options.knowledgeDir);
  const taken = new Set([...names, ...(kb?.articles.map((a) => a.id) ?? [])]);
  const id = fields.id?.value ?? articleId(url, title, taken);
  if (!fields.id) fields.id = { value: id, from: "made from the link" };
  // The id names the file: it must not lead out of the articles folder.
  if (!/^[\w-][\w.-]*$/u.test(id)) {
    problems.push(`id "${id}" may hold only letters, digits, '.', '_' and '-' (it names the file)`);
    return { extracted, fields, missing, unsure, problems };
  }
  if (names.includes(id)) {
    problems.push(`${path.join(options.knowledgeDir, "articles", `${id}.md`)} exists already; give another --id`);
    return { extracted, fields, missing, unsure, problems };
  }

  const articleFields: ArticleFields = {
    id,
    title,
    publisher: fields.publisher!.value,
    date: fields.date!.value,
    url,
    ...(fields.author ? { author: fields.author.value } : {}),
    ...(fields.region ? { region: fields.region.value } : {}),
    lang: extracted.lang,
  };
  const file = path.join("articles", `${id}.md`);
  const text = renderArticle(articleFields, extracted.paragraphs);
  const article: PreparedArticle = {
    id,
    file,
    text,
    fields: articleFields,
    preview: previewArticle(articleFields, extracted.paragraphs, extracted.figures),
  };

  const same = kb?.articles.find((a) => sameLink(a.url, url));
  if (same)
    problems.push(`${same.file} already has this article (url ${same.url}); delete it first to import it again`);
  // The folder was read above: only the new article's file is parsed again.
  const previous = current.ok ? current.files : undefined;
  problems.push(...unwritable(extracted.paragraphs), ...(await validate(options.knowledgeDir, article, previous)));
  return { extracted, fields, article, missing, unsure, problems };
}

/**
 * The fields the source gave, replaced by those the person gave, and the notes still worth reading; or the
 * answer already, when a required field is missing or the date is later than tomorrow.
 */
function takeFields(
  extracted: Extracted,
  label: string,
  options: ImportOptions,
): { fields: Partial<Record<Field, Found>>; unsure: string[] } | { done: PreparedImport } {
  const fields: Partial<Record<Field, Found>> = { ...extracted.found };
  for (const [field, value] of Object.entries(options.given ?? {}) as [Field, string | undefined][]) {
    if (value !== undefined) fields[field] = { value, from: `--${field}` };
  }
  // A note on a field the person gave is moot.
  const unsure = extracted.unsure.filter(
    (note) =>
      !Object.keys(options.given ?? {}).some(
        (f) => options.given?.[f as Field] !== undefined && note.startsWith(`${f}:`),
      ),
  );
  const future = futureDate(fields, options);
  // A date in the future that the source gave is taken as none, so that the right one is asked for.
  if (future?.found) delete fields.date;
  const missing = REQUIRED.filter((f) => !fields[f]?.value);
  const problems = missing.map((f) =>
    f === "date" && future?.found
      ? `date ${future.date} found in ${label} is later than ${future.latest}; give the real one with --date`
      : `no ${f} found in ${label}; give it with ${OPTION_HINT[f]}`,
  );
  if (missing.length) {
    const told = future?.found ? { futureDate: future.date } : {};
    return { done: { extracted, fields, missing, unsure, problems, ...told } };
  }
  if (future) {
    const given = `date ${future.date} (${fields.date!.from})`;
    problems.push(`${given} is later than ${future.latest}: no article can be published on it yet`);
    return { done: { extracted, fields, missing, unsure, problems } };
  }
  return { fields, unsure };
}

/** The date, if it is later than tomorrow where the users are, and whether the source (not the person) gave it. */
function futureDate(
  fields: Partial<Record<Field, Found>>,
  options: ImportOptions,
): { date: string; found: boolean; latest: string } | undefined {
  const latest = latestPublicationDate(options.now ?? new Date(), options.timeZone ?? DEFAULT_TIME_ZONE);
  const date = fields.date?.value;
  if (!date || date <= latest) return undefined;
  return { date, found: options.given?.date === undefined, latest: `tomorrow (${latest})` };
}

/** The source read and its article extracted, or why it could not be read. */
async function extractSource(source: InHand, options: ImportOptions) {
  const read = await readSource(source, options);
  if (typeof read === "string") return read;
  const result = extractArticle({
    bytes: read.bytes,
    ...(read.contentType ? { contentType: read.contentType } : {}),
    ...(read.url ? { baseUrl: read.url } : {}),
  });
  return { read, result };
}

/** The folder's glossary when the folder as a whole does not load, or an empty one. */
async function glossaryOf(knowledgeDir: string): Promise<Glossary> {
  for (const name of ["glossary.yaml", "glossary.yml"]) {
    const file = path.join(knowledgeDir, name);
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text !== undefined) return parseGlossary(file, text).glossary ?? EMPTY_GLOSSARY;
  }
  return EMPTY_GLOSSARY;
}

/** The names of the article files, which are their ids unless they say otherwise. */
async function articleNames(knowledgeDir: string): Promise<string[]> {
  try {
    return (await readdir(path.join(knowledgeDir, "articles")))
      .filter((n) => /\.md$/i.test(n))
      .map((n) => n.replace(/\.md$/i, ""));
  } catch {
    return [];
  }
}

/** Problems of the whole folder with the article in it, from the knowledge loader. */
async function validate(knowledgeDir: string, article: PreparedArticle, previous?: KnowledgeFiles): Promise<string[]> {
  const extra = { [article.file]: article.text };
  const checked = await loadKnowledge(knowledgeDir, { extra, ...(previous ? { previous } : {}) });
  return checked.ok ? [] : checked.problems.map(formatProblem);
}

/**
 * Writes a prepared article, if the folder with it is still valid (it may have changed since it was
 * prepared) and no file of its name exists. The file appears whole or not at all, so a reload
 * running meanwhile never reads half of it.
 */
export async function saveImport(
  knowledgeDir: string,
  article: PreparedArticle,
): Promise<{ ok: true; path: string } | { ok: false; problems: string[] }> {
  const problems = await validate(knowledgeDir, article);
  if (problems.length) return { ok: false, problems };
  const target = path.join(knowledgeDir, article.file);
  // A random name: a save killed halfway leaves its temporary file behind (the loader clears it later),
  // and a restarted process, with the same pid in a container, must not trip over it.
  const temporary = path.join(path.dirname(target), `.${article.id}.${randomBytes(8).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, article.text, { flag: "wx" });
    // link() fails if the target exists, where rename() would replace it. Where the file system has
    // no hard links, an exclusive copy does the same but for readers that may see it half-written.
    await link(temporary, target).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "EPERM" || e.code === "ENOTSUP" || e.code === "EXDEV")
        return copyFile(temporary, target, constants.COPYFILE_EXCL);
      throw e;
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return { ok: false, problems: [`${target} exists already`] };
    throw e;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  return { ok: true, path: target };
}
