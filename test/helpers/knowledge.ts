/** Small builders for knowledge folders on disk: the shipped one, or one made of the files given. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const SHIPPED = path.resolve("knowledge");

const made: string[] = [];

/** A fresh folder with `files` (paths relative to it); `from` copies a folder in first. */
export function knowledgeDir(files: Record<string, string | Buffer> = {}, from?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "kb-"));
  made.push(dir);
  if (from) cpSync(from, dir, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

export function removeKnowledgeDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function article(fields: Record<string, string>, body = "忻州市今年接待游客100万人次。"): string {
  const front = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  return `---\n${front}\n---\n\n${body}\n`;
}

export const GOOD = {
  title: "测试文章",
  publisher: "测试报",
  date: "2024-05-01",
  url: "https://example.org/a",
};

/**
 * The shipped knowledge with one article that is a single 60 KB sentence with no punctuation (a pasted
 * page) and, inside it, 全县粮食总产量达到42.5万吨; its region is 宁武县.
 */
export function knowledgeWithOneLongSentence(): string {
  const filler = "本县持续推进产业结构调整和生态环境保护工作并且不断加强基层治理能力建设".repeat(900).slice(0, 30_000);
  const body = `${filler}全县粮食总产量达到42.5万吨${filler}`;
  const fields = {
    title: "长文测试县情",
    publisher: "测试",
    date: "2024-05-01",
    url: "https://example.org/long",
    region: "宁武县",
  };
  return knowledgeDir({ "articles/long.md": article(fields, body) }, SHIPPED);
}
