import type { Request } from "express";
import { describe, expect, it } from "vitest";
import { createMetricsGuard } from "./metrics.ts";

const request = (ip: string, authorization?: string) =>
  ({ ip, headers: authorization === undefined ? {} : { authorization } }) as unknown as Request;

describe("who may read /metrics", () => {
  const token = "een-lang-geheim-token-123";
  const guard = createMetricsGuard({ metricsAllow: ["127.0.0.1/32", "::1/128"], metricsToken: token });

  it("lets in the allowed addresses, also written as IPv4-mapped IPv6", () => {
    expect(guard(request("127.0.0.1"))).toBe(true);
    expect(guard(request("::ffff:127.0.0.1"))).toBe(true);
    expect(guard(request("::1"))).toBe(true);
    expect(guard(request("203.0.113.9"))).toBe(false);
  });

  it("lets in the exact token from anywhere, and nothing shorter, longer or different", () => {
    expect(guard(request("203.0.113.9", `Bearer ${token}`))).toBe(true);
    expect(guard(request("203.0.113.9", `Bearer ${token.slice(0, -1)}`))).toBe(false);
    expect(guard(request("203.0.113.9", `Bearer ${token}x`))).toBe(false);
    expect(guard(request("203.0.113.9", `bearer ${token}`))).toBe(false);
    expect(guard(request("203.0.113.9", ""))).toBe(false);
  });

  it("with an empty list and no token, lets nobody in", () => {
    const closed = createMetricsGuard({ metricsAllow: [] });
    expect(closed(request("127.0.0.1"))).toBe(false);
    expect(closed(request("127.0.0.1", "Bearer "))).toBe(false);
  });
});
