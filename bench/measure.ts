/** Measuring helpers of the benchmark: latency percentiles, memory after GC, peak RSS, event-loop stalls. */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface Latency {
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** p50 / p99 / max of timings in ms. */
export function summarise(timings: readonly number[]): Latency {
  const sorted = [...timings].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

/** Times `fn` on every input, after an untimed warm-up on every tenth input (JIT compilation, caches). */
export function timeEach<T>(inputs: readonly T[], fn: (input: T) => unknown, passes = 1): number[] {
  for (let i = 0; i < inputs.length; i += 10) fn(inputs[i] as T);
  const timings: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const input of inputs) {
      const start = performance.now();
      fn(input);
      timings.push(performance.now() - start);
    }
  }
  return timings;
}

/** Forces full garbage collections (needs --expose-gc) so that heap figures are what stays, not garbage. */
export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

export interface Memory {
  /** V8 heap in use after GC (JS objects and strings: the articles' text lives here). */
  readonly heapMB: number;
  /** Memory outside the heap: typed arrays' buffers (postings live here). */
  readonly externalMB: number;
  readonly rssMB: number;
}

const MB = 1024 * 1024;

export function memoryAfterGc(): Memory {
  collect();
  const m = process.memoryUsage();
  return { heapMB: m.heapUsed / MB, externalMB: m.external / MB, rssMB: m.rss / MB };
}

/** Highest resident set size of this process so far (the kernel's figure), in MB. */
export function peakRssMB(): number {
  return (process.resourceUsage().maxRSS * 1024) / MB;
}

/** Measures the longest event-loop stall while `work` runs (resolution 10 ms). */
export async function withStallMonitor<T>(work: () => Promise<T>): Promise<{ value: T; maxStallMs: number; ms: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const start = performance.now();
  // Let the monitor's timer start before the work, so the first stretch of work is measured too.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const value = await work();
  const ms = performance.now() - start - 20;
  await new Promise((resolve) => setTimeout(resolve, 20));
  histogram.disable();
  return { value, ms, maxStallMs: histogram.max / 1e6 };
}
