/** The glossary file: sections of synonym groups. */

import type { Glossary, Problem } from "../model/knowledge.js";
import { glossarySchema } from "./schema.js";
import { issuesToProblems, parseYaml } from "./yaml.js";

export const EMPTY_GLOSSARY: Glossary = { places: [], organisations: [], people: [], terms: [] };

export function parseGlossary(file: string, text: string): { glossary?: Glossary; problems: Problem[] } {
  const { source, problems } = parseYaml(file, text);
  if (problems.length) return { problems };
  const parsed = glossarySchema.safeParse(source.value ?? {});
  if (!parsed.success) return { problems: issuesToProblems(file, source, parsed.error.issues) };
  return { glossary: parsed.data, problems: [] };
}
