/** YAML parsing that remembers where each value was written, so problems can name their line. */
import { type Document, isMap, isSeq, LineCounter, type Node, parseDocument, visit } from "yaml";
import type { z } from "zod";
import type { Problem } from "../model/knowledge.js";

export interface YamlSource {
  readonly value: unknown;
  /** The line where the value at `path` is written (its key for a map entry), or the nearest parent's. */
  lineOf(path: readonly PropertyKey[]): number;
}

/**
 * Parses `text`, which starts at line `firstLine` of `file`. Syntax errors come back as problems,
 * all of them, each with its line.
 */
export function parseYaml(file: string, text: string, firstLine = 1): { source: YamlSource; problems: Problem[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => Math.max(counter.linePos(offset).line, 1) + firstLine - 1;
  const problems: Problem[] = doc.errors.map((e) => ({
    file,
    line: lineAt(e.pos[0]),
    message: `YAML: ${e.message.split("\n")[0]}`,
  }));

  const lineOf = (path: readonly PropertyKey[]): number => {
    let node: unknown = doc.contents;
    let line = node && (node as Node).range ? lineAt((node as Node).range![0]) : firstLine;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
        if (!pair) break;
        const keyNode = pair.key as Node | null;
        if (keyNode?.range) line = lineAt(keyNode.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof key === "number") {
        node = node.items[key];
        if ((node as Node | undefined)?.range) line = lineAt((node as Node).range![0]);
      } else break;
    }
    return line;
  };

  const value = problems.length ? undefined : toValue(doc, lineAt, file, problems);
  return { source: { value, lineOf }, problems };
}

/**
 * Aliases that expand to more than this many nodes ("billion laughs": anchors nested in anchors)
 * are refused: expanding them would take the whole memory. An article or a facts file has no use for
 * more than a few.
 */
const MAX_ALIAS_COUNT = 100;

/** The document's value; a problem at the first alias (or the first line) if it cannot be made. */
function toValue(doc: Document, lineAt: (offset: number) => number, file: string, problems: Problem[]): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    let line = lineAt(doc.contents?.range?.[0] ?? 0);
    visit(doc, {
      Alias(_, node) {
        if (node.range) line = lineAt(node.range[0]);
        return visit.BREAK;
      },
    });
    const aliases = /alias count/i.test(String(e));
    const why = aliases ? `its aliases expand to too much (more than ${MAX_ALIAS_COUNT} aliases)` : String(e);
    problems.push({ file, line, message: `YAML: ${why}` });
    return undefined;
  }
}

/** zod issues as problems, each at the line of the field it names. */
export function issuesToProblems(
  file: string,
  source: YamlSource,
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): Problem[] {
  return issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys" && issue.keys[0] !== undefined) path.push(issue.keys[0]);
    return { file, line: source.lineOf(path), message: issue.message };
  });
}
