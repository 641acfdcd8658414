/** The shapes of knowledge files, checked with zod; messages are written for the admin. */
import { z } from "zod";
import { FACT_KINDS } from "../model/knowledge.js";

const text = (field: string) =>
  z
    .string({ error: (i) => (i.input === undefined ? `missing ${field}` : `${field} must be text`) })
    .trim()
    .min(1, `${field} is empty`);

const optionalText = (field: string) => text(field).optional();

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function isWebUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
  } catch {
    return false;
  }
}

export const frontMatterSchema = z.strictObject(
  {
    id: z
      .union([z.string(), z.number()])
      .transform(String)
      .pipe(z.string().regex(/^[\w.-]+$/u, "id may hold only letters, digits, '.', '_' and '-'"))
      .optional(),
    title: text("title"),
    publisher: text("publisher"),
    date: z
      .unknown()
      .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
      .pipe(
        z.string({ error: (i) => (i.input === undefined ? "missing date" : "date must be text") }).refine(isIsoDate, {
          error: (i) => `date ${JSON.stringify(i.input)} is not a date (YYYY-MM-DD)`,
        }),
      ),
    url: text("url").refine(isWebUrl, { error: (i) => `url ${JSON.stringify(i.input)} is not an http(s) link` }),
    lang: z.enum(["zh", "en"], { error: (i) => `lang ${JSON.stringify(i.input)} must be zh or en` }).default("zh"),
    author: optionalText("author"),
    region: optionalText("region"),
  },
  {
    error: (i) =>
      i.code === "unrecognized_keys" ? `unknown field ${i.keys.map((k) => `"${k}"`).join(", ")}` : undefined,
  },
);
export type FrontMatter = z.infer<typeof frontMatterSchema>;

const factValue = z.union([z.number().finite(), text("value")], {
  error: "value must be a number, a text, or a list of them",
});

export const factSchema = z.strictObject(
  {
    id: z.union([z.string(), z.number()]).transform(String).optional(),
    article: optionalText("article"),
    subject: text("subject"),
    metric: text("metric"),
    aliases: z.array(text("alias"), { error: "aliases must be a list of texts" }).default([]),
    kind: z
      .enum(FACT_KINDS, { error: (i) => `kind ${JSON.stringify(i.input)} must be one of ${FACT_KINDS.join(", ")}` })
      .optional(),
    value: z.union([factValue, z.array(factValue).min(1, "value is an empty list")], {
      error: (i) => (i.input === undefined ? "missing value" : "value must be a number, a text, or a list of them"),
    }),
    unit: z
      .union([z.string(), z.number()])
      .transform((u) => String(u).trim())
      .default(""),
    period: text("period").refine((p) => /\d{4}年/.test(p), {
      error: (i) => `period ${JSON.stringify(i.input)} must name its year (2024年, 2024年1-9月)`,
    }),
    quote: text("quote"),
    role: optionalText("role"),
    note: z.string().optional(),
  },
  {
    error: (i) =>
      i.code === "unrecognized_keys" ? `unknown field ${i.keys.map((k) => `"${k}"`).join(", ")}` : undefined,
  },
);
export type FactInput = z.infer<typeof factSchema>;

const group = z.array(text("term"), { error: "each group must be a list of words" }).min(1, "empty group");

export const glossarySchema = z.strictObject(
  {
    places: z.array(group).default([]),
    organisations: z.array(group).default([]),
    people: z.array(group).default([]),
    terms: z.array(group).default([]),
  },
  {
    error: (i) =>
      i.code === "unrecognized_keys"
        ? `unknown section ${i.keys.map((k) => `"${k}"`).join(", ")} (use places, organisations, people, terms)`
        : i.code === "invalid_type"
          ? "the glossary must be a mapping of sections (places, organisations, people, terms)"
          : undefined,
  },
);
