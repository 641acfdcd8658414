/**
 * Taking an article out of the knowledge folder: its file, and the fact files that are about it
 * alone, move to DATA_DIR/removed/ under a timestamped name (never deleted, so a removal can be
 * undone by moving them back). A fact file that mixes its facts with another article's is not
 * split by a program: the removal is refused and the admin edits it.
 */
import { copyFile, mkdir, readdir, readFile, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { parseArticle } from "./article.js";
import { parseFactFile } from "./facts.js";

export type RemovalPlan =
  | { ok: true; article: string; facts: string[] }
  | { ok: false; reason: string };

/** The files (relative to `dir`) that removing article `id` moves, or why it cannot be removed. */
export async function planRemoval(dir: string, id: string): Promise<RemovalPlan> {
  const names = (await readdir(path.join(dir, "articles")).catch(() => [] as string[])).filter((n) => /\.md$/i.test(n) && !n.startsWith("."));
  let article: string | undefined;
  for (const name of names) {
    const rel = path.join("articles", name);
    const fileId = name.replace(/\.md$/i, "");
    const text = await readFile(path.join(dir, rel), "utf8").catch(() => undefined);
    const parsed = text === undefined ? undefined : parseArticle(rel, text, fileId).article;
    if ((parsed?.id ?? fileId) === id) {
      article = rel;
      break;
    }
  }
  if (!article) return { ok: false, reason: `没有 ID 为 “${id}” 的文章（/articles 列出所有文章的 ID）。` };
  if (names.length <= 1) return { ok: false, reason: "这是知识库里唯一的文章，不能删除（知识库至少要有一篇文章）。" };

  const facts: string[] = [];
  const factNames = (await readdir(path.join(dir, "facts")).catch(() => [] as string[])).filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith("."));
  for (const name of factNames.sort()) {
    const rel = path.join("facts", name);
    const text = await readFile(path.join(dir, rel), "utf8").catch(() => "");
    const parsed = parseFactFile(rel, text);
    const mine = parsed.facts.filter((f) => f.article === id).length;
    if (!mine) continue;
    if (mine < parsed.facts.length) {
      return {
        ok: false,
        reason: `${rel} 中有 ${mine} 条数据引用这篇文章，还有 ${parsed.facts.length - mine} 条属于其他文章；请先把这 ${mine} 条从该文件中删去（或移到单独的文件），再删除文章。`,
      };
    }
    facts.push(rel);
  }
  return { ok: true, article, facts };
}

export interface Move {
  readonly from: string;
  readonly to: string;
}

/** Moves `files` (relative to `dir`) into `removedDir` as `<stamp>-<name>`; never over another file. */
export async function moveToRemoved(dir: string, files: readonly string[], removedDir: string, at: Date): Promise<Move[]> {
  await mkdir(removedDir, { recursive: true });
  const stamp = at.toISOString().replace(/[:.]/g, "-");
  const moves: Move[] = [];
  for (const rel of files) {
    const base = `${stamp}-${path.basename(rel)}`;
    let to = path.join(removedDir, base);
    for (let n = 2; await exists(to); n++) to = path.join(removedDir, `${stamp}-${n}-${path.basename(rel)}`);
    const from = path.join(dir, rel);
    await move(from, to);
    moves.push({ from, to });
  }
  return moves;
}

/** Puts moved files back where they were. */
export async function moveBack(moves: readonly Move[]): Promise<void> {
  for (const m of [...moves].reverse()) await move(m.to, m.from);
}

async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (e) {
    // DATA_DIR and the knowledge folder may be on different file systems (two Docker volumes).
    if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
    await copyFile(from, to);
    await unlink(from);
  }
}

const exists = (file: string) => stat(file).then(() => true, () => false);
