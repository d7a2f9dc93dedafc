import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientAddressKey } from "./client-address.ts";

describe("per-address limits count an IPv6 network as one client", () => {
  it.each([
    ["192.0.2.7", "192.0.2.7"],
    ["::ffff:192.0.2.7", "192.0.2.7"],
    ["::1", "0:0:0:0::/64"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"],
    ["2001:DB8:1:2:0:0:0:9", "2001:db8:1:2::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["2001:db8::", "2001:db8:0:0::/64"],
    ["64:ff9b::192.0.2.1", "64:ff9b:0:0::/64"],
    [undefined, "unknown"],
  ])("%j → %j", (input, expected) => {
    expect(clientAddressKey(input)).toBe(expected);
  });

  it("every address of one /64 has the same key, and another /64 a different one", () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    fc.assert(
      fc.property(
        fc.array(group, { minLength: 4, maxLength: 4 }),
        fc.array(group, { minLength: 4, maxLength: 4 }),
        fc.array(group, { minLength: 4, maxLength: 4 }),
        (prefix, hostA, hostB) => {
          const a = clientAddressKey([...prefix, ...hostA].join(":"));
          const b = clientAddressKey([...prefix, ...hostB].join(":"));
          expect(a).toBe(b);
          const other = [...prefix];
          other[3] = ((Number.parseInt(other[3] ?? "0", 16) + 1) % 0x10000).toString(16);
          expect(clientAddressKey([...other, ...hostA].join(":"))).not.toBe(a);
        },
      ),
    );
  });
});
