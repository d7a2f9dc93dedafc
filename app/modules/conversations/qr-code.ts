// The QR code on the big screen that takes a phone to the join page. Pure and synchronous: the `qrcode`
// library computes the modules, this file draws them as one SVG path, so the markup is ours to control
// (an accessible name, no scripts, no links, nothing loaded from elsewhere).
import { create } from "qrcode";

// The quiet zone the QR standard asks for around the symbol; scanners struggle with less.
const QUIET_ZONE = 4;
const DARK = "#000000";
const LIGHT = "#ffffff";

/**
 * An SVG string of the QR code for `url`, dark on light, with `role="img"` and the caller's `label` (in
 * the reader's language) as its accessible name. It has no width or height: it fills its container.
 * Throws when the text is too long for a QR code (roughly 2,000 characters).
 */
export function qrCodeSvg(url: string, { label }: { label: string }): string {
  // "M" restores up to 15% of a damaged or badly lit symbol and keeps the code coarse enough to scan
  // from the back of a room.
  const { modules } = create(url, { errorCorrectionLevel: "M" });
  const size = modules.size;
  const side = size + 2 * QUIET_ZONE;

  let path = "";
  for (let row = 0; row < size; row++) {
    let column = 0;
    while (column < size) {
      if (!modules.data[row * size + column]) {
        column++;
        continue;
      }
      // One rectangle per run of dark modules keeps the path short.
      const start = column;
      while (column < size && modules.data[row * size + column]) column++;
      const length = column - start;
      path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${length}v1h-${length}z`;
    }
  }

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" role="img" ` +
    `aria-label="${escapeXml(label)}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="${LIGHT}"/>` +
    `<path fill="${DARK}" d="${path}"/>` +
    "</svg>"
  );
}

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}
