/** pino, made by a function: JSON lines in production, readable lines in a terminal. */
import { fstatSync } from "node:fs";
import { createRequire } from "node:module";
import pino, { type Logger } from "pino";
import { BOT_TOKEN_SHAPE } from "./config.js";

export type { Logger };

export function createLogger(options: {
  level: string;
  pretty?: boolean;
  destination?: pino.DestinationStream;
}): Logger {
  const base: pino.LoggerOptions = {
    level: options.level,
    // A token can only reach a log through a URL or an error; both are scrubbed here.
    redact: {
      paths: ["token", "botToken", "config.botToken", "*.token", "config.redis.url", "redis.url"],
      censor: "[secret]",
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map(scrubTokens) as Parameters<typeof method>);
      },
    },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty && prettyAvailable()) {
    return pino({ ...base, transport: { target: "pino-pretty", options: { destination: 2, ignore: "pid,hostname" } } });
  }
  return pino(base, isPipe(2) ? pipeDestination(process.stderr) : pino.destination(2));
}

/** Writes held for a reader that does not read, past which lines are dropped (and counted). */
const MAX_HELD_BYTES = 4 * 1024 * 1024;

/**
 * Logs into a pipe (a container runtime's, a log shipper's) that never stop the bot. A write to a pipe
 * nobody reads waits: pino's own destination writes from a thread of the pool, which exit then waits for,
 * and flushes synchronously at exit, so that the bot handles neither SIGTERM nor SIGINT and only SIGKILL
 * ends it. Here the pipe is written through node's stream for it, which queues what the pipe cannot take;
 * lines are held while the reader is slow, dropped past a bound (and counted), and left behind at exit. A
 * reader that is gone (EPIPE) ends the logs, not the bot.
 */
function pipeDestination(stream: NodeJS.WriteStream): pino.DestinationStream & { flush(cb: () => void): void } {
  let gone = false;
  let dropped = 0;
  const waiting: (() => void)[] = [];
  const settle = () => {
    if (gone || !stream.writableLength) for (const f of waiting.splice(0)) f();
  };
  stream.on("error", () => {
    gone = true;
    settle();
  });
  stream.on("drain", () => {
    if (!dropped || gone) return;
    const msg = "log lines dropped: the reader of the logs was not reading";
    stream.write(`${JSON.stringify({ level: 40, time: Date.now(), dropped, msg })}\n`, settle);
    dropped = 0;
  });
  return {
    write(line: string) {
      if (gone) return;
      if (stream.writableLength > MAX_HELD_BYTES) dropped++;
      else stream.write(line, settle);
    },
    flush(cb) {
      waiting.push(() => cb());
      settle();
    },
  };
}

function isPipe(fd: number): boolean {
  try {
    const s = fstatSync(fd);
    return s.isFIFO() || s.isSocket();
  } catch {
    return false;
  }
}

const TOKEN = new RegExp(BOT_TOKEN_SHAPE.source, "g");

/**
 * Replaces anything shaped like a bot token, wherever it hides in a log argument (errors and nested objects
 * too), and leaves out the payload of a failed Bot API call (grammY's GrammyError): it holds the chat's id
 * and the text sent, which quotes what the user asked.
 */
export function scrubTokens(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.replace(TOKEN, "[secret]");
  if (depth > 5 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) {
    const copy = new Error(scrubTokens(value.message) as string);
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : (scrubTokens(value.stack) as string);
    const botApiCall = "method" in value && "error_code" in value;
    for (const [k, v] of Object.entries(value)) {
      if (botApiCall && k === "payload") continue;
      (copy as unknown as Record<string, unknown>)[k] = scrubTokens(v, depth + 1);
    }
    return copy;
  }
  if (Array.isArray(value)) return value.map((v) => scrubTokens(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubTokens(v, depth + 1)]));
}

/** pino-pretty is a development dependency: a production image logs JSON even on a terminal. */
function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve("pino-pretty");
    return true;
  } catch {
    return false;
  }
}

/** Resolves once the log lines written so far are out, or after `ms` (a reader that does not read). */
export function flushLogs(logger: Logger, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    logger.flush(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
