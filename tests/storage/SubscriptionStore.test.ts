import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SubscriptionStore } from '../../src/storage/SubscriptionStore.js';

let dir: string;
let store: SubscriptionStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veille-store-'));
  store = SubscriptionStore.open({ dataDir: dir });
});

afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

const T0 = Date.UTC(2024, 5, 10, 8);

describe('subscriptions', () => {
  it('subscribes, lists by server, and unsubscribes', () => {
    const { subscription, replaced } = store.subscribe({ guildId: 'g1', channelId: 'c1', time: '08:00', quiet: true, createdBy: 'u1', at: T0 });
    expect(replaced).toBeUndefined();
    expect(subscription).toMatchObject({ guildId: 'g1', channelId: 'c1', time: '08:00', quiet: true, createdBy: 'u1', createdAt: T0 });
    expect(subscription.replayFrom).toBeUndefined();
    store.subscribe({ guildId: 'g2', channelId: 'c2', time: '09:30', replayFrom: '2022-01-01', at: T0 });
    store.subscribe({ guildId: 'g3', channelId: 'c3', time: '10:00', at: T0 });

    expect(store.list().map((s) => s.channelId)).toEqual(['c1', 'c2', 'c3']);
    expect(store.list({ guildIds: ['g2', 'g3'] }).map((s) => s.channelId)).toEqual(['c2', 'c3']);
    expect(store.list({ guildIds: [] })).toEqual([]);
    expect(store.get('c2')).toMatchObject({ replayFrom: '2022-01-01', quiet: false });

    // another server cannot unsubscribe a channel that is not its own
    expect(store.unsubscribe('g1', 'c2')).toBeUndefined();
    expect(store.unsubscribe('g2', 'c2')?.channelId).toBe('c2');
    expect(store.get('c2')).toBeUndefined();
  });

  it('replaces a channel’s subscription with a new one (new id), returning the old', () => {
    const first = store.subscribe({ guildId: 'g1', channelId: 'c1', time: '08:00', at: T0 }).subscription;
    const { subscription, replaced } = store.subscribe({ guildId: 'g1', channelId: 'c1', time: '18:00', replayFrom: '2022-01-03', at: T0 + 1 });
    expect(replaced?.id).toBe(first.id);
    expect(subscription.id).not.toBe(first.id);
    expect(store.list()).toEqual([subscription]);
  });

  it('refuses malformed times and days (the command layer validates user input first)', () => {
    expect(() => store.subscribe({ guildId: 'g', channelId: 'c', time: '8:00', at: T0 })).toThrow(RangeError);
    expect(() => store.subscribe({ guildId: 'g', channelId: 'c', time: '24:00', at: T0 })).toThrow(RangeError);
    expect(() => store.subscribe({ guildId: 'g', channelId: 'c', time: '08:00', replayFrom: '2022-02-30', at: T0 })).toThrow(RangeError);
  });
});

describe('deliveries', () => {
  it('claims a slot once: a second claim of the same slot (a restart, another shard) gets nothing', () => {
    const { subscription } = store.subscribe({ guildId: 'g1', channelId: 'c1', time: '08:00', at: T0 });
    const claim = { subscription, slotDay: '2024-06-11', digestDay: '2024-06-10', nonce: 'n1', at: T0 + 1 };
    const delivery = store.claimSlot(claim);
    expect(delivery).toMatchObject({ state: 'sending', nonce: 'n1', attempts: 0, maybeCreated: false, mode: 'live' });
    expect(store.claimSlot(claim)).toBeUndefined();
    expect(store.claimSlot({ ...claim, nonce: 'other' })).toBeUndefined();
    expect(store.get('c1')).toMatchObject({ lastSlotDay: '2024-06-11', lastDigestDay: '2024-06-10' });
    expect(store.pendingDelivery(subscription.id)?.digestDay).toBe('2024-06-10');
  });

  it('records an attempt before it is sent, then its outcome', () => {
    const { subscription } = store.subscribe({ guildId: 'g1', channelId: 'c1', time: '08:00', at: T0 });
    store.claimSlot({ subscription, slotDay: '2024-06-11', digestDay: '2024-06-10', nonce: 'n1', at: T0 });
    const attempt = store.beginAttempt(subscription.id, '2024-06-10', T0 + 10);
    // from here, a crash leaves a row that says a message may exist
    expect(attempt).toMatchObject({ attempts: 1, maybeCreated: true, windowStartedAt: T0 + 10, lastAttemptAt: T0 + 10 });

    store.recordRetry(subscription.id, '2024-06-10', { retryAt: T0 + 2000, maybeCreated: true, detail: '503', at: T0 + 20 });
    // the window counts from the first attempt that may have created the message, not from the retry
    expect(store.beginAttempt(subscription.id, '2024-06-10', T0 + 2000)).toMatchObject({ attempts: 2, windowStartedAt: T0 + 10 });

    store.recordSent(subscription.id, '2024-06-10', 'm1', T0 + 2100);
    expect(store.pendingDelivery(subscription.id)).toBeUndefined();
    const [status] = store.status('g1');
    expect(status?.lastDelivery).toMatchObject({ state: 'sent', messageId: 'm1', digestDay: '2024-06-10' });
    expect(status?.lastSent?.messageId).toBe('m1');
  });

  it('knows a live digest already posted in a channel, whichever subscription posted it', () => {
    const old = store.subscribe({ guildId: 'g1', channelId: 'c1', time: '08:00', at: T0 }).subscription;
    store.claimSlot({ subscription: old, slotDay: '2024-06-11', digestDay: '2024-06-10', nonce: 'n1', at: T0 });
    store.recordSent(old.id, '2024-06-10', 'm1', T0);
    store.subscribe({ guildId: 'g1', channelId: 'c1', time: '11:00', at: T0 + 1 });
    expect(store.hasLiveDelivery('c1', '2024-06-10')).toBe(true);
    expect(store.hasLiveDelivery('c1', '2024-06-11')).toBe(false);
    expect(store.hasLiveDelivery('c2', '2024-06-10')).toBe(false);
  });

  it('records a given-up delivery as failed, or uncertain when a message may exist', () => {
    const { subscription } = store.subscribe({ guildId: 'g1', channelId: 'c1', time: '08:00', at: T0 });
    store.claimSlot({ subscription, slotDay: '2024-06-11', digestDay: '2024-06-10', nonce: 'n1', at: T0 });
    store.recordFailed(subscription.id, '2024-06-10', { maybeCreated: true, detail: 'timeout', at: T0 });
    expect(store.delivery(subscription.id, '2024-06-10')).toMatchObject({ state: 'uncertain', detail: 'timeout' });
    store.claimSlot({ subscription: store.get('c1')!, slotDay: '2024-06-12', digestDay: '2024-06-11', nonce: 'n2', at: T0 });
    store.recordFailed(subscription.id, '2024-06-11', { maybeCreated: false, detail: '400', at: T0 });
    expect(store.delivery(subscription.id, '2024-06-11')?.state).toBe('failed');
  });

  it('marks a broken channel with its reason; a broken subscription claims nothing', () => {
    const { subscription } = store.subscribe({ guildId: 'g1', channelId: 'c1', time: '08:00', at: T0 });
    store.markBroken(subscription.id, 'missing-access', T0 + 5);
    expect(store.status('g1')[0]?.broken).toEqual({ reason: 'missing-access', at: T0 + 5 });
    expect(store.claimSlot({ subscription, slotDay: '2024-06-11', digestDay: '2024-06-10', nonce: 'n', at: T0 })).toBeUndefined();
    // subscribing again is how an admin repairs it
    expect(store.subscribe({ guildId: 'g1', channelId: 'c1', time: '08:00', at: T0 }).subscription.broken).toBeUndefined();
  });
});

describe('arrivals', () => {
  it('takes the first call as the baseline (the archive as it was), then notes only new ids', () => {
    expect(store.noteArticles(['a', 'b', 'c'], '2024-06-10', T0)).toEqual({ arrived: [], baseline: true });
    expect(store.noteArticles(['a', 'b', 'c', 'd'], '2024-06-11', T0 + 1)).toEqual({ arrived: ['d'], baseline: false });
    expect(store.noteArticles(['e'], '2024-06-11', T0 + 2).arrived).toEqual(['e']);
    // an article changed, or deleted and added back, does not arrive twice
    expect(store.noteArticles(['d', 'e'], '2024-06-12', T0 + 3).arrived).toEqual([]);
    expect(store.arrivalsOn('2024-06-11')).toEqual(['d', 'e']);
    expect(store.arrivalsOn('2024-06-12')).toEqual([]);
  });

  it('makes an empty archive the baseline too, so the first article added is an arrival', () => {
    expect(store.noteArticles([], '2024-06-10', T0).baseline).toBe(true);
    expect(store.noteArticles(['a'], '2024-06-10', T0 + 1).arrived).toEqual(['a']);
  });

  it('keeps arrivals across a restart, in arrival order', () => {
    store.noteArticles([], '2024-06-10', T0);
    store.addArrival('z-late', '2024-06-10', T0 + 10);
    store.addArrival('a-early', '2024-06-10', T0 + 5);
    expect(store.addArrival('a-early', '2024-06-10', T0 + 20)).toBe(false);
    store.close();
    store = SubscriptionStore.open({ dataDir: dir });
    expect(store.arrivalsOn('2024-06-10')).toEqual(['a-early', 'z-late']);
  });
});
