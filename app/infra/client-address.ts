// The address a per-client limit counts against. One IPv6 customer usually holds a whole /64 and can
// pick any address in it, so IPv6 addresses count per /64 network; IPv4 addresses (also when written
// as IPv4-mapped IPv6, `::ffff:192.0.2.1`) count one by one.
import { isIPv4, isIPv6 } from "node:net";

/** Expands an IPv6 address (no zone) to its eight 16-bit groups. */
function ipv6Groups(address: string): number[] | undefined {
  // A trailing dotted IPv4 part (`::ffff:192.0.2.1`) stands for the last two groups.
  const text = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_all, a, b, c, d) =>
    [(Number(a) << 8) | Number(b), (Number(c) << 8) | Number(d)].map((n) => n.toString(16)).join(":"),
  );
  const [head = "", rest, extra] = text.split("::");
  if (extra !== undefined) return undefined;
  const parse = (part: string) =>
    part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16));
  const front = parse(head);
  const back = rest === undefined ? [] : parse(rest);
  const missing = 8 - front.length - back.length;
  if (missing < 0 || (rest === undefined && missing !== 0)) return undefined;
  return [...front, ...Array<number>(missing).fill(0), ...back];
}

/**
 * The key a per-address limit uses for `ip` (Express's `req.ip`): the IPv4 address itself, or the /64
 * network of an IPv6 address (`2001:db8:1:2::/64`). Anything else is returned trimmed, as it came.
 */
export function clientAddressKey(ip: string | undefined): string {
  const address = (ip ?? "").trim().replace(/%.*$/, "");
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address || "unknown";
  const groups = ipv6Groups(address.toLowerCase());
  if (!groups) return address;
  // IPv4-mapped (::ffff:a.b.c.d): the IPv4 address it stands for.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}
