/**
 * Digest subscriptions, the digests posted for them, and article arrivals, in SQLite (see `Database.ts`).
 *
 * Every call is synchronous (better-sqlite3: a statement on this small database takes microseconds) and uses prepared
 * statements. When the database fails (locked, read-only, corrupt…) the call throws `DatabaseUnavailableError`, the
 * connection is closed and every later call fails fast with the same reason — a lock held by another program must
 * not freeze the bot's event loop for the busy timeout on every command — until `reopen()` succeeds (the scheduler
 * retries it). Nothing is ever deleted to "repair" a file.
 */
import { parseDay } from '../scheduler/localTime.js';
import {
  classifyDatabaseError,
  DatabaseUnavailableError,
  describeError,
  openDatabase,
  type DatabaseUnavailable,
  type OpenDatabaseOptions,
  type SqliteDatabase,
} from './Database.js';

/** A channel's daily digest. One per channel: subscribing again replaces it (with a new id). */
export interface Subscription {
  readonly id: number;
  readonly guildId: string;
  readonly channelId: string;
  /** `HH:MM` in the digest time zone. */
  readonly time: string;
  /** Replay of an archive: post k (k = 0, 1, …) shows the day `replayFrom + k`. Absent: live (yesterday's digest). */
  readonly replayFrom?: string;
  /** Post nothing, rather than a short line, on a day with nothing new. */
  readonly quiet: boolean;
  /** Epoch ms; the first post is the first slot strictly after it. */
  readonly createdAt: number;
  /** The user who subscribed, for /digest status. */
  readonly createdBy?: string;
  /** Local day of the last posting slot handled (claimed), `YYYY-MM-DD`. */
  readonly lastSlotDay?: string;
  /** The digest day of the last delivery claimed. */
  readonly lastDigestDay?: string;
  /** Set when the channel is gone or no longer writable: the scheduler skips the subscription until it is replaced. */
  readonly broken?: { readonly reason: string; readonly at: number };
}

export type DeliveryState = 'sending' | 'sent' | 'skipped' | 'failed' | 'uncertain';

/**
 * One digest day for one subscription. `sending`: claimed and being (or to be) posted — after a crash it is resumed
 * with the same nonce; `sent`: posted (message id); `skipped`: nothing to post (quiet); `failed`: definitely not
 * posted; `uncertain`: may have been posted but could not be confirmed, so it is not posted again.
 */
export interface Delivery {
  readonly subscriptionId: number;
  readonly digestDay: string;
  /** Local day of the slot that claimed it. */
  readonly slotDay: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly mode: 'live' | 'replay';
  readonly state: DeliveryState;
  /** Sent as Discord's `nonce` with `enforce_nonce`, so a resend within Discord's window returns the same message. */
  readonly nonce: string;
  readonly attempts: number;
  /** When the earliest attempt that may have created a message started (the nonce window counts from it). */
  readonly windowStartedAt?: number;
  readonly lastAttemptAt?: number;
  /** An attempt may have created the message (it was in flight, timed out, or got a 5xx). */
  readonly maybeCreated: boolean;
  /** A `sending` delivery waiting for a retry. */
  readonly retryAt?: number;
  readonly messageId?: string;
  /** Why it was skipped, failed, or is being retried. */
  readonly detail?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface SubscriptionStatus extends Subscription {
  /** The most recently claimed delivery, whatever its state. */
  readonly lastDelivery?: Delivery;
  /** The most recent delivery actually posted. */
  readonly lastSent?: Delivery;
}

export type DatabaseState = { readonly ok: true } | { readonly ok: false; readonly unavailable: DatabaseUnavailable };

export interface SubscribeInput {
  readonly guildId: string;
  readonly channelId: string;
  /** `HH:MM`, 24-hour (see `parseTimeOfDay`/`formatTimeOfDay` for user input). */
  readonly time: string;
  /** `YYYY-MM-DD`. */
  readonly replayFrom?: string;
  readonly quiet?: boolean;
  readonly createdBy?: string;
  /** Epoch ms. */
  readonly at: number;
}

export interface ClaimInput {
  readonly subscription: Subscription;
  readonly slotDay: string;
  readonly digestDay: string;
  readonly nonce: string;
  readonly at: number;
}

interface SubscriptionRow {
  id: number;
  guild_id: string;
  channel_id: string;
  post_time: string;
  replay_from: string | null;
  quiet: number;
  created_at: number;
  created_by: string | null;
  last_slot_day: string | null;
  last_digest_day: string | null;
  broken_reason: string | null;
  broken_at: number | null;
}

interface DeliveryRow {
  subscription_id: number;
  digest_day: string;
  slot_day: string;
  guild_id: string;
  channel_id: string;
  mode: 'live' | 'replay';
  state: DeliveryState;
  nonce: string;
  attempts: number;
  window_started_at: number | null;
  last_attempt_at: number | null;
  maybe_created: number;
  retry_at: number | null;
  message_id: string | null;
  detail: string | null;
  created_at: number;
  updated_at: number;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Every statement, prepared once per connection. */
function prepare(db: SqliteDatabase) {
  return {
    deleteChannel: db.prepare<[string], SubscriptionRow>('DELETE FROM subscriptions WHERE channel_id = ? RETURNING *'),
    insert: db.prepare<[string, string, string, string | null, number, number, string | null], SubscriptionRow>(
      `INSERT INTO subscriptions (guild_id, channel_id, post_time, replay_from, quiet, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    ),
    unsubscribe: db.prepare<[string, string], SubscriptionRow>('DELETE FROM subscriptions WHERE guild_id = ? AND channel_id = ? RETURNING *'),
    byChannel: db.prepare<[string], SubscriptionRow>('SELECT * FROM subscriptions WHERE channel_id = ?'),
    byId: db.prepare<[number], SubscriptionRow>('SELECT * FROM subscriptions WHERE id = ?'),
    all: db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions ORDER BY id'),
    byGuilds: db.prepare<[string], SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE guild_id IN (SELECT value FROM json_each(?)) ORDER BY id',
    ),
    markBroken: db.prepare<[string, number, number]>('UPDATE subscriptions SET broken_reason = ?, broken_at = ? WHERE id = ?'),
    advance: db.prepare<[string, string, number]>('UPDATE subscriptions SET last_slot_day = ?, last_digest_day = ? WHERE id = ?'),
    advanceSlot: db.prepare<[string, number]>('UPDATE subscriptions SET last_slot_day = ? WHERE id = ?'),
    delivery: db.prepare<[number, string], DeliveryRow>('SELECT * FROM deliveries WHERE subscription_id = ? AND digest_day = ?'),
    insertDelivery: db.prepare<[number, string, string, string, string, string, string, number, number], DeliveryRow>(
      `INSERT INTO deliveries (subscription_id, digest_day, slot_day, guild_id, channel_id, mode, state, nonce, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'sending', ?, ?, ?) RETURNING *`,
    ),
    pending: db.prepare<[number], DeliveryRow>(
      "SELECT * FROM deliveries WHERE subscription_id = ? AND state = 'sending' ORDER BY created_at, digest_day LIMIT 1",
    ),
    lastDelivery: db.prepare<[number], DeliveryRow>(
      'SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY created_at DESC, digest_day DESC LIMIT 1',
    ),
    lastSent: db.prepare<[number], DeliveryRow>(
      "SELECT * FROM deliveries WHERE subscription_id = ? AND state = 'sent' ORDER BY created_at DESC, digest_day DESC LIMIT 1",
    ),
    liveDelivered: db.prepare<[string, string], { one: number }>(
      `SELECT 1 AS one FROM deliveries
       WHERE channel_id = ? AND digest_day = ? AND mode = 'live' AND state IN ('sending', 'sent', 'uncertain') LIMIT 1`,
    ),
    beginAttempt: db.prepare<[number, number, number, number, string], DeliveryRow>(
      `UPDATE deliveries SET
         attempts = attempts + 1,
         last_attempt_at = ?,
         window_started_at = CASE WHEN maybe_created = 1 AND window_started_at IS NOT NULL THEN window_started_at ELSE ? END,
         maybe_created = 1,
         retry_at = NULL,
         updated_at = ?
       WHERE subscription_id = ? AND digest_day = ? AND state = 'sending' RETURNING *`,
    ),
    restartWindow: db.prepare<[number, number, string]>(
      `UPDATE deliveries SET maybe_created = 0, window_started_at = NULL, updated_at = ?
       WHERE subscription_id = ? AND digest_day = ? AND state = 'sending'`,
    ),
    settle: db.prepare<[DeliveryState, string | null, string | null, number, number, number, string]>(
      `UPDATE deliveries SET state = ?, message_id = ?, detail = ?, maybe_created = ?, retry_at = NULL, updated_at = ?
       WHERE subscription_id = ? AND digest_day = ?`,
    ),
    retry: db.prepare<[number, number, string, number, number, string]>(
      `UPDATE deliveries SET retry_at = ?, maybe_created = ?, detail = ?, updated_at = ?
       WHERE subscription_id = ? AND digest_day = ? AND state = 'sending'`,
    ),
    meta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare<[string, string]>(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    know: db.prepare<[string, number]>('INSERT OR IGNORE INTO known_articles (id, first_seen_at) VALUES (?, ?)'),
    arrive: db.prepare<[string, string, number]>('INSERT OR IGNORE INTO arrivals (article_id, day, arrived_at) VALUES (?, ?, ?)'),
    arrivalsOn: db.prepare<[string], { article_id: string }>('SELECT article_id FROM arrivals WHERE day = ? ORDER BY arrived_at, article_id'),
  };
}

type Statements = ReturnType<typeof prepare>;

/** The subscriptions and arrivals, over one SQLite connection that may be unavailable. */
export class SubscriptionStore {
  private db: SqliteDatabase | undefined;
  private statements: Statements | undefined;
  private problem: DatabaseUnavailable | undefined;

  private constructor(private readonly options: OpenDatabaseOptions) {}

  /**
   * Opens the store on `DATA_DIR/veille.sqlite`. Never throws for a database problem: check `state` (the bot starts
   * anyway, and `/digest status` shows the reason).
   */
  static open(options: OpenDatabaseOptions): SubscriptionStore {
    const store = new SubscriptionStore(options);
    store.reopen();
    return store;
  }

  /** Whether the database can be used now, and if not, why (for `/digest status` and the scheduler). */
  get state(): DatabaseState {
    return this.problem ? { ok: false, unavailable: this.problem } : { ok: true };
  }

  /**
   * Tries to (re)open the database after a failure (a released lock, a repaired file): a full open, with the
   * integrity check. A no-op when it is open. The scheduler calls it on its retry timer.
   */
  reopen(): DatabaseState {
    if (this.db) return this.state;
    const opened = openDatabase(this.options);
    if (opened.ok) {
      this.db = opened.db;
      this.statements = prepare(opened.db);
      this.problem = undefined;
    } else {
      this.problem = opened.unavailable;
    }
    return this.state;
  }

  /** Closes the connection (idempotent); later calls fail until `reopen()`. */
  close(): void {
    this.db?.close();
    this.db = undefined;
    this.statements = undefined;
  }

  /**
   * Subscribes a channel, replacing its previous subscription (returned as `replaced`). The new subscription gets a
   * new id: its first post is the first slot after `at`, and a replay starts again from `replayFrom`. A live digest
   * already posted in this channel is never posted again, even by the replacement.
   */
  subscribe(input: SubscribeInput): { readonly subscription: Subscription; readonly replaced?: Subscription } {
    if (!TIME.test(input.time)) throw new RangeError(`time must be HH:MM, got "${input.time}"`);
    if (input.replayFrom !== undefined && parseDay(input.replayFrom) !== input.replayFrom) {
      throw new RangeError(`replayFrom must be a YYYY-MM-DD day, got "${input.replayFrom}"`);
    }
    return this.guard((s, db) =>
      db.transaction(() => {
        const replaced = s.deleteChannel.get(input.channelId);
        const row = s.insert.get(
          input.guildId,
          input.channelId,
          input.time,
          input.replayFrom ?? null,
          input.quiet ? 1 : 0,
          input.at,
          input.createdBy ?? null,
        ) as SubscriptionRow;
        return { subscription: toSubscription(row), ...(replaced ? { replaced: toSubscription(replaced) } : {}) };
      }).immediate(),
    );
  }

  /** Removes a channel's subscription in this server; returns it, or `undefined` if there was none. */
  unsubscribe(guildId: string, channelId: string): Subscription | undefined {
    return this.guard((s) => {
      const row = s.unsubscribe.get(guildId, channelId);
      return row ? toSubscription(row) : undefined;
    });
  }

  /** A channel's subscription. */
  get(channelId: string): Subscription | undefined {
    return this.guard((s) => {
      const row = s.byChannel.get(channelId);
      return row ? toSubscription(row) : undefined;
    });
  }

  /** A subscription by id (the scheduler re-reads it after a post: it may have been replaced meanwhile). */
  byId(id: number): Subscription | undefined {
    return this.guard((s) => {
      const row = s.byId.get(id);
      return row ? toSubscription(row) : undefined;
    });
  }

  /** Every subscription, or those of the given servers, oldest first. */
  list(options: { readonly guildIds?: readonly string[] } = {}): Subscription[] {
    return this.guard((s) => {
      const rows = options.guildIds ? s.byGuilds.all(JSON.stringify(options.guildIds)) : s.all.all();
      return rows.map(toSubscription);
    });
  }

  /** A server's subscriptions with their last delivery and last post, for `/digest status`. */
  status(guildId: string): SubscriptionStatus[] {
    return this.guard((s) =>
      s.byGuilds.all(JSON.stringify([guildId])).map((row) => {
        const last = s.lastDelivery.get(row.id);
        const sent = s.lastSent.get(row.id);
        return {
          ...toSubscription(row),
          ...(last ? { lastDelivery: toDelivery(last) } : {}),
          ...(sent ? { lastSent: toDelivery(sent) } : {}),
        };
      }),
    );
  }

  /**
   * Claims a posting slot: in one transaction, checks that the slot was not claimed yet (by this process before a
   * restart, or by another shard), records the delivery as `sending` with its nonce, and advances the subscription.
   * Returns `undefined` when there is nothing to do — which is what makes a double post impossible.
   */
  claimSlot(input: ClaimInput): Delivery | undefined {
    return this.guard((s, db) =>
      db.transaction((): Delivery | undefined => {
        const current = s.byId.get(input.subscription.id);
        if (!current || current.broken_reason !== null) return undefined;
        if (current.last_slot_day !== null && current.last_slot_day >= input.slotDay) return undefined;
        if (s.delivery.get(current.id, input.digestDay)) {
          s.advanceSlot.run(input.slotDay, current.id);
          return undefined;
        }
        const row = s.insertDelivery.get(
          current.id,
          input.digestDay,
          input.slotDay,
          current.guild_id,
          current.channel_id,
          current.replay_from === null ? 'live' : 'replay',
          input.nonce,
          input.at,
          input.at,
        ) as DeliveryRow;
        s.advance.run(input.slotDay, input.digestDay, current.id);
        return toDelivery(row);
      }).immediate(),
    );
  }

  /** Marks a slot handled without posting (its live digest was already posted in the channel). */
  settleSlot(subscriptionId: number, slotDay: string): void {
    this.guard((s) => s.advanceSlot.run(slotDay, subscriptionId));
  }

  /** The delivery of a subscription still `sending` (in flight before a crash, or waiting for a retry). */
  pendingDelivery(subscriptionId: number): Delivery | undefined {
    return this.guard((s) => {
      const row = s.pending.get(subscriptionId);
      return row ? toDelivery(row) : undefined;
    });
  }

  /** One delivery. */
  delivery(subscriptionId: number, digestDay: string): Delivery | undefined {
    return this.guard((s) => {
      const row = s.delivery.get(subscriptionId, digestDay);
      return row ? toDelivery(row) : undefined;
    });
  }

  /** Whether this channel already got (or may have got) the live digest of `digestDay`, by any subscription. */
  hasLiveDelivery(channelId: string, digestDay: string): boolean {
    return this.guard((s) => s.liveDelivered.get(channelId, digestDay) !== undefined);
  }

  /**
   * Records that an attempt to post starts now — before the request is sent, so that a crash during it is known
   * on restart (`maybeCreated` then stays set). Returns the updated delivery, or `undefined` if it is no longer
   * `sending`.
   */
  beginAttempt(subscriptionId: number, digestDay: string, at: number): Delivery | undefined {
    return this.guard((s) => {
      const row = s.beginAttempt.get(at, at, at, subscriptionId, digestDay);
      return row ? toDelivery(row) : undefined;
    });
  }

  /** After checking the channel found no message of ours: no message exists, a new nonce window may start. */
  restartWindow(subscriptionId: number, digestDay: string, at: number): void {
    this.guard((s) => s.restartWindow.run(at, subscriptionId, digestDay));
  }

  /** The digest was posted. */
  recordSent(subscriptionId: number, digestDay: string, messageId: string, at: number): void {
    this.guard((s) => s.settle.run('sent', messageId, null, 1, at, subscriptionId, digestDay));
  }

  /** Nothing was posted on purpose (nothing new and the subscription is quiet). */
  recordSkipped(subscriptionId: number, digestDay: string, reason: string, at: number): void {
    this.guard((s) => s.settle.run('skipped', null, reason, 0, at, subscriptionId, digestDay));
  }

  /** A transient failure: stays `sending`, retried at `retryAt` (with the same nonce). */
  recordRetry(
    subscriptionId: number,
    digestDay: string,
    retry: { readonly retryAt: number; readonly maybeCreated: boolean; readonly detail: string; readonly at: number },
  ): void {
    this.guard((s) => s.retry.run(retry.retryAt, retry.maybeCreated ? 1 : 0, retry.detail, retry.at, subscriptionId, digestDay));
  }

  /** Given up: `failed` if no message can exist, `uncertain` if one may (it is then never posted again). */
  recordFailed(
    subscriptionId: number,
    digestDay: string,
    failure: { readonly maybeCreated: boolean; readonly detail: string; readonly at: number },
  ): void {
    const state: DeliveryState = failure.maybeCreated ? 'uncertain' : 'failed';
    this.guard((s) => s.settle.run(state, null, failure.detail, failure.maybeCreated ? 1 : 0, failure.at, subscriptionId, digestDay));
  }

  /** The channel is gone or no longer writable: the subscription is kept (for /digest status) but not served. */
  markBroken(subscriptionId: number, reason: string, at: number): void {
    this.guard((s) => s.markBroken.run(reason, at, subscriptionId));
  }

  /**
   * Records the articles the bot now has, and returns those that are new: call it at start-up with every loaded id,
   * and with each article the watcher adds. The very first call is a baseline (the archive as it was: nothing
   * "arrived"); after it, an id never seen before is an arrival on `day` (the local day in the digest time zone).
   * Articles added while the bot was down therefore arrive on the day it restarts. An article that is changed, or
   * deleted and added again, does not arrive twice.
   */
  noteArticles(ids: Iterable<string>, day: string, at: number): { readonly arrived: string[]; readonly baseline: boolean } {
    if (parseDay(day) !== day) throw new RangeError(`day must be YYYY-MM-DD, got "${day}"`);
    return this.guard((s, db) =>
      db.transaction(() => {
        const baseline = s.meta.get('articles_baseline_at') === undefined;
        const arrived: string[] = [];
        for (const id of ids) {
          if (s.know.run(id, at).changes === 1 && !baseline && s.arrive.run(id, day, at).changes === 1) arrived.push(id);
        }
        if (baseline) s.setMeta.run('articles_baseline_at', String(at));
        return { arrived, baseline };
      }).immediate(),
    );
  }

  /** Records one arrival directly (an import, a test); `false` if the article had already arrived. */
  addArrival(articleId: string, day: string, at: number): boolean {
    if (parseDay(day) !== day) throw new RangeError(`day must be YYYY-MM-DD, got "${day}"`);
    return this.guard((s, db) =>
      db.transaction(() => {
        s.know.run(articleId, at);
        return s.arrive.run(articleId, day, at).changes === 1;
      }).immediate(),
    );
  }

  /** Ids of the articles that arrived on `day`, in arrival order (for the live digest of that day). */
  arrivalsOn(day: string): string[] {
    return this.guard((s) => s.arrivalsOn.all(day).map((r) => r.article_id));
  }

  /**
   * Runs `fn` on the open connection. A database failure closes the connection and becomes the store's state, then
   * is thrown as `DatabaseUnavailableError`; other errors (bugs) pass through untouched.
   */
  private guard<T>(fn: (s: Statements, db: SqliteDatabase) => T): T {
    if (!this.db || !this.statements) {
      throw new DatabaseUnavailableError(
        this.problem ?? { reason: 'io error', detail: 'the database is closed', file: this.options.fileName ?? '' },
      );
    }
    try {
      return fn(this.statements, this.db);
    } catch (error) {
      const reason = classifyDatabaseError(error);
      if (!reason) throw error;
      const file = this.db.name;
      this.close();
      this.problem = { reason, detail: describeError(error), file };
      throw new DatabaseUnavailableError(this.problem);
    }
  }
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    time: row.post_time,
    quiet: row.quiet === 1,
    createdAt: row.created_at,
    ...(row.replay_from !== null ? { replayFrom: row.replay_from } : {}),
    ...(row.created_by !== null ? { createdBy: row.created_by } : {}),
    ...(row.last_slot_day !== null ? { lastSlotDay: row.last_slot_day } : {}),
    ...(row.last_digest_day !== null ? { lastDigestDay: row.last_digest_day } : {}),
    ...(row.broken_reason !== null ? { broken: { reason: row.broken_reason, at: row.broken_at ?? 0 } } : {}),
  };
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    subscriptionId: row.subscription_id,
    digestDay: row.digest_day,
    slotDay: row.slot_day,
    guildId: row.guild_id,
    channelId: row.channel_id,
    mode: row.mode,
    state: row.state,
    nonce: row.nonce,
    attempts: row.attempts,
    maybeCreated: row.maybe_created === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.window_started_at !== null ? { windowStartedAt: row.window_started_at } : {}),
    ...(row.last_attempt_at !== null ? { lastAttemptAt: row.last_attempt_at } : {}),
    ...(row.retry_at !== null ? { retryAt: row.retry_at } : {}),
    ...(row.message_id !== null ? { messageId: row.message_id } : {}),
    ...(row.detail !== null ? { detail: row.detail } : {}),
  };
}

