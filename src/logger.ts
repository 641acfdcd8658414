/** pino, made by a function: JSON lines in production, readable lines in a terminal. */
import { createRequire } from "node:module";
import pino, { type Logger } from "pino";

export type { Logger };

export function createLogger(options: { level: string; pretty?: boolean; destination?: pino.DestinationStream }): Logger {
  const base: pino.LoggerOptions = {
    level: options.level,
    // A token can only reach a log through a URL or an error; both are scrubbed here.
    redact: { paths: ["token", "botToken", "config.botToken", "*.token"], censor: "[secret]" },
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
  return pino(base, pino.destination(2));
}

const TOKEN = /\b\d{5,}:[A-Za-z0-9_-]{30,}\b/g;

/** Replaces anything shaped like a bot token, wherever it hides in a log argument. */
export function scrubTokens(value: unknown): unknown {
  if (typeof value === "string") return value.replace(TOKEN, "[secret]");
  if (value instanceof Error) {
    const copy = new Error(scrubTokens(value.message) as string);
    copy.name = value.name;
    copy.stack = value.stack ? (scrubTokens(value.stack) as string) : undefined;
    return copy;
  }
  if (value && typeof value === "object") {
    try {
      const json = JSON.stringify(value);
      if (json && TOKEN.test(json)) {
        TOKEN.lastIndex = 0;
        return JSON.parse(json.replace(TOKEN, "[secret]"));
      }
    } catch {
      /* circular: leave it to pino's own serializer */
    }
    TOKEN.lastIndex = 0;
  }
  return value;
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
