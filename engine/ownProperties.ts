/**
 * Names from users (setting paths, scenario files, workbook cells, CSV headers, the pane's saved
 * library) become object properties in many places. Read naively, `__proto__`, `constructor` and
 * `prototype` reach the object's prototype instead: `x["__proto__"].toString = 5` replaces
 * Object.prototype.toString for the whole runtime (the add-in's custom functions and task pane share
 * one), and `"constructor" in fields` is true of every object. So every such lookup goes through
 * these helpers, which see own properties only and never treat those three names as a setting.
 */

/** Names that reach an object's prototype or its constructor: never a setting, whatever the schema. */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** True for a name that must never be read or written as a property from user input. */
export function isPrototypeName(name: string): boolean {
  return PROTOTYPE_NAMES.has(name);
}

const hasOwnProperty = Object.prototype.hasOwnProperty;

/** True when `object` itself holds `name` (not its prototype), and the name is not a prototype name. */
export function hasOwn(object: object, name: string): boolean {
  return !PROTOTYPE_NAMES.has(name) && hasOwnProperty.call(object, name);
}

/** The object's own property `name`, or undefined (never anything from its prototype). */
export function ownValue<T>(object: Readonly<Record<string, T>>, name: string): T | undefined {
  return hasOwn(object, name) ? object[name] : undefined;
}

/**
 * Sets an own data property, however the name reads: `__proto__` becomes an ordinary property (so a
 * validator can then report it as unknown) instead of replacing the object's prototype.
 */
export function setOwn(object: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(object, name, { value, writable: true, enumerable: true, configurable: true });
}
