/**
 * A progress bar on stderr for long runs (simulations, sweeps), so stdout stays the result alone and
 * can be piped. Drawn only on a terminal unless asked for; redrawn at most ten times a second.
 */

export interface Progress {
  update(done: number, total: number): void;
  /** Ends the bar's line (when one was drawn). */
  finish(): void;
}

export function progressBar(label: string, unit: string, options: { force?: boolean; stream?: { isTTY?: boolean; write(text: string): unknown } } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const live = options.force === true || stream.isTTY === true;
  let drawn = false;
  let last = 0;
  const width = 30;
  return {
    update(done, total) {
      if (!live) return;
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const share = total > 0 ? done / total : 1;
      const filled = Math.round(share * width);
      const bar = `${"#".repeat(filled)}${"-".repeat(width - filled)}`;
      stream.write(`\r${label} [${bar}] ${String(Math.floor(share * 100)).padStart(3)}%  ${done.toLocaleString("en-GB")}/${total.toLocaleString("en-GB")} ${unit}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}
