/**
 * Load, end to end: the real bot (started as `npm start` starts it) on an archive of 1,000 generated articles plus
 * the seeds, against the fake Discord, which refuses any acknowledgement later than Discord's 3 seconds. Fifty
 * interactions arrive together — /ask, /search and /article autocompletes mixed, each from its own user — and every
 * one must be acknowledged in time and answered. The bot's own event-loop monitor logs `Event loop blocked` for any
 * stall over 100 ms; none may appear from start-up (index, event extraction, snapshot save, login) to the end of
 * the burst, or the gateway heartbeat and other users' acknowledgements would have waited behind it.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type InteractionSpec, type RecordedRequest } from '../support/FakeDiscord.js';
import { writeGeneratedArticles } from '../support/generatedArticles.js';
import { answerOf, callbackType, embedOf, interact, userIds, type Answer } from '../support/interactions.js';
import { startBotProcess, type BotProcess } from '../support/startBotProcess.js';

const TOKEN = 'MTAx.fake.token-for-tests-only';
const ARTICLES = 1_000;
const BURST = 50;
/** Files copied into the folder while the bot runs. */
const DROPPED = 500;
const MANAGE_GUILD = String(1 << 5);
/** Discord's deadline for the first response to an interaction. */
const ACK_DEADLINE_MS = 3_000;
/** What users type in /article's autocomplete: words of the titles, one with a typo, one cut short. */
const TYPED = ['pourparlers', 'Russie', 'Otan', 'Pouti', 'Ukrane', 'Moscou', 'frontières'];
const DEVSET = fileURLToPath(new URL('../fixtures/devset.json', import.meta.url));

const root = mkdtempSync(join(tmpdir(), 'veille-load-e2e-'));
const articlesDir = join(root, 'articles');
const dataDir = join(root, 'data');
const newUser = userIds(1300000000000110000n);
let fake: FakeDiscord;
let bot: BotProcess;

const stalls = (): string[] => bot.logs().filter((l) => String(l.msg).startsWith('Event loop blocked')).map((l) => `${String(l.msg)} (${JSON.stringify(l)})`);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** Articles the bot holds: those it loaded, plus those its watcher added since (each logged once). */
const articlesLoaded = (): number =>
  Number(bot.logs().find((l) => String(l.msg).startsWith('Loaded '))?.['articles'] ?? 0) +
  bot.logs().filter((l) => l['kind'] === 'added' && String(l.msg).startsWith('Article added: gen_') && Number(String(l['id']).slice(4)) > ARTICLES).length;

beforeAll(async () => {
  writeGeneratedArticles(articlesDir, ARTICLES);
  fake = await FakeDiscord.start({ token: TOKEN, ackDeadlineMs: ACK_DEADLINE_MS });
  bot = startBotProcess({
    apiUrl: fake.apiUrl,
    token: TOKEN,
    guildId: fake.guilds[0]?.id ?? '',
    env: { ARTICLES_DIR: articlesDir, DATA_DIR: dataDir, COOLDOWN_SECONDS: '0' },
  });
  await bot.untilServing(40_000);
  // The index snapshot is written in the background after start-up: wait for it, it is start-up work too.
  for (let waited = 0; !existsSync(join(dataDir, 'index-snapshot.bin')) && waited < 20_000; waited += 100) await sleep(100);
}, 60_000);

afterAll(async () => {
  await bot?.stop('SIGTERM', 5_000).catch(() => undefined);
  await fake?.close();
});

describe(`${BURST} interactions at once on ${ARTICLES.toLocaleString('en')} articles`, () => {
  it('started with the whole archive, its events and its snapshot, without ever blocking the event loop', async () => {
    expect(bot.logs().find((l) => String(l.msg).startsWith('Loaded '))?.['articles']).toBe(ARTICLES + 5);
    expect(existsSync(join(dataDir, 'index-snapshot.bin'))).toBe(true);
    // The monitor reads its histogram every second: give it one more turn to report the last stretch.
    await sleep(1_200);
    expect(stalls()).toEqual([]);
  });

  it('acknowledges every one within 3 s and answers it, and the event loop is never blocked over 100 ms', async () => {
    const questions = (JSON.parse(readFileSync(DEVSET, 'utf8')) as { questions: Array<{ question: string }> }).questions.map((q) => q.question);
    const specs: Array<{ kind: string; spec: InteractionSpec }> = [];
    for (let i = 0; i < BURST; i++) {
      const question = questions[i % questions.length] ?? 'Russie';
      const user = newUser();
      if (i % 3 === 0) specs.push({ kind: 'ask', spec: fake.command('ask', { question }, { user }) });
      else if (i % 3 === 1) specs.push({ kind: 'search', spec: fake.command('search', { query: question.replace(/[?]/gu, '') }, { user }) });
      else specs.push({ kind: 'autocomplete', spec: fake.autocomplete('article', { id: TYPED[i % TYPED.length] ?? '' }, { user }) });
    }
    const started = Date.now();
    // All dispatched on the gateway back to back, before the bot has answered any.
    const sent = await Promise.all(specs.map(({ spec }) => fake.sendInteraction(spec)));
    const answers = await Promise.all(sent.map(({ id }) => answerOf(fake, id, 30_000)));
    const elapsed = Date.now() - started;

    const firstResponse = (id: string): RecordedRequest | undefined => fake.interactionResponses(id)[0];
    const ackDelays = sent.map(({ id }) => (firstResponse(id)?.receivedAt ?? Infinity) - started);
    const slowest = Math.max(...ackDelays);
    expect(slowest, `slowest acknowledgement ${slowest} ms after the burst started`).toBeLessThan(ACK_DEADLINE_MS);
    sent.forEach(({ id }, i) => {
      const first = firstResponse(id);
      const kind = specs[i]?.kind;
      expect(first?.status, `${kind} ${id}`).toBeLessThan(300);
      // Commands are deferred at once (the search runs after the acknowledgement); autocompletes answer directly.
      expect(first && callbackType(first), `${kind} ${id}`).toBe(kind === 'autocomplete' ? 8 : 5);
      const answer = answers[i];
      if (!answer) throw new Error(`no answer for ${id}`);
      if (kind === 'autocomplete') {
        expect((fake.autocompleteChoices(id) as unknown[]).length, `choices for ${id}`).toBeGreaterThan(0);
      } else {
        expect(answer.ephemeral, `${kind} ${id} answered as an error`).toBe(false);
        expect(embedOf(answer).title?.length).toBeGreaterThan(0);
        expect(answer.body['allowed_mentions']).toEqual({ parse: [] });
      }
    });
    expect(elapsed).toBeLessThan(30_000);
    fake.assertNoViolations();

    await sleep(1_200);
    expect(stalls()).toEqual([]);
    expect(bot.logs().filter((l) => (l.level ?? 0) >= 50)).toEqual([]);
  }, 60_000);

  it('takes in 500 files dropped into the folder while it serves, and an admin’s /reload, without a stall', async () => {
    const before = fake.requests.length;
    writeGeneratedArticles(articlesDir, DROPPED, { first: ARTICLES + 1, seeds: false });
    const reload = interact(fake, fake.command('reload', {}, { user: newUser(), permissions: MANAGE_GUILD }), 60_000);
    // Users keep asking while the watcher and the rescan read, parse and index the new files.
    const during: Array<Promise<Answer>> = [];
    for (let i = 0; i < 10; i++) {
      during.push(interact(fake, fake.command('ask', { question: 'Que demande la Russie à l’OTAN ?' }, { user: newUser() }), 30_000));
      await sleep(150);
    }
    for (const answer of await Promise.all(during)) expect(answer.ephemeral).toBe(false);
    const reloaded = await reload;
    expect(reloaded.ephemeral).toBe(true);
    // Every new file reaches the index, whether the watcher or the rescan handed it over.
    for (let waited = 0; articlesLoaded() < ARTICLES + 5 + DROPPED && waited < 30_000; waited += 250) await sleep(250);
    const about = await interact(fake, fake.command('about', {}, { user: newUser() }));
    expect(embedOf(about).fields?.[0]).toEqual({ name: 'Articles', value: (ARTICLES + 5 + DROPPED).toLocaleString('fr-FR') });
    for (const request of fake.requests.slice(before)) expect(request.violations, `${request.method} ${request.path}`).toEqual([]);
    await sleep(1_200);
    expect(stalls()).toEqual([]);
  }, 60_000);
});
