import type { DigestScheduler } from '../scheduler/DigestScheduler.js';
import type { RescanResult } from '../storage/watchArticles.js';
import type { SubscriptionStore } from '../storage/SubscriptionStore.js';

/** What the /digest and /reload commands work with, besides the library. */
export interface DigestServices {
  readonly store: SubscriptionStore;
  /** IANA zone of post times and digest days (DIGEST_TIMEZONE). */
  readonly timeZone: string;
  /** The scheduler, once the bot is connected (it needs the client to post). */
  scheduler(): DigestScheduler | undefined;
  /** Reads the articles folder again (files added, changed or removed). */
  rescan(): Promise<RescanResult>;
}
