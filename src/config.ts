/** The environment, parsed and checked in one place. Nothing here runs at import time. */
import { hostname } from "node:os";
import { z } from "zod";
import { type InternalAllowance, NOTHING_INTERNAL, parseAllowance } from "./import/address.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const optional = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const url = (name: string) =>
  optional.refine((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), `${name} must be an http(s) URL`);

/** Where the bot's users are: 忻州. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** Whether this node knows the IANA time zone `name`. */
function knownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The shape of a bot token from @BotFather: the bot's id, ':', then its secret. Config accepts only
 * this, and the logger removes anything of this shape, so every token the bot can run with is scrubbed.
 */
export const BOT_TOKEN_SHAPE = /\d+:[\w-]{20,}/;

const schema = z
  .object({
    BOT_TOKEN: optional.refine((v) => v === undefined || new RegExp(`^${BOT_TOKEN_SHAPE.source}$`).test(v), {
      // The value is a secret: the message never repeats it.
      message: "BOT_TOKEN does not look like a token from @BotFather (digits, ':', then 20+ letters)",
    }),
    ADMIN_IDS: optional
      .refine((v) => v === undefined || /^\s*\d+(\s*,\s*\d+)*\s*,?\s*$/.test(v), {
        message: "ADMIN_IDS must be Telegram user ids separated by commas, like 12345,67890",
      })
      .transform((v) =>
        v
          ? v
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean)
              .map(Number)
          : [],
      ),
    KNOWLEDGE_DIR: optional.transform((v) => v ?? "./knowledge"),
    DATA_DIR: optional.transform((v) => v ?? "./data"),
    LOG_LEVEL: optional.pipe(
      z.enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
    ),
    TELEGRAM_API_ROOT: url("TELEGRAM_API_ROOT").transform((v) => (v ?? "https://api.telegram.org").replace(/\/+$/, "")),
    WEBHOOK_URL: url("WEBHOOK_URL").refine(
      (v) => v === undefined || v.startsWith("https://") || /^http:\/\/(127\.|localhost)/.test(v),
      {
        message: "WEBHOOK_URL must be an https URL (Telegram only calls https webhooks)",
      },
    ),
    WEBHOOK_SECRET: optional.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
      message: "WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -",
    }),
    TIME_ZONE: optional
      .refine((v) => v === undefined || knownTimeZone(v), {
        message: "TIME_ZONE must be an IANA time zone, like Asia/Shanghai",
      })
      .transform((v) => v ?? DEFAULT_TIME_ZONE),
    USER_HASH_SECRET: optional.refine((v) => v === undefined || v.length >= 16, {
      message: "USER_HASH_SECRET must be at least 16 characters (or leave it empty: a key is made in DATA_DIR)",
    }),
    REDIS_URL: optional.refine((v) => v === undefined || /^rediss?:\/\/\S+$/.test(v), {
      // The URL may hold a password: the message never repeats it.
      message: "REDIS_URL must be a redis:// or rediss:// URL, like redis://redis:6379",
    }),
    REDIS_PREFIX: optional
      .refine((v) => v === undefined || /^[\w:.-]{1,64}$/.test(v), {
        message: "REDIS_PREFIX must be 1-64 characters of A-Z, a-z, 0-9, _ : . and -",
      })
      .transform((v) => v ?? "xinzhou:"),
    REPLICA_ID: optional.refine((v) => v === undefined || /^[\w.:-]{1,64}$/.test(v), {
      message: "REPLICA_ID must be 1-64 characters of A-Z, a-z, 0-9, _ . : and -",
    }),
    FETCH_ALLOW_HOSTS: optional.transform((v, ctx) => {
      const parsed = parseAllowance(v ?? "");
      if (parsed.ok) return v === undefined ? NOTHING_INTERNAL : parsed.allow;
      ctx.addIssue({
        code: "custom",
        message: `FETCH_ALLOW_HOSTS: "${parsed.entry}" is not a host name, an IP address or a range like 10.0.0.0/8`,
      });
      return z.NEVER;
    }),
    PORT: optional
      .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535), {
        message: "PORT must be a port number between 1 and 65535",
      })
      .transform((v) => (v === undefined ? 8080 : Number(v))),
  })
  .superRefine((env, ctx) => {
    if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["WEBHOOK_SECRET"],
        message: "WEBHOOK_SECRET is required when WEBHOOK_URL is set",
      });
    }
    if (env.REDIS_URL && !env.USER_HASH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["USER_HASH_SECRET"],
        message:
          "USER_HASH_SECRET is required when REDIS_URL is set: every replica must hash user ids with the same key",
      });
    }
    if (env.WEBHOOK_URL && !env.BOT_TOKEN) {
      ctx.addIssue({ code: "custom", path: ["BOT_TOKEN"], message: "BOT_TOKEN is required when WEBHOOK_URL is set" });
    }
  });

export interface Config {
  /** Absent: Telegram is off and `npm start` opens a console chat. */
  readonly botToken?: string;
  readonly adminIds: readonly number[];
  readonly knowledgeDir: string;
  readonly dataDir: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly telegramApiRoot: string;
  /** The key of the hash that user ids are stored as; absent: a key kept in DATA_DIR (users.ts). */
  readonly userHashSecret?: string;
  /** Where the users are: the day /stats counts as today, and the year 今年 means. */
  readonly timeZone: string;
  /** Present: Telegram calls us at `url`; absent: long polling. */
  readonly webhook?: { readonly url: string; readonly secret: string; readonly port: number };
  /**
   * Present: this process is one of several replicas that share their state through Redis (stats,
   * unanswered questions, feedback, rate limits, updates seen, which knowledge is current); absent:
   * one process with files under DATA_DIR. `url` may hold a password: it is never logged.
   */
  readonly redis?: { readonly url: string; readonly prefix: string };
  /**
   * Internal hosts and ranges (loopback, private, link-local …) that links an admin sends may lead to;
   * any other internal address is refused. Default: none.
   */
  readonly fetchAllow: InternalAllowance;
  /** This process among the replicas (/stats, logs, locks). Default: host name and process id. */
  readonly replicaId: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads the configuration from `env`; a bad value throws one line naming its variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const message = issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
    throw new ConfigError(message);
  }
  const e = parsed.data;
  return {
    ...(e.BOT_TOKEN ? { botToken: e.BOT_TOKEN } : {}),
    adminIds: e.ADMIN_IDS,
    knowledgeDir: e.KNOWLEDGE_DIR,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    telegramApiRoot: e.TELEGRAM_API_ROOT,
    timeZone: e.TIME_ZONE,
    ...(e.USER_HASH_SECRET ? { userHashSecret: e.USER_HASH_SECRET } : {}),
    ...(e.WEBHOOK_URL ? { webhook: { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET!, port: e.PORT } } : {}),
    fetchAllow: e.FETCH_ALLOW_HOSTS,
    ...(e.REDIS_URL ? { redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } } : {}),
    // Redis takes it as a connection name, which allows no spaces: a host name is made safe first.
    replicaId:
      e.REPLICA_ID ??
      `${hostname()
        .replace(/[^\w.:-]/g, "-")
        .slice(0, 50)}-${process.pid}`,
  };
}
