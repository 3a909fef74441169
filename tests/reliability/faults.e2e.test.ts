/**
 * Faults end to end: the real bot (started as `npm start` starts it) against the fake Discord, which sends it the
 * gateway's own disruptions (invalid session, resumable or not; reconnect request), and with its SQLite file locked
 * by another process while it runs, or corrupt before it starts. Each time the bot must come back and answer, say
 * clearly what it cannot do, and lose nothing: a corrupt file is left byte for byte as it was.
 *
 * Dropped connections, 429s and 500s on replies are in bot.e2e; crashes of the digest process in
 * tests/scheduler/crash.test.ts; locked, read-only and corrupt files at unit level in tests/storage.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../support/FakeDiscord.js';
import { digestCommand, embedOf, interact, textOf, userIds } from '../support/interactions.js';
import { startBotProcess, type BotProcess } from '../support/startBotProcess.js';

const TOKEN = 'MTAx.fake.token-for-tests-only';
const MANAGE_GUILD = String(1 << 5);
const QUESTION = 'Où auront lieu les discussions du 10 janvier ?';
const root = mkdtempSync(join(tmpdir(), 'veille-faults-e2e-'));
const newUser = userIds(1300000000000130000n);
/** Not an SQLite file at all: what a bad copy, a disk error or another program's file leaves. */
const GARBAGE = Buffer.concat([Buffer.from('Ceci n’est pas une base SQLite.\n'), Buffer.alloc(4096, 0x5a)]);

let fake: FakeDiscord;
let bot: BotProcess;
let corrupt: BotProcess;
const dataDir = join(root, 'data');
const corruptDir = join(root, 'corrupt-data');

const stalls = (child: BotProcess, since: number): unknown[] =>
  child.logs().filter((l) => Number(l.time) >= since && String(l.msg).startsWith('Event loop blocked'));

beforeAll(async () => {
  mkdirSync(corruptDir);
  writeFileSync(join(corruptDir, 'veille.sqlite'), GARBAGE);
  fake = await FakeDiscord.start({ token: TOKEN });
  const guildId = fake.guilds[0]?.id ?? '';
  bot = startBotProcess({ apiUrl: fake.apiUrl, token: TOKEN, guildId, env: { DATA_DIR: dataDir, COOLDOWN_SECONDS: '0', DIGEST_TIMEZONE: 'UTC' } });
  await bot.untilServing(30_000);
}, 60_000);

afterAll(async () => {
  for (const child of [bot, corrupt]) await child?.stop('SIGTERM', 5_000).catch(() => undefined);
  await fake?.close();
});

describe('the gateway', () => {
  it('identifies again after an invalid session that cannot be resumed, and answers', async () => {
    const since = Date.now();
    fake.invalidateSession(false);
    await fake.waitForGateway((e) => e.at >= since && e.note?.startsWith('identify') === true, 15_000);
    await fake.waitForReady(15_000);
    const answer = await interact(fake, fake.command('ask', { question: QUESTION }, { user: newUser() }));
    expect(embedOf(answer).description).toContain('003_6a0b143d3fa07a1a');
  }, 30_000);

  it('resumes after an invalid session that can be resumed, and answers what was sent meanwhile', async () => {
    const since = Date.now();
    fake.invalidateSession(true);
    // Sent while the bot is between sessions: Discord queues it, and so does the fake, until the RESUME.
    const answer = await interact(fake, fake.command('about', {}, { user: newUser() }), 20_000);
    expect(embedOf(answer).title).toBe('Veille — à propos');
    await fake.waitForGateway((e) => e.at >= since && (e.note === 'resumed' || e.note?.startsWith('identify') === true), 15_000);
  }, 30_000);

  it('reconnects when Discord asks it to (op 7), resumes, and answers', async () => {
    const since = Date.now();
    fake.requestReconnect();
    const answer = await interact(fake, fake.command('ask', { question: QUESTION }, { user: newUser() }), 20_000);
    expect(answer.ephemeral).toBe(false);
    await fake.waitForGateway((e) => e.at >= since && e.note === 'resumed', 15_000);
    // A resume, not a new session: nothing was lost and Discord's daily identify budget is untouched.
    expect(fake.gatewayLog.filter((e) => e.at >= since && e.note?.startsWith('identify') === true)).toEqual([]);
    await bot.waitForLog((l) => l.msg === 'Gateway resumed' && Number(l.time) >= since);
  }, 30_000);
});

describe('the SQLite file', () => {
  it('locked by another process: /digest subscribe says so privately, everything else answers, nothing is lost', async () => {
    const subscribe = (): ReturnType<typeof digestCommand> =>
      digestCommand(fake, 'subscribe', [
        { name: 'channel', type: 7, value: fake.guilds[0]?.channelId ?? '' },
        { name: 'time', type: 3, value: '07:30' },
      ], { user: newUser(), permissions: MANAGE_GUILD });
    const first = await interact(fake, subscribe());
    expect(first.ephemeral).toBe(true);
    expect(embedOf(first).title).toBe('Abonnement enregistré');

    // Another program (an admin's `sqlite3`, a backup tool) holds the write lock. The file is in WAL mode: readers
    // go on, writers wait — the bot's for 50 ms, then it must give up rather than freeze its event loop.
    const other = new BetterSqlite3(join(dataDir, 'veille.sqlite'));
    other.exec('BEGIN EXCLUSIVE');
    try {
      const since = Date.now();
      const [locked, asked] = await Promise.all([
        interact(fake, subscribe(), 20_000),
        // A question asked at the same moment is acknowledged and answered as usual.
        interact(fake, fake.command('ask', { question: QUESTION }, { user: newUser() }), 20_000),
      ]);
      expect(locked.ephemeral).toBe(true);
      const said = textOf(embedOf(locked));
      expect(said).toContain('verrouillée');
      expect(said).not.toContain('erreur inattendue');
      expect(asked.ephemeral).toBe(false);
      expect(embedOf(asked).description).toContain('003_6a0b143d3fa07a1a');

      const status = await interact(fake, digestCommand(fake, 'status', [], { user: newUser(), permissions: MANAGE_GUILD }));
      expect(status.ephemeral).toBe(true);
      expect(textOf(embedOf(status))).toContain('verrouillée');
      // A refusal the user can act on, logged as such; no crash, no error-level line, and no event loop frozen
      // while SQLite waits for the lock (the monitor reads its histogram every second: give it a turn).
      expect(bot.logs().filter((l) => Number(l.time) >= since && (l.level ?? 0) >= 50)).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(stalls(bot, since)).toEqual([]);
    } finally {
      other.exec('COMMIT');
      other.close();
    }

    // Once the lock is gone, the next command works again, and the first subscription is still there.
    const again = await interact(fake, subscribe());
    expect(embedOf(again).title).toBe('Abonnement enregistré');
    expect(textOf(embedOf(again))).toContain('remplace');
    const status = await interact(fake, digestCommand(fake, 'status', [], { user: newUser(), permissions: MANAGE_GUILD }));
    expect(textOf(embedOf(status))).not.toContain('verrouillée');
    expect(embedOf(status).fields?.[0]?.name).toBe('#général');
  }, 60_000);

  it('corrupt before start: the bot starts, answers, says in /digest status why digests are paused, and leaves the file as it was', async () => {
    // One bot at a time on the fake: the first one's work is done.
    expect(await bot.stop('SIGTERM', 5_000)).toEqual({ code: 0, signal: null });
    corrupt = startBotProcess({ apiUrl: fake.apiUrl, token: TOKEN, guildId: fake.guilds[0]?.id ?? '', env: { DATA_DIR: corruptDir, COOLDOWN_SECONDS: '0' } });
    const logged = await corrupt.waitForLog((l) => l.msg === 'Subscriptions database unavailable: digests are paused', 30_000);
    expect(logged).toMatchObject({ level: 50, reason: 'corrupt' });
    await corrupt.waitForLog((l) => String(l.msg).startsWith('Connected to Discord'), 30_000);

    const asked = await interact(fake, fake.command('ask', { question: QUESTION }, { user: newUser() }));
    expect(embedOf(asked).description).toContain('003_6a0b143d3fa07a1a');
    const status = await interact(fake, digestCommand(fake, 'status', [], { user: newUser(), permissions: MANAGE_GUILD }));
    expect(status.ephemeral).toBe(true);
    expect(textOf(embedOf(status))).toContain('endommagée');
    const subscribe = await interact(
      fake,
      digestCommand(fake, 'subscribe', [
        { name: 'channel', type: 7, value: fake.guilds[0]?.channelId ?? '' },
        { name: 'time', type: 3, value: '07:30' },
      ], { user: newUser(), permissions: MANAGE_GUILD }),
    );
    expect(subscribe.ephemeral).toBe(true);
    expect(textOf(embedOf(subscribe))).toContain('endommagée');

    await corrupt.stop('SIGTERM', 5_000);
    expect(readFileSync(join(corruptDir, 'veille.sqlite')).equals(GARBAGE)).toBe(true);
  }, 60_000);

  it('sent only valid bodies, and never printed the token', () => {
    fake.assertNoViolations();
    for (const child of [bot, corrupt]) {
      expect(child.stdout() + child.stderr()).not.toContain(TOKEN);
      expect(child.stderr()).not.toContain(TOKEN.split('.')[2]);
    }
  });
});
