/** The median and the 99th percentile of a benchmark's timings (or any numbers), as every bench table quotes them. */
export function medianAndP99(numbers: readonly number[]): { median: number; p99: number } {
  const sorted = [...numbers].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] };
}

/** The median of `numbers`. */
export const median = (numbers: readonly number[]): number => medianAndP99(numbers).median;
