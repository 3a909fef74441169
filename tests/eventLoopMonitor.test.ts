import { describe, expect, it } from 'vitest';
import { startEventLoopMonitor } from '../src/eventLoopMonitor.js';

describe('startEventLoopMonitor', () => {
  it('logs "Event loop blocked" with the stall in ms when the loop is held past the threshold, and only then', async () => {
    const lines: Array<{ fields: Record<string, unknown>; msg: string }> = [];
    const logger = { warn: (fields: Record<string, unknown>, msg: string) => void lines.push({ fields, msg }) };
    const monitor = startEventLoopMonitor(logger as never, { thresholdMs: 100, intervalMs: 50 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(lines).toEqual([]); // an idle loop is never reported

      const end = performance.now() + 250;
      while (performance.now() < end) {
        // hold the thread, as a synchronous index rebuild would
      }
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(lines).toHaveLength(1);
      expect(lines[0]?.msg).toMatch(/^Event loop blocked for \d+ ms$/u);
      expect(Number(lines[0]?.fields['maxMs'])).toBeGreaterThanOrEqual(200);
    } finally {
      monitor.stop();
    }
  });
});
