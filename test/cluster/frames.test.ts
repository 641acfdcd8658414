/**
 * A conversation's frame in a real Redis: two replicas share a chat's last question, and with Redis gone a
 * replica goes on with its own memory without waiting.
 */
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openFrames } from "../../src/bot/frames.js";
import { openRedisRecords } from "../../src/cluster/records.js";
import { connectRedis, type RedisLink } from "../../src/cluster/redis.js";
import { previousOf } from "../../src/engine/understand/followup.js";
import { RedisServer } from "../helpers/redis.js";

const logger = pino({ level: "silent" });
const now = () => new Date();
let redis: RedisServer;
const links: RedisLink[] = [];

async function link(prefix: string): Promise<RedisLink> {
  const l = connectRedis({ url: redis.url, prefix, logger, name: "test" });
  links.push(l);
  await l.ready(3000);
  return l;
}

beforeAll(async () => {
  redis = await RedisServer.start();
});

afterAll(async () => {
  await Promise.all(links.map((l) => l.close()));
  await redis?.stop();
});

describe("frames in Redis", () => {
  it("a chat's frame kept by one replica is found by another, and cleared for both", async () => {
    const a = openFrames(openRedisRecords(await link("fa:")), now);
    const b = openFrames(openRedisRecords(await link("fa:")), now);
    await a.set("chat:user", previousOf("忻州2023年地区生产总值是多少？"));
    expect((await b.get("chat:user"))?.question).toBe("忻州2023年地区生产总值是多少？");
    await b.clear("chat:user");
    expect(await a.get("chat:user")).toBeUndefined();
  });

  it("with Redis stopped, a replica keeps its frames in memory and answers at once", async () => {
    const frames = openFrames(openRedisRecords(await link("fb:")), now);
    await redis.kill();
    const started = performance.now();
    await frames.set("chat:user", previousOf("忻州2023年地区生产总值是多少？"));
    const found = await frames.get("chat:user");
    expect(performance.now() - started).toBeLessThan(500);
    expect(found?.question).toBe("忻州2023年地区生产总值是多少？");
  });
});
