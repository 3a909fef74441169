/**
 * The bot end to end: the real program, started as `npm start` starts it, against a fake Discord on 127.0.0.1.
 * Tests dispatch interactions through the fake's gateway and assert on what the bot sent back over REST — the
 * embeds, buttons, flags and allowed_mentions a user would get — while the fake validates every body against
 * Discord's OpenAPI spec and limits. Faults (dropped gateway, 429, 500) are injected at the fake.
 *
 * One bot process serves most tests (starting costs ~2 s); each test uses its own user ids, so the per-user
 * cooldown (3 searches, then one back every COOLDOWN_SECONDS) never leaks between tests. The last tests stop it
 * and start a second process against the same fake, which proves restarts neither re-register nor break buttons.
 */
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type FakeMessage, type InteractionSpec } from '../support/FakeDiscord.js';
import * as shared from '../support/interactions.js';
import { button, buttonsOf, embedOf, textOf, userIds, type Answer } from '../support/interactions.js';
import { startBotProcess, type BotProcess, type LogLine } from '../support/startBotProcess.js';

const TOKEN = 'MTAx.fake.token-for-tests-only';
/** Long enough that no refill happens during the run: the 4th search is refused with ~this many seconds left. */
const COOLDOWN_SECONDS = 60;
const EPHEMERAL = 64;
const ZWSP = '\u200b';
const ARTICLE_003 = '003_6a0b143d3fa07a1a';
/** An article whose full text takes two pages (5 kB): enough to turn a page. */
const ARTICLE_004 = '004_46021c46bda9bc41';
const SEED_IDS = ['000_a1bf7dc85f2e8757', '001_4b491670c21645f9', '002_b0f18a854f7ce6e7', ARTICLE_003, ARTICLE_004];
const QUESTION = 'Où auront lieu les discussions du 10 janvier ?';
const COMMANDS = ['ask', 'search', 'article', 'timeline', 'digest', 'reload', 'about', 'help'];
/** A question whose terms match many passages: its "More excerpts" spans several pages. */
const BROAD_QUESTION = 'Que demande la Russie à l’OTAN ?';

/** A user nobody else uses: cooldowns are per user. */
const newUser = userIds(1300000000000070000n);

describe('the bot, started as `npm start` starts it, against a fake Discord', () => {
  let fake: FakeDiscord;
  let bot: BotProcess;
  let guildId: string;
  const processes: BotProcess[] = [];

  /** Dispatches an interaction and waits for the bot to complete it; returns what the user sees. */
  const interact = (spec: InteractionSpec): Promise<Answer & { id: string }> => shared.interact(fake, spec);
  const answerOf = (id: string): Promise<Answer> => shared.answerOf(fake, id);

  function click(customId: string, user: { id: string }, extra: { locale?: string; message?: FakeMessage } = {}): InteractionSpec {
    return fake.button(customId, extra.message, { user, ...(extra.locale ? { locale: extra.locale } : {}) });
  }

  function logsOf(id: string): LogLine[] {
    return bot.logs().filter((l) => l['interactionId'] === id);
  }

  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TOKEN });
    guildId = fake.guilds[0]?.id ?? '';
    bot = startBotProcess({ apiUrl: fake.apiUrl, token: TOKEN, guildId, env: { COOLDOWN_SECONDS: String(COOLDOWN_SECONDS) } });
    processes.push(bot);
    await fake.waitForRequest(`PUT /applications/${fake.applicationId}/guilds/${guildId}/commands`, 25_000);
    await bot.waitForLog((l) => l.msg === 'Slash commands registered');
  }, 30_000);

  afterAll(async () => {
    // Normally done by the tests; the safety net when one failed (stop() kills tsx and the bot if need be).
    for (const child of processes) await child.stop('SIGTERM', 5_000).catch(() => undefined);
    await fake.close();
  });

  describe('registration', () => {
    it('registers the 8 commands, localised in French, with one bulk PUT after reading Discord’s copy', () => {
      const commandRequests = fake.requests.filter((r) => r.path.endsWith('/commands'));
      expect(commandRequests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
        `GET /applications/${fake.applicationId}/guilds/${guildId}/commands 200`,
        `PUT /applications/${fake.applicationId}/guilds/${guildId}/commands 200`,
      ]);
      const body = commandRequests[1]?.body as Array<Record<string, unknown>>;
      expect(body.map((c) => c['name'])).toEqual(COMMANDS);
      for (const command of body) {
        expect(command['name_localizations']).toEqual({ fr: expect.any(String) });
        expect(command['description_localizations']).toEqual({ fr: expect.any(String) });
        for (const option of (command['options'] as Array<Record<string, unknown>> | undefined) ?? []) {
          expect(option['name_localizations'], `${String(command['name'])}.${String(option['name'])}`).toEqual({ fr: expect.any(String) });
          expect(option['description_localizations']).toEqual({ fr: expect.any(String) });
        }
      }
      expect(body.find((c) => c['name'] === 'ask')?.['name_localizations']).toEqual({ fr: 'demander' });
      expect(fake.commands(guildId).map((c) => c['name'])).toEqual(COMMANDS);
      // Only /reload is hidden from members without Manage Server; /digest's admin subcommands are checked when run.
      expect(body.filter((c) => c['default_member_permissions'] !== undefined).map((c) => [c['name'], c['default_member_permissions']])).toEqual([['reload', '32']]);
      expect(commandRequests.flatMap((r) => r.violations)).toEqual([]);
    });
  });

  describe('/ask', () => {
    it('defers, then edits in the quoted answer with its citation and two buttons (French)', async () => {
      const answer = await interact(fake.command('ask', { question: QUESTION }, { user: newUser() }));
      // Searching may take a moment: the bot acknowledges at once, then edits the placeholder.
      expect(answer.steps).toEqual(['callback 5', 'PATCH @original']);
      expect(answer.ephemeral).toBe(false);
      expect(answer.body['allowed_mentions']).toEqual({ parse: [] });
      const embed = embedOf(answer);
      expect(embed.title).toBe(QUESTION);
      // The answering sentence, quoted, then where it comes from: title, date, paragraph and id.
      expect(embed.description).toMatch(/^> .*10 janvier/u);
      expect(embed.description).toMatch(
        /\n— \*Crise en Ukraine : des pourparlers entre la Russie et les Etats-Unis se tiendront en janvier\* \(2021-12\) · §\d+ · `003_6a0b143d3fa07a1a`$/u,
      );
      expect(embed.description).toContain('**'); // the answer span is highlighted
      expect(buttonsOf(answer).map((b) => b.label)).toEqual(['Ouvrir l’article', 'Plus d’extraits']);
      expect(button(answer, 'Ouvrir l’article').customId).toBe(`v1:a:0:${ARTICLE_003}`);
      for (const b of buttonsOf(answer)) expect(b.customId.length).toBeLessThanOrEqual(100);
      // What the channel shows is what was sent.
      expect(fake.originalResponse(answer.id)?.embeds).toEqual([expect.objectContaining({ title: QUESTION })]);
    });

    it('answers in English for an English client, and privately with hide: true', async () => {
      const english = await interact(fake.command('ask', { question: QUESTION }, { user: newUser(), locale: 'en-US' }));
      expect(buttonsOf(english).map((b) => b.label)).toEqual(['Open article', 'More excerpts']);
      expect(english.ephemeral).toBe(false);

      const hidden = await interact(fake.command('ask', { question: QUESTION, hide: true }, { user: newUser() }));
      expect(hidden.steps).toEqual(['callback 5', 'PATCH @original']);
      expect(hidden.ephemeral).toBe(true);
      expect(fake.originalResponse(hidden.id)?.flags).toBe(EPHEMERAL);
      expect(embedOf(hidden).description).toContain(ARTICLE_003);
    });
  });

  describe('buttons', () => {
    it('"Open article" replaces the answer with the article’s summary; "read the full text" shows page 1', async () => {
      const user = newUser();
      const asked = await interact(fake.command('ask', { question: QUESTION }, { user }));
      const message = fake.originalResponse(asked.id);
      const opened = await interact(click(button(asked, 'Ouvrir l’article').customId, user));
      // The click is acknowledged with an update, and the same message now shows the article.
      expect(opened.steps).toEqual(['callback 6', 'PATCH @original']);
      expect(opened.ephemeral).toBe(false);
      const summary = embedOf(opened);
      expect(summary.title).toBe('Crise en Ukraine : des pourparlers entre la Russie et les Etats-Unis se tiendront en janvier');
      expect(summary.description).toMatch(/^Résumé\n\n> /u);
      expect(summary.description).toContain(`\`${ARTICLE_003}\``);
      expect(summary.footer?.text).toBe(`${ARTICLE_003} · 2021-12 · 1/2`);
      expect(summary.fields?.[0]?.name).toMatch(/^Premier extrait \(§\d+\)$/u);
      expect(fake.message(message?.id ?? '')?.embeds).toEqual([expect.objectContaining({ title: summary.title })]);

      const page1 = await interact(click(button(opened, 'Lire le texte intégral').customId, user));
      const text = embedOf(page1);
      expect(text.description).toMatch(/^Texte intégral, page 1\/1\n\n\*\*§1\*\*\n/u);
      // The text as written, each paragraph under its number (the title, date and id are the embed's own).
      expect(text.description).toContain('\n\n**§2**\nCes discussions, qui débuteront le 10 janvier, visent à permettre une désescalade');
      expect(text.description).not.toContain('…');
      expect(text.footer?.text).toBe(`${ARTICLE_003} · 2021-12 · 2/2`);
      expect(buttonsOf(page1)).toEqual([
        { label: 'Résumé', customId: `v1:a:0:${ARTICLE_003}`, disabled: false },
        { label: 'Suivant', customId: `v1:a:1:${ARTICLE_003}`, disabled: true },
      ]);
    });

    it('turns the pages of a two-page article with ▶, the last ▶ disabled', async () => {
      const user = newUser();
      const summary = await interact(fake.command('article', { id: ARTICLE_004 }, { user }));
      expect(summary.steps).toEqual(['callback 5', 'PATCH @original']);
      expect(embedOf(summary).footer?.text).toBe(`${ARTICLE_004} · 2021-12 · 1/3`);
      const page1 = await interact(click(button(summary, 'Lire le texte intégral').customId, user));
      expect(embedOf(page1).description).toMatch(/^Texte intégral, page 1\/2\n\n/u);
      const next = button(page1, 'Suivant');
      expect(next).toEqual({ label: 'Suivant', customId: `v1:a:2:${ARTICLE_004}`, disabled: false });
      const page2 = await interact(click(next.customId, user));
      expect(embedOf(page2).description).toMatch(/^Texte intégral, page 2\/2\n\n/u);
      expect(embedOf(page2).footer?.text).toBe(`${ARTICLE_004} · 2021-12 · 3/3`);
      expect(button(page2, 'Précédent')).toMatchObject({ customId: `v1:a:1:${ARTICLE_004}`, disabled: false });
      expect(button(page2, 'Suivant').disabled).toBe(true);
      // Page 2 goes on where page 1 stopped: no paragraph is shown twice, none is shortened.
      const body = (answer: Answer): string[] => (embedOf(answer).description ?? '').split('\n\n').slice(1);
      expect(body(page2).filter((p) => body(page1).includes(p))).toEqual([]);
      for (const page of [page1, page2]) expect(embedOf(page).description).not.toContain('…');
    });

    it('"More excerpts" lists the passages 5 a page, and ▶ shows the next five', async () => {
      const user = newUser();
      const asked = await interact(fake.command('ask', { question: BROAD_QUESTION }, { user }));
      const excerpts = await interact(click(button(asked, 'Plus d’extraits').customId, user));
      const first = embedOf(excerpts);
      expect(first.title).toBe('Autres extraits');
      expect(first.description).toMatch(/^\d+ extraits trouvés\n\n/u);
      // Numbered headings, bold, their dot escaped so that Discord does not read a list.
      const headings = (embed: APIEmbed): string[] => [...(embed.description ?? '').matchAll(/^\*\*(\d+)\\\. /gmu)].map((m) => m[1] ?? '');
      expect(headings(first)).toEqual(['1', '2', '3', '4', '5']);
      // Every excerpt is a quote with its citation.
      expect((first.description ?? '').match(/^— \*.*\* \(\d{4}-\d{2}(?:-\d{2})?\) · §\d+ · `\d{3}_[0-9a-f]{16}`$/gmu)).toHaveLength(5);
      expect(first.footer?.text).toMatch(/^1\/\d+$/u);
      expect(button(excerpts, 'Précédent').disabled).toBe(true);

      const second = await interact(click(button(excerpts, 'Suivant').customId, user));
      expect(headings(embedOf(second))).toEqual(['6', '7', '8', '9', '10']);
      expect(embedOf(second).footer?.text).toMatch(/^2\/\d+$/u);
      expect(button(second, 'Précédent').disabled).toBe(false);
    });
  });

  describe('/search', () => {
    it('finds the articles about Russia within the dates given, each with a cited, highlighted excerpt', async () => {
      const answer = await interact(fake.command('search', { query: 'Russie', from: '2021-12', to: '2021-12-31' }, { user: newUser() }));
      expect(answer.steps).toEqual(['callback 5', 'PATCH @original']);
      const embed = embedOf(answer);
      expect(embed.title).toBe('Recherche : Russie');
      expect(embed.description).toMatch(/^2 articles trouvés\n\n/u);
      const cited = [...(embed.description ?? '').matchAll(/ \((\d{4}-\d{2})\) · §\d+ · `([^`]+)`$/gmu)].map((m) => [m[1], m[2]]);
      // Only the December 2021 articles, each once.
      expect(cited.map(([date]) => date)).toEqual(['2021-12', '2021-12']);
      expect(new Set(cited.map(([, id]) => id))).toEqual(new Set([ARTICLE_003, ARTICLE_004]));
      expect(embed.description).toMatch(/\*\*russ\w*\*\*/iu); // the query's words, stemmed, in bold
      expect(buttonsOf(answer).map((b) => b.label)).toEqual(['1', '2']);
    });

    it('refuses a bad date privately, naming the option as the user sees it', async () => {
      // Dates are read as users type them ("10 janvier", "hier"): only what is no date at all is refused.
      const french = await interact(fake.command('search', { query: 'Russie', from: 'la semaine des quatre jeudis' }, { user: newUser() }));
      expect(french.steps).toEqual(['callback 4']);
      expect(french.ephemeral).toBe(true);
      expect(embedOf(french).description).toContain('« la semaine des quatre jeudis » n’est pas une date pour du');
      const english = await interact(fake.command('search', { query: 'Russie', to: '2022-13' }, { user: newUser(), locale: 'en-GB' }));
      expect(english.ephemeral).toBe(true);
      expect(embedOf(english).description).toContain('“2022-13” is not a date for to');
    });
  });

  describe('/article', () => {
    it('autocompletes on titles, typos included, with at most 25 choices whose values are ids', async () => {
      // The last one is forged (the option allows 200 characters): it is looked up as its first 200.
      for (const typed of ['pourparler', 'pourparlrs', '', `pourparlers ${'Genève '.repeat(900)}`]) {
        const { id } = await fake.sendInteraction(fake.autocomplete('article', { id: typed }, { user: newUser() }));
        const answer = await answerOf(id);
        expect(answer.steps).toEqual(['callback 8']);
        const choices = fake.autocompleteChoices(id) as Array<{ name: string; value: string }>;
        expect(choices.length).toBeGreaterThan(0);
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const choice of choices) {
          expect(choice.name.length).toBeLessThanOrEqual(100);
          expect(SEED_IDS).toContain(choice.value);
        }
        if (typed !== '') expect(choices[0]?.value, typed).toBe(ARTICLE_003);
      }
    });

    it('answers an unknown id privately, with the closest titles and a button to each', async () => {
      const answer = await interact(fake.command('article', { id: 'pourparlers janvier' }, { user: newUser() }));
      expect(answer.steps).toEqual(['callback 4']);
      expect(answer.ephemeral).toBe(true);
      const embed = embedOf(answer);
      expect(embed.title).toBe('Je ne connais pas d’article « pourparlers janvier ».');
      expect(embed.description).toContain('Vouliez-vous dire :');
      expect(embed.description).toContain('Crise en Ukraine : des pourparlers');
      expect(buttonsOf(answer)[0]?.customId).toBe(`v1:a:0:${ARTICLE_003}`);
    });

    it('answers an autocomplete that fails with an empty list and logs it', async () => {
      // No focused option: discord.js's getFocused() throws inside the command's autocomplete handler.
      const spec = fake.autocomplete('article', { id: 'otan' }, { user: newUser() });
      for (const option of spec.data['options'] as Array<Record<string, unknown>>) delete option['focused'];
      const { id } = await fake.sendInteraction(spec);
      await answerOf(id);
      expect(fake.autocompleteChoices(id)).toEqual([]);
      await bot.waitForLog((l) => l['interactionId'] === id && l.msg === 'autocomplete failed');
      expect(logsOf(id)[0]).toMatchObject({ level: 50, command: 'article' });
    });
  });

  describe('/about and /help', () => {
    it('/about tells how many articles, which dates, which version', async () => {
      const answer = await interact(fake.command('about', {}, { user: newUser() }));
      expect(answer.steps).toEqual(['callback 4']);
      expect(embedOf(answer).fields).toEqual([
        { name: 'Articles', value: '5' },
        { name: 'Période couverte', value: '2021-12 → 2022-01' },
        { name: 'Version', value: expect.stringMatching(/^\d+\\?\.\d+\.\d+/u) }, // markdown: `0\.1.0` shows 0.1.0
      ]);
    });

    it('/help lists every command as the user types it in Discord, with an example', async () => {
      const french = await interact(fake.command('help', {}, { user: newUser() }));
      expect(french.ephemeral).toBe(true);
      const fields = embedOf(french).fields ?? [];
      const names = fields.map((f) => f.name.split(' ')[0]);
      expect(names).toEqual(['/demander', '/chercher', '/article', '/chronologie', '/point', '/point', '/point', '/point', '/recharger', '/a-propos', '/aide']);
      expect(fields.filter((f) => f.name.startsWith('/point')).map((f) => f.name.split(' ')[1])).toEqual(['voir', 'abonner', 'desabonner', 'etat']);
      for (const field of fields) expect(field.value.length).toBeGreaterThan(0);
      // Options are shown with the names the client shows (du:, au:), not a console's --from.
      expect(textOf(embedOf(french))).not.toContain('--from');
      expect(fields[1]).toEqual({
        name: '/chercher <requete> [du] [au] [masquer]',
        value: 'Cherchez des articles : extraits surlignés, 5 par page\n/chercher requete: pourparlers Genève du: 2022-01',
      });
      const english = await interact(fake.command('help', {}, { user: newUser(), locale: 'en-US' }));
      expect((embedOf(english).fields ?? []).map((f) => f.name.split(' ').slice(0, 2).join(' ').replace(/ [<[].*$/u, ''))).toEqual([
        '/ask',
        '/search',
        '/article',
        '/timeline',
        '/digest show',
        '/digest subscribe',
        '/digest unsubscribe',
        '/digest status',
        '/reload',
        '/about',
        '/help',
      ]);
    });
  });

  describe('the error boundary', () => {
    it('answers an unknown command privately', async () => {
      const answer = await interact(fake.command('horoscope', {}, { user: newUser() }));
      expect(answer.steps).toEqual(['callback 4']);
      expect(answer.ephemeral).toBe(true);
      expect(embedOf(answer).description).toContain('Commande inconnue');
    });

    it('answers a command that throws privately, logs it with the command and ids, and keeps serving', async () => {
      const user = newUser();
      // Sent without its required option, as a forged or outdated client could: discord.js throws in the handler.
      const { id } = await fake.sendInteraction(fake.command('search', {}, { user }));
      const answer = await answerOf(id);
      expect(answer.ephemeral).toBe(true);
      expect(embedOf(answer).title).toBe('Impossible');
      expect(embedOf(answer).description).toContain('Une erreur inattendue est survenue');
      // Nothing public is left behind: the "is thinking…" placeholder was removed.
      expect(fake.originalResponse(id)).toBeUndefined();
      const logged = await bot.waitForLog((l) => l['interactionId'] === id && l.msg === 'command failed');
      expect(logged).toMatchObject({ level: 50, command: 'search', userId: user.id, guildId });
      expect(JSON.stringify(logged['err'])).toContain('query');

      const next = await interact(fake.command('about', {}, { user }));
      expect(embedOf(next).title).toBe('Veille — à propos');
    });

    it('explains stale and forged buttons privately', async () => {
      const user = newUser();
      const outdated = await interact(click(`v0:a:0:${ARTICLE_003}`, user));
      expect(outdated.ephemeral).toBe(true);
      expect(embedOf(outdated).description).toContain('ancienne version du bot');
      const garbage = await interact(click('garbage', user));
      expect(garbage.ephemeral).toBe(true);
      expect(embedOf(garbage).description).toContain('Ce bouton ne correspond plus');
      const missing = await interact(click('v1:a:0:no_such_article', user));
      expect(missing.ephemeral).toBe(true);
      expect(embedOf(missing).title).toBe('Je ne connais pas d’article « no\\_such\\_article ».');
      const beyond = await interact(click('v1:s:40:::Russie', user));
      expect(beyond.ephemeral).toBe(true);
      expect(embedOf(beyond).description).toContain('Cette page n’existe plus');
      // The message the stale button was on is left as it was.
      for (const answer of [outdated, garbage, missing, beyond]) expect(answer.steps.some((s) => s.startsWith('PATCH'))).toBe(false);
    });
  });

  describe('hostile input', () => {
    const huge = `${'Pourquoi la Russie masse-t-elle des troupes près de l’Ukraine et que répond l’OTAN ? '.repeat(70)}${'x'.repeat(400)}`.slice(0, 6000);

    it('answers a 6000-character /ask and /search within Discord’s limits', async () => {
      expect(huge).toHaveLength(6000);
      for (const name of ['ask', 'search']) {
        const answer = await interact(fake.command(name, name === 'ask' ? { question: huge } : { query: huge }, { user: newUser() }));
        const embed = embedOf(answer);
        expect(embed.title?.length).toBeLessThanOrEqual(256);
        // Shortened visibly: the question with an ellipsis; the search says its query was shortened for the buttons.
        if (name === 'ask') expect(embed.title).toMatch(/ …$|\w…$/u);
        else expect(embed.footer?.text).toContain('Requête raccourcie pour tenir dans les boutons.');
        for (const b of buttonsOf(answer)) expect(b.customId.length).toBeLessThanOrEqual(100);
        expect(fake.interactionResponses(answer.id).flatMap((r) => r.violations)).toEqual([]);
      }
    });

    it('never pings: allowed_mentions is empty and the echoed query is escaped', async () => {
      const query = '@everyone <@&123456789012345678> @here Russie **gras**';
      for (const spec of [
        fake.command('search', { query }, { user: newUser() }),
        fake.command('ask', { question: `${query} ?` }, { user: newUser() }),
      ]) {
        const answer = await interact(spec);
        expect(answer.body['allowed_mentions']).toEqual({ parse: [] });
        const title = embedOf(answer).title ?? '';
        expect(title).toContain(`@${ZWSP}everyone <${ZWSP}@&123456789012345678> @${ZWSP}here Russie \\*\\*gras\\*\\*`);
        expect(JSON.stringify(answer.body)).not.toMatch(/@everyone|@here|<@&/u);
      }
    });
  });

  describe('cooldown', () => {
    it('refuses the 4th /ask in a row privately, with the seconds left', async () => {
      const user = newUser();
      for (let i = 0; i < 3; i++) expect((await interact(fake.command('ask', { question: QUESTION }, { user }))).ephemeral).toBe(false);
      const refused = await interact(fake.command('ask', { question: QUESTION }, { user }));
      expect(refused.steps).toEqual(['callback 4']);
      expect(refused.ephemeral).toBe(true);
      const seconds = Number(/réessayez dans (\d+) s\./u.exec(embedOf(refused).description ?? '')?.[1]);
      expect(seconds).toBeGreaterThan(COOLDOWN_SECONDS - 15);
      expect(seconds).toBeLessThanOrEqual(COOLDOWN_SECONDS);
      // Another user is not affected.
      expect((await interact(fake.command('ask', { question: QUESTION }, { user: newUser() }))).ephemeral).toBe(false);
    });

    it('counts the search buttons too, but not opening an article', async () => {
      const user = newUser();
      const asked = await interact(fake.command('ask', { question: BROAD_QUESTION }, { user }));
      const excerpts = await interact(click(button(asked, 'Plus d’extraits').customId, user));
      const page2 = await interact(click(button(excerpts, 'Suivant').customId, user));
      const refused = await interact(click(button(page2, 'Suivant').customId, user));
      expect(refused.ephemeral).toBe(true);
      expect(embedOf(refused).description).toMatch(/^Doucement : réessayez dans \d+ s\.$/u);
      const opened = await interact(click(button(asked, 'Ouvrir l’article').customId, user));
      expect(opened.ephemeral).toBe(false);
      expect(embedOf(opened).description).toMatch(/^Résumé/u);
    });
  });

  describe('faults', () => {
    it('resumes after the gateway drops and answers what was sent meanwhile', async () => {
      const since = Date.now();
      await fake.dropGateway();
      const answer = await interact(fake.command('about', {}, { user: newUser() }));
      expect(embedOf(answer).title).toBe('Veille — à propos');
      await fake.waitForGateway((e) => e.at >= since && e.note === 'resumed');
      expect(fake.gatewayLog.filter((e) => e.at >= since && e.note === 'IDENTIFY')).toEqual([]);
      await bot.waitForLog((l) => l.msg === 'Gateway resumed');
      const after = await interact(fake.command('help', {}, { user: newUser() }));
      expect(after.ephemeral).toBe(true);
    });

    it('retries an interaction callback answered 429 after retry-after, and the reply lands', async () => {
      fake.failNext('POST /interactions/*/*/callback', { status: 429, retryAfter: 1 });
      const answer = await interact(fake.command('about', {}, { user: newUser() }));
      const attempts = fake.interactionResponses(answer.id);
      expect(attempts.map((r) => r.status)).toEqual([429, 204]);
      expect((attempts[1]?.receivedAt ?? 0) - (attempts[0]?.receivedAt ?? 0)).toBeGreaterThanOrEqual(1000);
      expect(fake.originalResponse(answer.id)?.embeds).toEqual([expect.objectContaining({ title: 'Veille — à propos' })]);
      const logged = await bot.waitForLog((l) => l.msg === 'Rate limited by Discord (429); retrying');
      expect(logged).toMatchObject({ level: 40, route: '/interactions/:id/:token/callback', retryAfter: '1' });
    });

    it('logs a 500 on the edit of a reply and carries on', async () => {
      const user = newUser();
      // discord.js retries a 5xx three times: fail all four attempts.
      fake.failNext('PATCH /webhooks/*/*/messages/@original', { status: 500, times: 4 });
      const { id, token } = await fake.sendInteraction(fake.command('ask', { question: QUESTION }, { user }));
      const answer = await answerOf(id);
      expect(fake.interactionResponses(id).filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([500, 500, 500, 500]);
      // The user is told privately; the log says which command failed and why.
      expect(answer.ephemeral).toBe(true);
      const logged = await bot.waitForLog((l) => l['interactionId'] === id && l.msg === 'command failed');
      expect(logged).toMatchObject({ command: 'ask', userId: user.id });
      expect(logged['err']).toMatchObject({ status: 500, method: 'PATCH', url: expect.stringContaining('/webhooks/1300000000000000001/:token/messages/') });
      // The interaction's token (it lets anyone post as the bot for 15 minutes) is not in the logs, nor the reply sent.
      expect(bot.stderr()).not.toContain(token.slice(token.indexOf(':') + 1));
      expect(logged['err']).not.toHaveProperty('requestBody');
      const next = await interact(fake.command('ask', { question: QUESTION }, { user }));
      expect(embedOf(next).description).toContain(ARTICLE_003);
    });
  });

  describe('shutdown and restart', () => {
    let lastAnswerButton: string;

    it('exits with code 0 soon after SIGTERM, saying it stopped', async () => {
      const asked = await interact(fake.command('ask', { question: QUESTION }, { user: newUser() }));
      lastAnswerButton = button(asked, 'Ouvrir l’article').customId;
      // stop() fails the test if the bot is still running 5 s after the signal.
      const exit = await bot.stop('SIGTERM', 5_000);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(bot.logs().map((l) => l.msg)).toEqual(expect.arrayContaining(['Shutting down: finishing the interactions in flight', 'Stopped cleanly']));
      expect(bot.logs().filter((l) => (l.level ?? 0) >= 50)).toEqual([
        expect.objectContaining({ msg: 'autocomplete failed' }),
        expect.objectContaining({ msg: 'command failed', command: 'search' }),
        expect.objectContaining({ msg: 'command failed', command: 'ask' }),
      ]);
    });

    it('a second start finds its commands registered (GET, no PUT), and old buttons still work; SIGINT stops it', async () => {
      const mark = fake.requests.length;
      const second = startBotProcess({ apiUrl: fake.apiUrl, token: TOKEN, guildId, env: { COOLDOWN_SECONDS: String(COOLDOWN_SECONDS) } });
      processes.push(second);
      await second.waitForLog((l) => l.msg === 'Slash commands up to date', 25_000);
      const commandRequests = fake.requests.slice(mark).filter((r) => r.path.endsWith('/commands'));
      expect(commandRequests.map((r) => r.method)).toEqual(['GET']);

      // A button sent by the first process is served by the second: its state is all in the custom_id.
      const opened = await interact(click(lastAnswerButton, newUser()));
      expect(embedOf(opened).footer?.text).toBe(`${ARTICLE_003} · 2021-12 · 1/2`);

      const exit = await second.stop('SIGINT', 5_000);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(second.logs()).toEqual(expect.arrayContaining([expect.objectContaining({ msg: 'Stopped cleanly' })]));
      expect(second.logs().find((l) => l['signal'] !== undefined)?.['signal']).toBe('SIGINT');
    }, 30_000);

    it('exits cleanly on SIGTERM while Discord cannot be reached, instead of retrying forever', async () => {
      const third = startBotProcess({ apiUrl: fake.apiUrl, token: TOKEN, guildId });
      processes.push(third);
      await third.waitForLog((l) => l.msg === 'Slash commands up to date', 25_000);
      const requests = fake.requests.length;
      await fake.close(); // Discord is gone: the gateway keeps failing to reconnect
      await third.waitForLog((l) => l.msg === 'Gateway reconnecting');
      const exit = await third.stop('SIGTERM', 5_000);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(third.logs().at(-1)?.msg).toBe('Stopped cleanly');
      expect(fake.requests.length).toBe(requests);
    }, 30_000);

    it('retries with backoff while Discord is unreachable at start-up, and a signal still stops it cleanly', async () => {
      // Nothing listens on port 9 of the loopback: every login attempt is refused at once.
      const offline = startBotProcess({ apiUrl: 'http://127.0.0.1:9/api', token: TOKEN });
      processes.push(offline);
      const first = await offline.waitForLog((l) => String(l.msg).startsWith('Cannot reach Discord; retrying in 1 s'), 15_000);
      expect(first['attempt']).toBe(1);
      await offline.waitForLog((l) => String(l.msg).startsWith('Cannot reach Discord; retrying in 2 s'), 15_000);
      const exit = await offline.stop('SIGTERM', 5_000);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(offline.logs().at(-1)?.msg).toBe('Stopped cleanly');
    }, 30_000);

    it('stops at once with code 1 and a clear message when Discord refuses the token', async () => {
      const strict = await FakeDiscord.start({ token: 'MTAy.another.token-for-tests-only' });
      try {
        const refused = startBotProcess({ apiUrl: strict.apiUrl, token: TOKEN });
        processes.push(refused);
        const exit = await refused.exited;
        expect(exit.code).toBe(1);
        expect(refused.logs().some((l) => String(l.msg).includes('Discord refused the token'))).toBe(true);
        expect(refused.logs().some((l) => String(l.msg).startsWith('Cannot reach Discord'))).toBe(false);
      } finally {
        await strict.close();
      }
    }, 30_000);

    it('sent only valid bodies, and never printed the token', () => {
      fake.assertNoViolations();
      expect(fake.requests.length).toBeGreaterThan(50);
      for (const child of processes) {
        expect(child.stdout()).not.toContain(TOKEN);
        expect(child.stderr()).not.toContain(TOKEN);
        expect(child.stderr()).not.toContain(TOKEN.split('.')[2]);
      }
    });
  });
});
