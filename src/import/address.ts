/**
 * Which addresses a link may lead to. The bot fetches from inside its own network: a link to
 * 127.0.0.1, a private range or a cloud's metadata address (169.254.169.254) would show the admin in
 * the preview what only the bot can reach. Such addresses are internal; an operator may allow some of
 * them by host name or range (FETCH_ALLOW_HOSTS).
 */
import { BlockList, isIP } from "node:net";

export interface AddressRange {
  readonly address: string;
  readonly prefix: number;
  readonly family: "ipv4" | "ipv6";
}

/** Internal hosts and ranges that may be fetched all the same. */
export interface InternalAllowance {
  /** Host names as the URL parser writes them (lower case, punycode), allowed whatever they resolve to. */
  readonly hosts: readonly string[];
  readonly ranges: readonly AddressRange[];
}

export const NOTHING_INTERNAL: InternalAllowance = { hosts: [], ranges: [] };

const INTERNAL_RANGES: readonly [string, number, "ipv4" | "ipv6"][] = [
  ["0.0.0.0", 8, "ipv4"], // unspecified, "this network"
  ["10.0.0.0", 8, "ipv4"], // private
  ["100.64.0.0", 10, "ipv4"], // carrier-grade NAT
  ["127.0.0.0", 8, "ipv4"], // loopback
  ["169.254.0.0", 16, "ipv4"], // link-local, cloud metadata
  ["172.16.0.0", 12, "ipv4"], // private
  ["192.0.0.0", 24, "ipv4"], // protocol assignments
  ["192.168.0.0", 16, "ipv4"], // private
  ["198.18.0.0", 15, "ipv4"], // benchmarking, used inside networks
  ["224.0.0.0", 4, "ipv4"], // multicast
  ["240.0.0.0", 4, "ipv4"], // reserved, broadcast
  ["::", 96, "ipv6"], // unspecified, loopback, IPv4-compatible
  ["fc00::", 7, "ipv6"], // unique-local
  ["fe80::", 10, "ipv6"], // link-local
  ["fec0::", 10, "ipv6"], // site-local (deprecated, still routed inside some networks)
  ["ff00::", 8, "ipv6"], // multicast
];

const internal = new BlockList();
for (const [address, prefix, family] of INTERNAL_RANGES) internal.addSubnet(address, prefix, family);

const family = (address: string): "ipv4" | "ipv6" => (isIP(address) === 6 ? "ipv6" : "ipv4");

/** The IPv4 address inside an IPv6 one: IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d). */
function embeddedIPv4(address: string): string | undefined {
  const m = address
    .toLowerCase()
    .match(/^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([\da-f]{1,4}):([\da-f]{1,4}))$/);
  if (!m) return undefined;
  if (m[1]) return m[1];
  const [hi, lo] = [parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
}

/** Whether `address` is loopback, private, link-local, unique-local, CGNAT, multicast, unspecified or reserved. */
export function isInternalAddress(address: string): boolean {
  const v4 = isIP(address) === 6 ? embeddedIPv4(address) : undefined;
  if (v4 !== undefined) return internal.check(v4, "ipv4");
  return internal.check(address, family(address));
}

/**
 * The IP address a URL's host is, if it is one. The URL parser has already written every form of an
 * IPv4 address (2130706433, 0x7f.1, 0177.0.0.1, 127.1) as a.b.c.d and put IPv6 in brackets.
 */
export function literalAddress(hostname: string): string | undefined {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : undefined;
}

/** A host name in the form the URL parser gives it, so that an allowance and a link compare equal. */
const canonicalHost = (host: string) => host.toLowerCase().replace(/\.$/, "");

/** Whether the operator allowed `address`, reached as `host`. */
export function isAllowedInternal(allow: InternalAllowance, host: string, address: string): boolean {
  if (allow.hosts.includes(canonicalHost(host))) return true;
  if (!allow.ranges.length) return false;
  const list = new BlockList();
  for (const r of allow.ranges) list.addSubnet(r.address, r.prefix, r.family);
  const v4 = embeddedIPv4(address);
  return list.check(address, family(address)) || (v4 !== undefined && list.check(v4, "ipv4"));
}

/**
 * Reads an allowance: host names, addresses and CIDR ranges separated by commas
 * (`intranet.example,10.0.0.0/8,::1`). A bad entry is returned as it was written.
 */
export function parseAllowance(text: string): { ok: true; allow: InternalAllowance } | { ok: false; entry: string } {
  const hosts: string[] = [];
  const ranges: AddressRange[] = [];
  for (const entry of text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const range = parseRange(entry);
    if (range) {
      ranges.push(range);
      continue;
    }
    const host = hostName(entry);
    if (!host) return { ok: false, entry };
    hosts.push(host);
  }
  return { ok: true, allow: { hosts, ranges } };
}

function parseRange(entry: string): AddressRange | undefined {
  const [raw = "", prefixText, ...rest] = entry.split("/");
  const address = raw.replace(/^\[(.*)\]$/, "$1");
  const version = isIP(address);
  if (!version || rest.length) return undefined;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return undefined;
  return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

/** A host name alone (no scheme, port or path), as the URL parser writes it; undefined if it is none. */
function hostName(entry: string): string | undefined {
  if (!/^[^\s/:@?#[\]]+$/u.test(entry)) return undefined;
  try {
    const url = new URL(`http://${entry}/`);
    // A number the parser reads as an address (127.1) is not a name: it belongs in a range.
    return literalAddress(url.hostname) ? undefined : canonicalHost(url.hostname);
  } catch {
    return undefined;
  }
}
