/**
 * The places of 山西 and the places they lie in (lexicon/places.ts), as the loader, the importer and the
 * engine ask about them: which place a name is, what it lies in, and which places a text names.
 * Texts are given simplified and in lower case.
 */
import { NOT_PLACES, type PlaceEntry, SHANXI_PLACES } from "../lexicon/places.js";

const BY_FULL = new Map(SHANXI_PLACES.map((p) => [p.name, p]));
const BY_ANY = new Map<string, PlaceEntry>();
for (const p of SHANXI_PLACES) for (const n of [p.name, ...p.short, ...p.english]) BY_ANY.set(n.toLowerCase(), p);
/** Every name, longest first, so that 忻州市 is found before 忻州. */
const NAMES = [...BY_ANY.keys()].sort((a, b) => b.length - a.length);
/** A Latin name's whole-word pattern, made once: texts are searched for every name on every question. */
const WHOLE_WORD = new Map(
  NAMES.filter((n) => /^[a-z]/.test(n)).map((n) => [
    n,
    new RegExp(`(?<![a-z])${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![a-z])`),
  ]),
);

/** The place a name (full, short or English) is, by its full name. */
export function placeNamed(name: string): string | undefined {
  // Names are mostly asked as they are kept (Han, lower case): found without making a lower-case copy.
  return (BY_ANY.get(name) ?? BY_ANY.get(name.toLowerCase()))?.name;
}

/** The full names of the places `name` lies in, nearest first (原平市 → 忻州市, 山西省). */
export function ancestorsOf(name: string): string[] {
  const out: string[] = [];
  for (let p = BY_ANY.get(name.toLowerCase()); p?.parent; p = BY_FULL.get(p.parent)) out.push(p.parent);
  return out;
}

/** Whether `inner` lies in `outer` (both any of their names). */
export function liesIn(inner: string, outer: string): boolean {
  const o = placeNamed(outer);
  return o !== undefined && ancestorsOf(inner).includes(o);
}

/** Whether a place is a county, a county-level city or a district: one that lies in a city. */
export function isCounty(name: string): boolean {
  return ancestorsOf(name).length >= 2;
}

/** The places a text names, by their full names, in the order first named; 五台山 is not 五台县. */
export function placesIn(text: string): string[] {
  let rest = ` ${text.toLowerCase()} `;
  for (const n of NOT_PLACES) rest = rest.split(n).join(" ");
  const found: { name: string; at: number }[] = [];
  for (const n of NAMES) {
    const at = indexOfName(rest, n);
    if (at < 0) continue;
    found.push({ name: BY_ANY.get(n)!.name, at });
    rest = rest.split(n).join(" ".repeat(n.length));
  }
  const order = found.sort((a, b) => a.at - b.at).map((f) => f.name);
  return [...new Set(order)];
}

/** Where a name stands in a text; a Latin name only as a whole word. */
function indexOfName(text: string, name: string): number {
  const at = text.indexOf(name);
  const whole = WHOLE_WORD.get(name);
  if (at < 0 || !whole) return at;
  const m = whole.exec(text);
  return m ? m.index : -1;
}

/**
 * The most specific of several places: the one lying deepest; when several lie equally deep, the nearest
 * place they all lie in (定襄县 and 五台县 → 忻州市).
 */
export function mostSpecific(names: readonly string[]): string | undefined {
  if (!names.length) return undefined;
  const depth = (n: string) => ancestorsOf(n).length;
  const deepest = Math.max(...names.map(depth));
  const at = [...new Set(names.filter((n) => depth(n) === deepest))];
  if (at.length === 1) return at[0];
  const chains = at.map((n) => ancestorsOf(n));
  return chains[0]!.find((a) => chains.every((c) => c.includes(a)));
}
