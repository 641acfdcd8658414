import { Writable } from "node:stream";
import { GrammyError } from "grammy";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";

const TOKEN = "1234567890:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw-extra";

describe("logs", () => {
  it("never show a bot token, wherever it hides", () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: "debug", destination });
    logger.info(`calling https://api.telegram.org/bot${TOKEN}/getMe`);
    logger.error({ err: new Error(`request to /bot${TOKEN}/sendMessage failed`) }, "update failed");
    logger.warn({ config: { botToken: TOKEN }, url: `https://x/bot${TOKEN}` }, "start");
    logger.debug({ nested: { deeper: [`${TOKEN}`] } }, "deep");
    const output = lines.join("");
    expect(lines).toHaveLength(4);
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    expect(output).toContain("[secret]");
  });

  it("scrub every token that the configuration accepts, the shortest too", () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: "info", destination });
    for (const token of ["1234:abcdefghijklmnopqrst", "12:ABCDEFGHIJ_KLMNOPQRS-", TOKEN]) {
      expect(loadConfig({ BOT_TOKEN: token }).botToken).toBe(token);
      logger.info(`GET /bot${token}/getMe`);
      expect(lines.at(-1)).not.toContain(token.split(":")[1]);
    }
  });
  it("leave out what a refused Bot API call sent (the chat and the text), and keep why it was refused", () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: "debug", destination });
    const refusal = new GrammyError(
      "Call to 'sendMessage' failed!",
      { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
      "sendMessage",
      { chat_id: 5550123401, text: "<b>忻州新能源装机1200万千瓦</b>" },
    );
    logger.warn({ err: refusal }, "reply not sent");
    const output = lines.join("");
    const why = { method: "sendMessage", error_code: 403, description: "Forbidden: bot was blocked by the user" };
    expect(JSON.parse(output).err).toMatchObject(why);
    expect(output).not.toContain("5550123401");
    expect(output).not.toContain("1200万千瓦");
  });
});
