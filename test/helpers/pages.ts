/**
 * Web pages made around an article's text, the way Chinese news sites and WeChat lay them out:
 * menus, share bars, images with captions, editor lines, "相关阅读", comment boxes and footers.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArticle } from "../../src/knowledge/article.js";
import type { Article } from "../../src/model/knowledge.js";

export function shippedArticle(id: string): Article {
  const file = path.resolve("knowledge/articles", `${id}.md`);
  const parsed = parseArticle(file, readFileSync(file, "utf8"), id);
  if (!parsed.article) throw new Error(`cannot read ${file}`);
  return parsed.article;
}

const esc = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A provincial news site: menu, breadcrumb, headline, info line, article, editor, share, related, comments, footer. */
export function newsSitePage(
  article: Article,
  options: { charset?: string | null; meta?: string; info?: string; caption?: boolean } = {},
): string {
  const { charset = "utf-8", meta = "", caption = true } = options;
  const info =
    options.info ?? `${article.date} 08:30:00 来源：${article.publisher} 作者：${article.author ?? "本报记者"}`;
  const body: string[] = [];
  article.paragraphs.forEach((p, i) => {
    if (p.heading) body.push(`<p style="text-align:center"><strong>${esc(p.text)}</strong></p>`);
    else body.push(`<p>\n　　${esc(p.text)}\n</p>`);
    if (i === 1 && caption) {
      body.push(`<p style="text-align:center"><img src="/img/1.jpg" alt=""></p>`);
      body.push(`<p style="text-align:center">该公司电池生产车间内,工人正在搬运生产资料。冯晓磊 摄</p>`);
    }
  });
  return `<!DOCTYPE html>
<html>
<head>
${charset ? `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">` : ""}
<title>${esc(article.title)}_要闻_山西新闻网</title>
${meta}
<style>.nav{color:red}</style>
<script>var _hmt = _hmt || [];</script>
</head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/news">新闻</a> | <a href="/econ">经济</a> | <a href="/about">关于我们</a></div>
<div class="nav"><ul><li><a href="/1">时政</a></li><li><a href="/2">经济</a></li><li><a href="/3">社会</a></li><li><a href="/4">文旅</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/news">要闻</a> &gt; 正文</div>
<div class="main">
  <div class="article">
    <h1>${esc(article.title)}</h1>
    <div class="info">${esc(info)}</div>
    <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
    <div class="content" id="article-content">
${body.join("\n")}
<p>责任编辑：王五</p>
    </div>
    <div class="share-bottom"><a href="#">【打印】</a> <a href="#">【关闭】</a></div>
    <div class="related">
      <h3>相关阅读</h3>
      <ul>
        <li><a href="/a/1.html">山西太原:食品安全抽检,九成以上合格!</a></li>
        <li><a href="/a/2.html">今日《山西经济日报》速览【2024年11月20日】</a></li>
      </ul>
    </div>
    <div class="comment"><h3>网友评论</h3><form><textarea></textarea><input type="submit" value="发表"></form></div>
  </div>
  <div class="sidebar"><h3>热门文章</h3><ul><li><a href="/b/1.html">忻州市召开经济工作会议</a></li><li><a href="/b/2.html">太原新能源产业再上新台阶</a></li></ul></div>
</div>
<div class="footer">
  <p>版权所有 © 山西新闻网 未经授权禁止转载、摘编、复制或建立镜像</p>
  <p>晋ICP备12345678号</p>
</div>
</body>
</html>`;
}

/** A WeChat article page: the text hidden until the page's script shows it; sections numbered 01, 02 … */
export function wechatPage(article: Article, account: string, unixTime: number): string {
  const body: string[] = [
    `<section><p style="text-align:center"><span>公众号转载${esc(account)}稿件，须申请授权。</span></p></section>`,
  ];
  let section = 0;
  article.paragraphs.forEach((p, i) => {
    if (p.heading) {
      section++;
      const [first, ...rest] = p.text.split(" ");
      body.push(
        `<section><section><p><strong><span style="font-size: 24px;">0${section}</span></strong></p></section>`,
      );
      body.push(
        `<section><p><span style="color:#0052ff">${esc(first!)}</span></p>${rest.map((r) => `<p><span>${esc(r)}</span></p>`).join("")}</section></section>`,
      );
    } else {
      body.push(`<p style="text-indent: 2em;"><span style="font-size: 15px;">${esc(p.text)}</span></p>`);
    }
    if (i === 1) {
      body.push(
        `<section style="text-align:center"><img data-src="https://mmbiz.qpic.cn/x.jpg" class="rich_pages wxw-img"></section>`,
      );
      body.push(
        `<p style="text-align:center"><span style="font-size:12px;color:#888">该公司电池生产车间内,工人正在搬运生产资料。冯晓磊 摄</span></p>`,
      );
    }
  });
  body.push(`<p style="text-align:right"><span>${esc(account)}全媒体记者 ${esc(article.author ?? "")}</span></p>`);
  body.push(`<p><span>责编:牛迪凡  校对:张翠萍  审核:翟步庭</span></p>`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta property="og:title" content="${esc(article.title)}">
<meta property="og:site_name" content="微信公众平台">
<meta property="og:type" content="article">
<meta property="og:url" content="http://mp.weixin.qq.com/s/Ab3dEfGhIjKlMnOpQrStUv">
<title>${esc(article.title)}</title>
</head><body id="activity-detail">
<div id="js_article" class="rich_media">
  <div class="rich_media_inner">
    <h1 class="rich_media_title" id="activity-name">${esc(article.title)}</h1>
    <div id="meta_content" class="rich_media_meta_list">
      <span class="rich_media_meta rich_media_meta_text">文摘</span>
      <span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" id="js_name">${esc(account)}</a></span>
      <em id="publish_time" class="rich_media_meta rich_media_meta_text"></em>
    </div>
    <div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;">
${body.join("\n")}
    </div>
    <div class="rich_media_tool"><a id="js_share">分享</a><a id="js_like">赞</a><a id="js_looking">在看</a></div>
  </div>
  <div id="js_related"><div class="related_title">喜欢此内容的人还喜欢</div><ul><li><a href="#">山西太原:食品安全抽检,九成以上合格!</a></li></ul></div>
</div>
<script>var nickname = htmlDecode("${esc(account)}"); var ct = "${unixTime}";</script>
</body></html>`;
}
