/**
 * Long jobs (building or compacting an index of 100,000 articles) are written once, as generators that `yield` at
 * points where it is safe to pause, and run either at once (tests, small archives) or with a pause at each point,
 * so that the bot keeps answering its gateway heartbeats while it indexes. Core has no timers: the pause is passed in.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs a job to the end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs a job, awaiting `pause` (e.g. a `setImmediate` promise) at each of its pause points. */
export async function runStepsAsync<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}

/**
 * Sorts strings in code-unit order (the order `<` uses), pausing every `chunk` elements of work: a native sort of a
 * 500,000-term vocabulary would block for a third of a second. Sorts runs natively, then merges them pairwise.
 */
export function* sortStringsSteps(values: string[], chunk = 16_384): Steps<string[]> {
  let runs: string[][] = [];
  for (let start = 0; start < values.length; start += chunk) {
    runs.push(values.slice(start, start + chunk).sort());
    yield;
  }
  if (runs.length === 0) return [];
  let work = 0;
  while (runs.length > 1) {
    const merged: string[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const a = runs[r] as string[];
      const b = runs[r + 1];
      if (!b) {
        merged.push(a);
        continue;
      }
      const out = new Array<string>(a.length + b.length);
      let i = 0;
      let j = 0;
      let k = 0;
      while (i < a.length && j < b.length) {
        const x = a[i] as string;
        const y = b[j] as string;
        if (y < x) {
          out[k++] = y;
          j++;
        } else {
          out[k++] = x;
          i++;
        }
        if (++work >= chunk * 4) {
          work = 0;
          yield;
        }
      }
      while (i < a.length) out[k++] = a[i++] as string;
      while (j < b.length) out[k++] = b[j++] as string;
      merged.push(out);
    }
    runs = merged;
  }
  return runs[0] as string[];
}
