/**
 * Splits a paragraph into sentences, each an exact substring of it, so that a sentence can be
 * quoted word for word. A sentence ends at 。！？!? or an ellipsis, together with any closing
 * quotation marks after it (“……新局面。”), or at a full stop followed by a space (English).
 *
 * A sentence is at most MAX_SENTENCE characters: a longer one (a page with no full stops, a pasted table)
 * is cut at clause marks, and a run with none at the bound itself, never inside a number. Every sentence
 * of ordinary text is far shorter (the longest in the project's sets is about 600), so it stays whole;
 * the bound keeps one pasted page from making every question slow.
 */
const SENTENCE = /[^。！？!?…]*?(?:[。！？!?]+|…+|\.(?=\s)|$)[”’」』》）)"']*(?:\[\d{1,3}\])*/gu;
/** An encyclopedia's reference marks after a sentence (…增长5.1%。[6][7]): the sentence's, and not quoted. */
const REFERENCE_MARKS = /(?<=[。！？!?.”’」』》）)"'])(?:\[\d{1,3}\])+$/u;

export const MAX_SENTENCE = 1000;

const CLAUSE_MARK = /[，,；;：:、]/;

export function splitSentences(paragraph: string, max = MAX_SENTENCE): string[] {
  const out: string[] = [];
  for (const match of paragraph.matchAll(SENTENCE)) {
    const sentence = match[0].trim().replace(REFERENCE_MARKS, "");
    if (!sentence) continue;
    if (sentence.length <= max) out.push(sentence);
    else out.push(...boundedPieces(sentence, max));
  }
  return out;
}

/** Pieces of at most `max` characters, cut after the last clause mark before the bound, else at a safe place. */
function boundedPieces(sentence: string, max: number): string[] {
  const out: string[] = [];
  let rest = sentence;
  while (rest.length > max) {
    let cut = lastMark(rest, max);
    if (cut <= 0) cut = safeCut(rest, max);
    const piece = rest.slice(0, cut).trim();
    if (piece) out.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim()) out.push(rest.trim());
  return out;
}

/** The position just after the last clause mark within the first `max` characters, or 0. */
function lastMark(text: string, max: number): number {
  for (let i = max - 1; i > max / 2; i--) if (CLAUSE_MARK.test(text[i]!)) return i + 1;
  return 0;
}

/** A cut at or before `max` that splits no number and no surrogate pair. */
function safeCut(text: string, max: number): number {
  let cut = max;
  while (cut > max / 2 && (/[\d.,]/.test(text[cut] ?? "") || /[\uD800-\uDBFF]/.test(text[cut - 1] ?? ""))) cut--;
  return cut > max / 2 ? cut : max - (/[\uD800-\uDBFF]/.test(text[max - 1] ?? "") ? 1 : 0);
}
