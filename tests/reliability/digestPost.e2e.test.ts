/**
 * A scheduled digest post that meets Discord's failures, end to end: the real bot (started as `npm start` starts
 * it) posts a subscription's digest at the next whole minute through the fake Discord, which answers 500 to every
 * try of the first attempt, then holds the second attempt longer than discord.js's REST timeout (15 s). Every try
 * must carry the same nonce with `enforce_nonce`, so that Discord (and the fake, which deduplicates as Discord does)
 * keeps one message whatever reached it; each failure is logged; the bot keeps running and answering.
 *
 * The wait for the next minute plus the 15 s timeout make this the slowest end-to-end file (about 40–100 s): it
 * has its own file so that it runs beside the others.
 */
import type { APIEmbed } from 'discord.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type RecordedRequest } from '../support/FakeDiscord.js';
import { digestCommand, embedOf, interact, userIds } from '../support/interactions.js';
import { startBotProcess, type BotProcess } from '../support/startBotProcess.js';

const TOKEN = 'MTAx.fake.token-for-tests-only';
const MANAGE_GUILD = String(1 << 5);
/** discord.js's REST timeout (`DefaultRestOptions.timeout`): the held request must outlast it. */
const REST_TIMEOUT_MS = 15_000;
const newUser = userIds(1300000000000150000n);

let fake: FakeDiscord;
let bot: BotProcess;
let channelId: string;

beforeAll(async () => {
  fake = await FakeDiscord.start({ token: TOKEN });
  channelId = fake.guilds[0]?.channelId ?? '';
  bot = startBotProcess({
    apiUrl: fake.apiUrl,
    token: TOKEN,
    guildId: fake.guilds[0]?.id ?? '',
    env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'veille-digest-faults-')), DIGEST_TIMEZONE: 'UTC' },
  });
  await bot.untilServing(30_000);
}, 60_000);

afterAll(async () => {
  await bot?.stop('SIGTERM', 5_000).catch(() => undefined);
  await fake?.close();
});

describe('a scheduled digest post through 500s and a timeout', () => {
  it('is retried with the same nonce until it lands, once, with every failure logged and no crash', async () => {
    const posts = (): RecordedRequest[] => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
    // The first attempt: discord.js tries 4 times (3 retries), all 500. The scheduler's second attempt is held.
    fake.failNext(`POST /channels/${channelId}/messages`, { status: 500, times: 4 });
    fake.failNext(`POST /channels/${channelId}/messages`, { delayMs: REST_TIMEOUT_MS + 1_500 });

    // The next whole minute at least 20 s away: the subscription must be saved before it (else the first post is
    // tomorrow's), even on a machine busy with other test files.
    const at = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
    const time = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
    const subscribed = await interact(
      fake,
      digestCommand(fake, 'subscribe', [
        { name: 'channel', type: 7, value: channelId },
        { name: 'time', type: 3, value: time },
        { name: 'replay_from', type: 3, value: '2021-12-28' },
      ], { user: newUser(), permissions: MANAGE_GUILD }),
    );
    expect(embedOf(subscribed).title).toBe('Abonnement enregistré');

    // Landed: the held request answered too (it reached the fake, which returns the message its nonce made).
    await fake
      .waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages` && r.fault?.startsWith('delayed') === true, 110_000)
      .catch((error: unknown) => {
        throw new Error(`${String(error)}\nsubscribed for ${time} UTC; the bot's last lines:\n${bot.stderr().split('\n').slice(-15).join('\n')}`);
      });
    await bot.waitForLog((l) => l.msg === 'Digest posted', 10_000);

    const tries = posts();
    expect(tries.map((r) => r.status)).toEqual([500, 500, 500, 500, 200, 200]);
    const bodies = tries.map((r) => r.body as { nonce?: string; enforce_nonce?: boolean; embeds?: APIEmbed[] });
    const nonce = bodies[0]?.nonce;
    expect(nonce).toMatch(/^[0-9a-f]{25}$/u);
    for (const body of bodies) expect(body).toMatchObject({ nonce, enforce_nonce: true, allowed_mentions: { parse: [] } });
    // One message in the channel, whichever of the last two tries Discord processed first.
    const shown = fake.messagesIn(channelId).filter((m) => (m.embeds[0] as APIEmbed | undefined)?.footer?.text === '2021-12-28');
    expect(shown).toHaveLength(1);
    for (const ok of tries.slice(4)) expect((ok.response as { id?: string }).id).toBe(shown[0]?.id);

    // Each failure is in the log, saying what happens next.
    const messages = bot.logs().map((l) => String(l.msg));
    expect(messages.filter((m) => m === 'Discord answered 500; retrying')).toHaveLength(3);
    expect(messages.filter((m) => m === 'Discord answered 500; giving up')).toHaveLength(1);
    expect(messages.filter((m) => m === 'Digest post failed; will retry with the same nonce')).toHaveLength(1);
    expect(messages.filter((m) => m.startsWith('Discord did not answer in time'))).toHaveLength(1);
    expect(messages.filter((m) => m === 'Digest posted')).toHaveLength(1);
    expect(bot.logs().filter((l) => (l.level ?? 0) >= 50)).toEqual([]);

    // Still serving.
    const about = await interact(fake, fake.command('about', {}, { user: newUser() }));
    expect(embedOf(about).title).toBe('Veille — à propos');
    fake.assertNoViolations();
  }, 150_000);
});
