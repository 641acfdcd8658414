/** The thread that draws charts (see charts.ts): a request of chart specs in, their PNG bytes out. */
import { parentPort } from "node:worker_threads";
import { renderChart } from "../render/chart.js";
import type { ChartReply, ChartRequest } from "./charts.js";

const port = parentPort!;
port.on("message", (m: ChartRequest) => {
  let reply: ChartReply;
  try {
    reply = { id: m.id, ok: true, pngs: m.specs.map(renderChart) };
  } catch (e) {
    reply = { id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
