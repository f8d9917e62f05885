/**
 * A CSV cell as RFC 4180 writes it (quoted when it holds a comma, a quote or a line break), made safe
 * to open in a spreadsheet: text that begins with =, +, -, @, a tab or a carriage return would be read
 * as a formula (a tier id such as `=cmd|' /C calc'!A0`), so it gets a leading ' as spreadsheet tools
 * expect, and shows as the text it is. Numbers are written as numbers (a negative amount stays a
 * number), and so is text that is only a number.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
