/**
 * The bot's node flags (see the README's Design section) are written in three places: npm start and npm
 * run dev, the Dockerfile, and the benchmark that measures with them. A flag changed in one is changed in all.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BOT_FLAGS } from "../src/bench/run.js";

describe("the bot's node flags", () => {
  const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;

  it("are the ones npm start, npm run dev and the Docker image run with", () => {
    expect(scripts.start).toBe(`node ${BOT_FLAGS.join(" ")} dist/main.js`);
    expect(scripts.dev).toBe(`node ${BOT_FLAGS.join(" ")} --import tsx src/main.ts`);
    const cmd = readFileSync("Dockerfile", "utf8").match(/^CMD (.*)$/m)?.[1];
    expect(cmd && JSON.parse(cmd)).toEqual(["node", ...BOT_FLAGS, "dist/main.js"]);
  });

  it("are the ones the README says the Docker image runs", () => {
    const docker = readFileSync("README.md", "utf8").split("\n## Docker")[1]!.split("\n## ")[0]!;
    expect(docker.replace(/\s+/g, " ")).toContain(`\`node ${BOT_FLAGS.join(" ")} dist/main.js\``);
  });

  it("are accepted by this node", () => {
    const r = spawnSync(process.execPath, [...BOT_FLAGS, "-e", "process.stdout.write('ok')"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("ok");
  });
});
