/** Answer → plain text, as a person reads it in a terminal or in the JSON answer's `text`. */

import type { Answer } from "../engine/index.js";
import { displayPeriod } from "../engine/state/statement.js";
import { clip } from "./clip.js";
import { directAnswer, englishPeriod, LABELS, understoodLine, unitNote } from "./words.js";

export const MAX_PLAIN = 1500;

/** `understood`: the whole question a follow-up was taken as, said first. */
export function toPlainText(answer: Answer, understood?: string): string {
  const l = LABELS[answer.lang];
  const lines: string[] = [directAnswer(answer)];
  const units = unitNote(answer);
  if (units) lines.push(units);
  if (understood) lines.unshift(understoodLine(answer.lang, understood));
  // English labels take an English colon and brackets; the source line stays as the source names itself.
  const [colon, open, close] = [l.colon.trimEnd(), l.open, l.close];
  const sep = answer.lang === "en" ? "; " : "；";
  if (answer.unansweredParts?.length) lines.push(`${l.unanswered}${l.colon}${answer.unansweredParts.join(sep)}`);
  if (answer.series?.length) {
    lines.push(`${l.series}${colon}`);
    for (const p of answer.series) {
      const c = p.citation;
      const when = (answer.lang === "en" && englishPeriod(p.period)) || displayPeriod(p.period);
      lines.push(`· ${when}${l.colon}${p.figure}${open}${c.publisher}《${c.title}》${c.date}${close}`);
    }
  }
  for (const c of answer.citations) {
    lines.push(`${l.quoted}${l.colon}“${c.quote}”`, `${c.publisher}《${c.title}》${c.date}`, c.url);
  }
  for (const o of answer.others) {
    const source = `${o.citation.publisher} ${o.citation.date} ${o.citation.url}`;
    lines.push(`${l.others}${l.colon}${o.answer}${open}${source}${close}`);
  }
  if (!answer.answered && answer.didYouMean) lines.push(`${l.didYouMean}${l.colon}${answer.didYouMean}`);
  if (answer.related.length) {
    lines.push(`${answer.answered ? l.related : l.examples}${colon}`, ...answer.related.map((q) => `· ${q}`));
  }
  const text = lines.join("\n");
  return clip(text, MAX_PLAIN, "…");
}
