/** Publication dates as pages write them, made YYYY-MM-DD. */
import { isIsoDate } from "../knowledge/schema.js";

const pad = (n: string) => n.padStart(2, "0");

function ymd(y: string, m: string, d: string): string | undefined {
  const date = `${y}-${pad(m)}-${pad(d)}`;
  const year = Number(y);
  return isIsoDate(date) && year >= 1990 && year <= 2100 ? date : undefined;
}

/** The calendar date of an instant in China (UTC+8), where the articles are published. */
function chinaDate(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A date written in running text or a header line: 2024-11-20, 2024/11/20, 2024.11.20, 2024年11月20日.
 * The first one in `text`, or undefined.
 */
export function dateInText(text: string): string | undefined {
  const re = /(?<!\d)(\d{4})(?:\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|([-/.])(\d{1,2})\4(\d{1,2})(?!\d))/g;
  for (const m of text.matchAll(re)) {
    const date = m[2] ? ymd(m[1]!, m[2], m[3]!) : ymd(m[1]!, m[5]!, m[6]!);
    if (date) return date;
  }
  return undefined;
}

/**
 * A date from metadata: an ISO time (`2024-11-20T08:00:00+08:00`), a plain date, a Unix time in
 * seconds (WeChat's `ct`). A time in UTC is taken as the date it was in China.
 */
export function dateInMeta(value: string): string | undefined {
  const v = value.trim();
  if (/^\d{10}$/.test(v)) return chinaDate(Number(v) * 1000);
  const utc = /^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]00:?00)$/i.test(v);
  if (utc) {
    const ms = Date.parse(v);
    if (!Number.isNaN(ms)) return chinaDate(ms);
  }
  return dateInText(v);
}

/** The calendar date of `now` in `timeZone`, YYYY-MM-DD. */
export function dateIn(now: Date, timeZone: string): string {
  // sv-SE writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * The last date an article can have been published on: tomorrow where the bot's users are, which
 * leaves room for a page dated in a time zone ahead of theirs. A later date is a typo or a page's
 * placeholder, and would make 今年 and 最新 read wrong.
 */
export function latestPublicationDate(now: Date, timeZone: string): string {
  const today = dateIn(now, timeZone);
  const next = new Date(`${today}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
