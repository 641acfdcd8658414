/**
 * Fetching a page, with limits: a time limit for the whole exchange, a size limit on the body as it
 * arrives, and redirects followed by hand so that they can be counted and checked. Every hop's host is
 * resolved once, its addresses checked (internal ones are refused unless allowed), and the request
 * goes to the address that was checked: a name that resolves elsewhere a moment later changes nothing.
 */
import { lookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { MAX_ARTICLE_BYTES } from "../knowledge/load.js";
import type { InternalAllowance } from "./address.js";
import { isAllowedInternal, isInternalAddress, literalAddress, NOTHING_INTERNAL } from "./address.js";

export interface FetchLimits {
  /** For everything: resolving, connecting, each redirect, and reading the body. Default 20 s. */
  readonly timeoutMs: number;
  /** A larger body is refused as it arrives. Default: the article size limit, 5 MB. */
  readonly maxBytes: number;
  /** Default 5. */
  readonly maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: MAX_ARTICLE_BYTES, maxRedirects: 5 };

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** A response as far as fetching a page needs it. */
export interface RawResponse {
  readonly status: number;
  readonly statusText: string;
  header(name: string): string | undefined;
  /** The body, decoded from its content-encoding. */
  readonly body: AsyncIterable<Uint8Array>;
  /** Stops reading and closes the connection. */
  cancel(): void;
}

/** How names are resolved and requests sent; tests replace both, so that a refused address is never dialled. */
export interface Network {
  /** Every address a host name resolves to. */
  resolve(host: string): Promise<readonly ResolvedAddress[]>;
  /** GET `url`, sent to `to` (an address that was checked), with `url`'s host in Host and TLS SNI. */
  request(
    url: URL,
    to: ResolvedAddress,
    headers: Readonly<Record<string, string>>,
    signal: AbortSignal,
  ): Promise<RawResponse>;
}

/** Which internal addresses may be fetched, and how. */
export interface AddressPolicy {
  /** Internal hosts and ranges the operator allowed (FETCH_ALLOW_HOSTS). Default: none. */
  readonly allow?: InternalAllowance;
  /**
   * Present: an internal address is fetched after this is told of it (the operator's own command
   * line); absent: it is refused.
   */
  readonly onInternal?: (host: string, address: string) => void;
  /** Default: the system resolver and node's http/https. */
  readonly network?: Network;
}

export type FetchOptions = Partial<FetchLimits> & AddressPolicy;

export interface FetchedPage {
  /** The address the page was finally served from. */
  readonly url: string;
  readonly bytes: Uint8Array;
  readonly contentType?: string;
}

/** A page that could not be fetched, with a message for the person who asked for it. */
export class FetchError extends Error {
  override readonly name: string = "FetchError";
}

/** A link, or a redirect on the way, that leads to an internal address; nothing was sent there. */
export class InternalAddressError extends FetchError {
  override readonly name = "InternalAddressError";
  constructor(
    /** The link as the person gave it. */
    readonly link: string,
    /** Where the link redirects, when that is what leads inside. */
    readonly redirect: string | undefined,
    readonly address: string,
  ) {
    super(
      redirect === undefined
        ? `${link} leads to an internal address (${address}); FETCH_ALLOW_HOSTS can allow it`
        : `${link} redirects to ${redirect}, an internal address (${address}); FETCH_ALLOW_HOSTS can allow it`,
    );
  }
  get redirected(): boolean {
    return this.redirect !== undefined;
  }
}

const HEADERS = {
  "user-agent": "Mozilla/5.0 (compatible; xinzhou-econ-bot kb:import)",
  accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
  "accept-language": "zh-CN,zh;q=0.9,en;q=0.5",
  "accept-encoding": "gzip, deflate, br",
};

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...DEFAULT_LIMITS, ...withoutUndefined(options) };
  const network = options.network ?? systemNetwork;
  let url = webUrl(address);
  const signal = AbortSignal.timeout(timeoutMs);
  const hops: string[] = [url.href];
  try {
    for (;;) {
      const to = await checkedAddresses(url, { link: address, redirected: hops.length > 1 }, options, {
        network,
        signal,
      });
      const response = await requestAny(network, url, to, signal);
      const location = response.header("location");
      if (response.status >= 300 && response.status < 400 && location) {
        response.cancel();
        if (hops.length > maxRedirects) {
          const shown = hops.slice(0, 4).join(" → ");
          throw new FetchError(`${address} redirects more than ${maxRedirects} times (${shown} → …)`);
        }
        url = webUrl(new URL(location, url).href, url.href);
        hops.push(url.href);
        continue;
      }
      return await readPage(response, url.href, maxBytes);
    }
  } catch (e) {
    if (e instanceof FetchError) throw e;
    const error = e as Error & { code?: string; cause?: { code?: string; message?: string } };
    if (error.name === "TimeoutError" || signal.aborted) {
      throw new FetchError(`${url.href} did not answer within ${timeoutMs / 1000} s`);
    }
    const why = error.code ?? error.cause?.code ?? error.cause?.message ?? error.message;
    throw new FetchError(`cannot fetch ${url.href}: ${why}`);
  }
}

const withoutUndefined = (o: Partial<FetchLimits>): Partial<FetchLimits> =>
  Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k in DEFAULT_LIMITS));

/**
 * The addresses to send the request for `url` to: the host itself if it is an address, else what it
 * resolves to. Every address is checked, so that a name that resolves both outside and inside is refused.
 */
async function checkedAddresses(
  url: URL,
  hop: { readonly link: string; readonly redirected: boolean },
  policy: AddressPolicy,
  { network, signal }: { network: Network; signal: AbortSignal },
): Promise<readonly ResolvedAddress[]> {
  const host = url.hostname;
  const literal = literalAddress(host);
  const addresses: readonly ResolvedAddress[] = literal
    ? [{ address: literal, family: literal.includes(":") ? 6 : 4 }]
    : await abortable(network.resolve(host), signal);
  if (!addresses.length) throw new FetchError(`cannot fetch ${url.href}: ENOTFOUND`);
  const allow = policy.allow ?? NOTHING_INTERNAL;
  for (const { address } of addresses) {
    if (!isInternalAddress(address) || isAllowedInternal(allow, host, address)) continue;
    if (!policy.onInternal) throw new InternalAddressError(hop.link, hop.redirected ? url.href : undefined, address);
    policy.onInternal(host, address);
    break;
  }
  return addresses;
}

/** Errors of one address that another address of the same host may not have (no IPv6 route, a dead server). */
const UNREACHABLE = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL", "EAFNOSUPPORT"]);

/** The request, sent to each checked address in turn until one is reached. */
async function requestAny(network: Network, url: URL, addresses: readonly ResolvedAddress[], signal: AbortSignal) {
  for (let i = 0; ; i++) {
    try {
      return await network.request(url, addresses[i]!, HEADERS, signal);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (i + 1 >= addresses.length || signal.aborted || !code || !UNREACHABLE.has(code)) throw e;
    }
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    if (signal.aborted) return stop();
    signal.addEventListener("abort", stop, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", stop));
  });
}

async function readPage(response: RawResponse, where: string, maxBytes: number): Promise<FetchedPage> {
  if (response.status < 200 || response.status >= 300) {
    response.cancel();
    throw new FetchError(`${where} answered ${response.status} ${response.statusText}`.trim());
  }
  const declared = Number(response.header("content-length") ?? NaN);
  if (declared > maxBytes) {
    response.cancel();
    throw new FetchError(`${where} is ${mb(declared)}; the limit is ${mb(maxBytes)}`);
  }
  const bytes = await readLimited(response, maxBytes, where);
  const contentType = response.header("content-type");
  return contentType ? { url: where, bytes, contentType } : { url: where, bytes };
}

/** The body, read as it arrives and given up on once it passes `maxBytes` (decoded, so a small gzip cannot swell). */
async function readLimited(response: RawResponse, maxBytes: number, where: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      response.cancel();
      throw new FetchError(`${where} is larger than ${mb(maxBytes)}, the limit`);
    }
    chunks.push(chunk);
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
    throw new FetchError(
      from ? `${from} redirects to ${address}, which is not an http(s) link` : `"${address}" is not an http(s) link`,
    );
  }
  return url;
}

/** The system's resolver, and node's http/https sent to the checked address. */
export const systemNetwork: Network = {
  async resolve(host) {
    const found = await lookup(host, { all: true, verbatim: true });
    return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  },
  request(url, to, headers, signal) {
    // The socket's own lookup returns the checked address: node does not resolve the name again.
    const pinned: LookupFunction = (_host, options, callback) => {
      if (options.all) callback(null, [{ address: to.address, family: to.family }]);
      else callback(null, to.address, to.family);
    };
    const send = url.protocol === "https:" ? https.request : http.request;
    return new Promise<RawResponse>((resolve, reject) => {
      const request = send(
        url,
        // TLS still names url's host (SNI, certificate): https takes it from the URL, not from the address.
        { method: "GET", headers, signal, lookup: pinned, agent: false },
        (res) => resolve(rawResponse(res)),
      );
      request.on("error", reject);
      request.end();
    });
  },
};

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  "x-gzip": createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

function rawResponse(res: IncomingMessage): RawResponse {
  const decoder =
    DECODERS[
      String(res.headers["content-encoding"] ?? "")
        .trim()
        .toLowerCase()
    ]?.();
  if (decoder) {
    res.on("error", (e) => decoder.destroy(e));
    res.pipe(decoder);
  }
  return {
    status: res.statusCode ?? 0,
    statusText: res.statusMessage ?? "",
    header(name) {
      const value = res.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : value;
    },
    // Without setEncoding, both yield Buffers.
    body: (decoder ?? res) as AsyncIterable<Uint8Array>,
    cancel() {
      decoder?.destroy();
      res.destroy();
    },
  };
}
