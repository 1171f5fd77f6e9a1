// Small statistics for the benchmarks: every figure is a median over several runs, with its spread.

/** Linear-interpolated quantile of sorted numbers. */
function quantile(sorted, q) {
  if (!sorted.length) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** { median, min, max, q1, q3, runs, samples } of a list of numbers. */
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    runs: sorted.length,
    samples,
  };
}

/** Per-run ratios a[i] / b[i] of two lists measured side by side in the same run. */
export function ratios(a, b) {
  return a.map((x, i) => x / b[i]);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
