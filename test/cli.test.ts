/** The command-line tools, run as a person runs them: npm scripts in a child process. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { article, GOOD, knowledgeDir, removeKnowledgeDirs, SHIPPED } from "./helpers/knowledge.js";

afterAll(removeKnowledgeDirs);

function npm(args: string[], input = "", env: Record<string, string> = {}) {
  const r = spawnSync("npm", ["run", "--silent", ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, BOT_TOKEN: "", ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run ask", () => {
  it("answers one question as plain text", () => {
    const r = npm(["ask", "--", "忻州市长是谁"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("李建国");
    expect(r.stdout).toContain("https://theory.sxrb.com/BIG5/319829/10250344.html");
  });

  it("answers standard input one JSON object a line, in order", () => {
    const questions = ["忻州新能源装机有多少？", "今天天气怎么样？", "", "太忻一体化经济区国土面积占全省多少？"];
    const r = npm(["ask", "--", "--json"], questions.join("\n") + "\n");
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual(questions);
    expect(lines.map((l) => l.answered)).toEqual([true, false, false, true]);
    for (const l of lines)
      expect(Object.keys(l)).toEqual(
        expect.arrayContaining(["question", "answered", "answer", "text", "citations", "facts"]),
      );
  });
});

describe("npm run kb:check", () => {
  it("summarizes valid knowledge and exits 0", () => {
    const r = npm(["kb:check", "--", "--knowledge", SHIPPED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 articles, \d+ paragraphs, \d+ sentences, \d+ facts, \d+ glossary entries/);
  });

  it("prints every problem as file:line: message and exits 1", () => {
    const dir = knowledgeDir({
      "articles/a.md": article({ ...GOOD, date: "2024-02-30" }),
      "articles/b.md": article({ ...GOOD, url: "example.org" }),
    });
    const r = npm(["kb:check", "--", "--knowledge", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${dir}/articles/a.md:4: date "2024-02-30" is not a date (YYYY-MM-DD)`);
    expect(r.stderr).toContain(`${dir}/articles/b.md:5: url "example.org" is not an http(s) link`);
  });
});

/** An article whose front matter's aliases expand to 9^6 strings ("billion laughs"). */
function aliasBomb(): string {
  const lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i <= 6; i++)
    lines.push(
      `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(", ")}]`,
    );
  return article({ ...GOOD, ...Object.fromEntries(lines.map((l) => l.split(/: (.*)/s).slice(0, 2))) });
}

describe("the tools on a folder or a page they cannot read", () => {
  const noTrace = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

  it("an alias bomb in an article: ask, kb:check and eval print its file:line and exit 1", () => {
    const dir = knowledgeDir({ "articles/bomb.md": aliasBomb() }, SHIPPED);
    const knowledge = ["--", "--knowledge", dir];
    const commands = [
      ["ask", ...knowledge, "忻州市长是谁"],
      ["kb:check", ...knowledge],
      ["eval", ...knowledge],
    ];
    for (const args of commands) {
      const r = npm(args);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`${dir}/articles/bomb\\.md:\\d+: YAML: its aliases expand to too much`));
      noTrace(r.stderr);
    }
    // Three tools, each starting node and tsx: slow on a busy machine.
  }, 180_000);

  it("a file where the facts folder should be: kb:check says so on one line and exits 1", () => {
    const dir = knowledgeDir({ "articles/a.md": article(GOOD), facts: "not a folder" });
    const r = npm(["kb:check", "--", "--knowledge", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${dir}/facts:1: this is a file, where a folder should be`);
    noTrace(r.stderr);
  });

  it("a page nested 20,000 levels deep: kb:import refuses it on one line and exits 1", () => {
    const depth = 20_000;
    const inside = `<p>忻州市今年接待游客100万人次。</p>`;
    const body = `${"<div>".repeat(depth)}${inside}${"</div>".repeat(depth)}`;
    const page = `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;
    const dir = knowledgeDir({ "deep.html": page });
    const knowledge = knowledgeDir({}, SHIPPED);
    const r = npm(["kb:import", "--", path.join(dir, "deep.html"), "--knowledge", knowledge, "--dry-run"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/deep\.html: the page's markup is nested \d+ levels deep/);
    noTrace(r.stderr);
  });
});

describe("npm start without a token", () => {
  it("says Telegram is off and answers standard input from the shipped knowledge", () => {
    const r = npm(["start"], "忻州接待游客多少人次\n");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Telegram is off");
    expect(r.stdout).toContain("2387.2万人次");
  });
});
