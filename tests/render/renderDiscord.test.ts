/**
 * The Discord renderer alone, on replies far larger or nastier than any command builds: whatever goes in, the
 * message must be one Discord accepts (checked with the same spec and limits the fake Discord applies), every
 * quote shown must keep its citation, highlights must be bold, and text must be shortened at words, visibly.
 */
import { describe, expect, it } from 'vitest';
import type { MarkedText } from '../../src/core/search/Mark.js';
import type { Action } from '../../src/render/Action.js';
import type { Reply, ReplyBlock, ReplyButton } from '../../src/render/Reply.js';
import { renderDiscord, type DiscordMessage } from '../../src/render/renderDiscord.js';
import { checkLimits, validateRequest } from '../support/discordSpec.js';

const ZWSP = '\u200b';
const SENTENCES = [
  'Les négociateurs se retrouveront à Genève le 10 janvier pour une première journée de discussions bilatérales.',
  'Le Kremlin exige des garanties juridiques écrites, que Washington juge inacceptables en l’état.',
  'Selon un diplomate européen, « personne ne s’attend à un accord rapide », mais le dialogue reste ouvert.',
  'Les alliés ont rappelé leur attachement au principe de la porte ouverte, au cœur du traité fondateur.',
];

/** French prose of at least `length` characters, in whole sentences. */
function prose(length: number, salt = 0): string {
  const out: string[] = [];
  for (let i = salt; out.join(' ').length < length; i++) out.push(SENTENCES[i % SENTENCES.length] ?? '');
  return out.join(' ');
}

/** Marks every occurrence of `word` in `text`. */
function marked(text: string, word: string): MarkedText {
  const marks = [...text.matchAll(new RegExp(word, 'gu'))].map((m) => ({ start: m.index, end: m.index + word.length }));
  return { text, marks };
}

function quote(text: MarkedText, n: number): ReplyBlock {
  return {
    heading: `${n}. Titre de l’article numéro ${n}`,
    text,
    quote: true,
    citations: [{ articleId: `00${n}_${'a'.repeat(16)}`.slice(-20), title: `Titre de l’article numéro ${n}`, date: '2022-01', paragraph: n + 1 }],
  };
}

function reply(overrides: Partial<Reply>): Reply {
  return { tone: 'results', title: 'Recherche : pourparlers', blocks: [], fields: [], buttonRows: [], ephemeral: false, ...overrides };
}

/** The message as the body of an interaction callback (discord.js's camelCase allowedMentions in API form). */
function callbackBody(message: DiscordMessage): Record<string, unknown> {
  const { allowedMentions, ...rest } = message;
  return JSON.parse(JSON.stringify({ type: 4, data: { ...rest, allowed_mentions: allowedMentions } })) as Record<string, unknown>;
}

/** Every problem Discord (or the project's rules) would find with the message, as a reply and as an edit. */
function problems(message: DiscordMessage): string[] {
  const body = callbackBody(message);
  const data = body['data'];
  return [
    ...checkLimits(body, 'interaction-callback'),
    ...validateRequest('POST', '/api/v10/interactions/1300000000000000500/jeton/callback', body),
    ...checkLimits(data, 'message-edit'),
    ...validateRequest('PATCH', '/api/v10/webhooks/1300000000000000001/jeton/messages/@original', data),
  ];
}

function embed(message: DiscordMessage): NonNullable<DiscordMessage['embeds'][number]> {
  expect(message.embeds).toHaveLength(1);
  return message.embeds[0] as DiscordMessage['embeds'][number];
}

function embedChars(message: DiscordMessage): number {
  const e = embed(message);
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Undoes Discord's markdown escapes and the zero-width spaces, to compare with the source text. */
function shown(text: string): string {
  return text.replaceAll(ZWSP, '').replace(/\\(.)/gu, '$1');
}

/** Text shortened with an ellipsis must end on a whole word of the source. */
function expectCutAtWord(displayed: string, source: string): void {
  const kept = shown(displayed).replace(/\s*…$/u, '').replace(/\*\*/gu, '');
  expect(source.replaceAll('**', '')).toContain(kept);
  const at = source.indexOf(kept) + kept.length;
  const next = source.charAt(at);
  expect(next === '' || /[\s.,;:!?»)]/u.test(next), `cut before "${source.slice(at, at + 15)}"`).toBe(true);
}

const searchAt = (page: number): Action => ({ kind: 'search', query: 'pourparlers', page });

describe('renderDiscord', () => {
  it('fits every limit when every part of the reply is oversized at once', () => {
    const blocks = Array.from({ length: 12 }, (_, i) => quote(marked(prose(6000, i), 'Genève'), i + 1));
    const fields = Array.from({ length: 30 }, (_, i) => ({ name: `Champ ${i} ${prose(300)}`, value: prose(2000, i) }));
    const buttons: ReplyButton[][] = Array.from({ length: 7 }, (_, row) =>
      Array.from({ length: 7 }, (_, i) => ({ action: searchAt(row * 7 + i), label: `Page ${row * 7 + i} ${prose(100)}`, emoji: '▶️' })),
    );
    const message = renderDiscord(
      reply({
        title: prose(600),
        intro: marked(prose(5000), 'Genève'),
        blocks,
        fields,
        footer: prose(3000),
        page: { index: 2, count: 9 },
        buttonRows: buttons,
      }),
    );
    expect(problems(message)).toEqual([]);
    expect(embedChars(message)).toBeLessThanOrEqual(6000);
    expect(embed(message).fields?.length).toBeLessThanOrEqual(25);
    expect(message.components.length).toBeLessThanOrEqual(5);
    for (const row of message.components) expect(row.components.length).toBeLessThanOrEqual(5);
  });

  it('keeps 25 fields within limits, and the whole embed within 6000 characters', () => {
    const fields = Array.from({ length: 40 }, (_, i) => ({ name: `${i + 1}. ${prose(400, i)}`, value: prose(1500, i + 1) }));
    const message = renderDiscord(reply({ tone: 'info', title: 'Veille — aide', intro: { text: prose(200), marks: [] }, fields }));
    expect(problems(message)).toEqual([]);
    expect(embedChars(message)).toBeLessThanOrEqual(6000);
    const rendered = embed(message).fields ?? [];
    expect(rendered.length).toBeGreaterThan(0);
    // The fields shown are the first ones, in order, each recognisable.
    rendered.forEach((field, i) => expect(field.name.startsWith(`${i + 1}\\. `)).toBe(true));
    for (const field of rendered) {
      expect(field.value.length).toBeGreaterThan(0);
      if (field.value.endsWith('…')) expectCutAtWord(field.value, prose(1500, rendered.indexOf(field) + 1));
    }
  });

  it('keeps a citation under every quote it shows, when huge quotes must be shortened', () => {
    const sources = Array.from({ length: 8 }, (_, i) => prose(5000, i));
    const message = renderDiscord(reply({ tone: 'answer', blocks: sources.map((text, i) => quote({ text, marks: [] }, i + 1)) }));
    expect(problems(message)).toEqual([]);
    const description = embed(message).description ?? '';
    const parts = description.split('\n\n');
    expect(parts.length).toBeGreaterThan(0);
    parts.forEach((part, i) => {
      const lines = part.split('\n');
      // heading, quoted text, citation — for the first blocks, in order.
      expect(lines[0]).toBe(`**${i + 1}\\. Titre de l’article numéro ${i + 1}**`);
      expect(lines.slice(1, -1).every((line) => line.startsWith('> '))).toBe(true);
      expect(lines.at(-1)).toMatch(new RegExp(`^— \\*Titre de l’article numéro ${i + 1}\\* \\(2022-01\\) · §${i + 2} · \`[^\`]+\`$`, 'u'));
      const body = lines.slice(1, -1).map((line) => line.slice(2)).join('\n');
      expect(body.endsWith('…')).toBe(true);
      expectCutAtWord(body, sources[i] ?? '');
    });
  });

  it('shares the room fairly: no quote is cut to a stub while another keeps thousands of characters', () => {
    const sources = Array.from({ length: 5 }, (_, i) => prose(3000, i));
    const message = renderDiscord(reply({ blocks: sources.map((text, i) => quote({ text, marks: [] }, i + 1)) }));
    const bodies = (embed(message).description ?? '').split('\n\n').map((part) => part.split('\n').filter((l) => l.startsWith('> ')).join('\n'));
    expect(bodies).toHaveLength(5);
    const lengths = bodies.map((b) => b.length);
    expect(Math.min(...lengths)).toBeGreaterThan(400);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThan(250);
  });

  it('renders highlights in bold, and keeps them bold when the text is shortened', () => {
    const text = `${SENTENCES[0] ?? ''} ${prose(5000, 1)}`;
    const message = renderDiscord(reply({ blocks: [quote(marked(text, 'Genève'), 1)] }));
    const description = embed(message).description ?? '';
    expect(description).toContain('> Les négociateurs se retrouveront à **Genève** le 10 janvier');
    // Every bold run is closed: an odd number of ** would make Discord bold the rest of the message.
    expect((description.match(/\*\*/gu) ?? []).length % 2).toBe(0);
    expect(problems(message)).toEqual([]);
  });

  it('escapes markdown and breaks mentions everywhere user or article text appears', () => {
    const nasty = '@everyone @here <@&123456789012345678> <@123456789012345678> <#123456789012345678> **gras** __souligné__ `code` [lien](https://exemple.invalid) ||secret||';
    const message = renderDiscord(
      reply({
        title: `Recherche : ${nasty}`,
        intro: { text: `Aucun article ne correspond à « ${nasty} ».`, marks: [] },
        blocks: [{ heading: nasty, text: marked(`# Titre\n- puce\n${nasty}`, 'gras'), quote: true, citations: [{ articleId: '007_x', title: nasty, date: '2022-01', paragraph: 1 }] }],
        fields: [{ name: nasty, value: nasty }],
      }),
    );
    expect(problems(message)).toEqual([]);
    expect(message.allowedMentions).toEqual({ parse: [] });
    const e = embed(message);
    const texts = [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])];
    for (const text of texts) {
      expect(text).not.toMatch(/@everyone|@here|<@|<#/u);
      expect(text).not.toMatch(/(?<!\\)\[lien\]\(/u); // a masked link only when its bracket is not escaped
    }
    expect(e.title).toContain(`@${ZWSP}everyone @${ZWSP}here <${ZWSP}@&123456789012345678>`);
    expect(e.title).toContain('\\*\\*gras\\*\\* \\_\\_souligné\\_\\_ \\`code\\`');
    // What the reader sees is what was typed.
    expect(shown(e.title ?? '')).toBe(`Recherche : ${nasty}`);
    expect(e.description).toContain('> \\# Titre\n> \\- puce');
  });

  it('never cuts a word: titles, quotes and field values end on a whole word, with an ellipsis', () => {
    const title = prose(400, 2);
    const value = prose(3000, 3);
    const text = prose(9000, 1);
    const message = renderDiscord(reply({ title, blocks: [quote({ text, marks: [] }, 1)], fields: [{ name: 'Extrait', value }] }));
    const e = embed(message);
    expect(e.title?.endsWith('…')).toBe(true);
    expectCutAtWord(e.title ?? '', title);
    const field = e.fields?.[0]?.value ?? '';
    expect(field.endsWith('…')).toBe(true);
    expectCutAtWord(field, value);
    const body = (e.description ?? '').split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2)).join('\n');
    expectCutAtWord(body, text);
  });

  it('keeps at most 5 rows of 5 buttons, labels within 80 characters, and no custom id twice', () => {
    const same: ReplyButton = { action: searchAt(1), label: 'Suivant', emoji: '▶️' };
    const rows: ReplyButton[][] = [
      [same, { ...same, label: 'Encore suivant' }, { action: searchAt(0), label: 'Précédent', disabled: true }],
      ...Array.from({ length: 6 }, (_, r) => Array.from({ length: 8 }, (_, i) => ({ action: searchAt(10 + r * 8 + i), label: prose(200, i) }))),
    ];
    const message = renderDiscord(reply({ buttonRows: rows }));
    expect(problems(message)).toEqual([]);
    expect(message.components).toHaveLength(5);
    const first = message.components[0]?.components ?? [];
    // The duplicate is dropped, the disabled one is shown greyed out.
    expect(first.map((b) => ('label' in b ? b.label : undefined))).toEqual(['Suivant', 'Précédent']);
    expect(first[1]).toMatchObject({ disabled: true, style: 2 });
    for (const row of message.components) {
      expect(row.components.length).toBeLessThanOrEqual(5);
      for (const b of row.components) if ('label' in b) expect(b.label?.length ?? 0).toBeLessThanOrEqual(80);
    }
  });

  it('marks private replies ephemeral and never lets a message ping', () => {
    const secret = renderDiscord(reply({ tone: 'error', title: 'Impossible', ephemeral: true }));
    expect(secret.flags).toBe(64);
    const open = renderDiscord(reply({}));
    expect(open.flags).toBeUndefined();
    for (const message of [secret, open]) {
      expect(message.allowedMentions).toEqual({ parse: [] });
      expect(problems(message)).toEqual([]);
    }
  });

  it('shows footers as written (Discord renders no markdown there) and gives empty fields a visible placeholder', () => {
    const message = renderDiscord(
      reply({ footer: '003_6a0b143d3fa07a1a · 2021-12', page: { index: 0, count: 2 }, fields: [{ name: 'Premier extrait', value: '' }, { name: '', value: 'texte' }] }),
    );
    expect(embed(message).footer?.text).toBe('003_6a0b143d3fa07a1a · 2021-12 · 1/2');
    expect(problems(message)).toEqual([]);
  });
});
