/** The command-line tools, run as a person runs them: npm scripts in a child process. */
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { GOOD, SHIPPED, article, knowledgeDir, removeKnowledgeDirs } from "./helpers/knowledge.js";

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
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual(questions);
    expect(lines.map((l) => l.answered)).toEqual([true, false, false, true]);
    for (const l of lines) expect(Object.keys(l)).toEqual(expect.arrayContaining(["question", "answered", "answer", "text", "citations", "facts"]));
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

describe("npm start without a token", () => {
  it("says Telegram is off and answers standard input from the shipped knowledge", () => {
    const r = npm(["start"], "忻州接待游客多少人次\n");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Telegram is off");
    expect(r.stdout).toContain("2387.2万人次");
  });
});
