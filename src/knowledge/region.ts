/**
 * The place an article is about, when its file does not say: the most specific place its title names,
 * else the most specific its lead sentence names. 该县, 全市 and sentences naming no place are read as
 * that place's, so the guess matters to answering as much as a written `region`.
 */
import { simplify } from "../engine/text.js";
import { mostSpecific, placeNamed, placesIn } from "../model/places.js";

export interface RegionGuess {
  readonly region: string;
  readonly from: "title" | "lead";
}

/**
 * `lead`: the article's first paragraph of text. `glossaryPlaces`: the glossary's place groups (太忻一体化经济区,
 * 五台山), used when no place of 山西 is named.
 */
export function guessRegion(
  title: string,
  lead: string,
  glossaryPlaces: readonly (readonly string[])[],
): RegionGuess | undefined {
  const opening = lead.split(/(?<=[。！？!?；;])/u)[0] ?? "";
  for (const [text, from] of [
    [title, "title"],
    [opening, "lead"],
  ] as const) {
    const plain = simplify(text).toLowerCase();
    const region = mostSpecific(placesIn(plain)) ?? glossaryPlace(plain, glossaryPlaces);
    if (region) return { region, from };
  }
  return undefined;
}

/** The first glossary place a text names by a Chinese name of two characters or more, as articles name it. */
function glossaryPlace(text: string, groups: readonly (readonly string[])[]): string | undefined {
  const named = groups.filter(
    (g) => !placeNamed(g[0]!) && g.some((n) => /\p{Script=Han}{2}/u.test(n) && text.includes(n)),
  );
  return named[0]?.[0];
}
