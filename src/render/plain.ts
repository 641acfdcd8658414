/** Answer → plain text, as a person reads it in a terminal or in the JSON answer's `text`. */

import type { Answer } from "../engine/index.js";
import { displayPeriod } from "../engine/state/statement.js";
import { clip } from "./clip.js";
import { directAnswer, LABELS, understoodLine } from "./words.js";

export const MAX_PLAIN = 1500;

/** `understood`: the whole question a follow-up was taken as, said first. */
export function toPlainText(answer: Answer, understood?: string): string {
  const l = LABELS[answer.lang];
  const lines: string[] = [directAnswer(answer)];
  if (understood) lines.unshift(understoodLine(answer.lang, understood));
  if (answer.unansweredParts?.length) lines.push(`${l.unanswered}：${answer.unansweredParts.join("；")}`);
  if (answer.series?.length) {
    lines.push(`${l.series}：`);
    for (const p of answer.series) {
      const c = p.citation;
      lines.push(`· ${displayPeriod(p.period)}：${p.figure}（${c.publisher}《${c.title}》${c.date}）`);
    }
  }
  for (const c of answer.citations) {
    lines.push(`${l.quoted}：“${c.quote}”`, `${c.publisher}《${c.title}》${c.date}`, c.url);
  }
  for (const o of answer.others) {
    lines.push(`${l.others}：${o.answer}（${o.citation.publisher} ${o.citation.date} ${o.citation.url}）`);
  }
  if (!answer.answered && answer.didYouMean) lines.push(`${l.didYouMean}：${answer.didYouMean}`);
  if (answer.related.length) {
    lines.push(`${answer.answered ? l.related : l.examples}：`, ...answer.related.map((q) => `· ${q}`));
  }
  const text = lines.join("\n");
  return clip(text, MAX_PLAIN, "…");
}
