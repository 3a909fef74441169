/**
 * Posts each subscription's daily digest at its local time, and never the same digest twice.
 *
 * How "never twice" holds (the guarantee, stated honestly):
 * 1. A slot (subscription × local day of posting) is *claimed* in one SQLite transaction that records the delivery
 *    as `sending`, with a deterministic nonce (hash of subscription and digest day), before anything is sent. A
 *    restart, or another shard, finds the slot claimed and does not claim it again.
 * 2. The Discord layer sends with `nonce` + `enforce_nonce: true`: Discord returns the existing message instead of
 *    creating a second one when the same nonce comes again within its dedup window ("a few minutes"; this code
 *    assumes `nonceWindowMs`, 2 minutes by default). A delivery found `sending` after a crash, or after a timeout or a
 *    5xx, is retried with the same nonce while inside that window.
 * 3. Outside the window, a delivery that may have been posted is resent only after `findPosted` (the Discord layer
 *    looks for our nonce or marker in the channel's recent messages) says it was not. Without `findPosted`, it is
 *    recorded `uncertain` and not resent: a digest may then be missing, never doubled.
 * The remaining hole: Discord's real dedup window shorter than `nonceWindowMs`, *and* a crash or timeout between
 * Discord creating the message and the bot recording it, *and* no `findPosted`.
 *
 * Catch-up: only the latest due slot of each subscription is served (the bot down for 3 days posts once, then keeps
 * its schedule); a replay continues from the day after the last one it claimed, one day per slot.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../logger.js';
import { DatabaseUnavailableError, type DatabaseUnavailable } from '../storage/Database.js';
import type { Delivery, Subscription, SubscriptionStore } from '../storage/SubscriptionStore.js';
import { addDays, latestFireAtOrBefore, nextFireAt, parseTimeOfDay } from './localTime.js';

/** Time, injected so tests can run a month of schedule in milliseconds. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * What the Discord layer's `post` returns: the message posted; `gone` with a short reason code when the channel no
 * longer exists or cannot be written to (the subscription is marked); `skipped` when there is nothing to post (a
 * quiet subscription on a day with nothing new).
 */
export type PostResult = { readonly messageId: string } | { readonly gone: string } | { readonly skipped: string };

export interface PostContext {
  /** Send it as the message's `nonce`, with `enforce_nonce: true`. At most 25 characters. */
  readonly nonce: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly mode: 'live' | 'replay';
}

/** How a thrown post error is handled. `maybeCreated`: the message may exist even though the call failed. */
export type PostFailure =
  | { readonly kind: 'retry'; readonly maybeCreated: boolean; readonly detail: string }
  | { readonly kind: 'gone'; readonly reason: string; readonly detail: string }
  | { readonly kind: 'fail'; readonly maybeCreated: boolean; readonly detail: string };

export type SchedulerLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

export interface DigestSchedulerOptions {
  readonly store: SubscriptionStore;
  /** IANA zone of the post times and of the digest days (DIGEST_TIMEZONE). */
  readonly timeZone: string;
  /**
   * Builds and sends the digest of `day` to the subscription's channel. Throw on a failure (discord.js errors are
   * understood: see `classifyPostError`), or return `gone` / `skipped`.
   */
  readonly post: (subscription: Subscription, day: string, context: PostContext) => Promise<PostResult>;
  /**
   * Looks in the channel's recent messages for the digest of `day` sent with `nonce` (or the marker the Discord layer
   * puts in it). Called only for a delivery that may have been posted longer ago than the nonce window.
   */
  readonly findPosted?: (subscription: Subscription, day: string, nonce: string) => Promise<{ readonly messageId: string } | undefined>;
  /** Under sharding, whether this shard serves the server. Default: every server. */
  readonly ownsGuild?: (guildId: string) => boolean;
  readonly clock?: Clock;
  readonly logger: SchedulerLogger;
  readonly classifyError?: (error: unknown) => PostFailure;
  /** Default 2 minutes. */
  readonly nonceWindowMs?: number;
  /** Delay before attempt n + 1 after a transient failure of attempt n; past the last, given up. */
  readonly retryDelaysMs?: readonly number[];
  /** First delay before reopening an unavailable database; doubled each time up to `maxUnavailableRetryMs`. */
  readonly unavailableRetryMs?: number;
  readonly maxUnavailableRetryMs?: number;
  /** Longest sleep: the schedule is re-read at least this often (a changed system clock, a missed timer). */
  readonly maxSleepMs?: number;
}

export interface SchedulerStatus {
  readonly running: boolean;
  /** Set while digests are paused because the database is unavailable. */
  readonly paused?: DatabaseUnavailable;
  /** When the scheduler next wakes (epoch ms). */
  readonly nextWakeAt?: number;
}

const DEFAULT_RETRY_DELAYS_MS = [2_000, 10_000, 30_000, 120_000, 600_000, 1_800_000];
/** A failure that is neither the database nor the post (a bug): retry the subscription later, not in a loop. */
const ERROR_RETRY_MS = 60_000;

/** Posts digests on schedule; see the file comment for the guarantees. */
export class DigestScheduler {
  private readonly clock: Clock;
  private readonly ownsGuild: (guildId: string) => boolean;
  private readonly classify: (error: unknown) => PostFailure;
  private readonly nonceWindowMs: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly unavailableRetryMs: number;
  private readonly maxUnavailableRetryMs: number;
  private readonly maxSleepMs: number;

  private timer: unknown;
  private nextWakeAt: number | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private started = false;
  private stopped = false;
  private paused: DatabaseUnavailable | undefined;
  private unavailableStreak = 0;
  /** Messages posted whose `sent` could not be written (database failed just then): recorded on recovery. */
  private readonly unrecorded = new Map<string, string>();

  constructor(private readonly options: DigestSchedulerOptions) {
    this.clock = options.clock ?? systemClock;
    this.ownsGuild = options.ownsGuild ?? (() => true);
    this.classify = options.classifyError ?? classifyPostError;
    this.nonceWindowMs = options.nonceWindowMs ?? 120_000;
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.unavailableRetryMs = options.unavailableRetryMs ?? 60_000;
    this.maxUnavailableRetryMs = options.maxUnavailableRetryMs ?? 600_000;
    this.maxSleepMs = options.maxSleepMs ?? 3_600_000;
  }

  /** Serves what is due now (the catch-up after downtime), then sleeps until the next slot. Idempotent. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.wakeIn(0);
  }

  /** Stops scheduling and waits for the post in flight, if any, to be recorded. The database is left open. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    while (this.running) await this.running;
  }

  /** Re-reads the subscriptions soon: call after /digest subscribe or unsubscribe. */
  reschedule(): void {
    if (this.started && !this.stopped) this.wakeIn(0);
  }

  /** For `/digest status`: running, paused (and why), next wake. */
  status(): SchedulerStatus {
    return {
      running: this.started && !this.stopped,
      ...(this.paused ? { paused: this.paused } : {}),
      ...(this.nextWakeAt !== undefined && !this.stopped ? { nextWakeAt: this.nextWakeAt } : {}),
    };
  }

  /** Resolves when no pass is running: lets tests (and a shutdown) wait for the work a timer started. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private wakeIn(ms: number): void {
    this.clearTimer();
    const delay = Math.max(0, Math.min(ms, this.maxSleepMs));
    this.nextWakeAt = this.clock.now() + delay;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.run();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.nextWakeAt = undefined;
  }

  /** One pass at a time; a wake during a pass asks for another pass right after it. */
  private run(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      let next = Infinity;
      do {
        this.again = false;
        try {
          next = await this.pass();
        } catch (error) {
          this.options.logger.error({ err: error }, 'Digest scheduler pass failed');
          next = this.clock.now() + ERROR_RETRY_MS;
        }
      } while (this.again && !this.stopped);
      if (!this.stopped) this.wakeIn(next - this.clock.now());
    })().finally(() => {
      this.running = undefined;
    });
  }

  /** Serves every due subscription of this shard; returns when to wake next. */
  private async pass(): Promise<number> {
    const { store, logger } = this.options;
    if (!store.state.ok || this.paused) {
      const state = store.reopen();
      if (!state.ok) return this.pause(state.unavailable);
      logger.info({ reason: this.paused?.reason }, 'Digest database available again: digests resume');
      this.paused = undefined;
      this.unavailableStreak = 0;
    }
    let subscriptions: Subscription[];
    try {
      subscriptions = store.list().filter((s) => s.broken === undefined && this.ownsGuild(s.guildId));
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) return this.pause(error.unavailable);
      throw error;
    }
    let next = Infinity;
    for (const subscription of subscriptions) {
      if (this.stopped) break;
      try {
        next = Math.min(next, await this.serve(subscription));
      } catch (error) {
        if (error instanceof DatabaseUnavailableError) return this.pause(error.unavailable);
        logger.error({ err: error, subscription: subscription.id, channel: subscription.channelId }, 'Digest subscription failed');
        next = Math.min(next, this.clock.now() + ERROR_RETRY_MS);
      }
    }
    return next;
  }

  private pause(unavailable: DatabaseUnavailable): number {
    if (this.paused?.reason !== unavailable.reason) {
      this.options.logger.warn(
        { reason: unavailable.reason, detail: unavailable.detail, file: unavailable.file },
        `Digest database unavailable (${unavailable.reason}): digests paused, retrying later`,
      );
    }
    this.paused = unavailable;
    this.unavailableStreak += 1;
    const delay = Math.min(this.unavailableRetryMs * 2 ** (this.unavailableStreak - 1), this.maxUnavailableRetryMs);
    return this.clock.now() + delay;
  }

  /** Finishes a pending delivery or serves the latest due slot; returns when this subscription next needs a pass. */
  private async serve(subscription: Subscription): Promise<number> {
    const { store, timeZone, logger } = this.options;
    const time = parseTimeOfDay(subscription.time);
    if (!time) {
      logger.error({ subscription: subscription.id, time: subscription.time }, 'Digest subscription has an invalid time; skipped');
      return Infinity;
    }

    const pending = store.pendingDelivery(subscription.id);
    if (pending) {
      if (pending.retryAt !== undefined && pending.retryAt > this.clock.now()) return pending.retryAt;
      await this.deliver(subscription, pending);
      const still = store.pendingDelivery(subscription.id);
      if (still) return still.retryAt ?? this.clock.now();
    }

    const current = store.byId(subscription.id);
    if (!current || current.broken !== undefined || this.stopped) return Infinity;
    const now = this.clock.now();
    const slot = latestFireAtOrBefore(now, time, timeZone);
    if (slot.at > current.createdAt && (current.lastSlotDay === undefined || slot.day > current.lastSlotDay)) {
      const day = digestDayFor(current, slot.day);
      if (current.replayFrom === undefined && store.hasLiveDelivery(current.channelId, day)) {
        // a previous subscription of this channel already posted (or may have posted) this day's digest
        store.settleSlot(current.id, slot.day);
        logger.info({ subscription: current.id, channel: current.channelId, day }, 'Digest already posted in this channel; not posted again');
      } else {
        const delivery = store.claimSlot({ subscription: current, slotDay: slot.day, digestDay: day, nonce: digestNonce(current.id, day), at: now });
        if (delivery) {
          await this.deliver(current, delivery);
          const still = store.pendingDelivery(current.id);
          if (still) return still.retryAt ?? this.clock.now();
        }
      }
    }
    return nextFireAt(this.clock.now(), time, timeZone).at;
  }

  /** One attempt at posting a claimed delivery, recorded before and after. */
  private async deliver(subscription: Subscription, delivery: Delivery): Promise<void> {
    const { store, logger, post, findPosted } = this.options;
    const day = delivery.digestDay;
    const fields = { subscription: subscription.id, guild: subscription.guildId, channel: subscription.channelId, day };
    const key = `${subscription.id}:${day}`;

    const unrecorded = this.unrecorded.get(key);
    if (unrecorded !== undefined) {
      store.recordSent(subscription.id, day, unrecorded, this.clock.now());
      this.unrecorded.delete(key);
      logger.info({ ...fields, messageId: unrecorded }, 'Digest posted (recorded after the database came back)');
      return;
    }

    let maybeCreated = delivery.maybeCreated;
    const windowStart = delivery.windowStartedAt;
    if (maybeCreated && windowStart !== undefined && this.clock.now() - windowStart >= this.nonceWindowMs) {
      if (!findPosted) {
        store.recordFailed(subscription.id, day, {
          maybeCreated: true,
          detail: 'an earlier attempt may have posted it and there is no way to check: not posted again',
          at: this.clock.now(),
        });
        logger.warn(fields, 'Digest may have been posted before a crash or a timeout and cannot be checked: not posted again');
        return;
      }
      let found: { readonly messageId: string } | undefined;
      try {
        found = await findPosted(subscription, day, delivery.nonce);
      } catch (error) {
        const failure = this.classify(error);
        if (failure.kind === 'gone') return this.gone(subscription, day, failure.reason, true, fields);
        // counted as an attempt, so that a check that keeps failing is given up like a post that does
        const counted = store.beginAttempt(subscription.id, day, this.clock.now());
        if (!counted) return;
        this.retryOrGiveUp(subscription, counted.attempts, day, true, `checking the channel failed: ${failure.detail}`, fields);
        return;
      }
      if (found) {
        store.recordSent(subscription.id, day, found.messageId, this.clock.now());
        logger.info({ ...fields, messageId: found.messageId }, 'Digest was already posted (found in the channel): recorded, not posted again');
        return;
      }
      store.restartWindow(subscription.id, day, this.clock.now());
      maybeCreated = false;
    }

    const attempt = store.beginAttempt(subscription.id, day, this.clock.now());
    if (!attempt) return;
    let result: PostResult;
    try {
      result = await post(subscription, day, { nonce: attempt.nonce, attempt: attempt.attempts, mode: attempt.mode });
    } catch (error) {
      const failure = this.classify(error);
      if (failure.kind === 'gone') return this.gone(subscription, day, failure.reason, maybeCreated, fields);
      const maybe = maybeCreated || failure.maybeCreated;
      if (failure.kind === 'fail') {
        store.recordFailed(subscription.id, day, { maybeCreated: maybe, detail: failure.detail, at: this.clock.now() });
        logger.error({ ...fields, err: error, attempt: attempt.attempts }, 'Digest could not be posted; not retried');
        return;
      }
      this.retryOrGiveUp(subscription, attempt.attempts, day, maybe, failure.detail, fields);
      return;
    }

    if ('messageId' in result) {
      try {
        store.recordSent(subscription.id, day, result.messageId, this.clock.now());
      } catch (error) {
        this.unrecorded.set(key, result.messageId);
        throw error;
      }
      logger.info({ ...fields, messageId: result.messageId, attempt: attempt.attempts }, 'Digest posted');
    } else if ('skipped' in result) {
      store.recordSkipped(subscription.id, day, result.skipped, this.clock.now());
      logger.info({ ...fields, reason: result.skipped }, 'Digest skipped');
    } else {
      this.gone(subscription, day, result.gone, maybeCreated, fields);
    }
  }

  private gone(subscription: Subscription, day: string, reason: string, maybeCreated: boolean, fields: object): void {
    const { store, logger } = this.options;
    const now = this.clock.now();
    store.markBroken(subscription.id, reason, now);
    store.recordFailed(subscription.id, day, { maybeCreated, detail: `channel unusable: ${reason}`, at: now });
    logger.warn({ ...fields, reason }, 'Digest channel is gone or not writable: subscription marked, others go on');
  }

  private retryOrGiveUp(subscription: Subscription, attempts: number, day: string, maybeCreated: boolean, detail: string, fields: object): void {
    const { store, logger } = this.options;
    const delay = this.retryDelaysMs[Math.max(0, attempts - 1)];
    const now = this.clock.now();
    if (delay === undefined) {
      store.recordFailed(subscription.id, day, { maybeCreated, detail: `gave up after ${attempts} attempts: ${detail}`, at: now });
      logger.error({ ...fields, attempts, detail }, 'Digest could not be posted; gave up');
      return;
    }
    store.recordRetry(subscription.id, day, { retryAt: now + delay, maybeCreated, detail, at: now });
    logger.warn({ ...fields, attempts, detail, retryInMs: delay }, 'Digest post failed; will retry with the same nonce');
  }
}

/**
 * The day a subscription's post at a slot of local day `slotDay` shows: the day that just ended for a live one; for
 * a replay, the day after the last one claimed (`replayFrom` for the first).
 */
export function digestDayFor(subscription: Subscription, slotDay: string): string {
  if (subscription.replayFrom === undefined) return addDays(slotDay, -1);
  return subscription.lastDigestDay === undefined ? subscription.replayFrom : addDays(subscription.lastDigestDay, 1);
}

/**
 * When a subscription posts next and which day it will show, for `/digest status`. A slot that is due but not
 * served yet (the database paused, a retry pending) is reported as due `now`.
 */
export function upcomingPost(subscription: Subscription, now: number, timeZone: string): { readonly at: number; readonly day: string } | undefined {
  const time = parseTimeOfDay(subscription.time);
  if (!time || subscription.broken !== undefined) return undefined;
  const slot = latestFireAtOrBefore(now, time, timeZone);
  if (slot.at > subscription.createdAt && (subscription.lastSlotDay === undefined || slot.day > subscription.lastSlotDay)) {
    return { at: now, day: digestDayFor(subscription, slot.day) };
  }
  const next = nextFireAt(now, time, timeZone);
  return { at: next.at, day: digestDayFor(subscription, next.day) };
}

/**
 * The nonce of a subscription's digest of `day`: deterministic, so every retry and every restart sends the same one
 * and Discord deduplicates; 25 hex characters (Discord's maximum nonce length), 100 bits of a SHA-256.
 */
export function digestNonce(subscriptionId: number, day: string): string {
  return createHash('sha256').update(`veille-digest\0${subscriptionId}\0${day}`).digest('hex').slice(0, 25);
}

/** Discord error codes meaning the channel cannot receive our posts any more. */
const GONE_CODES: Readonly<Record<number, string>> = {
  10003: 'unknown-channel',
  10004: 'unknown-guild',
  50001: 'missing-access',
  50013: 'missing-permissions',
};

/** Network errors raised before a request could reach Discord: the message cannot exist. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
/** Network errors after which the request may have been processed. */
const MAYBE_SENT_CODES = new Set([
  'ETIMEDOUT',
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/**
 * The default reading of a post error (discord.js's DiscordAPIError/HTTPError carry `status` and Discord's `code`;
 * network errors a Node `code`, possibly on `cause`): 429 → retry (not created); 5xx, 408, timeouts, resets → retry
 * (maybe created: the nonce makes the retry safe); 403/404 → the channel is gone or not writable; other 4xx → failed
 * (a bad request does not get better); anything else → failed, maybe created (we cannot know).
 */
export function classifyPostError(error: unknown): PostFailure {
  const e = (error ?? {}) as { status?: unknown; code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
  const detail = describePostError(error);
  if (typeof e.status === 'number') {
    const status = e.status;
    if (status === 429) return { kind: 'retry', maybeCreated: false, detail };
    if (status >= 500 || status === 408) return { kind: 'retry', maybeCreated: true, detail };
    if (status === 403 || status === 404) {
      const reason = (typeof e.code === 'number' ? GONE_CODES[e.code] : undefined) ?? (status === 404 ? 'not-found' : 'forbidden');
      return { kind: 'gone', reason, detail };
    }
    return { kind: 'fail', maybeCreated: false, detail };
  }
  for (let cause: unknown = error, depth = 0; cause && depth < 4; depth++) {
    const c = cause as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof c.code === 'string' && NOT_SENT_CODES.has(c.code)) return { kind: 'retry', maybeCreated: false, detail };
    if ((typeof c.code === 'string' && MAYBE_SENT_CODES.has(c.code)) || c.name === 'AbortError' || c.name === 'TimeoutError') {
      return { kind: 'retry', maybeCreated: true, detail };
    }
    cause = c.cause;
  }
  return { kind: 'fail', maybeCreated: true, detail };
}

function describePostError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & { status?: unknown; code?: unknown };
  const parts = [e.name];
  if (e.status !== undefined) parts.push(String(e.status));
  if (e.code !== undefined) parts.push(String(e.code));
  return `${parts.join(' ')}: ${e.message}`;
}
