/** The console chat: questions from standard input, replies to standard output. */

import { createInterface } from "node:readline";
import { FRAME_TTL_MS } from "./bot/frames.js";
import type { Answer } from "./engine/index.js";
import { type Previous, previousOf, turnOf } from "./engine/understand/followup.js";
import type { AnsweringEngine } from "./live.js";
import { toPlainText } from "./render/plain.js";
import { directAnswer } from "./render/words.js";

/**
 * The JSON answer question sets are judged on (test/eval/README.md): the engine's answer with its plain `text`,
 * and for a follow-up, `understood`: the whole question it was taken as.
 */
export function answerJson(answer: Answer, understood?: string) {
  return {
    ...answer,
    answer: directAnswer(answer),
    ...(understood ? { understood } : {}),
    text: toPlainText(answer, understood),
  };
}

/** A conversation's last answered question, for the follow-ups after it, for FRAME_TTL_MS. */
export class Conversation {
  private previous: { readonly at: number; readonly previous: Previous } | undefined;

  /** Asks `message`, completed against the last answered question when it is a follow-up. */
  async ask(engine: Pick<AnsweringEngine, "ask">, message: string, now: Date) {
    const kept = this.previous && now.getTime() - this.previous.at < FRAME_TTL_MS ? this.previous.previous : undefined;
    const { question, understood } = turnOf(kept, message);
    const answer = await engine.ask(question, now);
    if (answer.answered) this.previous = { at: now.getTime(), previous: previousOf(question) };
    return answerJson(answer, understood);
  }
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
  const conversation = new Conversation();
  for await (const line of rl) {
    const reply = await conversation.ask(engine, line, now());
    if (options.json) options.output.write(`${JSON.stringify(reply)}\n`);
    else if (interactive) options.output.write(`${reply.text}\n\n`);
    else options.output.write(`${reply.text.replace(/\n+/g, " | ")}\n`);
    prompt();
  }
}
