/**
 * Fetching a page, with limits: a time limit for the whole exchange, a size limit on the body as it
 * arrives, and redirects followed by hand so that they can be counted and checked.
 */
import { MAX_ARTICLE_BYTES } from "../knowledge/load.js";

export interface FetchLimits {
  /** For everything: connecting, each redirect, and reading the body. Default 20 s. */
  readonly timeoutMs: number;
  /** A larger body is refused as it arrives. Default: the article size limit, 5 MB. */
  readonly maxBytes: number;
  /** Default 5. */
  readonly maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: MAX_ARTICLE_BYTES, maxRedirects: 5 };

export interface FetchedPage {
  /** The address the page was finally served from. */
  readonly url: string;
  readonly bytes: Uint8Array;
  readonly contentType?: string;
}

/** A page that could not be fetched, with a message for the person who asked for it. */
export class FetchError extends Error {
  override readonly name = "FetchError";
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export async function fetchPage(address: string, limits: Partial<FetchLimits> = {}): Promise<FetchedPage> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...DEFAULT_LIMITS, ...limits };
  let url = webUrl(address);
  const signal = AbortSignal.timeout(timeoutMs);
  const hops: string[] = [url.href];
  try {
    for (;;) {
      const response = await fetch(url, {
        redirect: "manual",
        signal,
        headers: {
          "user-agent": "Mozilla/5.0 (compatible; xinzhou-econ-bot kb:import)",
          accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
          "accept-language": "zh-CN,zh;q=0.9,en;q=0.5",
        },
      });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (hops.length > maxRedirects) {
          throw new FetchError(`${address} redirects more than ${maxRedirects} times (${hops.slice(0, 4).join(" → ")} → …)`);
        }
        url = webUrl(new URL(location, url).href, url.href);
        hops.push(url.href);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new FetchError(`${url.href} answered ${response.status} ${response.statusText}`.trim());
      }
      const declared = Number(response.headers.get("content-length") ?? NaN);
      if (declared > maxBytes) {
        await response.body?.cancel();
        throw new FetchError(`${url.href} is ${mb(declared)}; the limit is ${mb(maxBytes)}`);
      }
      const bytes = await readLimited(response, maxBytes, url.href);
      const contentType = response.headers.get("content-type") ?? undefined;
      return contentType ? { url: url.href, bytes, contentType } : { url: url.href, bytes };
    }
  } catch (e) {
    if (e instanceof FetchError) throw e;
    const error = e as Error & { cause?: { code?: string; message?: string } };
    if (error.name === "TimeoutError" || signal.aborted) {
      throw new FetchError(`${url.href} did not answer within ${timeoutMs / 1000} s`);
    }
    throw new FetchError(`cannot fetch ${url.href}: ${error.cause?.code ?? error.cause?.message ?? error.message}`);
  }
}

/** The body, read as it arrives and given up on once it passes `maxBytes`. */
async function readLimited(response: Response, maxBytes: number, where: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new FetchError(`${where} is larger than ${mb(maxBytes)}, the limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function webUrl(address: string, from?: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchError(`"${address}" is not a link`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError(from ? `${from} redirects to ${address}, which is not an http(s) link` : `"${address}" is not an http(s) link`);
  }
  return url;
}
