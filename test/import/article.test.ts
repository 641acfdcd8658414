/** The article file an import writes: read back by the knowledge loader, it is the text that was found. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ArticleFields,
  articleId,
  guessArticleRegion,
  previewArticle,
  renderArticle,
  unwritable,
} from "../../src/import/article.js";
import type { BodyParagraph } from "../../src/import/body.js";
import { parseArticle } from "../../src/knowledge/article.js";

const FIELDS: ArticleFields = {
  id: "sxrb-10250344",
  title: "山西忻州:以务实作为促动“四新”成势",
  publisher: "山西经济日报",
  date: "2024-11-20",
  url: "https://theory.sxrb.com/BIG5/319829/10250344.html",
  lang: "zh",
};

describe("the article file", () => {
  it("reads back, through the knowledge loader, as exactly the paragraphs and headings written", () => {
    const char = fc.constantFrom(..."忻州市新能源装机1200万千瓦,。“”‘’:#-— \u00a0\u3000ABCabc%()（）【】…".split(""));
    const text = fc
      .array(char, { minLength: 1, maxLength: 40 })
      .map((cs) => cs.join("").trim())
      .filter((t) => t.length > 0);
    const paragraph = fc.record({ text, heading: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(paragraph, { minLength: 1, maxLength: 8 }),
        fc.constantFrom<"zh" | "en">("zh", "en"),
        (paragraphs, lang) => {
          fc.pre(paragraphs.some((p) => !p.heading) && !paragraphs.some((p) => p.heading && /^#/.test(p.text)));
          const parsed = parseArticle("a.md", renderArticle({ ...FIELDS, lang }, paragraphs), "a");
          if (unwritable(paragraphs).length) return;
          expect(parsed.problems).toEqual([]);
          expect(parsed.article?.paragraphs.map((p) => ({ text: p.text, heading: p.heading }))).toEqual(paragraphs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("writes the front matter in the order of the format, leaving out what is not known", () => {
    const text = renderArticle({ ...FIELDS, title: "【重点关注】增强: 区域", author: "畅雪" }, [
      { text: "正文。", heading: false },
    ]);
    expect(text).toBe(
      '---\nid: sxrb-10250344\ntitle: "【重点关注】增强: 区域"\npublisher: 山西经济日报\ndate: 2024-11-20\nurl: https://theory.sxrb.com/BIG5/319829/10250344.html\nauthor: 畅雪\nlang: zh\n---\n\n正文。\n',
    );
  });

  it("says which paragraph the format would read as a heading", () => {
    expect(
      unwritable([
        { text: "# 话题 忻州", heading: false },
        { text: "#忻州#", heading: false },
      ]),
    ).toEqual([
      'paragraph 1 starts with "# 话题 忻州", which an article file reads as a heading; import it with --dry-run and edit it by hand',
    ]);
  });
});

describe("article ids", () => {
  const none = new Set<string>();

  it("are the site and the page's name, from the link", () => {
    expect(articleId("https://theory.sxrb.com/BIG5/319829/10250344.html", "", none)).toBe("sxrb-10250344");
    expect(articleId("http://www.shanxidayuan.com/gsyl/jinzhong/4597.html", "", none)).toBe("shanxidayuan-4597");
    expect(articleId("https://www.xinzhou.gov.cn/xzyw/202411/t20241120_123456.shtml", "", none)).toBe(
      "xinzhou-t20241120-123456",
    );
    expect(articleId("http://news.example.com.cn/index.php?id=42", "", none)).toBe("example-42");
  });

  it("are a short hash where the link's name is long or case-sensitive", () => {
    expect(articleId("https://mp.weixin.qq.com/s/Ab3dEfGhIjKlMnOpQrStUv", "", none)).toMatch(/^weixin-[0-9a-f]{8}$/);
    expect(articleId("https://mp.weixin.qq.com/s?__biz=MzA3&mid=2650&idx=1&sn=9f2c", "", none)).toMatch(
      /^weixin-[0-9a-f]{8}$/,
    );
  });

  it("come from an English title or a hash when the link names nothing, and never clash", () => {
    expect(articleId("https://example.org/", "Xinzhou's economy grows 5.2% in H1", none)).toBe(
      "example-xinzhou-s-economy-grows-5-2",
    );
    expect(articleId("https://example.org/", "忻州经济", none)).toMatch(/^example-[0-9a-f]{8}$/);
    expect(articleId("not a link", "Xinzhou's economy grows 5.2% in H1", none)).toBe("xinzhou-s-economy-grows-5-2");
    expect(articleId("not a link", "忻州经济", none)).toMatch(/^article-[0-9a-f]{8}$/);
    expect(
      articleId("http://www.shanxidayuan.com/4597.html", "", new Set(["shanxidayuan-4597", "shanxidayuan-4597-2"])),
    ).toBe("shanxidayuan-4597-3");
  });
});

describe("the region", () => {
  const places = [["太忻一体化经济区", "太忻经济区", "太忻"]];
  const body = (text: string): BodyParagraph[] => [{ text, heading: false }];

  it("is the most specific place the title names", () => {
    expect(guessArticleRegion("山西忻州:以务实作为促动“四新”成势", body("全市上下……"), places)).toEqual({
      region: "忻州市",
      from: "title",
    });
    expect(guessArticleRegion("山西宁武：煤炭转型见成效", body("全省……"), places)?.region).toBe("宁武县");
  });

  it("is the place two counties the title names lie in", () => {
    expect(guessArticleRegion("河曲保德两县联手治理黄河滩", body("……"), places)?.region).toBe("忻州市");
  });

  it("is the lead sentence's place when the title names none", () => {
    const lead = body("近日，繁峙县召开项目推进会。全市……");
    expect(guessArticleRegion("小杂粮做成大产业", lead, places)).toEqual({ region: "繁峙县", from: "lead" });
  });

  it("is not 五台县 for 五台山, and a glossary place when no place of Shanxi is named", () => {
    expect(guessArticleRegion("五台山景区游客创新高", body("景区……"), places)).toBeUndefined();
    expect(guessArticleRegion("太忻经济区项目集中开工", body("太原……"), places)?.region).toBe("太忻一体化经济区");
  });

  it("is none when neither the title nor the lead names a place", () => {
    expect(guessArticleRegion("增强区域经济竞争力", body("要坚持……"), places)).toBeUndefined();
  });
});

describe("the preview", () => {
  it("counts paragraphs, headings and figures, and cuts the first lines", () => {
    const p = previewArticle(
      FIELDS,
      [
        { text: "一".repeat(80), heading: false },
        { text: "小标题", heading: true },
        { text: "二。", heading: false },
      ],
      2,
      { width: 10 },
    );
    expect(p).toEqual({
      ...{ title: FIELDS.title, publisher: FIELDS.publisher, date: FIELDS.date, url: FIELDS.url },
      paragraphs: 2,
      headings: 1,
      figures: 2,
      characters: 82,
      firstLines: [`${"一".repeat(10)}…`, "二。"],
    });
  });
});
