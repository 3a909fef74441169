import { performance } from 'node:perf_hooks';
import type { Steps } from './core/search/steps.js';

/**
 * Longest stretch of queued work between two yields to the event loop. Well under the 100 ms the event-loop
 * monitor reports, so that gateway heartbeats and interaction acknowledgements never wait long behind it.
 */
export const SLICE_MS = 10;

/** `interactive`: a reply a user is waiting for; `background`: event extraction, files handed over by the watcher. */
export type Priority = 'interactive' | 'background';

interface Job {
  /** Returns the result, a promise of it, or (for `runSteps`) a generator whose pauses may fall between slices. */
  readonly start: () => unknown;
  readonly steps: boolean;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

const immediate = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The one queue for the work of this thread that can wait a few milliseconds: replies being built, event
 * extraction, articles handed over by the folder watcher. Jobs run one at a time, replies first, with a yield to the
 * event loop whenever they have held it for a slice — a slice of time, not a count: one article or one question
 * costs microseconds or tens of milliseconds. A job written as steps (`runSteps`) can be paused between two steps.
 *
 * Why one queue: work that arrives in bursts from many async sources (fifty searches, a thousand files copied in)
 * would otherwise run back to back in one turn of the event loop, and that turn lasts as long as all of it (half a
 * second to 1.5 s measured). Several queues each yielding on their own still share that turn, so the bound only
 * holds when every such job goes through the same queue.
 */
export class WorkQueue {
  private readonly jobs: Record<Priority, Job[]> = { interactive: [], background: [] };
  private draining = false;
  private sliceStart = 0;

  constructor(
    private readonly yieldToEventLoop: () => Promise<void> = immediate,
    private readonly sliceMs = SLICE_MS,
  ) {}

  /** Queues `task`; settles with its result or error. A failing task does not stop the others. */
  run<T>(task: () => T | Promise<T>, priority: Priority = 'background'): Promise<T> {
    return this.enqueue(task, false, priority);
  }

  /** Queues a job written as steps (see `core/search/steps.ts`): the queue may yield at any of its pauses. */
  runSteps<T>(steps: () => Steps<T>, priority: Priority = 'background'): Promise<T> {
    return this.enqueue(steps, true, priority);
  }

  /** Jobs waiting (not the one running). */
  get pending(): number {
    return this.jobs.interactive.length + this.jobs.background.length;
  }

  private enqueue<T>(start: () => unknown, steps: boolean, priority: Priority): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.jobs[priority].push({ start, steps, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      // Start on a fresh turn: the caller's own work in this turn is not counted, and may have been long.
      await this.pause(true);
      for (;;) {
        const job = this.jobs.interactive.shift() ?? this.jobs.background.shift();
        if (!job) return;
        try {
          job.resolve(job.steps ? await this.step(job.start() as Steps<unknown>) : await job.start());
        } catch (error) {
          job.reject(error);
        }
        await this.pause(false);
      }
    } finally {
      this.draining = false;
    }
  }

  /** Runs a job's steps, yielding to the event loop between two of them whenever the slice is used up. */
  private async step(steps: Steps<unknown>): Promise<unknown> {
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      await this.pause(false);
    }
  }

  /** Yields when the slice is used up (or always, when `force`), and starts a new slice after. */
  private async pause(force: boolean): Promise<void> {
    if (!force && performance.now() - this.sliceStart < this.sliceMs) return;
    await this.yieldToEventLoop();
    this.sliceStart = performance.now();
  }
}
