import { notLoadedYet } from "./excelErrors.js";

// The evaluation cache: whole-scenario functions evaluate a scenario (or a comparison, or an
// explanation) once per distinct set of arguments and answer every other cell that asks for it from
// the stored evaluation.
//
// Why a plain synchronous memo and not a promise cache: Excel calls custom functions on one JavaScript
// thread, one after another, and these functions are synchronous (an evaluation takes about a
// millisecond, well below what would need a worker or #BUSY!). So there is never a second call in
// flight while the first computes: the first cell of a recalculation computes and stores, every later
// cell with the same arguments finds the stored answer. An answer depends on the arguments alone (the
// presets and rates are compiled into the bundle), so an entry never goes stale; the cache is bounded
// (least recently used entries go first) to keep memory in check in a workbook that sweeps many values.
// Errors are stored too, so a thousand cells with the same misspelt preset cost one lookup of close
// matches; but not data still being fetched (NotLoadedYet: a council's figures, addin/onDemand), which
// is not an answer: the call is made again once the data is here.
//
// SIMULATE is the one asynchronous function: its Monte Carlo runs are shared and kept elsewhere
// (simulation.ts), and each percentile's answer, once its run is done, is stored here like any other
// answer, so a recalculation answers it at once.

type Entry = { ok: true; value: unknown; used: number } | { ok: false; error: unknown; used: number };

export interface CacheStats {
  /** Calls answered from the cache. */
  hits: number;
  /** Calls that evaluated. */
  misses: number;
  /** Entries held now. */
  size: number;
  /** Most entries held. */
  limit: number;
}

export class EvaluationCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inputs = new Map<string, unknown>();
  private hits = 0;
  private misses = 0;

  constructor(private limit: number) {}

  private tick = 0;

  /** The answer stored under `key`, or `evaluate()`'s answer (or error), stored. */
  get<T>(key: string, evaluate: () => T): T {
    let entry = this.entries.get(key);
    if (entry !== undefined) {
      this.hits++;
      // A hit only stamps the entry (cheap, as every cell of a recalculation is one); the stamps are
      // read when an entry must go.
      entry.used = ++this.tick;
    } else {
      this.misses++;
      try {
        entry = { ok: true, value: evaluate(), used: ++this.tick };
      } catch (error) {
        if (notLoadedYet(error) !== undefined) throw error;
        entry = { ok: false, error, used: ++this.tick };
      }
      if (this.limit > 0) {
        if (this.entries.size >= this.limit) this.dropLeastRecentlyUsed();
        this.entries.set(key, entry);
      }
    }
    if (entry.ok) return entry.value as T;
    throw entry.error;
  }

  /** Whether an answer (or error) is stored under `key`; a look that counts as neither hit nor miss. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  private dropLeastRecentlyUsed(): void {
    let oldest: string | undefined;
    let stamp = Infinity;
    for (const [key, entry] of this.entries) {
      if (entry.used < stamp) {
        stamp = entry.used;
        oldest = key;
      }
    }
    if (oldest !== undefined) this.entries.delete(oldest);
  }

  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, size: this.entries.size, limit: this.limit };
  }

  /**
   * What evaluations start from (a preset as loaded), made once and shared: every evaluation of one
   * preset then starts from the same object, so its settings are listed and its model compiled once a
   * recalculation rather than once an evaluation. Nothing changes a shared input (applying overrides
   * makes a new scenario). Kept and cleared with the answers; counted as neither hit nor miss, since it
   * answers no cell.
   */
  input<T>(key: string, load: () => T): T {
    if (this.inputs.has(key)) return this.inputs.get(key) as T;
    const value = load();
    if (this.limit > 0) this.inputs.set(key, value);
    return value;
  }

  /** Forgets every entry and resets the counts. */
  clear(): void {
    this.entries.clear();
    this.inputs.clear();
    this.hits = 0;
    this.misses = 0;
  }

  /** Changes the bound (0 turns the cache off: every call evaluates, as the benchmark's naive peer does). */
  setLimit(limit: number): void {
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`the cache limit must be a whole number of entries, got ${limit}`);
    this.limit = limit;
    while (this.entries.size > limit) this.dropLeastRecentlyUsed();
    if (limit === 0) this.inputs.clear();
  }
}

/** Enough for a workbook that compares a few hundred variants; each entry is tens of kilobytes. */
export const DEFAULT_CACHE_LIMIT = 500;

/** The one cache of the add-in's page (functions and task pane share it in the shared runtime). */
export const evaluations = new EvaluationCache(DEFAULT_CACHE_LIMIT);
