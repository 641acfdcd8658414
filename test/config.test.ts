import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

const TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345678";

describe("configuration", () => {
  it("has working defaults with an empty environment: Telegram off", () => {
    const c = loadConfig({});
    expect(c.botToken).toBeUndefined();
    expect(c).toMatchObject({ adminIds: [], knowledgeDir: "./knowledge", dataDir: "./data", logLevel: "info" });
    expect(c.telegramApiRoot).toBe("https://api.telegram.org");
    expect(c.webhook).toBeUndefined();
    expect(c.timeZone).toBe("Asia/Shanghai");
    expect(c.userHashSecret).toBeUndefined();
  });

  it("reads every variable", () => {
    const c = loadConfig({
      BOT_TOKEN: TOKEN,
      ADMIN_IDS: "1, 22,333",
      KNOWLEDGE_DIR: "/kb",
      DATA_DIR: "/data",
      LOG_LEVEL: "debug",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      WEBHOOK_URL: "https://bot.example.org/hook",
      WEBHOOK_SECRET: "s3cret_-x",
      PORT: "3000",
      TIME_ZONE: "Europe/Berlin",
      USER_HASH_SECRET: "0123456789abcdef-secret",
    });
    expect(c).toMatchObject({
      botToken: TOKEN,
      adminIds: [1, 22, 333],
      knowledgeDir: "/kb",
      dataDir: "/data",
      logLevel: "debug",
      telegramApiRoot: "http://127.0.0.1:8081",
      webhook: { url: "https://bot.example.org/hook", secret: "s3cret_-x", port: 3000 },
      timeZone: "Europe/Berlin",
      userHashSecret: "0123456789abcdef-secret",
    });
  });

  const cases: [Record<string, string>, RegExp][] = [
    [{ BOT_TOKEN: "nonsense" }, /^BOT_TOKEN /],
    [{ ADMIN_IDS: "alice,bob" }, /^ADMIN_IDS /],
    [{ LOG_LEVEL: "loud" }, /^LOG_LEVEL /],
    [{ TELEGRAM_API_ROOT: "not a url" }, /^TELEGRAM_API_ROOT /],
    [{ BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://x.org/h" }, /^WEBHOOK_SECRET /],
    [{ BOT_TOKEN: TOKEN, WEBHOOK_URL: "ftp://x.org/h", WEBHOOK_SECRET: "a" }, /^WEBHOOK_URL /],
    [{ PORT: "99999" }, /^PORT /],
    [{ TIME_ZONE: "Mars/Olympus_Mons" }, /^TIME_ZONE must be an IANA time zone/],
    [{ USER_HASH_SECRET: "short" }, /^USER_HASH_SECRET /],
    [
      { REDIS_URL: "localhost:6379", USER_HASH_SECRET: "0123456789abcdef" },
      /^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/,
    ],
    [
      { REDIS_URL: "redis://redis:6379" },
      /^USER_HASH_SECRET is required when REDIS_URL is set: every replica must hash user ids with the same key/,
    ],
    [{ REDIS_PREFIX: "has space" }, /^REDIS_PREFIX /],
    [{ REPLICA_ID: "a/b" }, /^REPLICA_ID /],
  ];
  it.each(cases)("stops on a bad value with one line naming it: %j", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message).not.toContain("\n");
    }
  });

  it("reads the replicas' settings: Redis (its URL never in an error), the prefix and this replica's id", () => {
    const c = loadConfig({
      REDIS_URL: "redis://:pw@redis:6379/2",
      USER_HASH_SECRET: "0123456789abcdef",
      REPLICA_ID: "bot-2",
    });
    expect(c).toMatchObject({ redis: { url: "redis://:pw@redis:6379/2", prefix: "xinzhou:" }, replicaId: "bot-2" });
    expect(loadConfig({}).redis).toBeUndefined();
    expect(loadConfig({}).replicaId).toMatch(/-\d+$/);
    expect(() => loadConfig({ REDIS_URL: "http://:pw@redis:6379" })).toThrow(/^REDIS_URL/);
    try {
      loadConfig({ REDIS_URL: "http://:pw@redis:6379" });
    } catch (e) {
      expect((e as Error).message).not.toContain("pw");
    }
  });

  it("never repeats the token in its error", () => {
    const bad = "123:short-secret-token";
    expect(() => loadConfig({ BOT_TOKEN: bad })).toThrow(/^BOT_TOKEN/);
    try {
      loadConfig({ BOT_TOKEN: bad });
    } catch (e) {
      expect((e as Error).message).not.toContain(bad);
    }
  });
});
