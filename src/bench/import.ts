/**
 * Imports while the bot answers: an admin's page is prepared as the bot prepares it (in a thread of its
 * own, import/isolated.ts) while another chat keeps asking questions of the engine in its worker thread.
 * For each page: how long preparing it took, whether it gave a preview, and the longest another chat
 * waited for an answer meanwhile.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { DEFAULT_TIME_ZONE } from "../config.js";
import { prepareIsolated } from "../import/isolated.js";
import { openInThread } from "../thread/host.js";

const QUESTION = "忻州新能源装机有多少？";

const HEAD =
  `<head><meta charset="utf-8"><title>原平市文旅产业持续升温</title>` +
  `<meta property="og:site_name" content="忻州日报">` +
  `<meta property="article:published_time" content="2024-11-05">` +
  `<link rel="canonical" href="https://example.cn/b.html"></head>`;
function paragraph(i: number): string {
  return `<p>据统计，原平市第${i}项文旅工程今年完工，总投资${i}万元。</p>`;
}
const nested = (depth: number) =>
  `<!doctype html><html>${HEAD}<body>${"<div>".repeat(depth)}<article><h1>原平市文旅产业持续升温</h1>` +
  `${[1, 2, 3, 4].map(paragraph).join("")}</article>${"</div>".repeat(depth)}</body></html>`;
const large = (paragraphs: number) =>
  `<!doctype html><html>${HEAD}<body><article><h1>原平市文旅产业持续升温</h1>` +
  `${Array.from({ length: paragraphs }, (_, i) => paragraph(i)).join("")}</article></body></html>`;

const PAGES: [string, () => string][] = [
  ["nested_900", () => nested(900)],
  ["nested_20000", () => nested(20_000)],
  ["paragraphs_45000", () => large(45_000)],
];

export async function measureImports(knowledgeDir: string, dataDir: string, now: Date) {
  const open = openInThread({ knowledgeDir, dataDir, timeZone: DEFAULT_TIME_ZONE, note: () => {} });
  const opened = await open({ build: true });
  if (!opened.ok || !opened.engine) throw new Error(`invalid knowledge in ${knowledgeDir}`);
  const engine = opened.engine;
  const result: Record<string, unknown> = {};
  try {
    for (const [name, make] of PAGES) {
      const bytes = Buffer.from(make());
      const waits: number[] = [];
      let importing = true;
      const otherChat = (async () => {
        while (importing) {
          const asked = performance.now();
          await engine.ask(QUESTION, now);
          waits.push(performance.now() - asked);
          await sleep(20);
        }
      })();
      const started = performance.now();
      const outcome = await prepareIsolated({ source: { bytes, name: `${name}.html` }, options: { knowledgeDir } });
      result[`${name}_ms`] = Math.round(performance.now() - started);
      importing = false;
      await otherChat;
      result[`${name}_mb`] = Math.round(bytes.length / 1e4) / 100;
      result[`${name}_preview`] = outcome.ok && !!outcome.prepared.article;
      result[`${name}_other_chat_max_ms`] = Math.round(Math.max(...waits));
    }
  } finally {
    await engine.close();
  }
  return result;
}
