/**
 * A deep copy of plain data (objects, arrays, numbers including Infinity, strings, booleans, null).
 * The engine cannot rely on structuredClone: Excel's JavaScript-only runtime does not have it.
 */
export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = clone(v);
    return out as T;
  }
  return value;
}
