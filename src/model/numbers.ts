/**
 * Numbers as articles write them: 1200, 17.38, 2,387 (thousands), 1/9. The one definition used to
 * check that a fact's value stands in its quote and to find figures in sentences.
 */
export const NUMBER_SOURCE = String.raw`\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?(?:\/\d+)?`;

/**
 * The same numbers as a sentence may write them before NFKC: full-width digits, a full-width point or bar,
 * a Chinese comma between thousands (１２００, 2，387). Figures are found with this one (engine/figures.ts).
 */
const D = "[0-9０-９]";
const WRITTEN_WITH_THOUSANDS = `${D}{1,3}(?:[,，]${D}{3})+(?!${D})(?:[.．]${D}+)?`;
export const WRITTEN_NUMBER_SOURCE = `${WRITTEN_WITH_THOUSANDS}|${D}+(?:[.．]${D}+)?(?:[/／]${D}+)?`;

export function numbersIn(text: string): { text: string; value: number; index: number }[] {
  const out: { text: string; value: number; index: number }[] = [];
  for (const m of text.normalize("NFKC").matchAll(new RegExp(NUMBER_SOURCE, "g"))) {
    const written = m[0];
    const [num, den] = written.split("/");
    const value = den ? Number(num) / Number(den) : Number(written.replace(/,/g, ""));
    out.push({ text: written, value, index: m.index });
  }
  return out;
}

/** Whether `value` is written in `quote`: a text as a substring, a number as one of its numbers. */
export function standsIn(value: number | string, quote: string): boolean {
  if (typeof value === "string")
    return quote.includes(value) || quote.normalize("NFKC").includes(value.normalize("NFKC"));
  return numbersIn(quote).some((n) => !n.text.includes("/") && n.value === value);
}
