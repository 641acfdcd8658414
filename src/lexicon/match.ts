/**
 * The one helper that turns word lists into matchers, so that adding a word means adding a line to a
 * list, never editing a regular expression. Words are matched longest first: where two entries start at
 * the same place (多少 and 多少来着), the longer one wins.
 */

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A non-capturing alternation of the words, escaped, longest first: `(?:多少来着|多少)`. */
export function alt(words: readonly string[]): string {
  const sorted = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length);
  return `(?:${sorted.map(escapeRegExp).join("|")})`;
}

/** A regular expression matching any of the words; Latin words as whole words when `wholeLatin`. */
export function anyWord(words: readonly string[], flags = ""): RegExp {
  return new RegExp(alt(words), flags);
}

/** Latin words as whole words (`\b…\b`), others anywhere. */
export function anyWordLatinWhole(words: readonly string[], flags = ""): RegExp {
  const latin = words.filter((w) => /^[a-z]/i.test(w));
  const other = words.filter((w) => !/^[a-z]/i.test(w));
  const parts = [...(other.length ? [alt(other)] : []), ...(latin.length ? [`\\b${alt(latin)}\\b`] : [])];
  return new RegExp(parts.join("|"), flags);
}

/** A text made only of these words, one or more (今年上半年). */
export function onlyWords(words: readonly string[], flags = ""): RegExp {
  return new RegExp(`^${alt(words)}+$`, flags);
}

/** The characters of a string of one-character entries, as a set. */
export function charSet(chars: readonly string[]): ReadonlySet<string> {
  return new Set(chars.flatMap((c) => [...c]));
}

/** A cue: words matched anywhere, and English words matched whole. */
export function cueRegExp(cue: { readonly anywhere: readonly string[]; readonly words?: readonly string[] }, extra = "", flags = ""): RegExp {
  const anywhere = cue.anywhere.length ? [alt(cue.anywhere)] : [];
  const parts = [...anywhere, ...(cue.words?.length ? [`\\b${alt(cue.words)}\\b`] : []), ...(extra ? [extra] : [])];
  return new RegExp(parts.join("|"), flags);
}
