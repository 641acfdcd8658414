/**
 * The parts replicas share through Redis, each against a real redis-server in this process: the
 * stats store (merged, capped, buffered while Redis is down), the lock on the knowledge folder, the
 * updates taken, the rate limiter's counts, the one polling lease, and the records buttons point to.
 */
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCallbackRegistry } from "../../src/bot/callbacks.js";
import { announceVersion, shareKnowledge } from "../../src/cluster/knowledge.js";
import { withLock } from "../../src/cluster/lock.js";
import { claimPolling } from "../../src/cluster/polling.js";
import { sharedLimiterStore } from "../../src/cluster/ratelimit.js";
import { openRedisRecords, redisRecords } from "../../src/cluster/records.js";
import { connectRedis, type RedisLink } from "../../src/cluster/redis.js";
import { startReplicas } from "../../src/cluster/replicas.js";
import { openRedisStats } from "../../src/cluster/stats.js";
import { redisLedger } from "../../src/cluster/updates.js";
import type { LiveKnowledge, ReloadResult } from "../../src/live.js";
import { freePort } from "../helpers/net.js";
import { RedisServer } from "../helpers/redis.js";

const AT = new Date("2026-11-22T08:00:00Z");
const hashUser = (id: number) => `h${id}`;
let redis: RedisServer;
const links: RedisLink[] = [];
const servers: RedisServer[] = [];
let prefixes = 0;

/** A logger whose lines the test reads. */
function lines() {
  const written: string[] = [];
  return { logger: pino({ level: "debug" }, { write: (l: string) => void written.push(l) }), written };
}
/** A link under a prefix of its own, so that tests do not see each other's keys. */
async function link(url = redis.url, prefix = `t${prefixes++}:`, logger = lines().logger): Promise<RedisLink> {
  const l = connectRedis({ url, prefix, logger, name: "test" });
  links.push(l);
  await l.ready(3000);
  return l;
}

beforeAll(async () => {
  redis = await RedisServer.start();
});

afterAll(async () => {
  await Promise.all(links.map((l) => l.close()));
  for (const s of [redis, ...servers]) await s?.stop();
});

describe("the stats store in Redis", () => {
  it("merges what two replicas record: counts, today, feedback, the unanswered questions most asked first", async () => {
    const a = await link();
    const b = await link(redis.url, a.key(""));
    const options = { timeZone: "Asia/Shanghai", hashUser, logger: lines().logger };
    const sa = openRedisStats(a, { ...options, replicaId: "a" });
    const sb = openRedisStats(b, { ...options, replicaId: "b" });
    sa.record("忻州市长是谁", true, 1, AT);
    sa.record("伦敦的房价", false, 1, AT);
    sb.record("伦敦的房价", false, 2, AT);
    sb.record("巴黎的天气", false, 2, AT);
    sb.feedback({ helpful: true, at: AT });
    await Promise.all([sa.flush(), sb.flush()]);
    expect(await sa.snapshot(AT)).toEqual({
      since: AT,
      scope: "replicas",
      answered: 1,
      unanswered: 3,
      answeredToday: 1,
      unansweredToday: 3,
      helpful: 1,
      unhelpful: 0,
      topUnanswered: [
        { question: "伦敦的房价", count: 2 },
        { question: "巴黎的天气", count: 1 },
      ],
    });
    // The log of unanswered questions keeps the user's hash and the replica, never the id; the replicas'
    // batches arrive in either order.
    const entries = await a.client.xrange(a.key("stats:unanswered"), "-", "+");
    expect(entries.map(([, fields]) => fields).sort((x, y) => x.join().localeCompare(y.join()))).toEqual([
      ["t", AT.toISOString(), "q", "伦敦的房价", "u", "h1", "r", "a"],
      ["t", AT.toISOString(), "q", "伦敦的房价", "u", "h2", "r", "b"],
      ["t", AT.toISOString(), "q", "巴黎的天气", "u", "h2", "r", "b"],
    ]);
    expect(await a.client.ttl(a.key("stats:unanswered"))).toBeGreaterThan(0);
    expect(await a.client.ttl(a.key("stats:day:2026-11-22"))).toBeGreaterThan(0);
  });

  it("caps what it keeps: a stream's length and the questions counted a day", async () => {
    const l = await link();
    const stats = openRedisStats(l, {
      timeZone: "Asia/Shanghai",
      hashUser,
      replicaId: "a",
      logger: lines().logger,
      maxEntries: 100,
      maxQuestionsPerDay: 3,
    });
    for (let i = 0; i < 1000; i++) stats.record(`问题${i}`, false, 1, AT);
    stats.record("问题0", false, 1, AT);
    await stats.flush();
    // MAXLEN ~ trims whole nodes of the stream: about 100 kept, never all.
    expect(await l.client.xlen(l.key("stats:unanswered"))).toBeLessThan(300);
    expect(await l.client.zcard(l.key("stats:top:2026-11-22"))).toBe(3);
    expect((await stats.snapshot(AT)).unanswered).toBe(1001);
  });

  it("writes a batch once when its reply is lost (Redis paused past the timeout): 5 questions, 5 entries", async () => {
    const l = await link();
    const stats = openRedisStats(l, { timeZone: "Asia/Shanghai", hashUser, replicaId: "a", logger: lines().logger });
    // A first batch, as any replica has written: Redis knows the script when the paused one reaches it.
    stats.record("忻州市长是谁", true, 1, AT);
    await stats.flush();
    const other = await link();
    await other.client.call("CLIENT", "PAUSE", "2500", "WRITE");
    for (let i = 0; i < 5; i++) stats.record(`问题${i}`, false, 1, AT);
    await stats.flush();
    // The batch timed out (1 s) while Redis held it, and is sent again; Redis runs both once it resumes.
    expect(stats.pending).toBe(5);
    await vi.waitFor(() => expect(stats.pending).toBe(0), { timeout: 15_000 });
    expect(await l.client.xlen(l.key("stats:unanswered"))).toBe(5);
    expect(await l.client.hgetall(l.key("stats:totals"))).toEqual({ answered: "1", unanswered: "5" });
    expect(await l.client.zscore(l.key("stats:top:2026-11-22"), "问题0")).toBe("1");
  });

  it("writes what it can of a batch Redis refuses in part (a key of the wrong type), once, warning", async () => {
    const { logger, written } = lines();
    const l = await link(redis.url, undefined, logger);
    await l.client.set(l.key("stats:top:2026-11-22"), "not a sorted set");
    const stats = openRedisStats(l, { timeZone: "Asia/Shanghai", hashUser, replicaId: "a", logger });
    stats.record("伦敦的房价", false, 1, AT);
    await stats.flush();
    expect(stats.pending).toBe(0);
    // Longer than the wait before a batch is sent again: nothing more may be counted.
    await new Promise((r) => setTimeout(r, 2500));
    expect(await l.client.hget(l.key("stats:totals"), "unanswered")).toBe("1");
    expect(await l.client.xlen(l.key("stats:unanswered"))).toBe(1);
    const warnings = written.filter((w) => w.includes("written in part"));
    expect(warnings).toHaveLength(1);
    // Both writes of the sorted set are refused; the counts and the stream entry are made.
    const warning = JSON.parse(warnings[0]!);
    expect(warning).toMatchObject({ level: 40, failed: 2, error: expect.stringMatching(/^ZINCRBY: WRONGTYPE/) });
    expect(written.join("")).not.toContain("伦敦");
  });

  it("keeps every replica's votes in one store: a 👎 with question, answer and user, a 👍 with its article", async () => {
    const a = await link();
    const b = await link(redis.url, a.key(""));
    const options = { timeZone: "Asia/Shanghai", hashUser, logger: lines().logger };
    const sa = openRedisStats(a, { ...options, replicaId: "a" });
    const sb = openRedisStats(b, { ...options, replicaId: "b" });
    const down = {
      at: AT,
      vote: "down",
      question: "忻州GDP",
      answer: "不知道",
      article: "xz-2024",
      user: "h1",
    } as const;
    await sa.feedbackStore.record(down);
    const up = { at: AT, vote: "up", question: "忻州市长是谁", answer: "张三", article: "xz-gov", user: "h2" } as const;
    await sb.feedbackStore.record(up);
    await Promise.all([sa.flush(), sb.flush()]);
    const kept = await sb.feedbackStore.list();
    expect(kept).toHaveLength(2);
    expect(kept).toContainEqual(down);
    expect(kept).toContainEqual({ at: AT, vote: "up", article: "xz-gov" });
  });

  it("buffers records while Redis is down, drops the oldest past its bound with a warning, and writes the rest once Redis is up", async () => {
    const port = await freePort();
    const { logger, written } = lines();
    const l = connectRedis({ url: `redis://127.0.0.1:${port}`, prefix: "down:", logger, name: "test" });
    links.push(l);
    const stats = openRedisStats(l, { timeZone: "Asia/Shanghai", hashUser, replicaId: "a", logger, maxPending: 5 });
    for (let i = 0; i < 8; i++) stats.record(`问题${i}`, false, 1, AT);
    expect(stats.pending).toBe(5);
    await expect(stats.snapshot(AT)).rejects.toThrow("redis unavailable");
    await stats.flush(); // does not wait for Redis
    expect(written.filter((w) => w.includes("stats buffer full"))).toHaveLength(1);
    expect(l.health()).toMatchObject({ redis: "degraded" });

    servers.push(await RedisServer.start(port));
    await vi.waitFor(() => expect(stats.pending).toBe(0), { timeout: 10_000 });
    const snapshot = await stats.snapshot(AT);
    expect(snapshot.unanswered).toBe(5);
    expect(snapshot.topUnanswered.map((u) => u.question).sort()).toEqual(["问题3", "问题4", "问题5", "问题6", "问题7"]);
    expect(written.some((w) => w.includes('"dropped":3'))).toBe(true);
    expect(l.health()).toEqual({ redis: "ok" });
  });
});

describe("the lock on the knowledge folder", () => {
  it("lets one replica write at a time: the other waits for it, or gives up naming the holder", async () => {
    const [a, b] = [await link(), await link()];
    const prefix = a.key("");
    const bSame = await link(redis.url, prefix);
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = withLock(a, "knowledge", { owner: "a" }, async () => {
      order.push("a starts");
      await held;
      order.push("a ends");
    });
    await vi.waitFor(() => expect(order).toEqual(["a starts"]));
    const busy = await withLock(bSame, "knowledge", { owner: "b", waitMs: 300 }, async () => order.push("b"));
    expect(busy).toEqual({ ok: false, reason: "busy", holder: "a" });
    const waiting = withLock(bSame, "knowledge", { owner: "b", waitMs: 5000 }, async () => void order.push("b"));
    setTimeout(release, 200);
    expect(await first).toMatchObject({ ok: true });
    expect(await waiting).toMatchObject({ ok: true });
    expect(order).toEqual(["a starts", "a ends", "b"]);
    expect(await b.client.exists(bSame.key("lock:knowledge"))).toBe(0);
  });

  it("is not taken, and nothing runs, while Redis is down", async () => {
    const l = connectRedis({
      url: `redis://127.0.0.1:${await freePort()}`,
      prefix: "x:",
      logger: lines().logger,
      name: "test",
    });
    links.push(l);
    let ran = false;
    expect(
      await withLock(l, "knowledge", { owner: "a" }, async () => {
        ran = true;
      }),
    ).toEqual({
      ok: false,
      reason: "unavailable",
    });
    expect(ran).toBe(false);
  });
});

describe("updates taken", () => {
  it("go to one replica only; an update whose replica died before answering can be taken again", async () => {
    const a = await link();
    const b = await link(redis.url, a.key(""));
    const la = redisLedger(a, { replicaId: "a", takenMs: 300 });
    const lb = redisLedger(b, { replicaId: "b", takenMs: 300 });
    // Both claim at once: exactly one of them takes it, whichever Redis hears first.
    const claims = await Promise.all([la.claim(1), lb.claim(1)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const [winner, loser] = claims[0] ? [la, lb] : [lb, la];
    winner.done(1);
    expect(await loser.claim(1)).toBe(false);
    // Taken by a, never done (a died): after takenMs, b may answer it.
    expect(await la.claim(2)).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    expect(await lb.claim(2)).toBe(true);
    expect(await a.client.ttl(a.key("update:1"))).toBeGreaterThan(23 * 3600);
  });
});

describe("the rate limiter's counts", () => {
  it("are one count for all replicas, with the expiry set by the first hit; in memory while Redis is down", async () => {
    const a = await link();
    const b = await link(redis.url, a.key(""));
    const [sa, sb] = [sharedLimiterStore(a, 60_000), sharedLimiterStore(b, 60_000)];
    expect([await sa.incr("u1"), await sb.incr("u1"), await sa.incr("u1")]).toEqual([1, 2, 3]);
    const ttl = await a.client.pttl(a.key("u1"));
    expect(ttl).toBeGreaterThan(59_000);
    const down = connectRedis({
      url: `redis://127.0.0.1:${await freePort()}`,
      prefix: "x:",
      logger: lines().logger,
      name: "test",
    });
    links.push(down);
    const local = sharedLimiterStore(down, 60_000);
    expect([await local.incr("u1"), await local.incr("u1")]).toEqual([1, 2]);
  });
});

describe("long polling", () => {
  it("is one replica's: a second is refused naming the first, and none polls beside replicas serving a webhook", async () => {
    const l = await link();
    const replica = (id: string, mode: "webhook" | "polling") =>
      startReplicas(l, {
        id,
        mode,
        startedAt: AT,
        knowledge: () => ({ version: "v1", articles: 1, loadedAt: AT }),
        intervalMs: 60_000,
      });
    const p1 = replica("p1", "polling");
    const p2 = replica("p2", "polling");
    const first = await claimPolling(l, p1, { onConflict: () => {} });
    expect(first.ok).toBe(true);
    const second = await claimPolling(l, p2, { onConflict: () => {} });
    expect(second).toEqual({
      ok: false,
      why: expect.stringContaining("long polling refused: replica p1 already polls for this bot"),
    });
    if (first.ok) await first.stop();
    expect((await claimPolling(l, p2, { onConflict: () => {} })).ok).toBe(true);

    const other = await link();
    const hook = startReplicas(other, {
      id: "w1",
      mode: "webhook",
      startedAt: AT,
      knowledge: () => ({ version: "v1", articles: 1, loadedAt: AT }),
      intervalMs: 60_000,
    });
    await hook.beat();
    const poller = startReplicas(other, {
      id: "p3",
      mode: "polling",
      startedAt: AT,
      knowledge: () => ({ version: "v1", articles: 1, loadedAt: AT }),
      intervalMs: 60_000,
    });
    expect(await claimPolling(other, poller, { onConflict: () => {} })).toEqual({
      ok: false,
      why: expect.stringContaining("replicas w1 serve a webhook"),
    });
    await Promise.all([p1, p2, hook, poller].map((r) => r.stop()));
  });
});

/** A stand-in for the knowledge a replica answers from: its version, and the reloads asked of it. */
function standInKnowledge(version: string, folder: { version: string }) {
  const reloads: string[] = [];
  let current = version;
  const live: LiveKnowledge = {
    get summary() {
      return { version: current, articles: [], facts: [], places: [] };
    },
    examples: [],
    loadedAt: AT,
    ask: () => Promise.reject(new Error("not asked here")),
    askMany: () => Promise.reject(new Error("not asked here")),
    close: async () => {},
    async reload(): Promise<ReloadResult> {
      reloads.push(folder.version);
      current = folder.version;
      return { ok: true, articles: 0, facts: 0, version: current, ms: 1 };
    },
    add: () => Promise.reject(new Error("not added here")),
    change: () => Promise.reject(new Error("not changed here")),
  };
  return { live, reloads };
}

const redisOf = (prefix: string) => links.find((l) => l.key("") === prefix)!;

describe("knowledge changes", () => {
  it("reach every replica: a reload on one is announced, the others read the folder, and the reload reports them all", async () => {
    const folder = { version: "v1" };
    const prefix = (await link()).key("");
    const nodes = await Promise.all(
      ["a", "b", "c"].map(async (id) => {
        const l = await link(redis.url, prefix);
        const k = standInKnowledge("v1", folder);
        const replicas = startReplicas(l, {
          id,
          mode: "webhook",
          startedAt: AT,
          knowledge: () => ({ version: k.live.summary.version, articles: 0, loadedAt: AT }),
        });
        return { ...k, replicas, shared: shareKnowledge(k.live, l, replicas, { logger: lines().logger }) };
      }),
    );
    await vi.waitFor(async () => expect(await nodes[0]!.replicas.list()).toHaveLength(3));
    const channel = `${prefix}knowledge`;
    await vi.waitFor(async () => expect(await redisOf(prefix).client.pubsub("NUMSUB", channel)).toEqual([channel, 3]));
    folder.version = "v2";
    const result = await nodes[0]!.shared.reload();
    expect(result).toMatchObject({ ok: true, version: "v2", spread: { ok: true } });
    expect(result.ok && result.spread?.ok && result.spread.replicas.map((r) => `${r.id} ${r.version}`)).toEqual([
      "a v2",
      "b v2",
      "c v2",
    ]);
    // Each replica read the folder once; the one that was told to reload did not hear its own news.
    expect(nodes.map((n) => n.reloads)).toEqual([["v2"], ["v2"], ["v2"]]);
    for (const n of nodes) {
      await n.shared.stop();
      await n.replicas.stop();
    }
  });

  it("reach a replica that started while Redis was down, once Redis is up, also when it missed the message", async () => {
    const port = await freePort();
    const folder = { version: "v1" };
    const late = connectRedis({
      url: `redis://127.0.0.1:${port}`,
      prefix: "late:",
      logger: lines().logger,
      name: "test",
    });
    links.push(late);
    const k = standInKnowledge("v1", folder);
    const replicas = startReplicas(late, {
      id: "late",
      mode: "webhook",
      startedAt: AT,
      knowledge: () => ({ version: k.live.summary.version, articles: 0, loadedAt: AT }),
    });
    const shared = shareKnowledge(k.live, late, replicas, { logger: lines().logger, checkMs: 200 });
    const server = await RedisServer.start(port);
    servers.push(server);
    const other = await link(server.url, "late:");
    await late.ready(5000);
    // The message: heard by the subscription made while Redis was down.
    folder.version = "v2";
    await vi.waitFor(
      async () =>
        expect(await other.client.pubsub("NUMSUB", other.key("knowledge"))).toEqual([other.key("knowledge"), 1]),
      { timeout: 5000 },
    );
    await announceVersion(other, "elsewhere", "v2");
    await vi.waitFor(() => expect(k.reloads).toEqual(["v2"]));
    // No message at all (it was lost): the announced version is found by the check.
    folder.version = "v3";
    await other.client.set(other.key("knowledge:version"), "v3");
    await vi.waitFor(() => expect(k.reloads).toEqual(["v2", "v3"]));
    await shared.stop();
    await replicas.stop();
  });
});

describe("the records buttons point to", () => {
  it("are one set for all replicas: read on the other, bytes and all; deleted once; a vote added twice counts once; gone when they expire", async () => {
    const a = await link();
    const b = await link(redis.url, a.key(""));
    const [ra, rb] = [
      redisRecords<Record<string, unknown>>(a, "preview", 10),
      redisRecords<Record<string, unknown>>(b, "preview", 10),
    ];
    const bytes = Buffer.from("<html>忻州 😀</html>", "utf8");
    await ra.set("t1", { admin: 42, source: { bytes, name: "a.html" }, given: { title: "忻州" } }, 60_000);
    const read = await rb.get("t1");
    expect(read).toEqual({ admin: 42, source: { bytes, name: "a.html" }, given: { title: "忻州" } });
    expect(Buffer.isBuffer((read!.source as { bytes: unknown }).bytes)).toBe(true);
    expect(await a.client.pttl(a.key("rec:preview:t1"))).toBeGreaterThan(50_000);

    // Save pressed on both at once: one of them goes on.
    expect((await Promise.all([ra.delete("t1"), rb.delete("t1")])).sort()).toEqual([false, true]);
    expect(await ra.get("t1")).toBeUndefined();

    const [va, vb] = [redisRecords<number>(a, "vote", 10), redisRecords<number>(b, "vote", 10)];
    expect((await Promise.all([va.add("answer:user", 1, 60_000), vb.add("answer:user", 1, 60_000)])).sort()).toEqual([
      false,
      true,
    ]);
    expect(await va.add("answer:user", 1, 60_000)).toBe(false);

    await ra.set("short", { n: 1 }, 100);
    await vi.waitFor(async () => expect(await rb.get("short")).toBeUndefined(), { timeout: 5000 });
  });

  it("let a question button too long for its callback data work on the other replica", async () => {
    const a = await link();
    const b = await link(redis.url, a.key(""));
    const question = "太忻一体化经济区2024年新签约的重大项目总投资是多少亿元？";
    const data = createCallbackRegistry(openRedisRecords(a)).encode(question);
    expect(data).toMatch(/^h:/);
    const other = createCallbackRegistry(openRedisRecords(b));
    await vi.waitFor(async () => expect(await other.decode(data)).toBe(question));
  });

  it("are kept in the replica's memory while Redis is down, and what was kept then is still found once it is back", async () => {
    const server = await RedisServer.start();
    servers.push(server);
    const l = await link(server.url);
    const records = redisRecords<string>(l, "answer", 10);
    await records.set("before", "一", 60_000);
    await server.kill();
    await vi.waitFor(() => expect(l.up).toBe(false), { timeout: 5000 });
    expect(await records.get("before")).toBe("一");
    await records.set("during", "二", 60_000);
    expect(await records.get("during")).toBe("二");
    expect(await records.add("vote", "1", 60_000)).toBe(true);
    expect(await records.add("vote", "1", 60_000)).toBe(false);

    await server.restart();
    await l.ready(5000);
    expect(await records.get("during")).toBe("二");
    expect(await records.delete("during")).toBe(true);
    expect(await records.get("during")).toBeUndefined();
  });
});

describe("a prefix", () => {
  it("belongs to the first bot that connects: another bot's link never comes up there, also when Redis was down at its start", async () => {
    const port = await freePort();
    const refusals: string[] = [];
    const late = connectRedis({
      url: `redis://127.0.0.1:${port}`,
      prefix: "owned:",
      logger: lines().logger,
      name: "test",
      owner: { botId: "222", refused: (why) => void refusals.push(why) },
    });
    links.push(late);
    const server = await RedisServer.start(port);
    servers.push(server);
    const first = connectRedis({
      url: server.url,
      prefix: "owned:",
      logger: lines().logger,
      name: "test",
      owner: { botId: "111", refused: (why) => void refusals.push(why) },
    });
    links.push(first);
    // Whichever reached Redis first owns the prefix; the other is refused and stays down.
    await vi.waitFor(() => expect(refusals).toHaveLength(1), { timeout: 10_000 });
    const [owner, refused] = first.up ? ["111", late] : ["222", first];
    expect(await (first.up ? first : late).client.get("owned:bot")).toBe(owner);
    expect(refused.up).toBe(false);
    expect(await refused.ready(500)).toBe(false);
    expect(refusals[0]).toMatch(
      /^REDIS_PREFIX "owned:" on this Redis belongs to bot (111|222), and this is bot (111|222): give each bot a prefix of its own, e\.g\. REDIS_PREFIX=owned:(111|222):$/,
    );
  });
});
