/** At most this many users are remembered; idle ones are forgotten first. Keeps memory bounded under load. */
const MAX_TRACKED = 10_000;
/** Searches a user may run back to back (a search, then turning two pages) before the cooldown applies. */
const BURST = 3;

/**
 * Per-user cooldown on the work that searches the archive, commands and buttons alike (a button can carry any
 * query, so buttons must not bypass it). A token bucket: a user holds up to 3 searches, and gets one back every
 * `seconds`. The clock is passed in, for tests.
 */
export class Cooldowns {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one search from the user's allowance: 0 if granted, else the whole seconds until the next one. */
  take(userId: string): number {
    if (this.seconds <= 0) return 0;
    const now = this.now();
    const period = this.seconds * 1000;
    const bucket = this.buckets.get(userId) ?? { tokens: BURST, at: now };
    const tokens = Math.min(BURST, bucket.tokens + (now - bucket.at) / period);
    if (tokens < 1) return Math.max(1, Math.ceil(((1 - tokens) * period) / 1000));
    this.buckets.delete(userId); // re-inserted last: the map stays ordered from least to most recently active
    this.buckets.set(userId, { tokens: tokens - 1, at: now });
    if (this.buckets.size > MAX_TRACKED) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return 0;
  }
}
