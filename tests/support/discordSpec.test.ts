/**
 * The payload checks FakeDiscord relies on: the trimmed spec is complete, the spec adaptations accept what
 * discord.js really sends, and each documented limit is reported once, in words that point at the field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLimitIssues, checkLimits, findOperation, limitKindFor, normalisePath, validateRequest, validateResponse } from './discordSpec.js';
import { KEPT_OPERATIONS, trimSpec } from './trimDiscordSpec.js';

const none = { parse: [] };
const callback = '/api/v10/interactions/1300000000000000500/aW50ZXJhY3Rpb246dG9rZW4/callback?with_response=false';
const button = (customId: string, label = 'Suivant') => ({ type: 2, style: 2, custom_id: customId, label });
const row = (...components: unknown[]) => ({ type: 1, components });

describe('the trimmed spec fixture', () => {
  type Spec = Parameters<typeof trimSpec>[0];
  const fixture = JSON.parse(readFileSync(new URL('../fixtures/discord-openapi.json', import.meta.url), 'utf8')) as Spec;
  const names = (spec: Spec): Record<string, string[]> =>
    Object.fromEntries(Object.entries(spec['components'] as Record<string, object>).map(([kind, entries]) => [kind, Object.keys(entries).sort()]));

  it('holds every kept operation and exactly the components they reference', () => {
    // Trimming the fixture again must reproduce it: nothing referenced is missing, nothing unreferenced is kept.
    expect(names(trimSpec(fixture))).toEqual(names(fixture));
    expect(Object.keys(names(fixture))).toEqual(['headers', 'responses', 'schemas']);
    for (const [path, methods] of Object.entries(KEPT_OPERATIONS)) {
      for (const method of methods) expect(findOperation(method, path)?.template).toBe(path);
    }
  });

  it('keeps Discord’s licence notice next to it', () => {
    const licence = readFileSync(new URL('../fixtures/discord-openapi.LICENSE', import.meta.url), 'utf8');
    expect(licence).toContain('MIT License');
    expect(licence).toContain('Copyright 2023 Discord');
  });
});

describe('validateRequest', () => {
  it('accepts a reply exactly as discord.js 14 sends it', () => {
    const body = { type: 4, data: { content: 'pong', tts: false, enforce_nonce: false, allowed_mentions: none, flags: 64 } };
    expect(validateRequest('POST', callback, body)).toEqual([]);
  });

  it('names the field that breaks the spec, once', () => {
    expect(validateRequest('POST', callback, { type: 4, data: { content: 'x'.repeat(2001), allowed_mentions: none } })).toEqual([
      '/data/content must NOT have more than 2000 characters',
    ]);
    // Tagged unions are checked against the branch their `type` selects, not every branch.
    const tooLong = { type: 7, data: { components: [row(button('a', 'x'.repeat(81)))] } };
    expect(validateRequest('POST', callback, tooLong)).toEqual(['/data/components/0/components/0/label must NOT have more than 80 characters']);
    expect(validateRequest('POST', callback, { type: 3 })).toEqual(['/type must be one of [8,4,5,12,9,1,13,6,7]']);
  });

  it('takes integers as numeric strings and attachment placeholders as numbers, as Discord documents', () => {
    const commands = [{ name: 'cherche', description: 'Cherche', default_member_permissions: '2048', type: '1' }];
    expect(validateRequest('PUT', '/applications/1300000000000000001/commands', commands)).toEqual([]);
    const withFile = { content: 'pièce jointe', attachments: [{ id: 0, filename: 'note.txt' }], allowed_mentions: none };
    expect(validateRequest('POST', '/channels/1300000000000000200/messages', withFile)).toEqual([]);
  });

  it('checks path and query parameters', () => {
    expect(validateRequest('POST', '/channels/undefined/messages', { content: 'a' })).toEqual([
      'path parameter channel_id: must match pattern "^(0|[1-9][0-9]*)$"',
    ]);
    expect(validateRequest('POST', '/webhooks/1/token?wait=true&wiat=true', { content: 'a' })).toEqual(['unknown query parameter wiat']);
    expect(validateRequest('POST', '/webhooks/1/token?wait=yes', { content: 'a' })).toEqual(['query parameter wait: must be boolean']);
  });

  it('flags routes that are not Discord’s and bodies on routes that take none', () => {
    expect(validateRequest('GET', '/api/v10/users/@me', undefined)).toEqual([]);
    expect(validateRequest('GET', '/users/@me', { x: 1 })).toEqual(['GET /users/@me takes no body']);
    expect(validateRequest('POST', '/guilds/1/bans', {})).toEqual([
      "POST /guilds/1/bans is not an operation of Discord's API (in the trimmed spec)",
    ]);
    expect(validateRequest('POST', callback, undefined)).toEqual(['(body) is required']);
  });
});

describe('validateResponse', () => {
  it('requires the fields Discord always returns', () => {
    expect(validateResponse('GET', '/users/@me', 200, { id: '1', username: 'a' })).toContain('(body) is missing required property discriminator');
    expect(validateResponse('POST', callback, 204, undefined)).toEqual([]);
    expect(validateResponse('POST', callback, 404, { message: 'Unknown interaction', code: 10062 })).toEqual([]);
  });
});

describe('normalisePath and limitKindFor', () => {
  it('strip origin, version and query, and classify bodies by route', () => {
    expect(normalisePath('http://127.0.0.1:1/api/v10/users/@me?x=1')).toMatchObject({ route: '/users/@me', version: 10 });
    expect(limitKindFor('POST', callback)).toBe('interaction-callback');
    expect(limitKindFor('POST', '/webhooks/1/t')).toBe('message-create');
    expect(limitKindFor('PATCH', '/webhooks/1/t/messages/@original')).toBe('message-edit');
    expect(limitKindFor('PUT', '/applications/1/guilds/2/commands')).toBe('commands');
    expect(limitKindFor('GET', '/gateway/bot')).toBeUndefined();
  });
});

describe('checkLimits', () => {
  it('passes a well-formed message', () => {
    const body = { content: 'Résumé', embeds: [{ title: 'Titre', description: 'Texte', fields: [{ name: 'Source', value: 'Le Monde' }] }], components: [row(button('p:2'))], allowed_mentions: none };
    expect(checkLimits(body, 'message-create')).toEqual([]);
  });

  it('counts characters as Discord does: code points, 2000 for content', () => {
    expect(checkLimits({ content: '😀'.repeat(2000), allowed_mentions: none }, 'message-create')).toEqual([]);
    expect(checkLimits({ content: 'é'.repeat(2001), allowed_mentions: none }, 'message-create')).toEqual(['content has 2001 characters (max 2000)']);
  });

  it('enforces embed limits, including the 6000-character total the spec does not know', () => {
    const long = { description: 'd'.repeat(4000) };
    expect(checkLimits({ embeds: [long, long], allowed_mentions: none }, 'message-create')).toEqual(['embeds have 8000 characters together (max 6000)']);
    const fields = Array.from({ length: 26 }, (_, i) => ({ name: `n${i}`, value: 'v' }));
    expect(checkLimits({ embeds: [{ title: 't'.repeat(257), fields, footer: { text: 'f'.repeat(2049) } }], allowed_mentions: none }, 'message-create')).toEqual([
      'embeds[0].title has 257 characters (max 256)',
      'embeds[0].fields has 26 fields (max 25)',
      'embeds[0].footer.text has 2049 characters (max 2048)',
    ]);
    expect(checkLimits({ embeds: [{ fields: [{ name: 'Source', value: '' }] }], allowed_mentions: none }, 'message-create')).toEqual([
      'embeds[0].fields[0].value has 0 characters (min 1)',
    ]);
    expect(checkLimits({ embeds: Array.from({ length: 11 }, () => ({ title: 't' })), allowed_mentions: none }, 'message-create')).toEqual([
      'embeds has 11 embeds (max 10)',
    ]);
  });

  it('enforces component limits: 5 rows, 5 buttons, labels, custom_id length and uniqueness', () => {
    const six = Array.from({ length: 6 }, (_, i) => row(button(`r${i}`)));
    expect(checkLimits({ components: six, allowed_mentions: none }, 'message-create')).toEqual(['components has 6 action rows (max 5)']);
    const crowded = row(...Array.from({ length: 6 }, (_, i) => button(`b${i}`)));
    expect(checkLimits({ components: [crowded], allowed_mentions: none }, 'message-create')).toEqual(['components[0] has 6 buttons (max 5)']);
    const bad = [row(button('same', 'l'.repeat(81)), button('same')), row(button('c'.repeat(101)))];
    expect(checkLimits({ components: bad, allowed_mentions: none }, 'message-create')).toEqual([
      'components[0].components[0].label has 81 characters (max 80)',
      'components[1].components[0].custom_id has 101 characters (max 100)',
      'components reuse custom_id ["same"] (must be unique)',
    ]);
    // With IS_COMPONENTS_V2 the layout rules change; uniqueness still holds.
    const v2 = { flags: 1 << 15, components: Array.from({ length: 7 }, (_, i) => ({ type: 10, content: `t${i}` })), allowed_mentions: none };
    expect(checkLimits(v2, 'message-create')).toEqual([]);
  });

  it('applies the limits to the data of an interaction callback, per callback type', () => {
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `choix ${i}`, value: i === 0 ? 'v'.repeat(101) : `v${i}` }));
    expect(checkLimits({ type: 8, data: { choices } })).toEqual(['data.choices has 26 choices (max 25)', 'data.choices[0].value has 101 characters (max 100)']);
    expect(checkLimits({ type: 5, data: { flags: 64 } })).toEqual([]); // a deferral creates nothing yet
    expect(checkLimits({ type: 6 })).toEqual([]);
    expect(checkLimits({ type: 4, data: { content: 'a', allowed_mentions: none } })).toEqual([]);
  });

  it('requires allowed_mentions with an empty parse list on every new message, not on edits', () => {
    const issues = checkLimitIssues({ type: 4, data: { content: 'salut @everyone' } });
    expect(issues).toEqual([{ message: expect.stringContaining('data.allowed_mentions is missing'), enforcedByDiscord: false }]);
    expect(checkLimits({ content: 'a', allowed_mentions: { parse: ['everyone'] } }, 'message-create')).toEqual([
      'allowed_mentions.parse must be empty, got ["everyone"]',
    ]);
    expect(checkLimits({ content: 'a', allowed_mentions: { users: [] } }, 'message-create')).toEqual([
      'allowed_mentions.parse must be an empty list (allowedMentions: { parse: [] })',
    ]);
    expect(checkLimits({ content: 'modifié' }, 'message-edit')).toEqual([]);
  });

  it('checks command registrations: names, descriptions, option order, total size', () => {
    const options = [
      { type: 3, name: 'page', description: 'Page' },
      { type: 3, name: 'requete', description: 'Requête', required: true },
    ];
    expect(checkLimits([{ name: 'Cherche', description: 'Cherche', options }])).toEqual([
      '[0].name "Cherche" must be 1–32 lower-case letters, digits, - _ \'',
      '[0].options[1] is required but follows an optional option',
    ]);
    const huge = Array.from({ length: 25 }, (_, i) => ({
      type: 3,
      name: `o${i}`,
      description: 'd'.repeat(100),
      choices: Array.from({ length: 25 }, (_, j) => ({ name: `c${j}`, value: 'v'.repeat(100) })),
    }));
    expect(checkLimits([{ name: 'gros', description: 'Gros', options: huge }])).toEqual([
      expect.stringMatching(/^\[0\] \(gros\) has \d+ characters in names, descriptions and values \(max 8000\)$/),
    ]);
  });
});
