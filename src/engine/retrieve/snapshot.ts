/**
 * The built sentence index as bytes, so that a restart with unchanged knowledge loads it instead of
 * building it again. Pure: Buffer out, Buffer in; the caller stores it.
 *
 * MiniSearch's own toJSON/loadJS re-inserts every term on load, which measured as slow as building
 * (10k passages: 1.1 s to load, 1.2 s to build). So the snapshot keeps MiniSearch's internal maps with
 * v8.serialize, which restores them natively, except the term tree, kept as flat arrays and rebuilt (faster). That reads MiniSearch's private fields: the snapshot is
 * tied to the exact MiniSearch version (pinned in package.json) and to the knowledge version, carries a
 * checksum, and anything that does not match is rebuilt, never served.
 */
import { createHash } from "node:crypto";
import v8 from "node:v8";
import MiniSearch from "minisearch";
import type { KnowledgeBase } from "../../model/knowledge.js";
import { type EngineLog, type Prebuilt, sentenceIndexOptions } from "./indexes.js";
import { SortedTermCounts } from "./terms.js";

const MAGIC = "XZSNAP1\n";
const FORMAT = 2;
/** The MiniSearch version whose private fields this file reads; a test checks it is the one installed. */
export const MINISEARCH_VERSION = "7.2.0";

/** MiniSearch's state, as its fields hold it (see the note above). */
const STATE_FIELDS = [
  "_documentCount",
  "_documentIds",
  "_idToShortId",
  "_fieldIds",
  "_fieldLength",
  "_avgFieldLength",
  "_nextId",
  "_storedFields",
  "_dirtCount",
] as const;

interface Header {
  format: number;
  minisearch: string;
  knowledge: string;
  sha256: string;
  bytes: number;
}

/**
 * MiniSearch's term tree: a node maps each next piece of a term to its node, and "" to the term's postings
 * (field id → document's short id → frequency).
 */
type TreeNode = Map<string, TreeNode | Map<number, Map<number, number>>>;
const LEAF = "";

/**
 * The tree as flat arrays, walked depth first: for each node its size, then per entry its key and either its
 * node or its postings (fields, then per field its id, its document count, and the documents with their
 * frequencies). A million small maps restored by v8.deserialize cost more than rebuilding them from arrays.
 */
interface FlatTree {
  readonly keys: string;
  readonly shape: Uint32Array;
  readonly docs: Uint32Array;
  readonly freqs: Uint32Array;
}

function flattenTree(tree: TreeNode): FlatTree {
  const keys: string[] = [];
  const shape: number[] = [];
  const docs: number[] = [];
  const freqs: number[] = [];
  const walk = (node: TreeNode) => {
    shape.push(node.size);
    for (const [key, child] of node) {
      keys.push(key);
      if (key !== LEAF) {
        walk(child as TreeNode);
        continue;
      }
      const fields = child as Map<number, Map<number, number>>;
      shape.push(fields.size);
      for (const [field, postings] of fields) {
        shape.push(field, postings.size);
        for (const [doc, freq] of postings) {
          docs.push(doc);
          freqs.push(freq);
        }
      }
    }
  };
  walk(tree);
  // A term's pieces are letters, never this separator (terms are split on white space and hold no controls).
  return {
    keys: keys.join("\u0000"),
    shape: Uint32Array.from(shape),
    docs: Uint32Array.from(docs),
    freqs: Uint32Array.from(freqs),
  };
}

function rebuildTree(flat: FlatTree): TreeNode {
  const keys = flat.keys.split("\u0000");
  const { shape, docs, freqs } = flat;
  let k = 0;
  let s = 0;
  let d = 0;
  const postingsAt = () => {
    const fields = new Map<number, Map<number, number>>();
    for (let n = shape[s++]!; n > 0; n--) {
      const field = shape[s++]!;
      const postings = new Map<number, number>();
      for (let m = shape[s++]!; m > 0; m--, d++) postings.set(docs[d]!, freqs[d]!);
      fields.set(field, postings);
    }
    return fields;
  };
  const nodeAt = (): TreeNode => {
    const node: TreeNode = new Map();
    for (let n = shape[s++]!; n > 0; n--) {
      const key = keys[k++]!;
      node.set(key, key === LEAF ? postingsAt() : nodeAt());
    }
    return node;
  };
  return nodeAt();
}

export function toSnapshot(kb: KnowledgeBase, prebuilt: Prebuilt): Buffer {
  const index = prebuilt.sentences as unknown as Record<string, unknown>;
  const state = Object.fromEntries(STATE_FIELDS.map((f) => [f, index[f]]));
  const { terms, counts } = SortedTermCounts.from(prebuilt.documentFrequency);
  const payload = v8.serialize({
    state,
    tree: flattenTree((index._index as { _tree: TreeNode })._tree),
    terms: terms.join("\n"),
    counts,
  });
  const header: Header = {
    format: FORMAT,
    minisearch: MINISEARCH_VERSION,
    knowledge: kb.version,
    sha256: createHash("sha256").update(payload).digest("hex"),
    bytes: payload.length,
  };
  return Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`), payload]);
}

export type SnapshotResult = { ok: true; prebuilt: Prebuilt } | { ok: false; reason: string };

/** The index in `bytes`, if they are a complete snapshot of this knowledge made by this code. */
export function fromSnapshot(kb: KnowledgeBase, bytes: Buffer, log: EngineLog): SnapshotResult {
  if (bytes.subarray(0, MAGIC.length).toString() !== MAGIC) return { ok: false, reason: "not a snapshot" };
  const end = bytes.indexOf(10, MAGIC.length);
  if (end < 0) return { ok: false, reason: "truncated header" };
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(MAGIC.length, end).toString()) as Header;
  } catch {
    return { ok: false, reason: "corrupt header" };
  }
  if (header.format !== FORMAT || header.minisearch !== MINISEARCH_VERSION)
    return { ok: false, reason: "made by another version" };
  if (header.knowledge !== kb.version) return { ok: false, reason: "stale: the knowledge has changed" };
  const payload = bytes.subarray(end + 1);
  if (payload.length !== header.bytes)
    return { ok: false, reason: `truncated: ${payload.length} of ${header.bytes} bytes` };
  if (createHash("sha256").update(payload).digest("hex") !== header.sha256)
    return { ok: false, reason: "corrupt: checksum mismatch" };

  const { state, tree, terms, counts } = v8.deserialize(payload) as {
    state: Record<string, unknown>;
    tree: FlatTree;
    terms: string;
    counts: Int32Array;
  };
  const sentences = new MiniSearch<{ id: number; text: string }>(sentenceIndexOptions(log));
  const live = sentences as unknown as Record<string, unknown>;
  const index = live._index as { _tree: unknown };
  for (const field of STATE_FIELDS) live[field] = state[field];
  index._tree = rebuildTree(tree);
  const documentFrequency = new SortedTermCounts(terms ? terms.split("\n") : [], counts);
  return { ok: true, prebuilt: { sentences, documentFrequency } };
}
