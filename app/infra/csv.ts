// CSV files the site writes, one way: fields quoted where needed, text a spreadsheet would run as a
// formula made harmless, lines ended with CRLF. Pure.

/**
 * Dutch spreadsheets read `;` as the separator by default (the comma is the decimal sign there), so
 * files for people use it, with a byte-order mark that says the file is UTF-8. Files for other tools
 * in a known layout (Pol.is's) use the comma.
 */
export const CSV_SEPARATOR = ";";
const BOM = "\uFEFF";

/**
 * One CSV field. Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
 * carriage return) gets a leading apostrophe; fields with the separator, a quote or a line break are
 * quoted. Numbers are ours, never typed by anyone, and stay numbers.
 */
export function csvField(value: string | number | null, separator = CSV_SEPARATOR): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const quote = safe.includes(separator) || /["\r\n]|^\s|\s$/.test(safe);
  return quote ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as a CSV file: with the byte-order mark for spreadsheets unless `bom: false`. */
export function csvText(
  rows: readonly (readonly (string | number | null)[])[],
  options: { separator?: string; bom?: boolean } = {},
): string {
  const separator = options.separator ?? CSV_SEPARATOR;
  const lines = rows.map((row) => row.map((value) => csvField(value, separator)).join(separator));
  return `${options.bom === false ? "" : BOM}${lines.join("\r\n")}\r\n`;
}
