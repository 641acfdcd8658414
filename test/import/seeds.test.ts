/**
 * The two seed captures (test/import/seeds, copied from the shared seeds with their SOURCES.md)
 * import as the articles already in knowledge/articles: the same sentences, the same headings, and
 * a folder whose curated facts, all quoted word for word, still load.
 */
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prepareImport, saveImport } from "../../src/import/import.js";
import { knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";
import { shippedArticle } from "../helpers/pages.js";

afterAll(removeKnowledgeDirs);

const SEEDS = path.resolve("test/import/seeds");

const SEED_CASES = [
  {
    capture: "000_16872633568450bb.txt",
    id: "xinzhou-sixin-2024",
    // The WeChat capture names no link: SOURCES.md gives the one to cite.
    given: { url: "https://theory.sxrb.com/BIG5/319829/10250344.html" },
    found: {
      title: "山西忻州:以务实作为促动“四新”成势",
      publisher: "山西经济日报",
      date: "2024-11-20",
      author: "畅雪",
      region: "忻州市",
    },
    left: [
      ["notice", "公众号转载山西经济日报稿件,须申请授权。"],
      ["caption", "该公司电池生产车间内,工人正在搬运生产资料。冯晓磊 摄"],
      ["byline", "山西经济日报全媒体记者 畅雪"],
      ["editor", "责编:牛迪凡 校对:张翠萍 审核:翟步庭"],
      ["end", "猜您喜欢"],
    ],
  },
  {
    capture: "002_8ee638c484d02a70.txt",
    id: "taixin-competitiveness-2022",
    // The page calls its site 大院网-山西大院资讯网 and 山西大院新闻网; SOURCES.md cites 山西大院网. Its
    // title names no place, so the region the shipped article has is given too.
    given: { publisher: "山西大院网", region: "太忻一体化经济区" },
    found: {
      title: "【重点关注】增强区域经济竞争力 集聚高质量发展新动能",
      date: "2022-10-22",
      url: "http://www.shanxidayuan.com/gsyl/jinzhong/4597.html",
    },
    left: [["end", "版权声明"]],
  },
] as const;

describe.each(SEED_CASES)("importing the seed $capture", (seed) => {
  const shipped = shippedArticle(seed.id);

  it("gives the shipped article's text sentence for sentence, its section headings too, and nothing else", async () => {
    const prepared = await prepareImport(path.join(SEEDS, seed.capture), { knowledgeDir: SHIPPED, given: seed.given });
    const extracted = prepared.extracted!;
    const sentences = (ps: readonly { heading: boolean; text: string }[]) =>
      ps.filter((p) => !p.heading).map((p) => p.text);
    expect(sentences(extracted.paragraphs)).toEqual(sentences(shipped.paragraphs));
    expect(extracted.paragraphs.filter((p) => p.heading).map((p) => p.text)).toEqual(
      shipped.paragraphs.filter((p) => p.heading).map((p) => p.text),
    );
    // Every sentence of the shipped article, as the engine quotes it, is in the import.
    const imported = extracted.paragraphs.map((p) => p.text).join("\n");
    for (const s of shipped.paragraphs.flatMap((p) => p.sentences)) expect(imported).toContain(s.text);

    // (The capture spaces its editor line with no-break spaces.)
    expect(extracted.dropped.map((d) => [d.kind, d.text.replace(/\s+/g, " ")])).toEqual(seed.left);
    for (const [field, value] of Object.entries(seed.found))
      expect(prepared.fields[field as keyof typeof prepared.fields]?.value, field).toBe(value);
    // The shipped folder has this article already: the import is refused for that.
    expect(prepared.problems).toEqual([expect.stringContaining(`already has this article (url ${shipped.url})`)]);
  });

  it("writes the shipped file byte for byte into a folder that lacks it, and the folder, facts and all, loads", async () => {
    const dir = knowledgeDir({}, SHIPPED);
    const file = path.join(dir, "articles", `${seed.id}.md`);
    await rm(file);
    const prepared = await prepareImport(path.join(SEEDS, seed.capture), {
      knowledgeDir: dir,
      given: { ...seed.given, id: seed.id },
    });
    expect(prepared.problems).toEqual([]);
    const saved = await saveImport(dir, prepared.article!);
    expect(saved).toEqual({ ok: true, path: file });
    expect(readFileSync(file, "utf8")).toBe(readFileSync(path.join(SHIPPED, "articles", `${seed.id}.md`), "utf8"));
  });
});
