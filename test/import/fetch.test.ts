/**
 * Which addresses a link may lead to. A refused address is decided before anything is sent: these tests
 * resolve names with a stand-in resolver and answer with a stand-in connector that records every
 * request, so no socket is opened to any address but 127.0.0.1.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { isInternalAddress } from "../../src/import/address.js";
import {
  FetchError,
  fetchPage,
  InternalAddressError,
  type Network,
  type RawResponse,
  type ResolvedAddress,
  systemNetwork,
} from "../../src/import/fetch.js";

const allowing = (value: string) => loadConfig({ FETCH_ALLOW_HOSTS: value }).fetchAllow;

interface Sent {
  readonly url: string;
  readonly to: string;
}

/** Names resolve as `names` says; every request is recorded and answered by `pages` (by URL), in memory. */
type StandInPage = { status: number; location?: string; body?: string };

function standIn(names: Record<string, string[]>, pages: Record<string, StandInPage> = {}) {
  const sent: Sent[] = [];
  const resolved: string[] = [];
  const network: Network = {
    async resolve(host) {
      resolved.push(host);
      const found = names[host];
      if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
      return found.map((address): ResolvedAddress => ({ address, family: address.includes(":") ? 6 : 4 }));
    },
    async request(url, to) {
      sent.push({ url: url.href, to: to.address });
      const page = pages[url.href] ?? { status: 200, body: "<p>ok</p>" };
      const response: RawResponse = {
        status: page.status,
        statusText: "",
        header: (name) => (name === "location" ? page.location : name === "content-type" ? "text/html" : undefined),
        body: (async function* () {
          yield Buffer.from(page.body ?? "");
        })(),
        cancel: () => undefined,
      };
      return response;
    },
  };
  return { network, sent, resolved };
}

async function refusal(link: string, options: Parameters<typeof fetchPage>[1]): Promise<InternalAddressError> {
  const error = await fetchPage(link, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InternalAddressError);
  return error as InternalAddressError;
}

describe("links to internal addresses", () => {
  const literals: [string, string][] = [
    ["http://127.0.0.1/", "127.0.0.1"],
    ["http://2130706433/", "127.0.0.1"],
    ["http://0x7f.1/", "127.0.0.1"],
    ["http://0177.0.0.1/", "127.0.0.1"],
    ["http://127.1:8080/admin", "127.0.0.1"],
    ["http://0.0.0.0/", "0.0.0.0"],
    ["http://10.1.2.3/", "10.1.2.3"],
    ["http://172.16.0.1/", "172.16.0.1"],
    ["http://192.168.1.1/", "192.168.1.1"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254"],
    ["http://100.64.0.1/", "100.64.0.1"],
    ["http://224.0.0.1/", "224.0.0.1"],
    ["http://[::1]/", "::1"],
    ["http://[::]/", "::"],
    ["https://[::ffff:127.0.0.1]/", "::ffff:7f00:1"],
    ["http://[::ffff:a9fe:a9fe]/", "::ffff:a9fe:a9fe"],
    ["http://[fd12:3456::1]/", "fd12:3456::1"],
    ["http://[fe80::1]/", "fe80::1"],
    ["http://[ff02::1]/", "ff02::1"],
  ];

  it.each(literals)("%s is refused before anything is sent", async (link, address) => {
    const { network, sent, resolved } = standIn({});
    const error = await refusal(link, { network });
    expect(error.address).toBe(address);
    expect(error.redirected).toBe(false);
    expect(error.message).toBe(`${link} leads to an internal address (${address}); FETCH_ALLOW_HOSTS can allow it`);
    expect(sent).toEqual([]);
    // An address is checked as it is: there is no name to look up.
    expect(resolved).toEqual([]);
  });

  it("a name that resolves inside is refused, and so is one that resolves both outside and inside", async () => {
    const { network, sent } = standIn({
      localhost: ["127.0.0.1", "::1"],
      "intranet.example": ["10.0.0.7"],
      "mixed.example": ["93.184.216.34", "192.168.0.2"],
    });
    expect((await refusal("http://localhost:3000/", { network })).address).toBe("127.0.0.1");
    expect((await refusal("http://intranet.example/report", { network })).address).toBe("10.0.0.7");
    expect((await refusal("https://mixed.example/", { network })).address).toBe("192.168.0.2");
    expect(sent).toEqual([]);
  });

  it("every redirect is checked: one that leads inside is refused, naming the hop", async () => {
    const names = { "news.example": ["93.184.216.34"], "inside.example": ["172.20.1.1"] };
    const { network, sent } = standIn(names, {
      "http://news.example/a": { status: 302, location: "http://news.example/b" },
      "http://news.example/b": { status: 301, location: "http://127.1/secret" },
      "http://news.example/c": { status: 302, location: "//inside.example/x" },
    });
    const error = await refusal("http://news.example/a", { network });
    expect(error.message).toBe(
      "http://news.example/a redirects to http://127.0.0.1/secret, an internal address (127.0.0.1); " +
        "FETCH_ALLOW_HOSTS can allow it",
    );
    expect(error.redirected).toBe(true);
    expect((await refusal("http://news.example/c", { network })).address).toBe("172.20.1.1");
    expect(sent.map((s) => s.url)).toEqual(["http://news.example/a", "http://news.example/b", "http://news.example/c"]);
  });

  it("the request goes to the address that was checked, not to what the name resolves to next", async () => {
    let lookups = 0;
    const { network, sent } = standIn({});
    // A name that answers outside first and inside afterwards (DNS rebinding).
    network.resolve = async () => [{ address: ++lookups === 1 ? "93.184.216.34" : "127.0.0.1", family: 4 }];
    const page = await fetchPage("http://rebind.example/a", { network });
    expect(new TextDecoder().decode(page.bytes)).toBe("<p>ok</p>");
    expect(sent).toEqual([{ url: "http://rebind.example/a", to: "93.184.216.34" }]);
    expect(lookups).toBe(1);
  });

  it("a name with several addresses: the next checked one is tried when one cannot be reached", async () => {
    const { network, sent } = standIn({ "news.example": ["2001:db8::1", "93.184.216.34"] });
    const request = network.request;
    network.request = async (url, to, headers, signal) => {
      const response = await request(url, to, headers, signal);
      if (to.family === 6) throw Object.assign(new Error("connect ENETUNREACH"), { code: "ENETUNREACH" });
      return response;
    };
    const page = await fetchPage("http://news.example/a", { network });
    expect(new TextDecoder().decode(page.bytes)).toBe("<p>ok</p>");
    expect(sent.map((s) => s.to)).toEqual(["2001:db8::1", "93.184.216.34"]);
  });

  it("public addresses are not internal, whatever their form", () => {
    const outside = ["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:4860::8888", "::ffff:5db8:d822"];
    for (const a of outside) {
      expect(isInternalAddress(a), a).toBe(false);
    }
  });
});

describe("FETCH_ALLOW_HOSTS", () => {
  it("allows a named host whatever it resolves to, and addresses in a range, and nothing else", async () => {
    const { network, sent } = standIn({ "wiki.corp.example": ["10.9.8.7"], "db.corp.example": ["192.168.5.5"] });
    const allow = allowing("Wiki.Corp.Example, 172.16.0.0/12, fd00::/8");
    await fetchPage("http://wiki.corp.example/page", { allow, network });
    await fetchPage("http://172.31.255.1/page", { allow, network });
    await fetchPage("http://[fd00::5]/page", { allow, network });
    expect((await refusal("http://db.corp.example/", { allow, network })).address).toBe("192.168.5.5");
    expect(sent.map((s) => s.to)).toEqual(["10.9.8.7", "172.31.255.1", "fd00::5"]);
  });

  it("is read by the configuration, and a bad entry is named", () => {
    expect(loadConfig({}).fetchAllow).toEqual({ hosts: [], ranges: [] });
    expect(allowing("intranet.example., 10.0.0.0/8, 127.0.0.1, [::1]")).toEqual({
      hosts: ["intranet.example"],
      ranges: [
        { address: "10.0.0.0", prefix: 8, family: "ipv4" },
        { address: "127.0.0.1", prefix: 32, family: "ipv4" },
        { address: "::1", prefix: 128, family: "ipv6" },
      ],
    });
    for (const bad of ["http://intranet.example/", "10.0.0.0/33", "intranet.example:8080", "127.1"]) {
      expect(() => allowing(`a.example,${bad}`)).toThrow(ConfigError);
      const message = `FETCH_ALLOW_HOSTS: "${bad}" is not a host name, an IP address or a range like 10.0.0.0/8`;
      expect(() => allowing(`a.example,${bad}`)).toThrow(message);
    }
  });

  it("the command line's way: an internal address is told of and fetched", async () => {
    const { network, sent } = standIn({ "intranet.example": ["10.0.0.7"] });
    const told: string[] = [];
    const onInternal = (host: string, address: string) => void told.push(`${host} ${address}`);
    await fetchPage("http://intranet.example/a", { network, onInternal });
    expect(told).toEqual(["intranet.example 10.0.0.7"]);
    expect(sent).toEqual([{ url: "http://intranet.example/a", to: "10.0.0.7" }]);
  });
});

describe("the system network", () => {
  let server: Server;
  let port: number;
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end("忻州");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("connects to the checked address and names the link's host in Host, without resolving it again", async () => {
    // rebind.invalid resolves nowhere: reaching the page proves the socket used the address given.
    const url = new URL(`http://rebind.invalid:${port}/a`);
    const to = { address: "127.0.0.1", family: 4 } as const;
    const response = await systemNetwork.request(url, to, {}, AbortSignal.timeout(10_000));
    const chunks: Uint8Array[] = [];
    for await (const chunk of response.body) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString("utf8")).toBe("忻州");
    expect(seen.at(-1)?.host).toBe(`rebind.invalid:${port}`);
  });

  it("a page on 127.0.0.1 is fetched once the operator allows 127.0.0.1, and refused unasked", async () => {
    const before = seen.length;
    await expect(fetchPage(`http://127.0.0.1:${port}/a`)).rejects.toThrow(InternalAddressError);
    expect(seen.length).toBe(before);
    const page = await fetchPage(`http://127.0.0.1:${port}/a`, { allow: allowing("127.0.0.1") });
    expect(Buffer.from(page.bytes).toString("utf8")).toBe("忻州");
    expect(seen.length).toBe(before + 1);
  });

  it("a link that is not http(s) is still refused as such", async () => {
    await expect(fetchPage("file:///etc/passwd")).rejects.toThrow(FetchError);
    await expect(fetchPage("file:///etc/passwd")).rejects.toThrow('"file:///etc/passwd" is not an http(s) link');
  });
});
