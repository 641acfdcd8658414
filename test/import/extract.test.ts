/** The pure core: bytes in, the article (or the reason there is none) out. */
import iconv from "iconv-lite";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { type Extracted, extractArticle } from "../../src/import/extract.js";
import { blocksOf, collapseWhitespace } from "../../src/import/html.js";
import type { Article } from "../../src/model/knowledge.js";
import { newsSitePage, shippedArticle, wechatPage } from "../helpers/pages.js";

const SIXIN = shippedArticle("xinzhou-sixin-2024");
const TAIXIN = shippedArticle("taixin-competitiveness-2022");

function extract(content: string | Uint8Array, contentType?: string, baseUrl?: string): Extracted {
  const result = extractArticle({
    bytes: typeof content === "string" ? Buffer.from(content) : content,
    ...(contentType ? { contentType } : {}),
    ...(baseUrl ? { baseUrl } : {}),
  });
  if (!result.ok) throw new Error(result.reason);
  return result.article;
}

function reason(content: string | Uint8Array, contentType?: string): string {
  const result = extractArticle({
    bytes: typeof content === "string" ? Buffer.from(content) : content,
    ...(contentType ? { contentType } : {}),
  });
  if (result.ok) throw new Error("an article was found");
  return result.reason;
}

const textOf = (paragraphs: readonly { heading: boolean; text: string }[]) =>
  paragraphs.map((p) => (p.heading ? `## ${p.text}` : p.text));
const values = (x: Extracted) => Object.fromEntries(Object.entries(x.found).map(([k, f]) => [k, f.value]));
const expectBodyOf = (x: Extracted, article: Article) =>
  expect(textOf(x.paragraphs)).toEqual(textOf(article.paragraphs));

describe("an HTML page of a news site", () => {
  const page = extract(newsSitePage(SIXIN), "text/html; charset=utf-8", "https://www.sxgov.example/a/1.html");

  it("gives the article's text exactly, headings in their places, and none of the menus, share bar, related list, comments or footer", () => {
    expectBodyOf(page, SIXIN);
    const all = page.paragraphs.map((p) => p.text).join("\n");
    for (const furniture of ["首页", "分享到", "相关阅读", "食品安全抽检", "网友评论", "热门文章", "版权所有", "ICP"])
      expect(all).not.toContain(furniture);
  });

  it("finds title, publisher, date and author on the page, and says where", () => {
    expect(values(page)).toEqual({
      title: SIXIN.title,
      publisher: "山西经济日报",
      date: "2024-11-20",
      author: "畅雪",
      url: "https://www.sxgov.example/a/1.html",
    });
    expect(page.found.title?.from).toBe("the <h1> headline, which <title> starts with");
    expect(page.found.date?.from).toContain("the line under the headline");
  });

  it("counts the image, leaves out its caption and the editor line, and lists them", () => {
    expect(page.figures).toBe(1);
    expect(page.dropped).toEqual([
      { kind: "caption", text: "该公司电池生产车间内,工人正在搬运生产资料。冯晓磊 摄" },
      { kind: "editor", text: "责任编辑：王五" },
    ]);
  });

  it("says when the site and the article's 来源 disagree on the publisher", () => {
    expect(page.unsure).toContainEqual(expect.stringMatching(/^publisher: took "山西经济日报" .*"山西新闻网"/));
  });
});

describe("a WeChat article page", () => {
  const page = extract(wechatPage(SIXIN, "山西经济日报", 1732080360), "text/html");

  it("reads the text the page hides until its script runs, and joins the numbered section titles", () => {
    expectBodyOf(page, SIXIN);
  });

  it("takes the date from the page's time, in China, and the publisher from the byline, not 微信公众平台", () => {
    // 1732080360 is 2024-11-20 05:26 UTC, 13:26 in China.
    expect(values(page)).toMatchObject({
      title: SIXIN.title,
      publisher: "山西经济日报",
      date: "2024-11-20",
      author: "畅雪",
    });
    expect(page.found.url?.value).toBe("http://mp.weixin.qq.com/s/Ab3dEfGhIjKlMnOpQrStUv");
  });

  it("leaves out the reprint notice, the photo caption, the reporter's line and the editors", () => {
    expect(page.dropped.map((d) => d.kind)).toEqual(["notice", "caption", "byline", "editor"]);
  });
});

describe("other layouts", () => {
  const nav = `<div class="nav"><a href="/">首页</a> <a href="/a">新闻</a> <a href="/b">政务</a></div>`;

  it("a two-sentence brief is an article, its header line the date and 来源", () => {
    const html = `<html><head><title>忻州召开会议_忻州新闻网</title></head><body>${nav}<h1>忻州召开会议</h1>
      <div class="info">发布时间：2024年11月20日 来源：忻州日报</div>
      <div class="content"><p>11月19日，忻州市召开经济运行分析会。</p><p>会议指出，前三季度全市地区生产总值增长5.1%。</p></div>
      <div class="footer">版权所有：忻州新闻网</div></body></html>`;
    const x = extract(html, "text/html");
    expect(values(x)).toEqual({ title: "忻州召开会议", publisher: "忻州日报", date: "2024-11-20" });
    expect(textOf(x.paragraphs)).toEqual([
      "11月19日，忻州市召开经济运行分析会。",
      "会议指出，前三季度全市地区生产总值增长5.1%。",
    ]);
  });

  it("an old site laid out in a table, paragraphs split by <br> and indented with &nbsp;", () => {
    const html = `<html><head><meta charset="utf-8"><title>忻州市前三季度经济运行情况</title></head><body><table>
      <tr><td>${nav}</td></tr><tr><td class="title"><b>忻州市前三季度经济运行情况</b></td></tr>
      <tr><td>2024-10-28　　来源：市统计局　　浏览次数：1234</td></tr>
      <tr><td class="content">&nbsp;&nbsp;&nbsp;&nbsp;前三季度，全市地区生产总值完成1234.5亿元，同比增长5.1%。<br><br>&nbsp;&nbsp;&nbsp;&nbsp;分产业看，第一产业增加值完成100亿元，增长3.6%。<br><br>
      &nbsp;&nbsp;&nbsp;&nbsp;一、工业生产稳中有进<br><br>&nbsp;&nbsp;&nbsp;&nbsp;前三季度，全市规模以上工业增加值同比增长6.5%，高于全省平均水平2个百分点。</td></tr>
      <tr><td>【打印本页】【关闭窗口】</td></tr><tr><td>主办：忻州市人民政府办公室 晋ICP备05001234号</td></tr></table></body></html>`;
    const x = extract(html, "text/html");
    expect(values(x)).toEqual({ title: "忻州市前三季度经济运行情况", publisher: "市统计局", date: "2024-10-28" });
    expect(textOf(x.paragraphs)).toEqual([
      "前三季度，全市地区生产总值完成1234.5亿元，同比增长5.1%。",
      "分产业看，第一产业增加值完成100亿元，增长3.6%。",
      "## 一、工业生产稳中有进",
      "前三季度，全市规模以上工业增加值同比增长6.5%，高于全省平均水平2个百分点。",
    ]);
  });

  it("an English article is written as English", () => {
    const html = `<html lang="en"><head><meta property="og:title" content="Xinzhou's economy grows 5.1%"><meta property="og:site_name" content="China Daily">
      <meta property="article:published_time" content="2024-10-28T09:00:00+08:00"></head><body>${nav}<article><h1>Xinzhou's economy grows 5.1%</h1>
      <p>Xinzhou, a city in North China's Shanxi province, saw its GDP grow 5.1 percent year-on-year in the first three quarters.</p>
      <p>The city's installed renewable capacity exceeded 12 gigawatts, ranking first in the province.</p><p>Share this story</p></article></body></html>`;
    const x = extract(html, "text/html");
    expect(x.lang).toBe("en");
    expect(values(x)).toEqual({ title: "Xinzhou's economy grows 5.1%", publisher: "China Daily", date: "2024-10-28" });
    expect(x.paragraphs).toHaveLength(2);
  });
});

describe("metadata", () => {
  const body = TAIXIN.paragraphs.map((p) => `<p>${p.text}</p>`).join("\n");

  it("comes from JSON-LD first, a UTC time taken as the date in China", () => {
    const ld = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebSite", name: "不是这个" },
        {
          "@type": ["NewsArticle"],
          headline: "增强区域经济竞争力",
          datePublished: "2022-10-21T17:30:00Z",
          publisher: { "@type": "Organization", name: "山西大院网" },
          author: [{ "@type": "Person", name: "张三" }],
          mainEntityOfPage: { "@id": "http://www.shanxidayuan.com/gsyl/jinzhong/4597.html" },
        },
      ],
    };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script><meta property="og:site_name" content="大院网"></head><body><article>${body}</article></body></html>`;
    const page = extract(html, "text/html");
    expect(values(page)).toEqual({
      title: "增强区域经济竞争力",
      publisher: "山西大院网",
      date: "2022-10-22",
      author: "张三",
      url: "http://www.shanxidayuan.com/gsyl/jinzhong/4597.html",
    });
    expect(page.found.date?.from).toBe("JSON-LD datePublished");
    // The headings, plain <p>s here, are read as headings for being short lines that end no sentence.
    expectBodyOf(page, TAIXIN);
  });

  it("comes from og: and article: tags, <time> and a canonical link resolved against the page's address", () => {
    const html = `<html lang="zh-CN"><head>
      <meta property="og:title" content="增强区域经济竞争力 集聚高质量发展新动能">
      <meta property="og:site_name" content="山西大院网">
      <meta property="article:published_time" content="2022-10-22T10:00:59+08:00">
      <link rel="canonical" href="/gsyl/jinzhong/4597.html">
    </head><body><article><time datetime="2021-01-01">旧</time>${body}</article></body></html>`;
    const page = extract(html, "text/html", "http://www.shanxidayuan.com/m/4597");
    expect(values(page)).toMatchObject({
      title: "增强区域经济竞争力 集聚高质量发展新动能",
      publisher: "山西大院网",
      date: "2022-10-22",
      url: "http://www.shanxidayuan.com/gsyl/jinzhong/4597.html",
    });
    expect(page.unsure).toContainEqual(
      expect.stringMatching(/^date: took "2022-10-22" from meta article:published_time; <time> says "2021-01-01"/),
    );
  });

  it("drops the site's name that og:title adds to the <h1>, and the <h1> from the text", () => {
    const html = `<html><head><meta property="og:title" content="增强区域经济竞争力 - 山西大院网"></head><body><article><h1>增强区域经济竞争力</h1>${body}</article></body></html>`;
    const x = extract(html, "text/html");
    expect(x.found.title).toEqual({
      value: "增强区域经济竞争力",
      from: 'the <h1> headline (og:title adds "- 山西大院网")',
    });
    expectBodyOf(x, TAIXIN);
  });

  it("reads the Chinese government sites' own tags (ArticleTitle, PubDate, ContentSource)", () => {
    const html = `<html><head><meta name="ArticleTitle" content="忻州市经济运行情况"><meta name="PubDate" content="2024-07-15 09:00">
      <meta name="ContentSource" content="忻州日报"><meta name="SiteName" content="忻州市人民政府"></head><body><div class="content">${body}</div></body></html>`;
    expect(values(extract(html, "text/html"))).toMatchObject({
      title: "忻州市经济运行情况",
      date: "2024-07-15",
      publisher: "忻州日报",
    });
  });
});

describe("charsets", () => {
  const page = newsSitePage(TAIXIN, { charset: null, caption: false, info: "2022-10-22 10:00:59 来源：山西大院网" });
  const gbk = iconv.encode(page, "gbk");

  it("reads a GBK page that names no charset as GBK, and says so", () => {
    const x = extract(gbk, "text/html");
    expectBodyOf(x, TAIXIN);
    expect(x.charset).toBe("gbk");
    expect(x.unsure).toContainEqual(expect.stringContaining("names no charset and is not UTF-8; it reads as GBK"));
  });

  it("reads GB2312 and GBK as declared by <meta> or by the HTTP header", () => {
    const declared = iconv.encode(newsSitePage(TAIXIN, { charset: "gb2312", caption: false }), "gbk");
    expectBodyOf(extract(declared, "text/html"), TAIXIN);
    expect(extract(declared, "text/html").unsure.filter((u) => u.startsWith("charset"))).toEqual([]);
    expectBodyOf(extract(gbk, "text/html; charset=GBK"), TAIXIN);
  });

  it("believes the bytes over a declaration they contradict", () => {
    const x = extract(newsSitePage(TAIXIN, { charset: "gbk", caption: false }), "text/html");
    expectBodyOf(x, TAIXIN);
    expect(x.unsure).toContainEqual("charset: <meta charset> says gbk, but the bytes are UTF-8: read as UTF-8");
  });

  it("refuses text that is neither UTF-8 nor GBK and names no charset", () => {
    const latin1 = Buffer.from(
      `<html><body><p>${"Café crème brûlée, déjà vu à la française. ".repeat(20)}</p></body></html>`,
      "latin1",
    );
    expect(reason(latin1, "text/html")).toBe(
      "it names no charset and is neither UTF-8 nor GBK text (save it as UTF-8, or serve it with its charset)",
    );
  });
});

describe("what is not an article", () => {
  it("a binary file, whatever its name, is refused and named", () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
    expect(reason(png, "text/html")).toBe("it is not a web page or text: it looks like a PNG image");
    expect(reason(Buffer.from([0x3c, 0x68, 0x74, 0x6d, 0x6c, 0x00, 0x01, 0x02]), "text/html")).toBe(
      "it is not a web page or text: it looks like a binary file",
    );
    expect(reason(Buffer.from("%PDF-1.7\n..."), "application/pdf")).toBe(
      "it is application/pdf, not a web page, a page capture or Markdown",
    );
  });

  it("a page of menus and links has no article body", () => {
    const links = Array.from(
      { length: 30 },
      (_, i) => `<li><a href="/a/${i}.html">忻州市第${i}条新闻标题</a></li>`,
    ).join("");
    const html = `<html><head><title>新闻列表_山西新闻网</title></head><body><div class="nav"><a href="/">首页</a></div><ul class="list">${links}</ul><div class="footer">版权所有 © 山西新闻网</div></body></html>`;
    expect(reason(html, "text/html")).toMatch(/^no article body found: the page has no article text/);
  });

  it("an empty page has no article body", () => {
    expect(reason("<html><body></body></html>", "text/html")).toMatch(/^no article body found/);
    expect(reason("", "text/plain")).toMatch(/^no article body found/);
  });
});

describe("page captures", () => {
  it("without a date under the title: no date found, even with dates further down", () => {
    const capture = `忻州市经济运行平稳\n\n${TAIXIN.paragraphs
      .filter((p) => !p.heading)
      .map((p) => p.text)
      .join("\n\n")}\n\n猜您喜欢\n\n另一篇文章\n\n2024-11-20\n`;
    const x = extract(capture, "text/plain");
    expect(x.found.date).toBeUndefined();
    expect(x.found.title?.value).toBe("忻州市经济运行平稳");
    expect(x.unsure).toContainEqual(expect.stringContaining("the capture has no line with a date under its title"));
  });

  it("a .txt that holds an HTML page is read as HTML", () => {
    const x = extract(newsSitePage(SIXIN), "text/plain");
    expectBodyOf(x, SIXIN);
    expect(x.unsure).toContainEqual("format: the text file is an HTML page; it was read as HTML");
  });

  it("says when the text goes on at length after the mark where it was taken to end", () => {
    const more = SIXIN.paragraphs
      .filter((p) => !p.heading)
      .slice(0, 8)
      .map((p) => p.text);
    const capture = `标题\n2024-11-20\n\n${more.slice(0, 4).join("\n")}\n相关阅读\n${more.slice(4).join("\n")}\n`;
    const x = extract(capture, "text/plain");
    expect(x.paragraphs.map((p) => p.text)).toEqual(more.slice(0, 4));
    expect(x.unsure).toContainEqual(expect.stringMatching(/^the text goes on for \d+ characters after "相关阅读"/));
  });
});

describe("Markdown", () => {
  it("takes front matter fields as found, images as figures, and links as their text", () => {
    const md = [
      "---",
      "title: 忻州市经济运行平稳",
      "publisher: 忻州日报",
      "date: 2024-07-15",
      "url: https://www.example.cn/a.html",
      "---",
      "",
      "![图](a.jpg)",
      "",
      "上半年，[忻州市](https://x.example)地区生产总值增长5.2%。",
      "全市规上工业增加值增长**6.1%**。",
      "",
      "## 下一步",
      "",
      "责任编辑：王五",
      "",
      "今年以来，忻州市坚持稳中求进工作总基调，经济运行总体平稳。",
    ].join("\n");
    const x = extract(md, "text/markdown");
    expect(values(x)).toEqual({
      title: "忻州市经济运行平稳",
      publisher: "忻州日报",
      date: "2024-07-15",
      url: "https://www.example.cn/a.html",
    });
    expect(textOf(x.paragraphs)).toEqual([
      "上半年，忻州市地区生产总值增长5.2%。全市规上工业增加值增长6.1%。",
      "## 下一步",
      "今年以来，忻州市坚持稳中求进工作总基调，经济运行总体平稳。",
    ]);
    expect(x.figures).toBe(1);
    expect(x.dropped).toEqual([{ kind: "editor", text: "责任编辑：王五" }]);
  });
});

describe("HTML whitespace", () => {
  it("is one space, but a line break between Chinese characters is none; no-break spaces stay", () => {
    expect(collapseWhitespace("  忻州市\n   新能源 装机\tGW\nTOPCon 4.0\u00a0 光伏  ")).toBe(
      "忻州市新能源 装机 GW TOPCon 4.0\u00a0 光伏",
    );
    expect(collapseWhitespace("“四新”\n成势，\n 二")).toBe("“四新”成势，二");
  });
});

describe("a page nested deeply", () => {
  it("its text blocks are walked without recursion: 20,000 nested elements do not overflow the stack", () => {
    const depth = 20_000;
    const { document } = parseHTML(`<html><body>${"<div>".repeat(depth)}忻州${"</div>".repeat(depth)}</body></html>`);
    expect(blocksOf(document.body as never)).toEqual([{ text: "忻州", kind: "text" }]);
  });

  const wrapped = (page: string, depth: number) =>
    page
      .replace(/<body([^>]*)>/, `<body$1>${"<div>".repeat(depth)}`)
      .replace("</body>", `${"</div>".repeat(depth)}</body>`);

  it("900 levels deep: the article inside is read whole, and the admin is told the wrappers were left out", () => {
    const x = extract(wrapped(newsSitePage(SIXIN), 900), "text/html");
    expectBodyOf(x, SIXIN);
    expect(values(x)).toMatchObject({ title: SIXIN.title, date: SIXIN.date });
    expect(x.unsure.some((u) => /^structure: the page's markup is nested 9\d\d levels deep/.test(u))).toBe(true);
  });

  it("20,000 levels deep: refused before it is parsed, with its depth", () => {
    const bytes = Buffer.from(wrapped(newsSitePage(SIXIN), 20_000));
    const result = extractArticle({ bytes, contentType: "text/html" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(/^the page's markup is nested 200\d\d levels deep \(an article page has at most/);
      expect(result.depth).toBeGreaterThan(20_000);
    }
  });

  it("thousands of paragraphs, list items and table cells left unclosed are siblings, not levels", () => {
    const many = (make: (i: number) => string) => Array.from({ length: 3000 }, (_, i) => make(i + 1)).join("\n");
    const body =
      many((i) => `<p>忻州市第${i}项工程今年完工。`) +
      `<ul>${many((i) => `<li>第${i}项`)}</ul>` +
      `<table>${many((i) => `<tr><td>${i}<td>完工`)}</table>`;
    const page = `<!doctype html><html><head><title>忻州工程</title></head><body><article>${body}</article></body></html>`;
    const x = extract(page, "text/html");
    expect(x.unsure.filter((u) => u.startsWith("structure:"))).toEqual([]);
    expect(x.paragraphs.filter((p) => p.text.includes("项工程今年完工")).length).toBeGreaterThan(2000);
  });
});
