/**
 * Hostile input and permissions, end to end: the real bot (started as `npm start` starts it) against the fake
 * Discord. Every query of the hostile list goes through /ask, /search, /timeline and /article's autocomplete; each
 * reply must pass Discord's spec and limits (the fake checks), never ping (allowed_mentions empty, no live mention in
 * the text), never break the formatting (no code fence, bold, spoiler or inline code left open by the echoed query),
 * and say so clearly when the query holds no word to search. Admin commands are refused to members without Manage
 * Server even when Discord delivers the interaction (a server can lower a command's default permission).
 *
 * The 6,000-character query and @everyone on /ask and /search, stale and forged buttons, and cooldowns through
 * buttons are in bot.e2e.
 */
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type InteractionSpec } from '../support/FakeDiscord.js';
import { answerOf, digestCommand, embedOf, interact, textOf, userIds, type Answer } from '../support/interactions.js';
import { startBotProcess, type BotProcess } from '../support/startBotProcess.js';

const TOKEN = 'MTAx.fake.token-for-tests-only';
const newUser = userIds(1300000000000170000n);
const MEMBER = String((1 << 10) | (1 << 11) | (1 << 31)); // view, send, use commands: no Manage Server
const ADMINISTRATOR = String(1 << 3);

/** Queries a user (or a forged client) may send; `empty`: holds no word to search. */
const HOSTILE: ReadonlyArray<{ name: string; text: string; empty?: true }> = [
  { name: '6,000 characters', text: `${'Pourquoi la Russie masse-t-elle des troupes ? '.repeat(130)}`.slice(0, 6_000) },
  { name: 'only stopwords', text: 'le la les de des du et ou mais donc', empty: true },
  { name: 'only punctuation', text: '?!… ;;; ,,, --- ... «»', empty: true },
  { name: 'regex metacharacters', text: '.*+?^$' + String.raw`{}()|[]\ (Russie|OTAN)* [^x] \d+ $1 (?<x>a)\k<x>` },
  { name: 'zero-width and RTL', text: 'Rus\u200bsie \u200f\u202eNATO\u202c \u2066OTAN\u2069 \u200d\ufeffKiev' },
  { name: 'emoji', text: '🇷🇺 Russie 🤝 OTAN 💥 🇺🇦' },
  { name: 'mentions', text: '@everyone @here <@&123456789012345678> <@123456789012345678> <#123456789012345678> Russie' },
  { name: 'markdown', text: '**gras __souligné ~~barré ||spoiler `code Russie # Titre > citation [lien](https://exemple.fr) -# petit' },
  { name: 'code fence', text: '```js\nalert("OTAN")\n``` ``` Russie ```' },
];

let fake: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  fake = await FakeDiscord.start({ token: TOKEN });
  bot = startBotProcess({ apiUrl: fake.apiUrl, token: TOKEN, guildId: fake.guilds[0]?.id ?? '', env: { COOLDOWN_SECONDS: '0' } });
  await bot.untilServing(30_000);
}, 60_000);

afterAll(async () => {
  await bot?.stop('SIGTERM', 5_000).catch(() => undefined);
  await fake?.close();
});

/** Every piece of text of a message body a client renders as markdown. */
function texts(body: Record<string, unknown>): string[] {
  const embeds = (body['embeds'] as APIEmbed[] | undefined) ?? [];
  return [
    typeof body['content'] === 'string' ? body['content'] : '',
    ...embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? '']),
  ];
}

/** Occurrences of `marker` in `text` that markdown reads as markup: a backslash escapes the character after it. */
function unescaped(text: string, marker: string): number {
  let count = 0;
  for (let i = 0; i < text.length; ) {
    if (text[i] === '\\') i += 2;
    else if (text.startsWith(marker, i)) {
      count += 1;
      i += marker.length;
    } else i += 1;
  }
  return count;
}

/** What every reply must be, whatever the query: valid, silent, and well formed. */
function expectSafe(answer: Answer & { id: string }, label: string): void {
  for (const request of fake.interactionResponses(answer.id)) expect(request.violations, `${label}: ${request.method} ${request.path}`).toEqual([]);
  expect(answer.body['allowed_mentions'], label).toEqual({ parse: [] });
  const json = JSON.stringify(answer.body);
  // A mention that would ping or render: @everyone, @here, <@id>, <@!id>, <@&role>, <#channel>.
  expect(json, label).not.toMatch(/@(?:everyone|here)|<@[!&]?\d|<#\d/u);
  for (const text of texts(answer.body)) {
    // The echoed query never opens a code block, and leaves no inline code, bold, strike or spoiler open.
    expect(unescaped(text, '```'), `${label}: ${text.slice(0, 120)}`).toBe(0);
    expect(unescaped(text, '`') % 2, `${label}: inline code left open in ${text.slice(0, 120)}`).toBe(0);
    for (const marker of ['**', '~~', '||', '__']) expect(unescaped(text, marker) % 2, `${label}: ${marker} left open in ${text.slice(0, 120)}`).toBe(0);
  }
}

describe('hostile queries', () => {
  const commands: ReadonlyArray<{ name: string; spec: (text: string) => InteractionSpec }> = [
    { name: '/ask', spec: (text) => fake.command('ask', { question: text }, { user: newUser() }) },
    { name: '/search', spec: (text) => fake.command('search', { query: text }, { user: newUser() }) },
    { name: '/timeline', spec: (text) => fake.command('timeline', { query: text }, { user: newUser() }) },
  ];

  for (const query of HOSTILE) {
    it(`${query.name}: a useful answer or a clear message from each command, safe to show`, async () => {
      for (const command of commands) {
        const label = `${command.name} ${query.name}`;
        const answer = await interact(fake, command.spec(query.text));
        expectSafe(answer, label);
        const embed = embedOf(answer);
        expect(embed.title?.length, label).toBeLessThanOrEqual(256);
        if (query.empty) {
          // Nothing to look for: said privately, in words, rather than "nothing found".
          expect(answer.ephemeral, label).toBe(true);
          expect(textOf(embed), label).toContain('aucun mot à chercher');
        }
      }
      // The autocomplete answers at once with valid choices (possibly none), whatever is typed.
      const { id } = await fake.sendInteraction(fake.autocomplete('article', { id: query.text }, { user: newUser() }));
      await answerOf(fake, id);
      const choices = fake.autocompleteChoices(id) as Array<{ name: string; value: string }>;
      expect(Array.isArray(choices)).toBe(true);
      for (const choice of choices) {
        expect(choice.name.length).toBeGreaterThan(0);
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(choice.value.length).toBeLessThanOrEqual(100);
      }
      for (const request of fake.interactionResponses(id)) expect(request.violations).toEqual([]);
    });
  }

  it('forged buttons carrying hostile queries are answered safely', async () => {
    for (const customId of ['v1:s:0:::@everyone Russie', 'v1:s:0:::<@&123456789012345678>', 'v1:s:0:::```', 'v1:a:0:../../etc/passwd', 'v1:e:0:**']) {
      const answer = await interact(fake, fake.button(customId, undefined, { user: newUser() }));
      expectSafe(answer, customId);
    }
  });

  it('never crashed, never logged an error', () => {
    expect(bot.logs().filter((l) => (l.level ?? 0) >= 50)).toEqual([]);
    expect(bot.child.exitCode).toBeNull();
  });
});

describe('admin commands', () => {
  const channel = (): { name: string; type: number; value: string } => ({ name: 'channel', type: 7, value: fake.guilds[0]?.channelId ?? '' });
  const admin: ReadonlyArray<{ name: string; spec: (permissions: string) => InteractionSpec }> = [
    { name: '/reload', spec: (permissions) => fake.command('reload', {}, { user: newUser(), permissions }) },
    { name: '/digest subscribe', spec: (permissions) => digestCommand(fake, 'subscribe', [channel(), { name: 'time', type: 3, value: '08:00' }], { user: newUser(), permissions }) },
    { name: '/digest unsubscribe', spec: (permissions) => digestCommand(fake, 'unsubscribe', [channel()], { user: newUser(), permissions }) },
    { name: '/digest status', spec: (permissions) => digestCommand(fake, 'status', [], { user: newUser(), permissions }) },
  ];

  it('are refused, privately, to a member without Manage Server, even when Discord delivers them', async () => {
    for (const command of admin) {
      const answer = await interact(fake, command.spec(MEMBER));
      expect(answer.ephemeral, command.name).toBe(true);
      expect(textOf(embedOf(answer)), command.name).toContain('Gérer le serveur');
      // Refused before anything was done: no deferral, one private reply.
      expect(answer.steps, command.name).toEqual(['callback 4']);
    }
    // Nothing was subscribed by the refused attempts.
    const status = await interact(fake, admin[3]?.spec(ADMINISTRATOR) as InteractionSpec);
    expect(textOf(embedOf(status))).toContain('Aucun salon de ce serveur n’est abonné');
  });

  it('are allowed to an Administrator, who has every permission', async () => {
    const reloaded = await interact(fake, admin[0]?.spec(ADMINISTRATOR) as InteractionSpec);
    expect(reloaded.ephemeral).toBe(true);
    expect(textOf(embedOf(reloaded))).not.toContain('Gérer le serveur');
  });

  it('sent only valid bodies, and never printed the token', () => {
    fake.assertNoViolations();
    expect(bot.stdout() + bot.stderr()).not.toContain(TOKEN);
  });
});
