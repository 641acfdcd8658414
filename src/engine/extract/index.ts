/** Reading every figure of an article as a fact, apart from answering questions (docs/design.md). */
export { type ExtractedFact, extractFacts, type Status } from "./facts.js";
export { canonicalMeasure } from "./measure.js";
export { canonicalPlace } from "./subject.js";
