/**
 * Timelines and daily digests end to end: the real bot (started as `npm start` starts it) against the fake Discord,
 * with its own articles folder (a copy of the seeds) and data folder. A subscription made through /digest is posted
 * by the bot on its own at the next minute, through `POST /channels/{id}/messages`; a restart on the same data
 * folder does not post it again; a file dropped in the folder is searchable seconds later and counts as arrived.
 *
 * The post time is the next whole minute (UTC), so the subscription test waits up to ~70 s: it runs in its own file,
 * in parallel with the other end-to-end tests.
 */
import type { APIEmbed } from 'discord.js';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type InteractionSpec, type RecordedRequest } from '../support/FakeDiscord.js';
import { digestCommand } from '../support/interactions.js';
import { startBotProcess, type BotProcess } from '../support/startBotProcess.js';

const TOKEN = 'MTAx.fake.token-for-tests-only';
const EPHEMERAL = 64;
const MANAGE_GUILD = '32';
const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

let fake: FakeDiscord;
let bot: BotProcess;
let guildId: string;
let channelId: string;
const root = mkdtempSync(join(tmpdir(), 'veille-digest-e2e-'));
const articlesDir = join(root, 'articles');
const dataDir = join(root, 'data');
let nextUser = 1300000000000090000n;
const processes: BotProcess[] = [];

function newUser(): { id: string } {
  nextUser += 1n;
  return { id: String(nextUser) };
}

function start(): BotProcess {
  const child = startBotProcess({
    apiUrl: fake.apiUrl,
    token: TOKEN,
    guildId,
    env: { ARTICLES_DIR: articlesDir, DATA_DIR: dataDir, DIGEST_TIMEZONE: 'UTC', COOLDOWN_SECONDS: '0' },
  });
  processes.push(child);
  return child;
}

/** The last body the bot sent for an interaction (callback data, or the edit of a deferral). */
async function answer(spec: InteractionSpec): Promise<{ embed: APIEmbed; ephemeral: boolean; body: Record<string, unknown> }> {
  const { id } = await fake.sendInteraction(spec);
  const last = await fake.waitForRequest(
    (r) => r.interactionId === id && r.status < 300 && !(r.path.endsWith('/callback') && [5, 6].includes((r.body as { type?: number }).type ?? 0)),
  );
  const steps = fake.interactionResponses(id);
  const callback = steps[0]?.body as { type?: number; data?: { flags?: number } } | undefined;
  const body = (last.path.endsWith('/callback') ? (last.body as { data: Record<string, unknown> }).data : last.body) as Record<string, unknown>;
  const flags = Number((last.path.endsWith('/callback') ? body['flags'] : callback?.data?.flags) ?? 0);
  const embed = (body['embeds'] as APIEmbed[] | undefined)?.[0] ?? {};
  return { embed, ephemeral: (flags & EPHEMERAL) !== 0, body };
}

/** A /digest subcommand with its options (channel options carry Discord's resolved channel, as real clients send). */
function digest(sub: string, options: Array<{ name: string; type: number; value: string | boolean }>, extra: { permissions?: string } = {}): InteractionSpec {
  return digestCommand(fake, sub, options, { user: newUser(), channelId, ...extra });
}

const channelPosts = (): RecordedRequest[] => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);

beforeAll(async () => {
  mkdirSync(articlesDir);
  for (const file of readdirSync(SEEDS)) copyFileSync(join(SEEDS, file), join(articlesDir, file));
  fake = await FakeDiscord.start();
  guildId = fake.guilds[0]?.id ?? '';
  channelId = fake.guilds[0]?.channelId ?? '';
  bot = start();
  await bot.untilServing(25_000);
}, 60_000);

afterAll(async () => {
  for (const child of processes) await child.stop('SIGTERM', 5_000).catch(() => undefined);
  await fake.close();
});

describe('/timeline', () => {
  it('lists dated events in date order, grouped by day, with a "day not given" group and citations', async () => {
    const { embed, ephemeral } = await answer(fake.command('timeline', {}, { user: newUser() }));
    expect(ephemeral).toBe(false);
    expect(embed.title).toBe('Chronologie');
    const text = embed.description ?? '';
    // 28 December (the announcement) comes before the month group of December, which comes before January's days.
    const december28 = text.indexOf('**mardi 28 décembre 2021**');
    const decemberVague = text.indexOf('**décembre 2021 — jour non précisé**');
    expect(december28).toBeGreaterThan(-1);
    expect(decemberVague).toBeGreaterThan(december28);
    expect(text).toContain('`003_6a0b143d3fa07a1a`');
    expect(embed.footer?.text).toMatch(/^1\/\d+$/u);
  });

  it('keeps the events of the articles matching a query, within the dates given', async () => {
    const { embed } = await answer(fake.command('timeline', { query: 'Conseil OTAN-Russie', from: '2022-01-01' }, { user: newUser() }));
    const text = embed.description ?? '';
    expect(text).toContain('**mercredi 12 janvier 2022**');
    // No day heading before the range (citations still give their articles' December dates).
    expect(text).not.toMatch(/\*\*[^*]*2021[^*]*\*\*/u);
  });
});

describe('/digest show', () => {
  it('shows the digest of 10 January: the talks planned that day, cited, with ◀ ▶ to the days around', async () => {
    const { embed, body } = await answer(digest('show', [{ name: 'date', type: 3, value: '10 janvier' }]));
    expect(embed.title).toBe('Le point du lundi 10 janvier 2022');
    expect(embed.description).toContain('*prévu*');
    expect(embed.description).toContain('`003_6a0b143d3fa07a1a`');
    const buttons = (body['components'] as Array<{ components: Array<{ label: string; custom_id: string; disabled?: boolean }> }>)[0]?.components ?? [];
    expect(buttons.map((b) => b.label)).toEqual(['Précédent', 'Suivant']);
    const previous = buttons[0];
    if (!previous) throw new Error('no previous button');
    const { embed: before } = await answer(fake.button(previous.custom_id, undefined, { user: newUser() }));
    expect(before.title).toBe('Le point du dimanche 9 janvier 2022');
  });

  it('accepts the other ways of writing a day', async () => {
    for (const value of ['2022-01-10', '10/01/2022', 'January 10']) {
      const { embed } = await answer(digest('show', [{ name: 'date', type: 3, value }]));
      expect(embed.title, value).toBe('Le point du lundi 10 janvier 2022');
    }
  });

  it('says so for a day with nothing and offers the nearest days with news', async () => {
    const { embed, body } = await answer(digest('show', [{ name: 'date', type: 3, value: '2022-01-20' }]));
    expect(embed.description).toContain('Rien dans les articles pour le jeudi 20 janvier 2022');
    const labels = ((body['components'] as Array<{ components: Array<{ label: string }> }>)[0]?.components ?? []).map((b) => b.label);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels[0]).toMatch(/2022$/u);
  });
});

describe('daily digest subscriptions', () => {
  it('refuses to subscribe a member without Manage Server, privately', async () => {
    const refused = await answer(digest('subscribe', [
      { name: 'channel', type: 7, value: channelId },
      { name: 'time', type: 3, value: '08:00' },
    ]));
    expect(refused.ephemeral).toBe(true);
    expect(refused.embed.description).toContain('Gérer le serveur');
    const status = await answer(digest('status', []));
    expect(status.ephemeral).toBe(true);
    expect(status.embed.description).toContain('Gérer le serveur');
  });

  it('posts the archive’s first day in the channel at the time chosen, once, even after a restart', async () => {
    const now = new Date();
    // The next whole minute, at least 5 s away (UTC, the bot's DIGEST_TIMEZONE here).
    const at = new Date(Math.ceil((now.getTime() + 5_000) / 60_000) * 60_000);
    const time = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
    const subscribed = await answer(
      digest('subscribe', [
        { name: 'channel', type: 7, value: channelId },
        { name: 'time', type: 3, value: time },
        { name: 'replay_from', type: 3, value: '28 décembre 2021' },
      ], { permissions: MANAGE_GUILD }),
    );
    expect(subscribed.ephemeral).toBe(true);
    expect(subscribed.embed.description).toContain(`Chaque jour à ${time} (UTC), une journée de l’archive sera publiée dans #général, à partir du 2021-12-28.`);

    const status = await answer(digest('status', [], { permissions: MANAGE_GUILD }));
    expect(status.embed.fields?.[0]?.name).toBe('#général');
    expect(status.embed.fields?.[0]?.value).toContain('rejoue l’archive depuis le 2021-12-28');
    expect(status.embed.fields?.[0]?.value).toMatch(/Prochain : <t:\d+:f>, point du 2021-12-28/u);

    const post = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`, 80_000);
    const body = post.body as { embeds: APIEmbed[]; nonce?: string; enforce_nonce?: boolean; allowed_mentions?: { parse: string[] } };
    expect(body.embeds[0]?.title).toBe('Le point du mardi 28 décembre 2021');
    expect(body.embeds[0]?.footer?.text).toBe('2021-12-28');
    expect(body.nonce).toMatch(/^[0-9a-f]{25}$/u);
    expect(body.enforce_nonce).toBe(true);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(post.violations).toEqual([]);

    // A restart on the same data folder finds the day posted: nothing is posted again.
    await bot.stop('SIGTERM', 5_000);
    bot = start();
    await bot.waitForLog((l) => l.msg === 'Timeline ready', 25_000);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(channelPosts()).toHaveLength(1);
  }, 120_000);

  it('unsubscribes', async () => {
    const done = await answer(digest('unsubscribe', [{ name: 'channel', type: 7, value: channelId }], { permissions: MANAGE_GUILD }));
    expect(done.embed.description).toContain('Plus de point quotidien dans #général.');
    const status = await answer(digest('status', [], { permissions: MANAGE_GUILD }));
    expect(status.embed.description).toContain('Aucun salon de ce serveur n’est abonné');
  });
});

describe('new articles', () => {
  it('picks up a file dropped in the folder: searchable seconds later, and counted as arrived today', async () => {
    const today = new Date().toISOString().slice(0, 10);
    writeFileSync(
      join(articlesDir, 'zz_nouveau.txt'),
      ` date ${today.slice(0, 7)} Les ornithorynques de Tasmanie inquiètent les biologistes\n\nUne étude publiée jeudi signale le déclin des ornithorynques.\n`,
    );
    await bot.waitForLog((l) => l.msg === 'Article added: zz_nouveau', 15_000);
    const found = await answer(fake.command('search', { query: 'ornithorynques' }, { user: newUser() }));
    expect(found.embed.description).toContain('`zz_nouveau`');
    // Its date is only a month: it is in today's digest because it arrived today.
    const digestToday = await answer(digest('show', [{ name: 'date', type: 3, value: "aujourd'hui" }]));
    expect(digestToday.embed.description).toContain('ornithorynques');
  }, 30_000);

  it('sent only valid bodies', () => {
    fake.assertNoViolations();
  });
});
