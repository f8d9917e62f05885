/**
 * Timing for benchmarks: each contender runs in rounds, interleaved, after a warm-up, and the median
 * round is reported, so a busy moment on the machine hits both alike. Results are printed as ratios
 * against a peer measured in the same run, never asserted as times.
 */

export interface Timing {
  name: string;
  /** Median nanoseconds per operation. */
  nsPerOp: number;
}

export function measure(contenders: { name: string; run: (iterations: number) => void }[], options: { iterations: number; rounds?: number; warmup?: number }): Timing[] {
  const rounds = options.rounds ?? 15;
  for (const c of contenders) c.run(options.warmup ?? options.iterations);
  const samples = contenders.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    contenders.forEach((c, i) => {
      const start = process.hrtime.bigint();
      c.run(options.iterations);
      samples[i]!.push(Number(process.hrtime.bigint() - start) / options.iterations);
    });
  }
  return contenders.map((c, i) => ({ name: c.name, nsPerOp: median(samples[i]!) }));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function formatDuration(ns: number): string {
  if (ns < 1_000) return `${ns.toFixed(0)} ns`;
  if (ns < 1_000_000) return `${(ns / 1_000).toFixed(2)} µs`;
  if (ns < 1_000_000_000) return `${(ns / 1_000_000).toFixed(2)} ms`;
  return `${(ns / 1_000_000_000).toFixed(2)} s`;
}

/** One line of a report: name, time, and the ratio to the peer. */
export function report(title: string, timings: Timing[], peer: string, goals: string[] = []): string {
  const base = timings.find((t) => t.name === peer)!;
  const width = Math.max(...timings.map((t) => t.name.length));
  const lines = [`\n${title}`, ...timings.map((t) => `  ${t.name.padEnd(width)}  ${formatDuration(t.nsPerOp).padStart(10)}   ${t.name === peer ? "(peer)" : `${(t.nsPerOp / base.nsPerOp).toFixed(2)}× the peer`}`)];
  for (const goal of goals) lines.push(`  ${goal}`);
  return lines.join("\n");
}
