/** The language a question is asked in: English when it has Latin words and no Chinese. */
import type { Language } from "../state/answer.js";

export function languageOf(question: string): Language {
  return /\p{Script=Han}/u.test(question) || !/[a-z]{2}/i.test(question) ? "zh" : "en";
}
