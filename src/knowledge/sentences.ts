/**
 * Splits a paragraph into sentences, each an exact substring of it, so that a sentence can be
 * quoted word for word. A sentence ends at 。！？!? or an ellipsis, together with any closing
 * quotation marks after it (“……新局面。”), or at a full stop followed by a space (English).
 */
const SENTENCE = /[^。！？!?…]*?(?:[。！？!?]+|…+|\.(?=\s)|$)[”’」』》）)"']*/gu;

export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  for (const match of paragraph.matchAll(SENTENCE)) {
    const sentence = match[0].trim();
    if (sentence) out.push(sentence);
  }
  return out;
}
