import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Logger } from './logger.js';

export interface EventLoopMonitorOptions {
  /** A stall longer than this is logged. Default 100 ms: well inside Discord's 3 s to acknowledge an interaction. */
  readonly thresholdMs?: number;
  /** How often the delays are read (and the histogram reset). Default 1 s. */
  readonly intervalMs?: number;
  /** Sampling resolution of the delay timer. Default 10 ms. */
  readonly resolutionMs?: number;
}

export interface EventLoopMonitor {
  stop(): void;
}

/**
 * Watches the event loop and logs a warning `Event loop blocked` with the longest delay seen (`maxMs`) whenever a
 * stall passes the threshold. The bot answers every interaction, heartbeats the gateway and posts digests on this one
 * thread: work that holds it (an index rebuild, a huge load) would make Discord drop the connection or show "the
 * application did not respond". The warning names the problem when it happens; tests assert it never does.
 */
export function startEventLoopMonitor(logger: Pick<Logger, 'warn'>, options: EventLoopMonitorOptions = {}): EventLoopMonitor {
  const thresholdMs = options.thresholdMs ?? 100;
  const histogram = monitorEventLoopDelay({ resolution: options.resolutionMs ?? 10 });
  histogram.enable();
  const timer = setInterval(() => {
    // Nanoseconds; the timer's own resolution is included, which errs on the side of reporting.
    const maxMs = Math.round(histogram.max / 1e6);
    if (histogram.count > 0 && maxMs > thresholdMs) {
      logger.warn({ maxMs, thresholdMs, meanMs: Math.round(histogram.mean / 1e6) }, `Event loop blocked for ${maxMs} ms`);
    }
    histogram.reset();
  }, options.intervalMs ?? 1_000);
  // It watches the process; it must not be what keeps it alive.
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
