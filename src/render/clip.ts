/**
 * Shortening text for labels and titles. Telegram counts lengths in UTF-16 units, so the limit is in
 * those; the cut falls between graphemes, so that an emoji (a surrogate pair, or several joined) or a
 * rare CJK character outside the BMP is never split into a broken half.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** `text` if it has at most `max` UTF-16 units; else as many whole graphemes as fit with `ellipsis` after them. */
export function clip(text: string, max: number, ellipsis = ""): string {
  if (text.length <= max) return text;
  const room = max - ellipsis.length;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    if (index + segment.length > room) break;
    end = index + segment.length;
  }
  return text.slice(0, end) + ellipsis;
}
