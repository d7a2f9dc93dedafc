// What the memory soak's loads did (`bench/soak.ts`): requests sent per kind, and every failure among
// them. A request fails when the connection fails or the answer is anything but 2xx or 3xx.
import { call, Errors, type Reply, type Target } from "./live-clients.ts";

export class Outcomes {
  readonly sent = new Map<string, number>();
  readonly errors = new Errors();
  constructor(private readonly target: Target) {}

  /** Counts `n` requests of `kind` that a shared helper sent, which throws on the first failure. */
  count(kind: string, n: number) {
    this.sent.set(kind, (this.sent.get(kind) ?? 0) + n);
  }

  /** Sends one request of `kind`; gives its reply, or nothing when it failed (and is counted as an error). */
  async request(
    kind: string,
    method: string,
    pathname: string,
    options: Parameters<typeof call>[3] = {},
  ): Promise<Reply | undefined> {
    this.sent.set(kind, (this.sent.get(kind) ?? 0) + 1);
    try {
      const reply = await call(this.target, method, pathname, options);
      if (reply.status >= 200 && reply.status < 400) return reply;
      this.errors.add(`${kind} ${reply.status}`, `${method} ${pathname}: ${reply.body.slice(0, 200)}`);
    } catch (error) {
      this.errors.add(`${kind} failed`, `${method} ${pathname}: ${(error as Error).message}`);
    }
    return undefined;
  }
}
