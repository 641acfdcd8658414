/**
 * Two replicas of the bot, each a process of its own in webhook mode, behind a stand-in load balancer,
 * sharing a real redis-server and one knowledge folder, as deploy/compose.yaml runs them. The stand-in
 * Bot API delivers updates as Telegram does (a chat's updates one at a time, chats side by side).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { Balancer } from "../helpers/balancer.js";
import { FakeBotApi, updates } from "../helpers/bot-api.js";
import { engineFor, NOW } from "../helpers/engine.js";
import { article, GOOD, knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";
import { freePort } from "../helpers/net.js";
import { RedisServer } from "../helpers/redis.js";
import { type BotProcess, startBotProcess, stopBotProcesses } from "../helpers/replica.js";

const ADMIN = 42;
const ADMIN2 = 43;
const SECRET = "replica-test-secret";
const QUESTIONS = [
  "忻州市长是谁",
  "忻州新能源装机有多少？",
  "忻州接待游客多少人次",
  "忻州杂粮种植面积有多大？",
  "忻州省外游客占比",
  "太忻一体化经济区重大项目总投资多少",
  "太忻一体化经济区涉及多少个县(市、区)？",
  "忻州市属国企完成投资多少",
];

let redis: RedisServer;
let api: FakeBotApi;
let balancer: Balancer;
let kbDir: string;
const replicas: { id: string; port: number; bot: BotProcess }[] = [];
let solo: { port: number; bot: BotProcess };
/** The answer to each question, from the engine in this process. */
let expected: Map<string, string>;

const hookPath = "/telegram/hook";
const post = (port: number, update: Record<string, any>) =>
  fetch(`http://127.0.0.1:${port}${hookPath}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    body: JSON.stringify(update),
  });
let nextDirectId = 1_000_000;
/** An update as Telegram would send it, straight to one replica (not through the balancer). */
const direct = (update: Record<string, any>) => ({ update_id: nextDirectId++, ...update });

/** Sends `update` to the replica on `port` and resolves with the next message to `chat`. */
async function ask(port: number, update: Record<string, any>, chat: number) {
  const reply = api.nextCall("sendMessage", (c) => c.params.chat_id === chat, 45_000);
  expect((await post(port, direct(update))).status).toBe(200);
  return String((await reply).params.text);
}
/** The reply to an admin's file: a preview with Save / Cancel. */
async function preview(port: number, update: Record<string, any>, chat: number): Promise<Record<string, any>> {
  const reply = api.nextCall("sendMessage", (c) => c.params.chat_id === chat, 45_000);
  expect((await post(port, direct(update))).status).toBe(200);
  return (await reply).params;
}
const saveButton = (reply: Record<string, any>) =>
  reply.reply_markup.inline_keyboard.flat().find((b: any) => b.text === "保存").callback_data as string;
/** CPU time a process has used, in ms (Linux: /proc; elsewhere 0). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return 0;
  }
}
const boldOf = (text: string) => text.match(/^<b>(.*?)<\/b>/)?.[1]?.replace(/&amp;/g, "&");

beforeAll(async () => {
  redis = await RedisServer.start();
  api = await new FakeBotApi().start();
  kbDir = knowledgeDir({}, SHIPPED);
  const ports = [await freePort(), await freePort()];
  balancer = await new Balancer(ports).start();
  for (const [i, id] of ["a", "b"].entries()) {
    const bot = startBotProcess({
      BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      KNOWLEDGE_DIR: kbDir,
      DATA_DIR: knowledgeDir(),
      ADMIN_IDS: `${ADMIN},${ADMIN2}`,
      REDIS_URL: redis.url,
      REPLICA_ID: id,
      USER_HASH_SECRET: "a-secret-every-replica-shares",
      WEBHOOK_URL: `http://127.0.0.1:${balancer.port}${hookPath}`,
      WEBHOOK_SECRET: SECRET,
      PORT: String(ports[i]),
    });
    replicas.push({ id, port: ports[i]!, bot });
  }
  // The same bot without REDIS_URL (one process, files), for the README's comparison.
  const soloPort = await freePort();
  solo = {
    port: soloPort,
    bot: startBotProcess({
      BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      KNOWLEDGE_DIR: knowledgeDir({}, SHIPPED),
      DATA_DIR: knowledgeDir(),
      WEBHOOK_URL: `http://127.0.0.1:${balancer.port}${hookPath}`,
      WEBHOOK_SECRET: SECRET,
      PORT: String(soloPort),
      LOG_LEVEL: "warn",
    }),
  };
  const engine = await engineFor();
  expected = new Map(QUESTIONS.map((q) => [q, engine.ask(q, NOW, "Asia/Shanghai").answer]));
  await Promise.all(replicas.map((r) => r.bot.logged('"msg":"webhook listening"', 45_000)));
  await vi.waitFor(() => expect(api.callsOf("setWebhook")).toHaveLength(3), { timeout: 45_000, interval: 50 });
}, 60_000);

afterAll(async () => {
  await stopBotProcesses();
  await balancer?.stop();
  await api?.stop();
  await redis?.stop();
  removeKnowledgeDirs();
});

/**
 * `count` updates from private chats and groups, delivered through the balancer; resolves with the
 * rate once every one is answered, after checking each chat got its answers once and in order.
 */
async function round(count: number, firstUser: number): Promise<number> {
  const perChat = 10;
  const chats = count / perChat;
  const want = new Map<number, string[]>();
  const before = api.callsOf("sendMessage").length;
  const started = performance.now();
  for (let k = 0; k < perChat; k++) {
    for (let c = 0; c < chats; c++) {
      const q = QUESTIONS[(c + k) % QUESTIONS.length]!;
      // One chat in five is a group asking with /ask, the others private chats.
      const group = c % 5 === 0;
      const chat = group ? -(firstUser + c) : firstUser + c;
      want.set(chat, [...(want.get(chat) ?? []), expected.get(q)!]);
      api.push(group ? updates.groupText(chat, firstUser + c, `/ask ${q}`) : updates.privateText(chat, q));
    }
  }
  await api.webhookIdle();
  const seconds = (performance.now() - started) / 1000;
  const sent = api
    .callsOf("sendMessage")
    .slice(before)
    .filter((c) => c.ok);
  expect(sent).toHaveLength(count);
  for (const [chat, answers] of want) {
    expect(sent.filter((c) => c.params.chat_id === chat).map((c) => boldOf(c.params.text))).toEqual(answers);
  }
  return count / seconds;
}

describe("replicas behind a load balancer", () => {
  it("answer 1,000 updates spread over both, each exactly once and in order within each chat", async () => {
    const [a, b] = replicas.map((r) => r.port) as [number, number];
    const handedBefore = [balancer.handed.get(a) ?? 0, balancer.handed.get(b) ?? 0];
    await round(1000, 10_000);
    expect(balancer.handed.get(a)! - handedBefore[0]!).toBeGreaterThan(400);
    expect(balancer.handed.get(b)! - handedBefore[1]!).toBeGreaterThan(400);
  }, 60_000);

  it("answer 1,000 more through one replica, then 1,000 through both, each once and in order; the rates are printed for the README", async () => {
    // Measured after the round above, which warmed up both (a cold process is up to twice as slow).
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    /** A round's rate, and the CPU it took per update here (the stand-ins) and in the bots' processes. */
    const measured = async (count: number, firstUser: number, bots: BotProcess[]) => {
      const [here, there] = [process.cpuUsage(), bots.map((bot) => cpuMs(bot.child.pid!))];
      const rate = await round(count, firstUser);
      const standIns = (process.cpuUsage(here).user + process.cpuUsage(here).system) / 1000 / count;
      const botsMs = bots.reduce((sum, bot, i) => sum + cpuMs(bot.child.pid!) - there[i]!, 0) / count;
      return `${rate.toFixed(0)} updates/s (CPU per update: stand-ins ${standIns.toFixed(1)} ms, bots ${botsMs.toFixed(1)} ms)`;
    };
    balancer.targets = [solo.port];
    await round(500, 60_000);
    const alone = await measured(1000, 61_000, [solo.bot]);
    await solo.bot.stop();
    balancer.targets = [a.port];
    const one = await measured(1000, 20_000, [a.bot]);
    balancer.targets = [a.port, b.port];
    const two = await measured(1000, 30_000, [a.bot, b.bot]);
    // Printed, not asserted: both replicas share this machine's two cores with the stand-ins for
    // Telegram and the balancer (and with whatever else runs), so the rate says more about the machine.
    console.log(`replicas: without Redis (one process, files) ${alone}; one replica ${one}; two replicas ${two}`);
    // 3,500 updates through bot processes: a minute on a quiet machine is several beside other work.
  }, 300_000);

  it("answer an update delivered to both at once only once", async () => {
    const chat = 7001;
    const update = direct(updates.privateText(chat, "忻州市长是谁"));
    const replies = () => api.callsOf("sendMessage").filter((c) => c.params.chat_id === chat && c.ok);
    const statuses = await Promise.all(replicas.map((r) => post(r.port, update).then((res) => res.status)));
    expect(statuses).toEqual([200, 200]);
    await vi.waitFor(() => expect(replies()).toHaveLength(1));
    // Delivered again later (Telegram retrying a call it thought failed): still once.
    expect((await post(replicas[1]!.port, update)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(replies()).toHaveLength(1);
    expect(replies()[0]!.params.text).toContain("李建国");
  });

  it("reload everywhere when one replica is told to /reload after an article was added", async () => {
    const [a, b] = replicas;
    writeFileSync(
      path.join(kbDir, "articles", "yuanping.md"),
      article(
        { ...GOOD, id: "yuanping", title: "原平市旅游", url: "https://example.org/yuanping" },
        "原平市今年接待游客321万人次。",
      ),
    );
    const report = await ask(a!.port, updates.privateText(ADMIN, "/reload"), ADMIN);
    expect(report).toContain("重新加载成功");
    expect(report).toContain("副本：2 个都已使用此版本");
    const answer = await ask(b!.port, updates.privateText(7002, "原平市接待游客多少人次"), 7002);
    expect(answer).toContain("321万人次");
  }, 45_000);

  it("reload everywhere after kb:import saves an article on a host beside the replicas", async () => {
    const source = path.join(knowledgeDir(), "dingxiang.md");
    writeFileSync(
      source,
      article(
        { ...GOOD, id: "dingxiang-flanges", title: "定襄法兰", url: "https://example.org/dingxiang" },
        "定襄县今年新增法兰企业17家。全县法兰产业继续保持全国领先，产品销往四十多个国家和地区。",
      ),
    );
    const tool = spawnSync(
      process.execPath,
      ["--import", "tsx", "src/cli.ts", "kb:import", source, "--knowledge", kbDir],
      {
        encoding: "utf8",
        env: { ...process.env, REDIS_URL: redis.url },
      },
    );
    expect(tool.status, tool.stderr).toBe(0);
    const version = tool.stderr.match(/announced to the replicas: version ([0-9a-f]{16})/)?.[1];
    expect(version, tool.stderr).toBeDefined();
    for (const r of replicas) {
      await vi.waitFor(
        async () => expect(await (await fetch(`http://127.0.0.1:${r.port}/healthz`)).json()).toMatchObject({ version }),
        { timeout: 20_000, interval: 100 },
      );
      expect(await ask(r.port, updates.privateText(7010, "定襄县今年新增法兰企业多少家"), 7010)).toContain("17家");
    }
  }, 45_000);

  it("let two admins uploading on two replicas at once take turns: of two articles with one id, one is saved and the folder stays valid", async () => {
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const body = (n: number) => `原平市今年新增企业${n}家，全市企业总数达到1200家，同比增长3.5%。`;
    api.addFile(
      "documents/twinA.md",
      article({ ...GOOD, id: "twin", title: "甲", url: "https://example.org/twin-a" }, body(5)),
    );
    api.addFile(
      "documents/twinB.md",
      article({ ...GOOD, id: "twin", title: "乙", url: "https://example.org/twin-b" }, body(6)),
    );
    // Each admin gets a preview from the replica that read the file, and saves it there, both at once.
    const previews = await Promise.all([
      preview(a.port, updates.document(ADMIN, "twinA", "twin-a.md"), ADMIN),
      preview(b.port, updates.document(ADMIN2, "twinB", "twin-b.md"), ADMIN2),
    ]);
    const replies = [
      api.nextCall("sendMessage", (c) => c.params.chat_id === ADMIN, 45_000),
      api.nextCall("sendMessage", (c) => c.params.chat_id === ADMIN2, 45_000),
    ];
    await Promise.all([
      post(a.port, direct(updates.callback(ADMIN, saveButton(previews[0])))),
      post(b.port, direct(updates.callback(ADMIN2, saveButton(previews[1])))),
    ]);
    const texts = (await Promise.all(replies)).map((c) => String(c.params.text));
    expect(texts.filter((t) => t.startsWith("已保存"))).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith("没有保存") && t.includes("twin.md exists already"))).toHaveLength(1);
    expect(texts.find((t) => t.startsWith("已保存"))).toContain("副本：2 个都已使用此版本");
    expect((await loadKnowledge(kbDir)).ok).toBe(true);
  }, 45_000);

  it("take a 👎 pressed on the other replica than the one that answered, once; save a preview, and answer a /remove confirmation, on the other replica", async () => {
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const answer = await preview(a.port, updates.privateText(7020, "忻州市长是谁"), 7020);
    const down = answer.reply_markup.inline_keyboard.flat().find((x: any) => x.text === "👎").callback_data as string;
    const press = async (port: number) => {
      const acknowledged = api.nextCall(
        "answerCallbackQuery",
        (c) => /已记录|评价过|太久/.test(String(c.params.text)),
        45_000,
      );
      expect((await post(port, direct(updates.callback(7020, down)))).status).toBe(200);
      return String((await acknowledged).params.text);
    };
    expect(await press(b.port)).toContain("已记录 👎");
    // Pressed again, on the replica that answered: already counted.
    expect(await press(a.port)).toContain("已经评价过");

    api.addFile(
      "documents/cross.md",
      article(
        { ...GOOD, id: "cross-replica", title: "跨副本", url: "https://example.org/cross" },
        "原平市今年新建厂房18座，全市工业用地面积达到1200亩，同比增长4.5%。",
      ),
    );
    const shown = await preview(a.port, updates.document(ADMIN, "cross", "cross.md"), ADMIN);
    expect(String(shown.text)).toContain("预览");
    expect(await ask(b.port, updates.callback(ADMIN, saveButton(shown)), ADMIN)).toContain(
      "已保存 <code>articles/cross-replica.md</code>",
    );

    // A /remove asked on one replica, its confirmation answered on the other (cancelled: the article stays).
    const asked = await preview(b.port, updates.privateText(ADMIN, "/remove cross-replica"), ADMIN);
    const cancel = asked.reply_markup.inline_keyboard.flat().find((x: any) => x.text === "取消")
      .callback_data as string;
    expect(await ask(a.port, updates.callback(ADMIN, cancel), ADMIN)).toBe("已取消，文章保留。");
  }, 45_000);

  it("merge the counts and unanswered questions of both in /stats, and list each replica with its version and uptime", async () => {
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const totals = (text: string) => {
      const m = text.match(/累计（所有副本，自 [\d-]+ 起）：已回答 (\d+)，未回答 (\d+)/);
      if (!m) throw new Error(`no totals in: ${text}`);
      return m.slice(1).map(Number);
    };
    // Each replica writes its records a few milliseconds after answering; /stats writes its own first.
    // The question before this test was answered by b, so b's /stats counts it.
    const before = totals(await ask(b.port, updates.privateText(ADMIN, "/stats"), ADMIN));
    await ask(a.port, updates.privateText(7003, "忻州市长是谁"), 7003);
    await ask(a.port, updates.privateText(7003, "伦敦的房价是多少"), 7003);
    await ask(b.port, updates.privateText(7004, "忻州接待游客多少人次"), 7004);
    await ask(b.port, updates.privateText(7004, "巴黎的地铁有几条线"), 7004);
    await vi.waitFor(
      async () => {
        const stats = await ask(a.port, updates.privateText(ADMIN, "/stats"), ADMIN);
        expect(totals(stats)).toEqual([before[0]! + 2, before[1]! + 2]);
        expect(stats).toContain("伦敦的房价是多少");
        expect(stats).toContain("巴黎的地铁有几条线");
        expect(stats).toMatch(/副本<\/b>（2 个在线）/);
        expect(stats).toMatch(
          /<code>a<\/code>（本副本）：版本 <code>[0-9a-f]{16}<\/code>，运行 \d+ 小时 \d+ 分 \d+ 秒/,
        );
        expect(stats).toMatch(/<code>b<\/code>：版本 <code>[0-9a-f]{16}<\/code>，运行 \d+ 小时 \d+ 分 \d+ 秒/);
      },
      { timeout: 10_000, interval: 1000 },
    );
  }, 30_000);

  it("show a 👎 given to one replica's answer in the /stats of the other, with the question and the answer", async () => {
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const reply = api.nextCall("sendMessage", (c) => c.params.chat_id === 7005, 45_000);
    expect((await post(a.port, direct(updates.privateText(7005, "忻州新能源装机有多少？")))).status).toBe(200);
    const buttons = (await reply).params.reply_markup.inline_keyboard.flat();
    const down = buttons.find((x: { text: string }) => x.text.includes("👎")).callback_data as string;
    const acknowledged = api.nextCall("answerCallbackQuery", () => true, 45_000);
    expect((await post(a.port, direct(updates.callback(7005, down)))).status).toBe(200);
    expect((await acknowledged).params.text).toContain("👎");
    await vi.waitFor(
      async () => {
        const stats = await ask(b.port, updates.privateText(ADMIN, "/stats"), ADMIN);
        expect(stats).toMatch(/忻州新能源装机有多少？ → [^\n]*1200万千瓦[^\n]*👎 1/);
      },
      { timeout: 10_000, interval: 1000 },
    );
  }, 30_000);

  it("keep answering through Redis being killed and restarted, report it degraded meanwhile, and lose no answer or buffered record", async () => {
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const health = async (port: number) => {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown>;
    };
    expect(await health(a.port)).toMatchObject({ ok: true, redis: "ok" });

    const answered = () => api.callsOf("sendMessage").filter((c) => c.ok).length;
    const before = answered();
    const chats = 60;
    for (let k = 0; k < 10; k++)
      for (let c = 0; c < chats; c++) api.push(updates.privateText(50_000 + c, QUESTIONS[(c + k) % QUESTIONS.length]!));
    await vi.waitFor(() => expect(answered() - before).toBeGreaterThan(60), { timeout: 20_000, interval: 10 });
    await redis.kill();
    const atKill = answered();
    await vi.waitFor(async () => expect(await health(a.port)).toMatchObject({ ok: true, redis: "degraded" }), {
      timeout: 5000,
    });
    // Asked while Redis is down: answered, and its record waits in the replica's buffer.
    expect(await ask(b.port, updates.privateText(7005, "东京的人口有多少"), 7005)).not.toContain("出错");
    // What needs Redis says so: /stats, and an upload (no replica can tell whether another admin is writing).
    const stats = await ask(b.port, updates.privateText(ADMIN, "/stats"), ADMIN);
    expect(stats).toMatch(/统计暂不可用：共享存储（Redis）连接中断，本副本有 \d+ 条记录在缓冲中/);
    expect(stats).toContain("副本列表暂不可用");
    expect(stats).toContain("<b>评价</b>：暂不可用");
    api.addFile(
      "documents/down.md",
      article(
        { ...GOOD, id: "down", url: "https://example.org/down" },
        "原平市今年新增企业7家，全市企业总数达到1200家，同比增长3.5%。",
      ),
    );
    const downPreview = await preview(b.port, updates.document(ADMIN, "down", "down.md"), ADMIN);
    expect(await ask(b.port, updates.callback(ADMIN, saveButton(downPreview)), ADMIN)).toContain(
      "共享存储（Redis）暂时不可用",
    );
    // A good part of the run is answered with Redis down.
    await vi.waitFor(() => expect(answered() - atKill).toBeGreaterThan(100), { timeout: 20_000, interval: 10 });
    await redis.restart();
    await api.webhookIdle();
    // The run, the question asked during the outage, and the three replies to the admin (/stats, the preview, the refusal).
    expect(answered() - before).toBe(10 * chats + 4);
    for (let c = 0; c < chats; c++) {
      const got = api
        .callsOf("sendMessage")
        .filter((call) => call.ok && call.params.chat_id === 50_000 + c)
        .map((call) => boldOf(call.params.text));
      expect(got).toEqual(Array.from({ length: 10 }, (_, k) => expected.get(QUESTIONS[(c + k) % QUESTIONS.length]!)));
    }
    await vi.waitFor(async () => expect(await health(b.port)).toMatchObject({ redis: "ok" }), { timeout: 10_000 });
    await vi.waitFor(
      async () => {
        const seen = await ask(a.port, updates.privateText(ADMIN, "/stats"), ADMIN);
        expect(seen).toContain("东京的人口有多少");
        expect(seen).toMatch(/副本<\/b>（2 个在线）/);
      },
      { timeout: 10_000, interval: 300 },
    );
    for (const r of replicas) {
      expect(r.bot.alive()).toBe(true);
      expect(r.bot.output()).not.toMatch(/"level":(50|60)/);
    }
  }, 60_000);
});
