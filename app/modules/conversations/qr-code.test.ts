import { describe, expect, it } from "vitest";
import { qrCodeSvg } from "./qr-code.ts";

const LABEL = "QR-code om mee te doen aan het gesprek";

describe("qrCodeSvg", () => {
  it("is an SVG image with the caller's label as its accessible name", () => {
    const svg = qrCodeSvg("https://vakmanschap.example/meedoen/ACDEFH", { label: LABEL });
    expect(svg).toMatch(/^<svg [^>]*>.*<\/svg>$/s);
    expect(svg).toContain('role="img"');
    expect(svg).toContain(`aria-label="${LABEL}"`);
  });

  it("escapes the label, so it cannot break out of the attribute", () => {
    const svg = qrCodeSvg("https://vakmanschap.example/", { label: `Tom & "Jerry" <script>'` });
    expect(svg).toContain('aria-label="Tom &amp; &quot;Jerry&quot; &lt;script&gt;&apos;"');
    expect(svg).not.toContain("<script");
  });

  it("draws dark modules on a light square with a quiet zone, and loads nothing from elsewhere", () => {
    const svg = qrCodeSvg("https://vakmanschap.example/meedoen/ACDEFH", { label: LABEL });
    const side = Number(svg.match(/viewBox="0 0 (\d+) \1"/)?.[1]);
    // The smallest QR code is 21 modules wide; 4 modules of margin on each side.
    expect(side).toBeGreaterThanOrEqual(29);
    expect(svg).toContain(`<rect width="${side}" height="${side}" fill="#ffffff"/>`);
    expect(svg).toContain('<path fill="#000000" d="M4 4h7v1h-7z');
    expect(svg).not.toMatch(/href|url\(|<image|<script|<foreignObject/i);
  });

  it("is the same for the same address and differs for another", () => {
    const first = qrCodeSvg("https://vakmanschap.example/meedoen/ACDEFH", { label: LABEL });
    expect(qrCodeSvg("https://vakmanschap.example/meedoen/ACDEFH", { label: LABEL })).toBe(first);
    expect(qrCodeSvg("https://vakmanschap.example/meedoen/ACDEFJ", { label: LABEL })).not.toBe(first);
  });

  it("refuses an address too long for a QR code", () => {
    expect(() => qrCodeSvg(`https://vakmanschap.example/${"x".repeat(5000)}`, { label: LABEL })).toThrow();
  });
});
