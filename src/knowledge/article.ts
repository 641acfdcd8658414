/** One article file: YAML front matter between `---` lines, then Markdown paragraphs. */

import type { Article, Paragraph, Problem } from "../model/knowledge.js";
import { frontMatterSchema } from "./schema.js";
import { splitSentences } from "./sentences.js";
import { issuesToProblems, parseYaml } from "./yaml.js";

export function parseArticle(
  file: string,
  text: string,
  defaultId: string,
): { article?: Article; idLine?: number; problems: Problem[] } {
  const lines = text.split(/\r?\n/);
  const at = (line: number, message: string): Problem => ({ file, line, message });

  if (lines[0]?.trim() !== "---") {
    return { problems: [at(1, "an article must start with front matter: a line '---', the fields, then '---'")] };
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === "---");
  if (close < 0) return { problems: [at(1, "front matter is not closed by a '---' line")] };

  const { source, problems } = parseYaml(file, lines.slice(1, close).join("\n"), 2);
  if (problems.length) return { problems };
  if (source.value === null || typeof source.value !== "object" || Array.isArray(source.value)) {
    return { problems: [at(2, "front matter must be fields written as 'name: value'")] };
  }
  const parsed = frontMatterSchema.safeParse(source.value);
  if (!parsed.success) return { problems: issuesToProblems(file, source, parsed.error.issues) };

  const fm = parsed.data;
  const id = fm.id ?? defaultId;
  const paragraphs = parseBody(lines, close + 1, fm.lang, id);
  if (!paragraphs.some((p) => !p.heading)) {
    return { problems: [at(close + 2, "the article has no text after its front matter")] };
  }
  const { id: _id, ...fields } = fm;
  return { article: { id, ...fields, file, paragraphs }, idLine: source.lineOf(["id"]), problems: [] };
}

/** Paragraphs are runs of non-blank lines; `#` lines are headings. */
function parseBody(lines: readonly string[], from: number, lang: "zh" | "en", articleId: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let run: string[] = [];
  let start = 0;
  const flush = () => {
    if (!run.length) return;
    // Chinese text wrapped over lines joins without a space; English with one.
    const text = run.join(lang === "zh" ? "" : " ");
    const index = paragraphs.length;
    paragraphs.push({
      text,
      heading: false,
      line: start,
      sentences: splitSentences(text).map((s, i) => ({
        id: `${articleId}:${index}:${i}`,
        articleId,
        paragraph: index,
        text: s,
        line: start,
      })),
    });
    run = [];
  };
  for (let i = from; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (!line) {
      flush();
    } else if (/^#{1,6}\s/.test(line)) {
      flush();
      paragraphs.push({ text: line.replace(/^#+\s*/, ""), heading: true, line: i + 1, sentences: [] });
    } else {
      if (!run.length) start = i + 1;
      run.push(line);
    }
  }
  flush();
  return paragraphs;
}
