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
// matches.

type Entry = { ok: true; value: unknown } | { ok: false; error: unknown };

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
  private hits = 0;
  private misses = 0;

  constructor(private limit: number) {}

  /** The answer stored under `key`, or `evaluate()`'s answer (or error), stored. */
  get<T>(key: string, evaluate: () => T): T {
    let entry = this.entries.get(key);
    if (entry !== undefined) {
      this.hits++;
      // Map keeps insertion order: moving the entry to the end makes the first entry the least recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
    } else {
      this.misses++;
      try {
        entry = { ok: true, value: evaluate() };
      } catch (error) {
        entry = { ok: false, error };
      }
      if (this.limit > 0) {
        this.entries.set(key, entry);
        if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
      }
    }
    if (entry.ok) return entry.value as T;
    throw entry.error;
  }

  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, size: this.entries.size, limit: this.limit };
  }

  /** Forgets every entry and resets the counts. */
  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }

  /** Changes the bound (0 turns the cache off: every call evaluates, as the benchmark's naive peer does). */
  setLimit(limit: number): void {
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`the cache limit must be a whole number of entries, got ${limit}`);
    this.limit = limit;
    while (this.entries.size > limit) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** Enough for a workbook that compares a few hundred variants; each entry is tens of kilobytes. */
export const DEFAULT_CACHE_LIMIT = 500;

/** The one cache of the add-in's page (functions and task pane share it in the shared runtime). */
export const evaluations = new EvaluationCache(DEFAULT_CACHE_LIMIT);
