import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  classifyPostError,
  digestNonce,
  DigestScheduler,
  upcomingPost,
  type DigestSchedulerOptions,
  type PostContext,
  type PostResult,
} from '../../src/scheduler/DigestScheduler.js';
import { addDays, instantOf, parseTimeOfDay } from '../../src/scheduler/localTime.js';
import { DATABASE_FILE } from '../../src/storage/Database.js';
import { SubscriptionStore, type Subscription } from '../../src/storage/SubscriptionStore.js';
import { FakeClock } from './fakeClock.js';

const PARIS = 'Europe/Paris';
/** The instant of a Paris wall-clock time. */
const paris = (day: string, time: string): number => instantOf(day, parseTimeOfDay(time)!, PARIS);
const parisClock = (instant: number): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: PARIS, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

interface Message {
  readonly id: string;
  readonly channelId: string;
  readonly day: string;
  readonly nonce: string;
  readonly at: number;
}

type Behaviour = 'ok' | 'hang' | 'create-then-timeout' | { readonly throw: unknown } | PostResult;

/**
 * Discord as the scheduler sees it: channels that keep messages, and `enforce_nonce` — a create with a nonce seen in
 * the same channel within the dedup window returns the existing message. `script` scripts the next calls.
 */
class FakeDiscord {
  readonly messages: Message[] = [];
  readonly calls: { channelId: string; day: string; nonce: string; attempt: number; at: number }[] = [];
  readonly script: Behaviour[] = [];
  readonly goneChannels = new Map<string, string>();

  constructor(
    private readonly clock: FakeClock,
    private readonly dedupWindowMs = 120_000,
  ) {}

  readonly post = async (subscription: Subscription, day: string, context: PostContext): Promise<PostResult> => {
    this.calls.push({ channelId: subscription.channelId, day, nonce: context.nonce, attempt: context.attempt, at: this.clock.now() });
    const behaviour = this.script.shift() ?? 'ok';
    const gone = this.goneChannels.get(subscription.channelId);
    if (gone !== undefined) return { gone };
    if (typeof behaviour === 'object') {
      if ('throw' in behaviour) throw behaviour.throw;
      return behaviour;
    }
    const message = this.create(subscription.channelId, day, context.nonce);
    if (behaviour === 'hang') return new Promise<never>(() => {}); // the process dies after Discord created it
    if (behaviour === 'create-then-timeout') throw Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
    return { messageId: message.id };
  };

  readonly findPosted = async (subscription: Subscription, _day: string, nonce: string): Promise<{ messageId: string } | undefined> => {
    const found = this.messages.find((m) => m.channelId === subscription.channelId && m.nonce === nonce);
    return found ? { messageId: found.id } : undefined;
  };

  days(channelId = 'c1'): string[] {
    return this.messages.filter((m) => m.channelId === channelId).map((m) => m.day);
  }

  private create(channelId: string, day: string, nonce: string): Message {
    const same = this.messages.find((m) => m.channelId === channelId && m.nonce === nonce && this.clock.now() - m.at < this.dedupWindowMs);
    if (same) return same;
    const message = { id: `m${this.messages.length + 1}`, channelId, day, nonce, at: this.clock.now() };
    this.messages.push(message);
    return message;
  }
}

const silent = pino({ level: 'silent' });

let dir: string;
const stores: SubscriptionStore[] = [];
const schedulers: DigestScheduler[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veille-scheduler-'));
});

afterEach(async () => {
  for (const s of schedulers.splice(0)) void s.stop(); // a "crashed" one never settles: do not wait for it
  for (const s of stores.splice(0)) s.close();
  await rm(dir, { recursive: true, force: true });
});

function openStore(options: { busyTimeoutMs?: number } = {}): SubscriptionStore {
  const store = SubscriptionStore.open({ dataDir: dir, ...options });
  expect(store.state).toEqual({ ok: true });
  stores.push(store);
  return store;
}

function makeScheduler(
  store: SubscriptionStore,
  clock: FakeClock,
  discord: FakeDiscord,
  extra: Partial<DigestSchedulerOptions> = {},
): DigestScheduler {
  const scheduler = new DigestScheduler({ store, timeZone: PARIS, clock, logger: silent, post: discord.post, ...extra });
  schedulers.push(scheduler);
  return scheduler;
}

/** Lets pending callbacks run until `condition` holds (for a scheduler that never goes idle: it "crashed"). */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((r) => setImmediate(r));
  expect(condition()).toBe(true);
}

/** Runs the clock to `until`, letting every post the scheduler starts finish. */
function advance(clock: FakeClock, scheduler: DigestScheduler, until: number): Promise<void> {
  return clock.advanceTo(until, () => scheduler.idle());
}

/** The usual start: Monday 10 June 2024 at 10:00 in Paris, a fake Discord, and g1's #c1 subscribed at 08:00. */
function subscribedAtEight(): { clock: FakeClock; discord: FakeDiscord; store: SubscriptionStore } {
  const clock = new FakeClock(paris('2024-06-10', '10:00'));
  const discord = new FakeDiscord(clock);
  const store = openStore();
  store.subscribe({ guildId: 'g1', channelId: 'c1', time: '08:00', at: clock.now() });
  return { clock, discord, store };
}

/**
 * Runs `scheduler` to the 08:00 post of 11 June, which Discord creates but never answers: the process dies there
 * (the test then opens the same file again, as a restart would).
 */
async function crashAfterDiscordCreates(scheduler: DigestScheduler, clock: FakeClock, discord: FakeDiscord): Promise<void> {
  discord.script.push('hang');
  scheduler.start();
  await advance(clock, scheduler, paris('2024-06-11', '07:59'));
  await clock.advanceTo(paris('2024-06-11', '08:00'), async () => {});
  await until(() => discord.messages.length === 1);
}

describe('DigestScheduler: when it posts', () => {
  it('posts the digest of the day that just ended, at the subscription’s local time, once a day', async () => {
    const { clock, discord, store } = subscribedAtEight();
    const scheduler = makeScheduler(store, clock, discord);
    scheduler.start();

    // subscribed after today's 08:00: nothing until tomorrow 08:00
    await advance(clock, scheduler, paris('2024-06-11', '07:59'));
    expect(discord.messages).toEqual([]);

    await advance(clock, scheduler, paris('2024-06-13', '12:00'));
    expect(discord.days()).toEqual(['2024-06-10', '2024-06-11', '2024-06-12']);
    expect(discord.messages.map((m) => m.at)).toEqual([paris('2024-06-11', '08:00'), paris('2024-06-12', '08:00'), paris('2024-06-13', '08:00')]);
    expect(store.status('g1')[0]?.lastSent).toMatchObject({ digestDay: '2024-06-12', messageId: 'm3', state: 'sent' });
  });

  it('keeps 08:00 on the Paris clock across the spring and autumn changes, one post a day', async () => {
    const clock = new FakeClock(paris('2024-03-28', '12:00'));
    const store = openStore();
    const discord = new FakeDiscord(clock);
    store.subscribe({ guildId: 'g1', channelId: 'c1', time: '08:00', at: clock.now() });
    const spring = makeScheduler(store, clock, discord);
    spring.start();

    await advance(clock, spring, paris('2024-04-02', '12:00'));
    expect(discord.days('c1')).toEqual(['2024-03-28', '2024-03-29', '2024-03-30', '2024-03-31', '2024-04-01']);
    expect(discord.messages.map((m) => parisClock(m.at))).toEqual(Array(5).fill('08:00'));
    // 30 March is still CET (UTC+1), 31 March is CEST (UTC+2): 23 hours between those two posts
    expect(new Date(discord.messages[1]!.at).toISOString()).toBe('2024-03-30T07:00:00.000Z');
    expect(new Date(discord.messages[2]!.at).toISOString()).toBe('2024-03-31T06:00:00.000Z');
    await spring.stop();

    // the autumn change, with a subscription made the week before
    await clock.advanceTo(paris('2024-10-23', '12:00'), async () => {});
    store.subscribe({ guildId: 'g2', channelId: 'c2', time: '08:00', at: clock.now() });
    store.unsubscribe('g1', 'c1');
    const autumn = makeScheduler(store, clock, discord);
    autumn.start();
    await advance(clock, autumn, paris('2024-10-29', '12:00'));
    const posts = discord.messages.filter((m) => m.channelId === 'c2');
    expect(posts.map((m) => m.day)).toEqual(['2024-10-23', '2024-10-24', '2024-10-25', '2024-10-26', '2024-10-27', '2024-10-28']);
    expect(posts.map((m) => parisClock(m.at))).toEqual(Array(6).fill('08:00'));
    // 27 October is CET again: 25 hours between the posts made on the 26th and on the 27th
    expect(posts[3]!.at - posts[2]!.at).toBe(25 * 3_600_000);
    expect(posts[4]!.at - posts[3]!.at).toBe(24 * 3_600_000);
  });

  it('posts a 02:30 subscription at 03:00 on the spring-forward day, and once on the autumn day', async () => {
    const clock = new FakeClock(paris('2024-03-30', '12:00'));
    const store = openStore();
    const discord = new FakeDiscord(clock);
    store.subscribe({ guildId: 'g1', channelId: 'c1', time: '02:30', at: clock.now() });
    const spring = makeScheduler(store, clock, discord);
    spring.start();
    await advance(clock, spring, paris('2024-04-01', '12:00'));
    expect(discord.messages.map((m) => [m.day, parisClock(m.at)])).toEqual([
      ['2024-03-30', '03:00'], // 02:30 does not exist that night: the first minute after the gap
      ['2024-03-31', '02:30'],
    ]);
    await spring.stop();

    await clock.advanceTo(paris('2024-10-25', '12:00'), async () => {});
    store.unsubscribe('g1', 'c1');
    store.subscribe({ guildId: 'g2', channelId: 'c2', time: '02:30', at: clock.now() });
    const autumn = makeScheduler(store, clock, discord);
    autumn.start();
    await advance(clock, autumn, paris('2024-10-28', '12:00'));
    expect(discord.messages.filter((m) => m.channelId === 'c2').map((m) => new Date(m.at).toISOString())).toEqual([
      '2024-10-26T00:30:00.000Z',
      '2024-10-27T00:30:00.000Z', // the first 02:30 (CEST); the second one (01:30 UTC) does not post again
      '2024-10-28T01:30:00.000Z',
    ]);
  });

  it('serves a subscription made while running at its first slot, after reschedule()', async () => {
    const clock = new FakeClock(paris('2024-06-10', '10:00'));
    const store = openStore();
    const discord = new FakeDiscord(clock);
    const scheduler = makeScheduler(store, clock, discord); // sleeps up to an hour when there is nothing to do
    scheduler.start();
    await advance(clock, scheduler, paris('2024-06-10', '10:05'));

    store.subscribe({ guildId: 'g1', channelId: 'c1', time: '10:20', at: clock.now() });
    scheduler.reschedule();
    await advance(clock, scheduler, paris('2024-06-10', '12:00'));
    expect(discord.messages.map((m) => [m.day, m.at])).toEqual([['2024-06-09', paris('2024-06-10', '10:20')]]);
  });

  it('stops posting to an unsubscribed channel', async () => {
    const { clock, discord, store } = subscribedAtEight();
    const scheduler = makeScheduler(store, clock, discord);
    scheduler.start();
    await advance(clock, scheduler, paris('2024-06-11', '12:00'));
    store.unsubscribe('g1', 'c1');
    scheduler.reschedule();
    await advance(clock, scheduler, paris('2024-06-14', '12:00'));
    expect(discord.days()).toEqual(['2024-06-10']);
  });
});

describe('DigestScheduler: never twice, never a flood', () => {
  it('survives a restart on the same database file without posting a digest twice', async () => {
    const { clock, discord, store: first } = subscribedAtEight();
    const before = makeScheduler(first, clock, discord);
    before.start();
    await advance(clock, before, paris('2024-06-11', '09:00'));
    await before.stop();
    first.close();
    expect(discord.days()).toEqual(['2024-06-10']);

    const second = openStore();
    const after = makeScheduler(second, clock, discord);
    after.start();
    await advance(clock, after, paris('2024-06-11', '23:00'));
    expect(discord.days()).toEqual(['2024-06-10']);
    await advance(clock, after, paris('2024-06-12', '09:00'));
    expect(discord.days()).toEqual(['2024-06-10', '2024-06-11']);
  });

  it('catches up a missed post once, not as a flood, then keeps its schedule', async () => {
    const { clock, discord, store } = subscribedAtEight();
    const before = makeScheduler(store, clock, discord);
    before.start();
    await advance(clock, before, paris('2024-06-11', '09:00'));
    await before.stop();
    expect(discord.days()).toEqual(['2024-06-10']);

    // down for three days: the 12, 13 and 14 June posts are missed
    await clock.advanceTo(paris('2024-06-14', '12:00'), async () => {});
    const after = makeScheduler(store, clock, discord);
    after.start();
    await advance(clock, after, paris('2024-06-14', '12:01'));
    expect(discord.days()).toEqual(['2024-06-10', '2024-06-13']); // the latest due digest, once
    await advance(clock, after, paris('2024-06-15', '09:00'));
    expect(discord.days()).toEqual(['2024-06-10', '2024-06-13', '2024-06-14']);
  });

  it('advances a replay one archive day per real day, and continues where it stopped after downtime', async () => {
    const clock = new FakeClock(paris('2024-06-10', '10:00'));
    const discord = new FakeDiscord(clock);
    const store = openStore();
    store.subscribe({ guildId: 'g1', channelId: 'c1', time: '09:00', replayFrom: '2022-01-01', at: clock.now() });
    const before = makeScheduler(store, clock, discord);
    before.start();
    await advance(clock, before, paris('2024-06-14', '10:00'));
    expect(discord.days()).toEqual(['2022-01-01', '2022-01-02', '2022-01-03', '2022-01-04']);
    await before.stop();

    await clock.advanceTo(paris('2024-06-18', '10:00'), async () => {}); // four slots missed
    const after = makeScheduler(store, clock, discord);
    after.start();
    await advance(clock, after, paris('2024-06-18', '10:01'));
    expect(discord.days().slice(4)).toEqual(['2022-01-05']);
    await advance(clock, after, paris('2024-06-19', '10:00'));
    expect(discord.days().slice(4)).toEqual(['2022-01-05', '2022-01-06']);
    expect(discord.calls.every((c) => c.attempt === 1)).toBe(true);
  });

  it('does not post a second message after a crash between Discord creating it and "sent" being recorded', async () => {
    const { clock, discord, store: first } = subscribedAtEight();
    await crashAfterDiscordCreates(makeScheduler(first, clock, discord), clock, discord);

    // restart 30 s later on the same file (a new connection, a new scheduler)
    await clock.advanceTo(paris('2024-06-11', '08:00') + 30_000, async () => {});
    const store = openStore();
    expect(store.pendingDelivery(store.list()[0]!.id)).toMatchObject({ state: 'sending', maybeCreated: true });
    const restarted = makeScheduler(store, clock, discord);
    restarted.start();
    await advance(clock, restarted, paris('2024-06-11', '09:00'));

    expect(discord.calls.map((c) => c.nonce)).toEqual([discord.calls[0]!.nonce, discord.calls[0]!.nonce]); // same nonce
    expect(discord.messages).toHaveLength(1); // Discord returned the existing message
    expect(store.status('g1')[0]?.lastDelivery).toMatchObject({ state: 'sent', messageId: 'm1', digestDay: '2024-06-10' });
  });

  it('after a crash older than the nonce window, asks findPosted instead of resending', async () => {
    const { clock, discord, store: first } = subscribedAtEight();
    await crashAfterDiscordCreates(makeScheduler(first, clock, discord), clock, discord);

    await clock.advanceTo(paris('2024-06-11', '08:10'), async () => {}); // Discord no longer deduplicates
    const store = openStore();
    const restarted = makeScheduler(store, clock, discord, { findPosted: discord.findPosted });
    restarted.start();
    await advance(clock, restarted, paris('2024-06-11', '09:00'));
    expect(discord.calls).toHaveLength(1);
    expect(discord.messages).toHaveLength(1);
    expect(store.status('g1')[0]?.lastDelivery).toMatchObject({ state: 'sent', messageId: 'm1' });
  });

  it('without findPosted, leaves such a digest "uncertain" rather than risk a second message', async () => {
    const { clock, discord, store: first } = subscribedAtEight();
    await crashAfterDiscordCreates(makeScheduler(first, clock, discord), clock, discord);

    await clock.advanceTo(paris('2024-06-11', '08:10'), async () => {});
    const store = openStore();
    const restarted = makeScheduler(store, clock, discord);
    restarted.start();
    await advance(clock, restarted, paris('2024-06-12', '09:00'));
    expect(discord.days()).toEqual(['2024-06-10', '2024-06-11']); // the next day goes on normally
    expect(discord.calls).toHaveLength(2);
    expect(store.delivery(store.list()[0]!.id, '2024-06-10')?.state).toBe('uncertain');
  });

  it('resends a digest whose earlier attempt certainly failed, after findPosted confirms it is absent', async () => {
    const { clock, discord, store: first } = subscribedAtEight();
    // the process dies before Discord got the request (the attempt was recorded, no message exists)
    let attempted = false;
    const dying = makeScheduler(first, clock, discord, {
      post: () => {
        attempted = true;
        return new Promise<never>(() => {});
      },
    });
    dying.start();
    await advance(clock, dying, paris('2024-06-11', '07:59'));
    await clock.advanceTo(paris('2024-06-11', '08:00'), async () => {});
    await until(() => attempted);

    await clock.advanceTo(paris('2024-06-11', '08:30'), async () => {});
    const store = openStore();
    const restarted = makeScheduler(store, clock, discord, { findPosted: discord.findPosted });
    restarted.start();
    await advance(clock, restarted, paris('2024-06-11', '09:00'));
    expect(discord.days()).toEqual(['2024-06-10']);
    expect(discord.calls[0]?.nonce).toBe(digestNonce(store.list()[0]!.id, '2024-06-10'));
  });

  it('never posts again a live digest that the channel’s previous subscription already posted', async () => {
    const { clock, discord, store } = subscribedAtEight();
    const scheduler = makeScheduler(store, clock, discord);
    scheduler.start();
    await advance(clock, scheduler, paris('2024-06-11', '09:00'));

    store.subscribe({ guildId: 'g1', channelId: 'c1', time: '11:00', at: clock.now() }); // same channel, later time
    scheduler.reschedule();
    await advance(clock, scheduler, paris('2024-06-12', '12:00'));
    expect(discord.days()).toEqual(['2024-06-10', '2024-06-11']);
  });
});

describe('DigestScheduler: failures', () => {
  it('retries a rate limit and a timeout with the same nonce, ending with one message', async () => {
    const { clock, discord, store } = subscribedAtEight();
    discord.script.push({ throw: Object.assign(new Error('rate limited'), { status: 429 }) }, 'create-then-timeout', 'ok');
    const scheduler = makeScheduler(store, clock, discord);
    scheduler.start();
    await advance(clock, scheduler, paris('2024-06-11', '09:00'));

    expect(discord.calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(new Set(discord.calls.map((c) => c.nonce)).size).toBe(1);
    expect(discord.messages).toHaveLength(1);
    expect(store.status('g1')[0]?.lastDelivery).toMatchObject({ state: 'sent', attempts: 3, messageId: 'm1' });
  });

  it('gives up after its retries, recording the day as failed, and posts the next day normally', async () => {
    const clock = new FakeClock(paris('2024-06-10', '10:00'));
    const discord = new FakeDiscord(clock);
    const store = openStore();
    const { subscription } = store.subscribe({ guildId: 'g1', channelId: 'c1', time: '08:00', at: clock.now() });
    const rateLimited = { throw: Object.assign(new Error('rate limited'), { status: 429 }) };
    discord.script.push(rateLimited, rateLimited, rateLimited);
    const scheduler = makeScheduler(store, clock, discord, { retryDelaysMs: [1_000, 5_000] });
    scheduler.start();
    await advance(clock, scheduler, paris('2024-06-12', '09:00'));

    expect(discord.calls.filter((c) => c.day === '2024-06-10')).toHaveLength(3);
    expect(store.delivery(subscription.id, '2024-06-10')).toMatchObject({ state: 'failed', attempts: 3 });
    expect(discord.days()).toEqual(['2024-06-11']);
  });

  it('marks a gone channel with its reason, and the other subscriptions still post', async () => {
    const { clock, discord, store } = subscribedAtEight();
    store.subscribe({ guildId: 'g2', channelId: 'c2', time: '08:00', at: clock.now() });
    store.subscribe({ guildId: 'g3', channelId: 'c3', time: '08:00', at: clock.now() });
    discord.goneChannels.set('c1', 'unknown-channel');
    const scheduler = makeScheduler(store, clock, discord, {
      post: (s, day, context) => {
        if (s.channelId === 'c3') {
          // what discord.js throws when the bot lost the permission to post there
          return Promise.reject(Object.assign(new Error('Missing Permissions'), { name: 'DiscordAPIError[50013]', status: 403, code: 50013 }));
        }
        return discord.post(s, day, context);
      },
    });
    scheduler.start();
    await advance(clock, scheduler, paris('2024-06-13', '09:00'));

    expect(discord.days('c2')).toEqual(['2024-06-10', '2024-06-11', '2024-06-12']);
    expect(discord.calls.filter((c) => c.channelId === 'c1')).toHaveLength(1); // not tried again
    expect(store.status('g1')[0]?.broken?.reason).toBe('unknown-channel');
    expect(store.status('g3')[0]?.broken?.reason).toBe('missing-permissions');
    expect(store.status('g1')[0]?.lastDelivery?.state).toBe('failed');
  });

  it('records a quiet day with nothing to post as skipped and goes on', async () => {
    const clock = new FakeClock(paris('2024-06-10', '10:00'));
    const discord = new FakeDiscord(clock);
    const store = openStore();
    const { subscription } = store.subscribe({ guildId: 'g1', channelId: 'c1', time: '08:00', quiet: true, at: clock.now() });
    discord.script.push({ skipped: 'nothing new' });
    const scheduler = makeScheduler(store, clock, discord);
    scheduler.start();
    await advance(clock, scheduler, paris('2024-06-12', '09:00'));
    expect(store.delivery(subscription.id, '2024-06-10')).toMatchObject({ state: 'skipped', detail: 'nothing new' });
    expect(discord.days()).toEqual(['2024-06-11']);
    expect(discord.calls).toHaveLength(2);
  });

  it('pauses while the database is locked, says why, and posts once it is released — never what it could not record', async () => {
    const clock = new FakeClock(paris('2024-06-10', '10:00'));
    const discord = new FakeDiscord(clock);
    const store = openStore({ busyTimeoutMs: 20 });
    store.subscribe({ guildId: 'g1', channelId: 'c1', time: '08:00', at: clock.now() });
    const scheduler = makeScheduler(store, clock, discord, { unavailableRetryMs: 60_000 });
    scheduler.start();
    await advance(clock, scheduler, paris('2024-06-11', '07:00'));

    const other = new BetterSqlite3(join(dir, DATABASE_FILE), { timeout: 0 });
    other.exec('BEGIN IMMEDIATE'); // another program writing, and not letting go
    await advance(clock, scheduler, paris('2024-06-11', '08:30'));
    expect(discord.calls).toEqual([]); // the attempt could not be recorded, so nothing was sent
    expect(scheduler.status()).toMatchObject({ running: true, paused: { reason: 'locked' } });

    other.exec('ROLLBACK');
    other.close();
    await advance(clock, scheduler, paris('2024-06-11', '10:00'));
    expect(discord.days()).toEqual(['2024-06-10']);
    expect(scheduler.status().paused).toBeUndefined();
  });

  it('under sharding, each scheduler posts only for the servers of its shard', async () => {
    const clock = new FakeClock(paris('2024-06-10', '10:00'));
    const discord = new FakeDiscord(clock);
    const storeA = openStore();
    const storeB = openStore();
    storeA.subscribe({ guildId: 'g1', channelId: 'c1', time: '08:00', at: clock.now() });
    storeA.subscribe({ guildId: 'g2', channelId: 'c2', time: '08:00', at: clock.now() });
    const servedBy: Record<string, string[]> = { a: [], b: [] };
    const shard = (name: 'a' | 'b', guild: string, store: SubscriptionStore): DigestScheduler =>
      makeScheduler(store, clock, discord, {
        ownsGuild: (g) => g === guild,
        post: (s, day, context) => {
          servedBy[name]!.push(s.channelId);
          return discord.post(s, day, context);
        },
      });
    const a = shard('a', 'g1', storeA);
    const b = shard('b', 'g2', storeB);
    a.start();
    b.start();
    await clock.advanceTo(paris('2024-06-12', '09:00'), async () => {
      await a.idle();
      await b.idle();
    });
    expect(servedBy).toEqual({ a: ['c1', 'c1'], b: ['c2', 'c2'] });
    expect(discord.days('c1')).toEqual(['2024-06-10', '2024-06-11']);
    expect(discord.days('c2')).toEqual(['2024-06-10', '2024-06-11']);
  });

  it('stop() waits for the post in flight and records it', async () => {
    const clock = new FakeClock(paris('2024-06-10', '10:00'));
    const discord = new FakeDiscord(clock);
    const store = openStore();
    const { subscription } = store.subscribe({ guildId: 'g1', channelId: 'c1', time: '08:00', at: clock.now() });
    let release: (() => void) | undefined;
    const scheduler = makeScheduler(store, clock, discord, {
      post: async (s, day, context) => {
        await new Promise<void>((r) => {
          release = r;
        });
        return discord.post(s, day, context);
      },
    });
    scheduler.start();
    await advance(clock, scheduler, paris('2024-06-11', '07:59'));
    await clock.advanceTo(paris('2024-06-11', '08:00'), async () => {});
    await until(() => release !== undefined);

    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    release?.();
    await stopping;
    expect(store.delivery(subscription.id, '2024-06-10')?.state).toBe('sent');
    expect(scheduler.status().running).toBe(false);
    expect(clock.pending).toBe(0);
  });
});

describe('upcomingPost', () => {
  it('says when the next post is and which day it shows, for live and replay subscriptions', () => {
    const base: Subscription = { id: 1, guildId: 'g', channelId: 'c', time: '08:00', quiet: false, createdAt: paris('2024-06-10', '10:00') };
    expect(upcomingPost(base, paris('2024-06-10', '12:00'), PARIS)).toEqual({ at: paris('2024-06-11', '08:00'), day: '2024-06-10' });
    const replay = { ...base, replayFrom: '2022-01-01' };
    expect(upcomingPost(replay, paris('2024-06-10', '12:00'), PARIS)?.day).toBe('2022-01-01');
    const later = { ...replay, lastSlotDay: '2024-06-13', lastDigestDay: '2022-01-03' };
    expect(upcomingPost(later, paris('2024-06-13', '12:00'), PARIS)).toEqual({ at: paris('2024-06-14', '08:00'), day: '2022-01-04' });
    // due but not served yet (paused): now
    const now = paris('2024-06-15', '12:00');
    expect(upcomingPost({ ...base, lastSlotDay: '2024-06-13' }, now, PARIS)).toEqual({ at: now, day: addDays('2024-06-15', -1) });
    expect(upcomingPost({ ...base, broken: { reason: 'unknown-channel', at: 0 } }, now, PARIS)).toBeUndefined();
  });
});

describe('digestNonce', () => {
  it('is deterministic, per subscription and day, and fits Discord’s 25 characters', () => {
    expect(digestNonce(1, '2024-06-10')).toBe(digestNonce(1, '2024-06-10'));
    expect(digestNonce(1, '2024-06-10')).not.toBe(digestNonce(1, '2024-06-11'));
    expect(digestNonce(1, '2024-06-10')).not.toBe(digestNonce(2, '2024-06-10'));
    expect(digestNonce(123456, '2024-06-10')).toMatch(/^[0-9a-f]{25}$/);
  });
});

describe('classifyPostError', () => {
  const withStatus = (status: number, code?: number): Error => Object.assign(new Error(`HTTP ${status}`), { status, ...(code ? { code } : {}) });

  it('retries what may succeed later, saying whether the message may already exist', () => {
    expect(classifyPostError(withStatus(429))).toMatchObject({ kind: 'retry', maybeCreated: false });
    expect(classifyPostError(withStatus(502))).toMatchObject({ kind: 'retry', maybeCreated: true });
    expect(classifyPostError(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toMatchObject({ kind: 'retry', maybeCreated: true });
    const reset = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('socket'), { code: 'ECONNRESET' }) });
    expect(classifyPostError(reset)).toMatchObject({ kind: 'retry', maybeCreated: true });
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) });
    expect(classifyPostError(refused)).toMatchObject({ kind: 'retry', maybeCreated: false });
  });

  it('recognises a channel that is gone or not writable', () => {
    expect(classifyPostError(withStatus(404, 10003))).toMatchObject({ kind: 'gone', reason: 'unknown-channel' });
    expect(classifyPostError(withStatus(403, 50001))).toMatchObject({ kind: 'gone', reason: 'missing-access' });
    expect(classifyPostError(withStatus(403, 50013))).toMatchObject({ kind: 'gone', reason: 'missing-permissions' });
    expect(classifyPostError(withStatus(403))).toMatchObject({ kind: 'gone', reason: 'forbidden' });
  });

  it('does not retry a bad request, and calls an unknown error a failure that may have posted', () => {
    expect(classifyPostError(withStatus(400, 50035))).toMatchObject({ kind: 'fail', maybeCreated: false });
    expect(classifyPostError(new TypeError('x is undefined'))).toMatchObject({ kind: 'fail', maybeCreated: true });
  });
});
