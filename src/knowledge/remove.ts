/**
 * Taking an article out of the knowledge folder: its file, and the fact files that are about it
 * alone, move to DATA_DIR/removed/ under a timestamped name (never deleted, so a removal can be
 * undone by moving them back). A fact file that mixes its facts with another article's is not
 * split by a program: the removal is refused and the admin edits it. The fact files move first: a
 * folder with the article and without its facts still loads, the other way round it does not.
 */
import { mkdir, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArticle } from "./article.js";
import { parseFactFile } from "./facts.js";
import { beginChange, endChange, type Move, moveFile, undoMoves } from "./journal.js";

export type RemovalPlan = { ok: true; article: string; facts: string[] } | { ok: false; reason: string };

/** The files (relative to `dir`) that removing article `id` moves, or why it cannot be removed. */
export async function planRemoval(dir: string, id: string): Promise<RemovalPlan> {
  const names = (await readdir(path.join(dir, "articles")).catch(() => [] as string[])).filter(
    (n) => /\.md$/i.test(n) && !n.startsWith("."),
  );
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
  const listed = "（/articles 列出所有文章的 ID）";
  if (!article) return { ok: false, reason: `没有 ID 为 “${id}” 的文章${listed}。` };
  const onlyOne = "这是知识库里唯一的文章，不能删除（知识库至少要有一篇文章）。";
  if (names.length <= 1) return { ok: false, reason: onlyOne };

  const facts: string[] = [];
  const factNames = (await readdir(path.join(dir, "facts")).catch(() => [] as string[])).filter(
    (n) => /\.ya?ml$/i.test(n) && !n.startsWith("."),
  );
  for (const name of factNames.sort()) {
    const rel = path.join("facts", name);
    const text = await readFile(path.join(dir, rel), "utf8").catch(() => "");
    const parsed = parseFactFile(rel, text);
    const mine = parsed.facts.filter((f) => f.article === id).length;
    if (!mine) continue;
    if (mine < parsed.facts.length) {
      return {
        ok: false,
        reason:
          `${rel} 中有 ${mine} 条数据引用这篇文章，` +
          `还有 ${parsed.facts.length - mine} 条属于其他文章；` +
          `请先把这 ${mine} 条从该文件中删去（或移到单独的文件），再删除文章。`,
      };
    }
    facts.push(rel);
  }
  return { ok: true, article, facts };
}

/** The files of a plan in the order they move: facts first, the article last. */
export function removalOrder(plan: { article: string; facts: readonly string[] }): string[] {
  return [...plan.facts, plan.article];
}

export type { Move };

/** How files are moved; tests replace it to stop between two moves. */
export type MoveFile = (from: string, to: string) => Promise<void>;

/**
 * Moves `files` (relative to `dir`) into `removedDir` as `<stamp>-<name>`, never over another file, as
 * one change: the moves are written down first (journal.ts), and if one fails those made are undone.
 * The change stays written down until `endRemoval` (the folder reloaded) or `moveBack`: a process that
 * dies before either has its moves undone at the next load.
 */
export async function moveToRemoved(
  dir: string,
  files: readonly string[],
  { removedDir, at, move = moveFile }: { removedDir: string; at: Date; move?: MoveFile },
): Promise<Move[]> {
  await mkdir(removedDir, { recursive: true });
  const stamp = at.toISOString().replace(/[:.]/g, "-");
  const moves: Move[] = [];
  const taken = new Set<string>();
  for (const rel of files) {
    const name = path.basename(rel);
    let to = path.resolve(removedDir, `${stamp}-${name}`);
    for (let n = 2; taken.has(to) || (await exists(to)); n++) to = path.resolve(removedDir, `${stamp}-${n}-${name}`);
    taken.add(to);
    moves.push({ from: path.resolve(dir, rel), to });
  }
  await beginChange(dir, moves);
  try {
    for (const m of moves) await move(m.from, m.to);
  } catch (e) {
    await undoMoves(moves);
    await endChange(dir);
    throw e;
  }
  return moves;
}

/** The removal is kept: the folder loaded without the files. */
export const endRemoval = (dir: string): Promise<void> => endChange(dir);

/** Puts moved files back where they were, and forgets the removal. */
export async function moveBack(dir: string, moves: readonly Move[]): Promise<void> {
  await undoMoves(moves);
  await endChange(dir);
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );
