/**
 * Importing from links and files into a knowledge folder. Pages are served from 127.0.0.1 by a
 * server each test file starts and stops; nothing reaches the network.
 */
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { fetchPage } from "../../src/import/fetch.js";
import { type ImportOptions, prepareImport, saveImport } from "../../src/import/import.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";
import { newsSitePage, shippedArticle } from "../helpers/pages.js";

const SIXIN = shippedArticle("xinzhou-sixin-2024");
const TAIXIN = shippedArticle("taixin-competitiveness-2022");
const MB = 1024 * 1024;
/** The page server is on 127.0.0.1, which links may reach only when the operator allows it. */
const allow = loadConfig({ FETCH_ALLOW_HOSTS: "127.0.0.1" }).fetchAllow;
const addresses = { allow };

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes: Record<string, Handler> = {
  "/sixin.html": (_req, res) =>
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(newsSitePage(SIXIN)),
  "/gbk.html": (_req, res) =>
    res
      .writeHead(200, { "content-type": "text/html" })
      .end(iconv.encode(newsSitePage(TAIXIN, { charset: null, caption: false }), "gbk")),
  "/moved": (_req, res) => res.writeHead(301, { location: "/hop/1" }).end(),
  "/loop": (_req, res) => res.writeHead(302, { location: "/loop" }).end(),
  "/to-ftp": (_req, res) => res.writeHead(302, { location: "ftp://example.org/a.html" }).end(),
  "/never": () => undefined, // holds the connection open and never answers
  "/slow-body": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.write("<html><body><p>");
  },
  "/huge-declared": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html", "content-length": String(20 * MB) });
    res.write("<html>");
  },
  "/huge-streamed": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    const chunk = Buffer.alloc(64 * 1024, "<p>忻州</p>");
    let sent = 0;
    const pump = () => {
      while (sent < 20 * MB && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end();
    };
    pump();
  },
  "/future.html": (_req, res) => {
    const page = newsSitePage({ ...SIXIN, date: "2099-05-01" });
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  },
  "/missing": (_req, res) => res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not Found</h1>"),
  "/image.html": (_req, res) =>
    res
      .writeHead(200, { "content-type": "text/html" })
      .end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
  "/nothing.html": (_req, res) =>
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(`<html><head><title>列表</title></head><body><ul><li><a href="/1">一</a></li></ul></body></html>`),
};
for (let i = 1; i <= 5; i++) {
  routes[`/hop/${i}`] = (_req, res) => res.writeHead(302, { location: i < 5 ? `/hop/${i + 1}` : "/sixin.html" }).end();
}

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => (routes[req.url ?? ""] ?? routes["/missing"]!)(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  removeKnowledgeDirs();
});

/** The shipped folder without one article (and its facts), to import into. */
function folderWithout(id: string): string {
  const dir = knowledgeDir({}, SHIPPED);
  for (const file of [`articles/${id}.md`, `facts/${id}.yaml`]) spawnSync("rm", ["-f", path.join(dir, file)]);
  return dir;
}

const articleFiles = (dir: string) => readdirSync(path.join(dir, "articles")).sort();

async function refused(source: string, options: Partial<ImportOptions> = {}): Promise<string[]> {
  const dir = options.knowledgeDir ?? folderWithout("xinzhou-sixin-2024");
  const before = articleFiles(dir);
  const prepared = await prepareImport(source, { knowledgeDir: dir, addresses, ...options });
  expect(prepared.problems.length).toBeGreaterThan(0);
  expect(prepared.article === undefined || prepared.problems.length > 0).toBe(true);
  expect(articleFiles(dir)).toEqual(before);
  return [...prepared.problems];
}

describe("importing a link", () => {
  it("fetches the page, finds the article and writes it where the folder still loads", async () => {
    const dir = folderWithout("xinzhou-sixin-2024");
    const prepared = await prepareImport(`${base}/sixin.html`, { knowledgeDir: dir, addresses });
    expect(prepared.problems).toEqual([]);
    expect(prepared.article?.fields).toMatchObject({
      id: "127-0-0-1-sixin",
      title: SIXIN.title,
      publisher: "山西经济日报",
      date: "2024-11-20",
      url: `${base}/sixin.html`,
      author: "畅雪",
      region: "忻州市",
    });
    expect(prepared.article?.preview).toMatchObject({ paragraphs: 21, headings: 4, figures: 1 });
    expect(prepared.article?.preview.firstLines[0]).toMatch(/^“我们聚焦‘产业、开放/);
    const saved = await saveImport(dir, prepared.article!);
    expect(saved).toEqual({ ok: true, path: path.join(dir, "articles", "127-0-0-1-sixin.md") });
    const loaded = await loadKnowledge(dir);
    expect(
      loaded.ok && loaded.kb.articles.find((a) => a.id === "127-0-0-1-sixin")?.paragraphs.map((p) => p.text),
    ).toEqual(SIXIN.paragraphs.map((p) => p.text));
  });

  it("follows up to 5 redirects, and cites the page where they end", async () => {
    const page = await fetchPage(`${base}/hop/1`, { allow });
    expect(page.url).toBe(`${base}/sixin.html`);
    expect(Buffer.from(page.bytes).toString("utf8")).toContain(SIXIN.title);
    await expect(fetchPage(`${base}/moved`, { allow })).rejects.toThrow(`${base}/moved redirects more than 5 times`);
  });

  it("reads a GBK page served with no charset", async () => {
    const knowledge = folderWithout("taixin-competitiveness-2022");
    const prepared = await prepareImport(`${base}/gbk.html`, { knowledgeDir: knowledge, addresses });
    expect(prepared.problems).toEqual([]);
    expect(prepared.extracted?.paragraphs.map((p) => p.text)).toEqual(TAIXIN.paragraphs.map((p) => p.text));
    expect(prepared.unsure).toContainEqual(expect.stringContaining("it reads as GBK, so it was read as GBK"));
  });
});

describe("bad input gets a clear message and nothing is written", () => {
  it("a link that redirects forever", async () => {
    expect(await refused(`${base}/loop`)).toEqual([
      `${base}/loop redirects more than 5 times (${base}/loop → ${base}/loop → ${base}/loop → ${base}/loop → …)`,
    ]);
  });

  it("a redirect to something that is not http(s)", async () => {
    expect(await refused(`${base}/to-ftp`)).toEqual([
      `${base}/to-ftp redirects to ftp://example.org/a.html, which is not an http(s) link`,
    ]);
  });

  it("a link that does not answer, or stops halfway", async () => {
    const limits = { timeoutMs: 300 };
    expect(await refused(`${base}/never`, { limits })).toEqual([`${base}/never did not answer within 0.3 s`]);
    expect(await refused(`${base}/slow-body`, { limits })).toEqual([`${base}/slow-body did not answer within 0.3 s`]);
  });

  it("a 20 MB page, whether it says so or not", async () => {
    expect(await refused(`${base}/huge-declared`)).toEqual([`${base}/huge-declared is 20.0 MB; the limit is 5.0 MB`]);
    expect(await refused(`${base}/huge-streamed`)).toEqual([`${base}/huge-streamed is larger than 5.0 MB, the limit`]);
  });

  it("a 20 MB file", async () => {
    const dir = knowledgeDir({ "big.html": Buffer.alloc(20 * MB, " ") });
    expect(await refused(path.join(dir, "big.html"))).toEqual([
      `${path.join(dir, "big.html")} is 20.0 MB; the limit is 5.0 MB`,
    ]);
  });

  it("a page that is not there, and a server that is not there", async () => {
    expect(await refused(`${base}/missing`)).toEqual([`${base}/missing answered 404 Not Found`]);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await refused(`http://127.0.0.1:${port}/a.html`)).toEqual([
      `cannot fetch http://127.0.0.1:${port}/a.html: ECONNREFUSED`,
    ]);
  });

  it("a binary file named .html, served or on disk", async () => {
    expect(await refused(`${base}/image.html`)).toEqual([
      `${base}/image.html: it is not a web page or text: it looks like a PNG image`,
    ]);
    const dir = knowledgeDir({ "photo.html": Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) });
    expect(await refused(path.join(dir, "photo.html"))).toEqual([
      `${path.join(dir, "photo.html")}: it is not a web page or text: it looks like a JPEG image`,
    ]);
  });

  it("a page with no article body", async () => {
    expect(await refused(`${base}/nothing.html`)).toEqual([
      `${base}/nothing.html: no article body found: the page has no article text`,
    ]);
  });

  it("a capture whose date cannot be found: the message names --date", async () => {
    const capture = `忻州市经济运行平稳\n\n${SIXIN.paragraphs.map((p) => p.text).join("\n\n")}\n`;
    const dir = knowledgeDir({ "capture.txt": capture });
    const problems = await refused(path.join(dir, "capture.txt"), {
      given: { url: "https://www.example.cn/a.html", publisher: "忻州日报" },
    });
    expect(problems).toEqual([`no date found in ${path.join(dir, "capture.txt")}; give it with --date YYYY-MM-DD`]);
  });

  it("each missing field is named with its option", async () => {
    const dir = knowledgeDir({ "capture.txt": `${SIXIN.paragraphs.map((p) => p.text).join("\n\n")}\n` });
    const problems = await refused(path.join(dir, "capture.txt"));
    expect(problems.map((p) => p.replace(/ in .* give/, " give"))).toEqual([
      "no publisher found give it with --publisher NAME",
      "no date found give it with --date YYYY-MM-DD",
      "no url found give it with --url https://…",
    ]);
  });

  it("an article that would make the folder invalid: the loader's problems, file and line", async () => {
    const dir = folderWithout("xinzhou-sixin-2024");
    const problems = await refused(`${base}/sixin.html`, { knowledgeDir: dir, given: { date: "2024-11-31" } });
    expect(problems).toEqual([
      `${path.join(dir, "articles", "127-0-0-1-sixin.md")}:5: date "2024-11-31" is not a date (YYYY-MM-DD)`,
    ]);
    expect(
      await refused(`${base}/sixin.html`, { knowledgeDir: dir, given: { id: "taixin-competitiveness-2022" } }),
    ).toEqual([`${path.join(dir, "articles", "taixin-competitiveness-2022.md")} exists already; give another --id`]);
    // An article whose file is named otherwise has the id: the loader finds the duplicate.
    spawnSync("mv", [
      path.join(dir, "articles", "taixin-competitiveness-2022.md"),
      path.join(dir, "articles", "taixin.md"),
    ]);
    expect(
      await refused(`${base}/sixin.html`, { knowledgeDir: dir, given: { id: "taixin-competitiveness-2022" } }),
    ).toEqual([
      `${path.join(dir, "articles", "taixin.md")}:2: duplicate article id "taixin-competitiveness-2022" (also ${path.join(dir, "articles", "taixin-competitiveness-2022.md")})`,
    ]);
  });

  it("an id that would put the file outside the articles folder", async () => {
    expect(await refused(`${base}/sixin.html`, { given: { id: "../glossary" } })).toEqual([
      `id "../glossary" may hold only letters, digits, '.', '_' and '-' (it names the file)`,
    ]);
  });

  it("an article already in the folder, by its link", async () => {
    const problems = await refused(path.resolve("test/import/seeds/002_8ee638c484d02a70.txt"), {
      knowledgeDir: knowledgeDir({}, SHIPPED),
      given: { publisher: "山西大院网" },
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /articles\/taixin-competitiveness-2022\.md already has this article \(url http:\/\/www\.shanxidayuan\.com\/gsyl\/jinzhong\/4597\.html\)/,
      ),
    ]);
  });

  it("a file type that is not a page, a capture or Markdown", async () => {
    expect(await refused("/tmp/report.pdf")).toEqual([
      "/tmp/report.pdf: cannot import a .pdf; give an .html, .htm, .txt (a page capture) or .md file, or an http(s) link",
    ]);
  });
});

describe("saving", () => {
  it("a save killed halfway blocks neither the next save nor the folder: its temporary file is cleared", async () => {
    const dir = folderWithout("xinzhou-sixin-2024");
    const prepared = await prepareImport(`${base}/sixin.html`, { knowledgeDir: dir, addresses });
    // What a killed save leaves: in a container the restarted bot has the same pid, and this name.
    const left = path.join(dir, "articles", `.127-0-0-1-sixin.${process.pid}.tmp`);
    writeFileSync(left, "---\nid: 127-0-0-1-sixin\n");
    const saved = await saveImport(dir, prepared.article!);
    expect(saved).toEqual({ ok: true, path: path.join(dir, "articles", "127-0-0-1-sixin.md") });
    // A temporary file of a minute ago is a save that died; one of just now may be a save under way.
    const fresh = path.join(dir, "articles", ".other.0123456789abcdef.tmp");
    writeFileSync(fresh, "");
    const longAgo = new Date(Date.now() - 5 * 60 * 1000);
    utimesSync(left, longAgo, longAgo);
    expect((await loadKnowledge(dir)).ok).toBe(true);
    expect(readdirSync(path.join(dir, "articles")).filter((n) => n.startsWith("."))).toEqual([path.basename(fresh)]);
  });

  it("a date after tomorrow where the users are: from the page it is asked for, given it is refused", async () => {
    const dir = folderWithout("xinzhou-sixin-2024");
    // 04:00 on 2 December in Shanghai, still 1 December in UTC: tomorrow is the 3rd.
    const when = { knowledgeDir: dir, addresses, now: new Date("2024-12-01T20:00:00Z"), timeZone: "Asia/Shanghai" };
    const found = await prepareImport(`${base}/future.html`, when);
    expect(found.missing).toEqual(["date"]);
    expect(found.futureDate).toBe("2099-05-01");
    expect(found.problems).toEqual([
      `date 2099-05-01 found in ${base}/future.html is later than tomorrow (2024-12-03); give the real one with --date`,
    ]);
    const given = await prepareImport(`${base}/sixin.html`, { ...when, given: { date: "2024-12-04" } });
    expect(given.problems).toEqual([
      "date 2024-12-04 (--date) is later than tomorrow (2024-12-03): no article can be published on it yet",
    ]);
    const tomorrow = await prepareImport(`${base}/future.html`, { ...when, given: { date: "2024-12-03" } });
    expect(tomorrow.problems).toEqual([]);
    expect(tomorrow.article?.fields.date).toBe("2024-12-03");
  });

  it("checks again, and never replaces a file", async () => {
    const dir = folderWithout("xinzhou-sixin-2024");
    const prepared = await prepareImport(`${base}/sixin.html`, { knowledgeDir: dir, addresses });
    writeFileSync(
      path.join(dir, "articles", "127-0-0-1-sixin.md"),
      readFileSync(path.join(SHIPPED, "articles", "xinzhou-sixin-2024.md")),
    );
    const saved = await saveImport(dir, prepared.article!);
    expect(saved.ok).toBe(false);
    expect(readdirSync(path.join(dir, "articles")).filter((n) => n.startsWith("."))).toEqual([]);
  });
});

describe("npm run kb:import", () => {
  const run = (args: string[]) => {
    const r = spawnSync("npm", ["run", "--silent", "kb:import", "--", ...args], { encoding: "utf8", timeout: 60_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it("reports what it found on standard error and prints the path it wrote last", () => {
    const dir = folderWithout("taixin-competitiveness-2022");
    const r = run([
      path.resolve("test/import/seeds/002_8ee638c484d02a70.txt"),
      "--knowledge",
      dir,
      "--publisher",
      "山西大院网",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${path.join(dir, "articles", "shanxidayuan-4597.md")}\n`);
    expect(r.stderr).toContain("  date       2022-10-22   ← the capture's header line");
    expect(r.stderr).toContain("  publisher  山西大院网   ← --publisher");
    expect(r.stderr).toContain("  end        版权声明 (and the 12 lines after it)");
    expect(r.stderr).toContain("region: none found");
  });

  it("--dry-run prints the article and writes nothing; a missing field exits 1 naming its option", () => {
    const dir = folderWithout("xinzhou-sixin-2024");
    const seed = path.resolve("test/import/seeds/000_16872633568450bb.txt");
    const missing = run([seed, "--knowledge", dir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`no url found in ${seed}; give it with --url https://…`);
    const dry = run([seed, "--knowledge", dir, "--url", SIXIN.url, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^---\nid: sxrb-10250344\ntitle: 山西忻州:以务实作为促动“四新”成势\n/);
    expect(dry.stdout).toContain("\n## 优化产业体系 壮大经济新优势\n");
    expect(articleFiles(dir)).toEqual(["taixin-competitiveness-2022.md"]);
  });

  it("fetches a link to an internal address, as the operator asked, and says so", async () => {
    const dir = folderWithout("xinzhou-sixin-2024");
    // Not spawnSync: the page server runs in this process and must answer meanwhile.
    const args = ["run", "--silent", "kb:import", "--", `${base}/sixin.html`, "--knowledge", dir, "--dry-run"];
    const child = spawn("npm", args);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toContain("note: 127.0.0.1 is at an internal address (127.0.0.1); kb:import fetches it");
    expect(code).toBe(0);
    expect(stdout).toContain("id: 127-0-0-1-sixin");
  });
});
