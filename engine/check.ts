import { DomainError, InputError } from "./errors.js";

/**
 * Argument checks for the building-block rules, done once at the boundary (as dinero's `safe`
 * functions do) so that the rule bodies are plain arithmetic the model can call in a hot loop.
 * A value that is not a number at all is an InputError (#VALUE! in Excel); a number outside the
 * rule's domain is a DomainError (#NUM!).
 */

export function number(argument: string, value: unknown): number {
  if (typeof value !== "number" || Number.isNaN(value)) throw new InputError(argument, `must be a number, got ${describe(value)}`);
  if (!Number.isFinite(value)) throw new DomainError(argument, `must be a finite number, got ${value}`);
  return value;
}

export function atLeast(argument: string, value: unknown, min: number): number {
  const n = number(argument, value);
  if (n < min) throw new DomainError(argument, `must be at least ${min}, got ${n}`);
  return n;
}

export function above(argument: string, value: unknown, min: number): number {
  const n = number(argument, value);
  if (n <= min) throw new DomainError(argument, `must be more than ${min}, got ${n}`);
  return n;
}

export function between(argument: string, value: unknown, min: number, max: number): number {
  const n = number(argument, value);
  if (n < min || n > max) throw new DomainError(argument, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function wholeNumber(argument: string, value: unknown, min: number, max = Infinity): number {
  const n = number(argument, value);
  if (!Number.isInteger(n)) throw new DomainError(argument, `must be a whole number, got ${n}`);
  if (n < min || n > max) throw new DomainError(argument, max === Infinity ? `must be at least ${min}, got ${n}` : `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return String(value);
  return typeof value;
}
