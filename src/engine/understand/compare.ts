/**
 * A question that compares two subjects (忻州和太原哪个GDP高, 五台和代县谁的人口多, Which is larger, A or B):
 * the question asked of each alone, so that each side is answered from its own evidence and never with a
 * figure of the other.
 */
import { alt } from "../../lexicon/match.js";
import { COMPARING_PLACES as C } from "../../lexicon/questions.js";
import { PARTS_OF_YEAR, RELATIVE_YEARS } from "../../lexicon/time.js";

export interface Comparison {
  /** Each side's name as the question writes it, and the question asked of it alone. */
  readonly sides: readonly { readonly name: string; readonly question: string }[];
  /** The comparing word asked (高, 多, 低, larger): which side answers is the one it describes. */
  readonly word: string;
  /** The question asks for the smaller (哪个低, which is smaller). */
  readonly less: boolean;
}

const COMPARED = new RegExp(
  `^(.+?)(?:${alt(C.which)})的?(.{0,12}?)(?:更|比较)?(${alt([...C.more, ...C.less])})` +
    `(?:一些|一点|些)?(?:呢|啊)?[？?。!！\\s]*$`,
);
const JOINER = new RegExp(`\\s*${alt(C.joiners)}\\s*`);
/** A time said once for both sides (2023年忻州和太原…). */
const TIME = `(?:(?:19|20)\\d\\d年|${alt(Object.keys(RELATIVE_YEARS))})?${alt(PARTS_OF_YEAR)}?`;
const SHARED_TIME = new RegExp(`^${TIME}`);
const TIME_AFTER = new RegExp(`${TIME}$`);
const ENGLISH = new RegExp(
  `^which\\s+(?:is|has|had|was|were)\\s+(?:a\\s+|the\\s+)?(${alt([...C.latinMore, ...C.latinLess])})\\b` +
    "\\s*(.*?)\\s*[,:]\\s*(.+?)\\s+or\\s+(.+?)[?.!\\s]*$",
  "i",
);

/** The comparison a question asks, or undefined when it compares nothing. */
export function comparisonOf(question: string): Comparison | undefined {
  return englishComparison(question.trim()) ?? chineseComparison(question.trim());
}

function chineseComparison(question: string): Comparison | undefined {
  const m = COMPARED.exec(question);
  if (!m) return undefined;
  const [, before, metric, word] = m;
  const names = before!
    .replace(/[，,\s]*(?:相比较?|比较|相比)?[，,\s]*$/, "")
    .split(JOINER)
    .map((s) => s.trim());
  if (names.length !== 2 || names.some((n) => n.length < 2 || n.length > 16)) return undefined;
  // A time said once stands before the first side or after the last (2023年忻州和太原…, 忻州和大同上半年…).
  const first = SHARED_TIME.exec(names[0]!)![0];
  const last = first ? "" : (TIME_AFTER.exec(names[1]!)?.[0] ?? "");
  const bare = [names[0]!.slice(first.length), names[1]!.slice(0, names[1]!.length - last.length)];
  const sides = bare.map((name) => ({ name, question: `${first}${name}${last}${metric}多少` }));
  return { sides, word: word!, less: C.less.includes(word!) };
}

function englishComparison(question: string): Comparison | undefined {
  const m = ENGLISH.exec(question);
  if (!m) return undefined;
  const [, word, metric, a, b] = m;
  const sides = [a!, b!].map((name) => ({ name, question: `What is ${name}${metric ? ` ${metric}` : ""}?` }));
  const lower = word!.toLowerCase();
  return { sides, word: lower, less: C.latinLess.includes(lower) };
}
