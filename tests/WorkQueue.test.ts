import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../src/WorkQueue.js';

/** A yield the test can count and that lets the event loop turn, as setImmediate does. */
function countingYield(): { yields: () => number; fn: () => Promise<void> } {
  let n = 0;
  return {
    yields: () => n,
    fn: () =>
      new Promise((resolve) => {
        n += 1;
        setImmediate(resolve);
      }),
  };
}

/** Holds the thread for `ms`, as a search or an event extraction does. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}

describe('WorkQueue', () => {
  it('runs jobs one at a time, replies before background work, each settling with its own result or error', async () => {
    const queue = new WorkQueue();
    const order: string[] = [];
    const background = [1, 2, 3].map((n) => queue.run(() => order.push(`b${n}`)));
    const failing = queue.run(() => {
      throw new Error('boom');
    }, 'interactive');
    const reply = queue.run(() => {
      order.push('reply');
      return 'answer';
    }, 'interactive');
    await expect(failing).rejects.toThrow('boom');
    await expect(reply).resolves.toBe('answer');
    await Promise.all(background);
    // Queued after the background jobs, yet served first: a user is waiting for it.
    expect(order).toEqual(['reply', 'b1', 'b2', 'b3']);
  });

  it('yields to the event loop once a slice is used up, not after every job', async () => {
    const counter = countingYield();
    const queue = new WorkQueue(counter.fn, 10);
    const quick = Array.from({ length: 200 }, () => queue.run(() => undefined));
    await Promise.all(quick);
    // 200 jobs of nothing fit in a slice or two: a yield per job would be 200.
    expect(counter.yields()).toBeLessThan(5);

    const before = counter.yields();
    await Promise.all(Array.from({ length: 4 }, () => queue.run(() => busy(15))));
    // Each 15 ms job uses up a 10 ms slice: a turn of the event loop after each.
    expect(counter.yields() - before).toBeGreaterThanOrEqual(4);
  });

  it('lets timers run between the steps of a long job written as steps', async () => {
    const queue = new WorkQueue(undefined, 5);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    function* job(): Generator<void, number, void> {
      for (let i = 0; i < 10; i++) {
        busy(8);
        yield;
      }
      return 42;
    }
    const result = await queue.runSteps(job, 'interactive');
    clearInterval(timer);
    expect(result).toBe(42);
    // 80 ms of work in ten 8 ms steps: the interval got turns in between (none if it ran in one go).
    expect(ticks).toBeGreaterThanOrEqual(5);
  });
});
