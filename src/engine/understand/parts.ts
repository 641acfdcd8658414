/** A question that asks several things (多少家？排名如何？), cut into its parts. */

import { anyWord } from "../../lexicon/match.js";
import { QUESTION_CUES, REFERENCES } from "../../lexicon/questions.js";

const QUESTION_CUE = anyWord(QUESTION_CUES, "i");
const REFERS = new RegExp(`${anyWord(REFERENCES.han).source}|\\b${anyWord(REFERENCES.latin).source}\\b`, "i");

/**
 * Parts of a question that asks several things: split at ？ and ；, and at a comma or 、 between two
 * questions (有几个、总投资多少).
 */
export function splitQuestion(question: string): string[] {
  const asks = (part: string) => QUESTION_CUE.test(part);
  const parts: string[] = [];
  for (const piece of question.split(/[？?；;]+/)) {
    let current = "";
    const pieces = piece.split(/([，,、])/);
    for (let i = 0; i < pieces.length; i += 2) {
      const c = pieces[i]!;
      if (current && asks(current) && asks(c)) {
        parts.push(current);
        current = c;
      } else current = current ? `${current}${pieces[i - 1]}${c}` : c;
    }
    parts.push(current);
  }
  return parts.map((p) => p.trim()).filter((p) => /[\p{Script=Han}a-z]{2}/iu.test(p));
}

/** Whether a part points back at another part's subject (这, 该, it): it is not a question of its own. */
export function refersBack(part: string): boolean {
  return REFERS.test(part);
}
