/**
 * Questions an article will answer once it is in the knowledge base, for the preview an admin sees
 * before saving it: sentences with a figure, the figure taken out and 多少 put in, as the property
 * tests make them. Pure; the bot asks the live engine whether they are answered once saved.
 */
import { findFigures } from "../engine/read/figures.js";
import type { BodyParagraph } from "./body.js";

const HAN = /\p{Script=Han}/gu;

export function sampleQuestions(paragraphs: readonly BodyParagraph[], count = 2): string[] {
  const questions: string[] = [];
  for (const p of paragraphs) {
    if (p.heading) continue;
    for (const sentence of p.text.split(/(?<=[。！？；!?;])/u)) {
      const figure = findFigures(sentence).find((f) => f.kind !== "time" && f.kind !== "rank");
      if (!figure) continue;
      // The clause the figure stands in, from its start to the figure.
      const clause = sentence
        .slice(0, figure.index)
        .split(/[，,：:（(“"]/u)
        .at(-1)!
        .trim();
      if ((clause.match(HAN) ?? []).length < 4) continue;
      const unit = figure.unit.replace(/^[万亿千百]+/u, "");
      const asked =
        figure.kind === "share" || figure.kind === "growth" || !unit || unit === "%"
          ? `${clause}是多少？`
          : `${clause}多少${unit}？`;
      if (!questions.includes(asked)) questions.push(asked);
      break; // one question a paragraph: they should be about different things
    }
    if (questions.length >= count) break;
  }
  return questions;
}
