/**
 * The curated facts' search (engine/retrieve/facts.ts) against MiniSearch's own: the same facts, in the same
 * order, with the same scores, for any words.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { engineOptions } from "../../src/engine/options.js";
import { searchFacts } from "../../src/engine/retrieve/facts.js";
import { buildIndexes, type Indexes } from "../../src/engine/retrieve/indexes.js";
import { tokenize } from "../../src/engine/text.js";
import { loadKnowledge } from "../../src/knowledge/load.js";

let ix: Indexes;
let terms: string[];
beforeAll(async () => {
  const loaded = await loadKnowledge("knowledge");
  if (!loaded.ok) throw new Error("the shipped knowledge does not load");
  ix = buildIndexes(loaded.kb, { options: engineOptions(), log: () => {} });
  terms = [...ix.core.facts.counts.keys()];
});

const miniSearch = (text: string) =>
  ix.facts.search(text, { combineWith: "OR" }).map(({ id, score }) => ({ id, score }));

describe("the facts' search", () => {
  it("finds what MiniSearch finds, scored the same, for every fact's own words", () => {
    for (const { fact } of ix.factList) {
      const tokens = tokenize([fact.subject, fact.metric, ...fact.aliases].join(" ")).join(" ");
      expect(searchFacts(ix.facts, tokens)).toEqual(miniSearch(tokens));
    }
  });

  it("and for any words, repeated or unknown ones too", () => {
    const word = fc.oneof(
      fc.integer({ min: 0, max: terms.length - 1 }).map((i) => terms[i]!),
      fc.constantFrom("没有", "zzz", ""),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (words) => {
        const text = words.join(" ");
        expect(searchFacts(ix.facts, text)).toEqual(miniSearch(text));
      }),
      { numRuns: 300 },
    );
  });
});
