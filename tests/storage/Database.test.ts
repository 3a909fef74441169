import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DATABASE_FILE,
  DatabaseUnavailableError,
  openDatabase,
  SCHEMA_VERSION,
  unavailableMessage,
  type UnavailableReason,
} from '../../src/storage/Database.js';
import { SubscriptionStore } from '../../src/storage/SubscriptionStore.js';

let dir: string;
const open: { close(): void }[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veille-db-'));
});

afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  await rm(dir, { recursive: true, force: true });
});

/** Another program's connection to the same file (the sqlite3 shell, a backup tool, a second bot). */
function otherConnection(file: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(file, { timeout: 0 });
  open.push(db);
  return db;
}

function subscribeOne(store: SubscriptionStore): void {
  store.subscribe({ guildId: 'g1', channelId: 'c1', time: '08:00', at: Date.UTC(2024, 5, 10) });
}

describe('openDatabase', () => {
  it('creates DATA_DIR and the database on first start, in WAL mode, at the current schema', () => {
    const dataDir = join(dir, 'nested', 'data');
    const opened = openDatabase({ dataDir });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    open.push(opened.db);
    expect(opened.file).toBe(join(dataDir, DATABASE_FILE));
    expect(opened.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('keeps what was stored across a restart', () => {
    const first = SubscriptionStore.open({ dataDir: dir });
    subscribeOne(first);
    first.close();
    const second = SubscriptionStore.open({ dataDir: dir });
    open.push(second);
    expect(second.list().map((s) => s.channelId)).toEqual(['c1']);
  });

  it('reports a folder it cannot create as "unwritable dir"', () => {
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const opened = openDatabase({ dataDir: join(dir, 'a-file', 'data') });
    expect(opened).toMatchObject({ ok: false, unavailable: { reason: 'unwritable dir' } });
  });

  it('reports a file locked by another program as "locked", and leaves it intact', () => {
    const file = join(dir, DATABASE_FILE);
    const seed = SubscriptionStore.open({ dataDir: dir });
    subscribeOne(seed);
    seed.close();
    // An exclusive lock that even readers must wait for: what `sqlite3` with locking_mode=EXCLUSIVE holds.
    const other = otherConnection(file);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');

    const opened = openDatabase({ dataDir: dir, busyTimeoutMs: 50 });
    expect(opened).toMatchObject({ ok: false, unavailable: { reason: 'locked' } });

    other.exec('COMMIT');
    other.close();
    const store = SubscriptionStore.open({ dataDir: dir });
    open.push(store);
    expect(store.list().map((s) => s.channelId)).toEqual(['c1']);
  });

  it('reports a read-only database as "read-only" before anything is posted, and leaves it intact', () => {
    // Tests run as root, which ignores file modes: a read-only connection stands in for a read-only file system.
    const seed = SubscriptionStore.open({ dataDir: dir });
    subscribeOne(seed);
    seed.close();
    const before = readFileSync(join(dir, DATABASE_FILE));

    const opened = openDatabase({ dataDir: dir, readonly: true });
    expect(opened).toMatchObject({ ok: false, unavailable: { reason: 'read-only' } });
    expect(readFileSync(join(dir, DATABASE_FILE)).equals(before)).toBe(true);

    const readonlyMissing = openDatabase({ dataDir: join(dir, 'empty'), readonly: true });
    expect(readonlyMissing).toMatchObject({ ok: false, unavailable: { reason: 'read-only' } });
  });

  it('refuses a file of garbage as "corrupt" without changing a byte or adding files next to it', () => {
    const file = join(dir, DATABASE_FILE);
    const garbage = Buffer.from('these are not the bytes of an SQLite database '.repeat(200));
    writeFileSync(file, garbage);

    const opened = openDatabase({ dataDir: dir });
    expect(opened).toMatchObject({ ok: false, unavailable: { reason: 'corrupt' } });
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect(readdirSync(dir)).toEqual([DATABASE_FILE]);
  });

  it('refuses a real database with damaged pages as "corrupt", before switching it to WAL (a write)', () => {
    const file = join(dir, DATABASE_FILE);
    const build = new BetterSqlite3(file);
    build.exec('CREATE TABLE filler (x TEXT); CREATE INDEX filler_x ON filler (x);');
    const insert = build.prepare('INSERT INTO filler VALUES (?)');
    build.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`${'x'.repeat(200)}${i}`);
    })();
    build.close();
    const bytes = readFileSync(file);
    bytes.fill(0x41, 4096 * 3, 4096 * 6); // three pages overwritten, the header intact
    writeFileSync(file, bytes);

    const opened = openDatabase({ dataDir: dir });
    expect(opened).toMatchObject({ ok: false, unavailable: { reason: 'corrupt' } });
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a database written by a newer version rather than downgrading it', () => {
    const file = join(dir, DATABASE_FILE);
    const future = new BetterSqlite3(file);
    future.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    future.close();
    expect(openDatabase({ dataDir: dir })).toMatchObject({ ok: false, unavailable: { reason: 'too new' } });
  });

  it('has a message in both languages for every reason, without the file path', () => {
    const reasons: UnavailableReason[] = ['locked', 'read-only', 'corrupt', 'unwritable dir', 'disk full', 'io error', 'too new'];
    for (const reason of reasons) {
      for (const locale of ['fr', 'en'] as const) {
        const text = unavailableMessage(reason, locale);
        expect(text.length, `${reason} ${locale}`).toBeGreaterThan(20);
        expect(text).not.toContain('/');
      }
    }
  });
});

describe('SubscriptionStore on an unavailable database', () => {
  it('starts anyway, says why, and fails every call fast with that reason', () => {
    writeFileSync(join(dir, DATABASE_FILE), 'garbage');
    const store = SubscriptionStore.open({ dataDir: dir });
    expect(store.state).toMatchObject({ ok: false, unavailable: { reason: 'corrupt' } });
    expect(() => store.list()).toThrow(DatabaseUnavailableError);
    expect(() => subscribeOne(store)).toThrow(expect.objectContaining({ unavailable: expect.objectContaining({ reason: 'corrupt' }) }));
    expect(readFileSync(join(dir, DATABASE_FILE), 'utf8')).toBe('garbage');
  });

  it('turns a lock taken mid-run into "locked", then recovers with reopen() once it is released', () => {
    const store = SubscriptionStore.open({ dataDir: dir, busyTimeoutMs: 50 });
    open.push(store);
    subscribeOne(store);
    // In WAL mode a writer does not block readers; it blocks other writers.
    const other = otherConnection(join(dir, DATABASE_FILE));
    other.exec('BEGIN IMMEDIATE');

    expect(() => store.subscribe({ guildId: 'g1', channelId: 'c2', time: '09:00', at: 0 })).toThrow(DatabaseUnavailableError);
    expect(store.state).toMatchObject({ ok: false, unavailable: { reason: 'locked' } });
    // fails fast from now on (no busy wait per call), until reopened
    expect(() => store.list()).toThrow(DatabaseUnavailableError);
    expect(store.reopen()).toMatchObject({ ok: false, unavailable: { reason: 'locked' } });

    other.exec('ROLLBACK');
    expect(store.reopen()).toEqual({ ok: true });
    expect(store.list().map((s) => s.channelId)).toEqual(['c1']);
  });

  it('turns a read-only connection into "read-only" on the first write, keeping the data', () => {
    const seed = SubscriptionStore.open({ dataDir: dir });
    subscribeOne(seed);
    seed.close();
    const store = SubscriptionStore.open({ dataDir: dir, readonly: true });
    expect(store.state).toMatchObject({ ok: false, unavailable: { reason: 'read-only' } });
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
    const again = SubscriptionStore.open({ dataDir: dir });
    open.push(again);
    expect(again.list()).toHaveLength(1);
  });
});
