// Caps on the live streams this process holds open. A stream is a socket and a timer for as long as the
// client likes, so without caps one script with one participant token could hold thousands and cut
// everybody off. Counted in memory: the sockets are this process's own, whatever the database.
import { AppError } from "./errors.ts";
import type { EventStream } from "./sse.server.ts";

/** How long a refused client is asked to wait: streams end when people leave, not on a clock. */
const RETRY_AFTER_SECONDS = 30;

export interface StreamCaps {
  /** Streams open at once in this process. */
  total: number;
  /** Per client address (an IPv4 address or an IPv6 /64: clientAddressKey). */
  perAddress: number;
  /** Per logged-in person. */
  perLogin: number;
}

export interface StreamClaim {
  /** The client's address key. */
  address: string;
  /** The person logged in, for streams that need a login. */
  login?: string;
  /** A key that may hold one stream only (a participant): a new stream ends the one before. */
  only?: string;
}

export interface StreamLimits {
  /**
   * Opens a stream with `open` if the caps allow it, and counts it until it ends. Ends the stream that
   * held `claim.only` first (it is told why with `replaced`). Throws, before `open` runs: `rate_limited`
   * (429) over the cap of the address or the login, `unavailable` (503) over the total.
   */
  open(claim: StreamClaim, open: () => EventStream): EventStream;
  /** Streams open now (for tests and metrics). */
  readonly size: number;
}

export function createStreamLimits(options: {
  caps: StreamCaps;
  /** Called on a stream just before a newer one with the same `only` key ends it. */
  replaced?: (stream: EventStream) => void;
}): StreamLimits {
  const { caps } = options;
  const perAddress = new Map<string, number>();
  const perLogin = new Map<string, number>();
  const holders = new Map<string, EventStream>();
  let total = 0;

  const add = (counts: Map<string, number>, key: string, by: number) => {
    const next = (counts.get(key) ?? 0) + by;
    if (next > 0) counts.set(key, next);
    else counts.delete(key);
  };

  return {
    open(claim, open) {
      if (claim.only !== undefined) {
        const before = holders.get(claim.only);
        if (before && !before.closed) {
          options.replaced?.(before);
          before.close();
        }
      }
      if (total >= caps.total) {
        throw new AppError("unavailable", "problems.liveStreams.serverFull", {
          retryAfterSeconds: RETRY_AFTER_SECONDS,
        });
      }
      if ((perAddress.get(claim.address) ?? 0) >= caps.perAddress) {
        throw new AppError("rate_limited", "problems.liveStreams.networkFull", {
          retryAfterSeconds: RETRY_AFTER_SECONDS,
        });
      }
      if (claim.login !== undefined && (perLogin.get(claim.login) ?? 0) >= caps.perLogin) {
        throw new AppError("rate_limited", "problems.liveStreams.tooManyWindows", {
          retryAfterSeconds: RETRY_AFTER_SECONDS,
        });
      }
      const stream = open();
      total += 1;
      add(perAddress, claim.address, 1);
      if (claim.login !== undefined) add(perLogin, claim.login, 1);
      if (claim.only !== undefined) holders.set(claim.only, stream);
      stream.onClose(() => {
        total -= 1;
        add(perAddress, claim.address, -1);
        if (claim.login !== undefined) add(perLogin, claim.login, -1);
        if (claim.only !== undefined && holders.get(claim.only) === stream) holders.delete(claim.only);
      });
      return stream;
    },
    get size() {
      return total;
    },
  };
}
