/**
 * Rank correlation between uncertain inputs (vacancy rate and agency cover tend to rise together).
 *
 * Correlated inputs are drawn through a Gaussian copula: each input's uniform becomes a standard
 * normal, the normals are mixed by the Cholesky factor of their correlation matrix, and each mixed
 * normal goes back to a uniform and through the input's own quantile function. Every input keeps its
 * own distribution exactly, and a Spearman rank correlation ρ between two inputs is met exactly by a
 * correlation of 2·sin(πρ/6) between their normals (Pearson's identity for the bivariate normal).
 */

/** A rank (Spearman) correlation between two uncertain inputs, named by their setting keys. */
export interface Correlation {
  between: [string, string];
  /** From −1 to 1. */
  rank: number;
}

/** The correlation of the underlying normals that gives rank correlation `rank` between the inputs. */
export function normalCorrelationForRank(rank: number): number {
  return 2 * Math.sin((Math.PI * rank) / 6);
}

/** Pivots this close to 0 count as 0: a rank correlation of ±1 makes the matrix singular, not invalid. */
const PIVOT_TOLERANCE = 1e-10;

/**
 * The lower-triangular L with L·Lᵀ = C for a symmetric n×n matrix C (row-major), allowing C to be
 * positive semi-definite (inputs that move in lockstep); null when C is not a valid correlation
 * matrix (some combination of inputs would need a negative variance).
 */
export function cholesky(c: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let pivot = c[j * n + j]!;
    for (let k = 0; k < j; k++) pivot -= l[j * n + k]! * l[j * n + k]!;
    if (pivot < -PIVOT_TOLERANCE) return null;
    const root = pivot > PIVOT_TOLERANCE ? Math.sqrt(pivot) : 0;
    l[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let v = c[i * n + j]!;
      for (let k = 0; k < j; k++) v -= l[i * n + k]! * l[j * n + k]!;
      if (root === 0) {
        if (Math.abs(v) > 1e-8) return null;
        l[i * n + j] = 0;
      } else {
        l[i * n + j] = v / root;
      }
    }
  }
  return l;
}

/** A problem with a set of correlations: which one (its index, or −1 for the set as a whole) and why. */
export interface CorrelationIssue {
  index: number;
  field: "between" | "rank" | "";
  reason: string;
}

/**
 * The correlation matrices of a set of correlations among `keys`: the rank matrix as written and the
 * Cholesky factor of the normals' matrix the copula uses, or the problems that prevent them.
 */
export function correlationFactor(keys: readonly string[], correlations: readonly Correlation[]): { factor?: Float64Array; issues: CorrelationIssue[] } {
  const issues: CorrelationIssue[] = [];
  const n = keys.length;
  const index = new Map(keys.map((k, i) => [k, i]));
  const rank = new Float64Array(n * n);
  const normal = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    rank[i * n + i] = 1;
    normal[i * n + i] = 1;
  }
  const seen = new Map<string, number>();
  correlations.forEach((c, i) => {
    const [a, b] = c.between;
    if (a === b) {
      issues.push({ index: i, field: "between", reason: `names "${a}" twice; a correlation is between two different inputs` });
      return;
    }
    const pair = [a, b].sort().join(" and ");
    if (seen.has(pair)) {
      issues.push({ index: i, field: "between", reason: `${pair} are already correlated by correlations[${seen.get(pair)}]` });
      return;
    }
    seen.set(pair, i);
    if (!(c.rank >= -1 && c.rank <= 1)) {
      issues.push({ index: i, field: "rank", reason: `must be between -1 and 1, got ${c.rank}` });
      return;
    }
    const x = index.get(a);
    const y = index.get(b);
    if (x === undefined || y === undefined) return; // the caller reports inputs that are not uncertain
    rank[x * n + y] = rank[y * n + x] = c.rank;
    normal[x * n + y] = normal[y * n + x] = normalCorrelationForRank(c.rank);
  });
  if (issues.length > 0) return { issues };
  if (!cholesky(rank, n)) {
    issues.push({ index: -1, field: "", reason: `the rank correlations between ${keys.join(", ")} cannot all hold at once (together they do not form a valid correlation matrix)` });
    return { issues };
  }
  const factor = cholesky(normal, n);
  if (!factor) {
    issues.push({ index: -1, field: "", reason: `the rank correlations between ${keys.join(", ")} are too close to the edge of what is possible to be drawn together; make them less extreme` });
    return { issues };
  }
  return { factor, issues };
}
