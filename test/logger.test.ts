import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
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
});
