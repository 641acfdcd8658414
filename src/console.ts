/** The console chat: questions from standard input, replies to standard output. */

import { createInterface } from "node:readline";
import type { Answer } from "./engine/index.js";
import type { AnsweringEngine } from "./live.js";
import { toPlainText } from "./render/plain.js";
import { directAnswer } from "./render/words.js";

/** The JSON answer question sets are judged on (test/eval/README.md): the engine's answer with its plain `text`. */
export function answerJson(answer: Answer) {
  return { ...answer, answer: directAnswer(answer), text: toPlainText(answer) };
}

/**
 * Reads questions a line at a time. On a terminal it prompts and prints whole replies; otherwise it
 * prints one reply (or one JSON object) a line, in order, and returns when the input ends.
 */
export async function runConsole(
  engine: Pick<AnsweringEngine, "ask" | "summary" | "examples">,
  options: {
    input: NodeJS.ReadableStream & { isTTY?: boolean };
    output: NodeJS.WritableStream;
    json?: boolean;
    now?: () => Date;
  },
): Promise<void> {
  const interactive = Boolean(options.input.isTTY) && !options.json;
  const now = options.now ?? (() => new Date());
  const rl = createInterface({ input: options.input, terminal: false, crlfDelay: Infinity });
  const prompt = () => interactive && options.output.write("问> ");
  if (interactive) {
    options.output.write(
      `知识库：${engine.summary.articles.length} 篇文章，${engine.summary.facts.length} 条数据。` +
        `试试：${engine.examples[0] ?? ""}\n`,
    );
    prompt();
  }
  for await (const line of rl) {
    const reply = answerJson(await engine.ask(line, now()));
    if (options.json) options.output.write(`${JSON.stringify(reply)}\n`);
    else if (interactive) options.output.write(`${reply.text}\n\n`);
    else options.output.write(`${reply.text.replace(/\n+/g, " | ")}\n`);
    prompt();
  }
}
