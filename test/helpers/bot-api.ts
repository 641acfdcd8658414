/**
 * A stand-in Telegram Bot API server for tests: node:http on 127.0.0.1, a random port. It serves the
 * methods the bot uses, long-polls getUpdates, records every call, serves files for getFile (whole,
 * in chunks without a length, or stalling after the first bytes), and can be told to fail: 429 with
 * retry_after, 400, 500, or a slow answer. Once a webhook is set, pushed updates are delivered to it
 * as Telegram does: a chat's updates one at a time (the next once the last was acknowledged with a
 * 2xx), chats side by side up to `maxConnections`, and an update that failed delivered again.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Call {
  readonly method: string;
  readonly params: Record<string, any>;
  readonly at: number;
  /** Whether the call was answered with ok: true (false while pending or when a failure was injected). */
  ok: boolean;
}

export interface Failure {
  readonly status: 200 | 429 | 400 | 403 | 500 | 409 | 401;
  readonly retryAfter?: number;
  readonly description?: string;
  readonly delayMs?: number;
}

/** How a file download is served: whole with its length, in 64 KiB chunks without one, or never finished. */
export type FileServing = "whole" | "chunked" | "stalled";

export const BOT_USER = {
  id: 999000,
  is_bot: true,
  first_name: "Xinzhou Bot",
  username: "xinzhou_econ_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
};

/**
 * How long a test waits for the bot to make a call: a reply can wait behind an engine being rebuilt, which
 * took 33 s on a busy 2-core machine. A limit for a hang, not a speed the test asks for.
 */
const WAIT_MS = 90_000;

export class FakeBotApi {
  readonly calls: Call[] = [];
  private server?: Server;
  private updates: any[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1000;
  private waiters: (() => void)[] = [];
  private failures = new Map<string, Failure[]>();
  private files = new Map<string, { content: Buffer; serve: FileServing }>();
  private callWaiters: { test: (c: Call) => boolean; resolve: (c: Call) => void }[] = [];
  private pollTimers = new Set<NodeJS.Timeout>();
  private webhook?: { url: string; secret?: string };
  /** Updates waiting for delivery, per chat; the first of each is on its way. */
  private chatQueues = new Map<string, Record<string, any>[]>();
  /** Chats with updates waiting and none on its way. */
  private readyChats: string[] = [];
  private inFlight = 0;
  private delivering = new AbortController();
  /** Webhook calls in flight at most (setWebhook's max_connections; Telegram's default is 40). */
  maxConnections = 40;
  /** Every webhook call: which update, and the HTTP status (0: no answer). */
  readonly deliveries: { update_id: number; status: number; at: number }[] = [];

  constructor(readonly token = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz") {}

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.route(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.delivering.abort();
    for (const t of this.pollTimers) clearTimeout(t);
    for (const w of this.waiters.splice(0)) w();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Queues an update (for getUpdates, or for the webhook once one is set); its update_id is assigned here. */
  push(update: Record<string, any>): number {
    const update_id = this.nextUpdateId++;
    if (this.webhook) {
      this.enqueue({ update_id, ...update });
      return update_id;
    }
    this.updates.push({ update_id, ...update });
    for (const w of this.waiters.splice(0)) w();
    return update_id;
  }

  /** Resolves when every update pushed for the webhook has been delivered and acknowledged. */
  async webhookIdle(timeoutMs = 60_000): Promise<void> {
    for (const until = Date.now() + timeoutMs; this.chatQueues.size; ) {
      if (Date.now() > until) throw new Error(`webhook deliveries still pending after ${timeoutMs} ms`);
      await sleep(10);
    }
  }

  private enqueue(update: Record<string, any>): void {
    const chat = chatOf(update);
    const queue = this.chatQueues.get(chat);
    if (queue) return void queue.push(update);
    this.chatQueues.set(chat, [update]);
    this.readyChats.push(chat);
    this.pump();
  }

  private pump(): void {
    while (this.inFlight < this.maxConnections && this.readyChats.length) {
      const chat = this.readyChats.shift()!;
      const update = this.chatQueues.get(chat)![0]!;
      this.inFlight++;
      void this.deliver(update).then((ok) => {
        this.inFlight--;
        const queue = this.chatQueues.get(chat)!;
        if (ok) queue.shift();
        if (!queue.length) this.chatQueues.delete(chat);
        else if (ok) this.readyChats.push(chat);
        // A failed delivery is tried again a little later, before the chat's later updates.
        else setTimeout(() => (this.readyChats.push(chat), this.pump()), 200).unref();
        this.pump();
      });
    }
  }

  private async deliver(update: Record<string, any>): Promise<boolean> {
    const { url, secret } = this.webhook!;
    let status = 0;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}),
        },
        body: JSON.stringify(update),
        signal: AbortSignal.any([this.delivering.signal, AbortSignal.timeout(30_000)]),
      });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      if (this.delivering.signal.aborted) return true;
    }
    this.deliveries.push({ update_id: update.update_id, status, at: Date.now() });
    return status >= 200 && status < 300;
  }

  /** The next calls of `method` fail as described, in order. */
  fail(method: string, ...failures: Failure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  addFile(path: string, content: string | Buffer, serve: FileServing = "whole"): void {
    this.files.set(path, { content: Buffer.from(content), serve });
  }

  callsOf(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first call (already made or to come) that passes `test`. */
  waitForCall(test: (c: Call) => boolean, timeoutMs = WAIT_MS): Promise<Call> {
    const done = this.calls.find(test);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching Bot API call within ${timeoutMs} ms`)), timeoutMs);
      this.callWaiters.push({
        test,
        resolve: (c) => {
          clearTimeout(timer);
          resolve(c);
        },
      });
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://x");
    const file = url.pathname.match(/^\/file\/bot([^/]+)\/(.+)$/);
    if (file) {
      const served = file[1] === this.token ? this.files.get(file[2]!) : undefined;
      if (!served) return void res.writeHead(404).end();
      const { content, serve } = served;
      if (serve === "whole")
        return void res.writeHead(200, { "content-type": "application/octet-stream" }).end(content);
      res.writeHead(200, { "content-type": "application/octet-stream" });
      if (serve === "stalled") return void res.write(content.subarray(0, 10));
      for (let i = 0; i < content.length && !res.destroyed; i += 64 * 1024) {
        if (res.write(content.subarray(i, i + 64 * 1024))) continue;
        await new Promise<void>((resolve) => {
          const go = () => (res.off("drain", go).off("close", go), resolve());
          res.on("drain", go).on("close", go);
        });
      }
      return void res.end();
    }
    const m = url.pathname.match(/^\/bot([^/]+)\/(\w+)$/);
    if (!m) return this.send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    if (m[1] !== this.token) return this.send(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = m[2]!;
    const params = await readParams(req, url);
    const call: Call = { method, params, at: Date.now(), ok: false };
    this.calls.push(call);

    const failure = this.failures.get(method)?.shift();
    if (failure) {
      if (failure.delayMs) await sleep(failure.delayMs);
      if (failure.status !== 200) {
        this.notify(call);
        return this.send(res, failure.status, {
          ok: false,
          error_code: failure.status,
          description:
            failure.description ??
            (failure.status === 429
              ? `Too Many Requests: retry after ${failure.retryAfter ?? 1}`
              : "Bad Request: injected"),
          ...(failure.status === 429 ? { parameters: { retry_after: failure.retryAfter ?? 1 } } : {}),
        });
      }
    }
    if (method === "setWebhook")
      this.webhook = { url: params.url, ...(params.secret_token ? { secret: params.secret_token } : {}) };
    if (method === "deleteWebhook") this.webhook = undefined;
    const result = method === "getUpdates" ? await this.getUpdates(params) : this.answer(method, params);
    if (result === undefined)
      return this.send(res, 404, { ok: false, error_code: 404, description: "Not Found: method not found" });
    call.ok = true;
    this.send(res, 200, { ok: true, result });
    this.notify(call);
  }

  private notify(call: Call): void {
    this.callWaiters = this.callWaiters.filter((w) => (w.test(call) ? (w.resolve(call), false) : true));
  }

  /** The next successful call of `method` passing `test`, counting from the calls made so far. */
  nextCall(method: string, test: (c: Call) => boolean = () => true, timeoutMs = WAIT_MS): Promise<Call> {
    const matching = () => this.calls.filter((c) => c.method === method && c.ok && test(c));
    const before = matching().length;
    return this.waitForCall(
      (c) => c.method === method && c.ok && test(c) && matching().indexOf(c) === before,
      timeoutMs,
    );
  }

  private answer(method: string, params: Record<string, any>): unknown {
    switch (method) {
      case "getMe":
        return BOT_USER;
      case "sendMessage":
      case "editMessageText":
        return {
          message_id: this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: params.chat_id, type: params.chat_id > 0 ? "private" : "supergroup" },
          from: BOT_USER,
          text: params.text,
        };
      case "editMessageReplyMarkup":
        return true;
      case "sendDocument":
        return {
          message_id: this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(params.chat_id), type: "private" },
          from: BOT_USER,
          document: { file_id: "d", file_unique_id: "d", file_name: params.document?.name },
        };
      case "sendPhoto":
        return {
          message_id: this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(params.chat_id), type: Number(params.chat_id) > 0 ? "private" : "supergroup" },
          from: BOT_USER,
          photo: [{ file_id: "p", file_unique_id: "p", width: 960, height: 540 }],
          ...(params.caption ? { caption: params.caption } : {}),
        };
      case "getFile":
        return {
          file_id: params.file_id,
          file_unique_id: `u-${params.file_id}`,
          file_size: 100,
          file_path: `documents/${params.file_id}.md`,
        };
      case "answerInlineQuery":
      case "answerCallbackQuery":
      case "setMyCommands":
      case "deleteMyCommands":
      case "deleteWebhook":
      case "setWebhook":
      case "sendChatAction":
        return true;
      case "close":
      case "logOut":
        return true;
      default:
        return undefined;
    }
  }

  private async getUpdates(params: Record<string, any>): Promise<unknown[]> {
    const offset = Number(params.offset ?? 0);
    const limit = Number(params.limit ?? 100);
    this.updates = this.updates.filter((u) => u.update_id >= offset);
    if (!this.updates.length) {
      const timeout = Math.min(Number(params.timeout ?? 0), 2) * 1000;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, timeout);
        this.pollTimers.add(t);
        this.waiters.push(() => {
          clearTimeout(t);
          this.pollTimers.delete(t);
          resolve();
        });
      });
    }
    return this.updates.slice(0, limit);
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    if (res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }
}

async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, any>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const type = req.headers["content-type"] ?? "";
  if (type.includes("multipart/form-data")) {
    // An upload (sendDocument, sendPhoto with an InputFile): fields as text, files as { name, text, bytes }.
    const params: Record<string, any> = Object.fromEntries(url.searchParams);
    const boundary = type.match(/boundary=(?:"([^"]+)"|([^;]+))/)!;
    const body = Buffer.concat(chunks).toString("latin1");
    for (const part of body.split(`--${boundary[1] ?? boundary[2]}`)) {
      const split = part.indexOf("\r\n\r\n");
      if (split < 0) continue;
      const head = part.slice(0, split);
      const bytes = Buffer.from(part.slice(split + 4).replace(/\r\n$/, ""), "latin1");
      const content = bytes.toString("utf8");
      const name = head.match(/name="([^"]+)"/)?.[1];
      const filename = head.match(/filename="?([^"\r\n;]*)"?/)?.[1];
      if (!name) continue;
      params[name] =
        filename !== undefined
          ? { name: filename, text: content, bytes }
          : /^[[{]/.test(content)
            ? JSON.parse(content)
            : content;
    }
    // grammY sends a file as attach://<id> in its field and the bytes under <id>.
    for (const [key, value] of Object.entries(params)) {
      const m = typeof value === "string" ? value.match(/^attach:\/\/(.+)$/) : null;
      if (m && params[m[1]!]) params[key] = params[m[1]!];
    }
    return params;
  }
  const body = Buffer.concat(chunks).toString("utf8");
  const params: Record<string, any> = Object.fromEntries(url.searchParams);
  if (!body) return params;
  if ((req.headers["content-type"] ?? "").includes("application/json")) return { ...params, ...JSON.parse(body) };
  return params;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The chat whose updates Telegram delivers one at a time (for an inline query: its sender). */
function chatOf(update: Record<string, any>): string {
  const chat =
    update.message?.chat?.id ??
    update.edited_message?.chat?.id ??
    update.channel_post?.chat?.id ??
    update.callback_query?.message?.chat?.id;
  const from =
    update.inline_query?.from?.id ?? update.chosen_inline_result?.from?.id ?? update.callback_query?.from?.id;
  return String(chat ?? from ?? `update ${update.update_id}`);
}

/** Builders for the updates a chat produces. */
let nextId = 1;
const date = () => Math.floor(Date.now() / 1000);
export const user = (id: number, name = `User${id}`) => ({ id, is_bot: false, first_name: name });

export const updates = {
  privateText: (userId: number, text: string, extra: Record<string, any> = {}) => ({
    message: {
      message_id: nextId++,
      date: date(),
      chat: { id: userId, type: "private", first_name: `User${userId}` },
      from: user(userId),
      text,
      ...commandEntities(text),
      ...extra,
    },
  }),
  groupText: (chatId: number, userId: number, text: string, extra: Record<string, any> = {}) => ({
    message: {
      message_id: nextId++,
      date: date(),
      chat: { id: chatId, type: "supergroup", title: "群" },
      from: user(userId),
      text,
      ...commandEntities(text),
      ...mentionEntities(text),
      ...extra,
    },
  }),
  inline: (userId: number, query: string) => ({
    inline_query: { id: `iq${nextId++}`, from: user(userId), query, offset: "" },
  }),
  /** The result a user picked from an inline query's answers (sent when inline feedback is on). */
  chosenInline: (userId: number, resultId: string, query: string) => ({
    chosen_inline_result: { result_id: resultId, from: user(userId), query },
  }),
  callback: (userId: number, data: string, chatId = userId) => ({
    callback_query: {
      id: `cb${nextId++}`,
      from: user(userId),
      chat_instance: "ci",
      data,
      message: {
        message_id: nextId++,
        date: date(),
        chat: { id: chatId, type: chatId > 0 ? "private" : "supergroup" },
        from: BOT_USER,
        text: "…",
      },
    },
  }),
  document: (userId: number, fileId: string, fileName: string, size = 100) => ({
    message: {
      message_id: nextId++,
      date: date(),
      chat: { id: userId, type: "private", first_name: "A" },
      from: user(userId),
      document: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: fileName, file_size: size },
    },
  }),
  sticker: (userId: number) => ({
    message: {
      message_id: nextId++,
      date: date(),
      chat: { id: userId, type: "private", first_name: "A" },
      from: user(userId),
      sticker: {
        file_id: "s",
        file_unique_id: "s",
        type: "regular",
        width: 1,
        height: 1,
        is_animated: false,
        is_video: false,
      },
    },
  }),
  photo: (userId: number) => ({
    message: {
      message_id: nextId++,
      date: date(),
      chat: { id: userId, type: "private", first_name: "A" },
      from: user(userId),
      photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }],
    },
  }),
  edited: (userId: number, text: string) => ({
    edited_message: {
      message_id: nextId++,
      date: date(),
      edit_date: date(),
      chat: { id: userId, type: "private", first_name: "A" },
      from: user(userId),
      text,
    },
  }),
  channelPost: (chatId: number, text: string) => ({
    channel_post: { message_id: nextId++, date: date(), chat: { id: chatId, type: "channel", title: "频道" }, text },
  }),
  join: (chatId: number, userId: number) => ({
    message: {
      message_id: nextId++,
      date: date(),
      chat: { id: chatId, type: "supergroup", title: "群" },
      from: user(userId),
      new_chat_members: [user(userId)],
    },
  }),
};

function commandEntities(text: string) {
  const m = text.match(/^\/\w+(@\w+)?/);
  return m ? { entities: [{ type: "bot_command", offset: 0, length: m[0].length }] } : {};
}

function mentionEntities(text: string) {
  const entities = [...text.matchAll(/@\w+/g)]
    .filter((m) => m.index! > 0 || !text.startsWith("/"))
    .map((m) => ({ type: "mention", offset: m.index!, length: m[0].length }));
  return entities.length && !text.startsWith("/") ? { entities } : {};
}
