import { createEngine } from "./src/engine/index.js";
import { loadKnowledge } from "./src/knowledge/load.js";
import { directAnswer } from "./src/render/words.js";
const r = await loadKnowledge("./knowledge"); if (!r.ok) throw 1;
const e = createEngine(r.kb);
for (const q of process.argv.slice(2)) { const a = e.ask(q, new Date()); console.log(q, "→", directAnswer(a), "|", a.related.join(" | ")); }
