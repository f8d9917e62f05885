/**
 * Financial years (April to March), written as councils write them: "2025/26".
 * One timeline for everything, as the FAST standard asks: every year in the model is one of these.
 */

const FINANCIAL_YEAR = /^(\d{4})\/(\d{2})$/;

/** True when `text` is a financial year such as "2025/26" (the second part must follow the first). */
export function isFinancialYear(text: unknown): text is string {
  if (typeof text !== "string") return false;
  const match = FINANCIAL_YEAR.exec(text);
  if (!match) return false;
  const start = Number(match[1]);
  return (start + 1) % 100 === Number(match[2]);
}

/** The calendar year in which a financial year starts: "2025/26" → 2025. */
export function startOfYear(year: string): number {
  if (!isFinancialYear(year)) throw new Error(`not a financial year: ${year}`);
  return Number(year.slice(0, 4));
}

/** The financial year that starts in April of `start`: 2025 → "2025/26". */
export function financialYear(start: number): string {
  const next = (start + 1) % 100;
  return `${start}/${next < 10 ? "0" : ""}${next}`;
}

/** The financial year `offset` years after `year`. */
export function addYears(year: string, offset: number): string {
  return financialYear(startOfYear(year) + offset);
}

/** How many years `later` falls after `earlier` (negative when it is before). */
export function yearsBetween(earlier: string, later: string): number {
  return startOfYear(later) - startOfYear(earlier);
}
