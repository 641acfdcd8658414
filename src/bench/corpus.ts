/**
 * A deterministic synthetic corpus for the benchmark: the shipped articles plus Chinese news-like
 * sentences whose words are drawn at their real frequencies from jieba's dictionary (shipped in the
 * jieba-js package), with figures, units, places and dates mixed in. Same seed, same corpus.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const PASSAGES_PER_ARTICLE = 100;
const SENTENCES_PER_PARAGRAPH = 4;

/** mulberry32: small, fast and the same everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Vocabulary {
  nouns: Sampler;
  verbs: Sampler;
  places: Sampler;
  adjectives: Sampler;
}

interface Sampler {
  words: string[];
  cumulative: Float64Array;
}

function sampler(entries: [string, number][]): Sampler {
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  for (const [i, [, f]] of entries.entries()) {
    total += f;
    cumulative[i] = total;
  }
  return { words: entries.map(([w]) => w), cumulative };
}

function draw(s: Sampler, rnd: () => number): string {
  const x = rnd() * s.cumulative[s.cumulative.length - 1]!;
  let lo = 0;
  let hi = s.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return s.words[lo]!;
}

/** Words of jieba's dictionary by part of speech, simplified-looking Han words only, with their frequencies. */
export function loadVocabulary(): Vocabulary {
  const file = createRequire(import.meta.url).resolve("jieba-js/dict/dict.txt.big");
  const by: Record<string, [string, number][]> = { n: [], v: [], ns: [], a: [] };
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const [word, freq, pos] = line.trim().split(" ");
    if (!word || !freq || !pos || !/^\p{Script=Han}{2,4}$/u.test(word)) continue;
    const f = Number(freq);
    if (f < 50) continue;
    const key =
      pos === "ns"
        ? "ns"
        : pos.startsWith("n") && pos !== "nr"
          ? "n"
          : pos.startsWith("v")
            ? "v"
            : pos === "a"
              ? "a"
              : undefined;
    if (key) by[key]!.push([word, f]);
  }
  return { nouns: sampler(by.n!), verbs: sampler(by.v!), places: sampler(by.ns!), adjectives: sampler(by.a!) };
}

const UNITS = "万千瓦 亿元 万元 万亩 万人次 万吨 个 家 项 % 公里 户".split(" ");
const LOCAL = [
  "忻州市",
  "原平市",
  "定襄县",
  "五台县",
  "代县",
  "繁峙县",
  "宁武县",
  "静乐县",
  "河曲县",
  "保德县",
  "偏关县",
  "太忻一体化经济区",
];

function figure(rnd: () => number): string {
  const unit = UNITS[Math.floor(rnd() * UNITS.length)]!;
  const value = unit === "%" ? (rnd() * 60).toFixed(1) : String(Math.floor(rnd() * 9999) + 1);
  return `${value}${unit}`;
}

/** A year, the end of a month in it, or this year's first three quarters. */
function period(year: number, rnd: () => number): string {
  if (rnd() < 0.5) return `${year}年`;
  if (rnd() < 0.5) return `截至${year}年${1 + Math.floor(rnd() * 12)}月底`;
  return "今年前三季度";
}

function sentence(v: Vocabulary, rnd: () => number): string {
  const year = 2018 + Math.floor(rnd() * 8);
  const time = period(year, rnd);
  const place = rnd() < 0.6 ? LOCAL[Math.floor(rnd() * LOCAL.length)]! : draw(v.places, rnd);
  const subject = draw(v.nouns, rnd) + draw(v.nouns, rnd);
  const clauses = [
    `${time},${place}${subject}${draw(v.verbs, rnd)}${figure(rnd)}`,
    rnd() < 0.5
      ? `同比增长${(rnd() * 20).toFixed(1)}%`
      : `${draw(v.adjectives, rnd)}${draw(v.nouns, rnd)}${draw(v.verbs, rnd)}${draw(v.nouns, rnd)}`,
    rnd() < 0.3
      ? `排名全省第${"一二三四五六七八九十"[Math.floor(rnd() * 10)]}`
      : `${draw(v.verbs, rnd)}${draw(v.nouns, rnd)}${draw(v.nouns, rnd)}`,
  ];
  return `${clauses.join(",")}。`;
}

/**
 * A knowledge folder of `passages` sentences: the shipped articles and synthetic ones of 100 passages
 * each. Written once under `root` and reused while its marker says it is complete.
 */
export function ensureCorpus(root: string, passages: number, shipped: string, seed = 20241120): string {
  const dir = path.join(root, `corpus-${passages}-${seed}`);
  const marker = path.join(dir, ".complete");
  if (existsSync(marker)) return dir;
  mkdirSync(path.join(dir, "articles"), { recursive: true });
  cpSync(shipped, dir, { recursive: true });
  const sentencesIn = (f: string) =>
    readFileSync(path.join(shipped, "articles", f), "utf8").match(/[。！？]/g)?.length ?? 0;
  const shippedPassages = readdirSync(path.join(shipped, "articles"))
    .filter((f) => f.endsWith(".md"))
    .reduce((n, f) => n + sentencesIn(f), 0);
  const v = loadVocabulary();
  const rnd = random(seed);
  const articles = Math.max(0, Math.ceil((passages - shippedPassages) / PASSAGES_PER_ARTICLE));
  for (let a = 0; a < articles; a++) {
    const paragraphs: string[] = [];
    for (let p = 0; p < PASSAGES_PER_ARTICLE / SENTENCES_PER_PARAGRAPH; p++) {
      paragraphs.push(Array.from({ length: SENTENCES_PER_PARAGRAPH }, () => sentence(v, rnd)).join(""));
    }
    const day = String(1 + (a % 28)).padStart(2, "0");
    const month = String(1 + (a % 12)).padStart(2, "0");
    writeFileSync(
      path.join(dir, "articles", `synthetic-${String(a).padStart(5, "0")}.md`),
      `---\ntitle: 合成测试文章${a}\npublisher: 基准测试（合成数据）\ndate: 2024-${month}-${day}\n` +
        `url: https://example.org/bench/${a}\nregion: ${LOCAL[a % LOCAL.length]}\n---\n\n${paragraphs.join("\n\n")}\n`,
    );
  }
  writeFileSync(marker, "");
  return dir;
}

/** Questions for the timing mix: keyword questions about the synthetic corpus, same seed, same questions. */
export function syntheticQuestions(count: number, seed = 7): string[] {
  const v = loadVocabulary();
  const rnd = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const place = LOCAL[i % LOCAL.length]!;
    const noun = draw(v.nouns, rnd) + draw(v.nouns, rnd);
    const ask = ["是多少？", "增长了多少？", "排名第几？", "有多少？"][i % 4];
    return `${2018 + (i % 8)}年${place}${noun}${ask}`;
  });
}
