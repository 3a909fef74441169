import type { Clock } from '../../src/scheduler/DigestScheduler.js';

interface Timer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/**
 * A clock whose time only moves when the test says so. `advanceTo` fires each timer at its own instant, in order, and
 * lets the asynchronous work it started finish before moving on — so a month of schedule runs in milliseconds and
 * every post happens at the instant the scheduler chose.
 */
export class FakeClock implements Clock {
  private timers: Timer[] = [];
  private sequence = 0;

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = ++this.sequence;
    this.timers.push({ id, at: this.current + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Timers still armed (the scheduler keeps exactly one while running). */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time to `until`, firing due timers in order; `settle` waits for the work a timer started. */
  async advanceTo(until: number, settle: () => Promise<void>): Promise<void> {
    for (let fired = 0; ; fired++) {
      if (fired > 100_000) throw new Error('timers keep firing without time moving: a busy loop');
      await settle();
      const due = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.callback();
    }
    this.current = Math.max(this.current, until);
  }
}
