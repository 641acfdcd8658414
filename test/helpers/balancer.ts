/**
 * A stand-in load balancer for tests, as Caddy or nginx sits in front of the replicas: node:http on
 * 127.0.0.1 that hands each request to the next replica in turn (round robin) and counts them.
 */
import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export class Balancer {
  /** The replicas' ports; change it to take a replica out. */
  targets: number[];
  /** Requests handed to each port. */
  readonly handed = new Map<number, number>();
  private server?: Server;
  private next = 0;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });

  constructor(targets: number[]) {
    this.targets = targets;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const port = this.targets[this.next++ % this.targets.length]!;
      this.handed.set(port, (this.handed.get(port) ?? 0) + 1);
      const upstream = request(
        { host: "127.0.0.1", port, path: req.url, method: req.method, headers: req.headers, agent: this.agent },
        (reply) => {
          res.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(res);
        },
      );
      upstream.on("error", () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.agent.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
