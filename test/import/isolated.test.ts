/**
 * Preparing an import in a worker thread of its own (src/import/isolated.ts): the same preview as in
 * this thread, an article extracted once prepared again from what was kept, and a page that takes
 * longer than its limit given up on.
 */
import { afterAll, describe, expect, it } from "vitest";
import { prepareImport } from "../../src/import/import.js";
import { prepareIsolated } from "../../src/import/isolated.js";
import { article, GOOD, knowledgeDir, removeKnowledgeDirs } from "../helpers/knowledge.js";
import { newsSitePage, shippedArticle } from "../helpers/pages.js";

afterAll(removeKnowledgeDirs);

const SIXIN = shippedArticle("xinzhou-sixin-2024");
const page = { bytes: Buffer.from(newsSitePage(SIXIN)), name: "sixin.html" };

describe("an import prepared in a thread of its own", () => {
  it("gives the preview the same preparation gives in this thread", async () => {
    const options = { knowledgeDir: knowledgeDir({ "articles/a.md": article(GOOD) }) };
    const outcome = await prepareIsolated({ source: page, options });
    expect(outcome).toEqual({ ok: true, prepared: await prepareImport(page, options) });
  }, 60_000);

  it("prepares the article kept from the first reading with a field given later, without the page", async () => {
    const options = { knowledgeDir: knowledgeDir({ "articles/a.md": article(GOOD) }) };
    const first = await prepareImport(page, options);
    const given = { region: "忻州市" };
    const kept = { extracted: first.extracted!, name: page.name };
    const again = await prepareIsolated({ source: kept, options: { ...options, given } });
    expect(again).toEqual({ ok: true, prepared: await prepareImport(page, { ...options, given }) });
  }, 60_000);

  it("gives up on a page that takes longer than its limit, and says so", async () => {
    const paragraphs = Array.from({ length: 50_000 }, (_, i) => `<p>忻州市第${i}项工程今年完工。</p>`).join("");
    const html = `<html><head><title>忻州</title></head><body><article>${paragraphs}</article></body></html>`;
    const big = { bytes: Buffer.from(html), name: "big.html" };
    const options = { knowledgeDir: knowledgeDir({ "articles/a.md": article(GOOD) }) };
    const started = performance.now();
    const outcome = await prepareIsolated({ source: big, options }, { timeoutMs: 1000 });
    expect(outcome).toEqual({ ok: false, reason: "timeout", message: "reading the page took more than 1 s" });
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 60_000);
});
