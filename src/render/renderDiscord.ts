import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import type { MarkedText } from '../core/search/Mark.js';
import { encodeAction } from './Action.js';
import { escapeDiscord } from './escapeDiscord.js';
import { fitMarked } from './fitMarked.js';
import { fitText } from './fitText.js';
import { LIMITS } from './limits.js';
import type { Citation, Reply, ReplyBlock, ReplyButton, ReplyTone } from './Reply.js';

/** A message as discord.js sends it (reply, update, editReply, or a channel post). */
export interface DiscordMessage {
  readonly embeds: APIEmbed[];
  readonly components: APIActionRowComponent<APIButtonComponent>[];
  /** Never ping anyone: article text and user queries may contain `@everyone` or role mentions. */
  readonly allowedMentions: { readonly parse: [] };
  readonly flags?: MessageFlags.Ephemeral;
}

const COLOURS: Readonly<Record<ReplyTone, number>> = {
  answer: 0x2e7d32,
  results: 0x0277bd,
  article: 0x283593,
  notFound: 0xf9a825,
  error: 0xc62828,
  info: 0x6a1b9a,
};

/** Between the intro and the blocks, and between blocks. */
const BLOCK_SEPARATOR = '\n\n';
/** A quote shortened below this many characters is no longer worth showing: later blocks are dropped instead. */
const MIN_BLOCK_TEXT = 120;
/** Likewise for a field's value: fewer fields, each readable, rather than many stubs. */
const MIN_FIELD_VALUE = 60;
/** Discord refuses an empty field name or value; this shows as blank. */
const BLANK = '\u200b';

/**
 * Renders a reply as one Discord embed with buttons, within every limit by construction: each part is measured
 * after escaping and highlighting, and text that does not fit is shortened at a paragraph, sentence or word with an
 * ellipsis — never cut mid-word, never rejected by Discord. The embed's 6000 characters are shared: the description
 * (the answer itself) first, but never less than half when fields want the rest; blocks and fields that must shrink
 * share the room fairly, and whole blocks are dropped before any quote loses its citation.
 */
export function renderDiscord(reply: Reply): DiscordMessage {
  const title = fitText(escapeDiscord(reply.title), LIMITS.embedTitle);
  const footerText = [reply.footer, reply.page ? `${reply.page.index + 1}/${reply.page.count}` : undefined].filter(Boolean).join(' · ');
  // Footers render neither markdown nor mentions: escaping there would show its backslashes (`003\_6a0b…`).
  const footer = footerText ? fitText(footerText, LIMITS.footer) : undefined;
  const wanted = reply.fields.slice(0, LIMITS.embedFields).map((field) => ({
    name: fitText(escapeDiscord(field.name), LIMITS.fieldName) || BLANK,
    value: fitText(escapeDiscord(field.value), LIMITS.fieldValue) || BLANK,
  }));
  const room = LIMITS.embedTotal - title.length - (footer?.length ?? 0);
  const wantedFields = wanted.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const description = renderDescription(reply, Math.min(LIMITS.embedDescription, Math.max(room - wantedFields, Math.floor(room / 2))));
  const fields = fitFields(wanted, room - description.length);
  const embed: APIEmbed = {
    title,
    color: COLOURS[reply.tone],
    ...(description ? { description } : {}),
    ...(fields.length > 0 ? { fields } : {}),
    ...(footer ? { footer: { text: footer } } : {}),
  };
  return {
    embeds: [embed],
    components: renderButtons(reply.buttonRows),
    allowedMentions: { parse: [] },
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** The intro (at most a third of the room when blocks follow: it is a line of context) then the blocks that fit. */
function renderDescription(reply: Reply, budget: number): string {
  const introRoom = reply.blocks.length > 0 ? Math.floor(budget / 3) : budget;
  const intro = reply.intro ? renderMarkedWithin(reply.intro, introRoom) : '';
  const room = budget - intro.length - (intro ? BLOCK_SEPARATOR.length : 0);
  return [intro, ...fitBlocks(reply.blocks, room)].filter(Boolean).join(BLOCK_SEPARATOR);
}

/**
 * The blocks, separators included, within `room` characters. Texts too long share the room fairly (the shortest
 * stay whole, the others get equal caps); when that would leave a quote under a readable minimum, the last block
 * is dropped and the rest tried again. A block is never shown without its heading or citation.
 */
function fitBlocks(blocks: readonly ReplyBlock[], room: number): string[] {
  for (let count = blocks.length; count > 0; count--) {
    const fitted = shrinkBlocks(blocks.slice(0, count), room - BLOCK_SEPARATOR.length * (count - 1));
    if (fitted) return fitted;
  }
  return [];
}

function shrinkBlocks(blocks: readonly ReplyBlock[], room: number): string[] | undefined {
  const full = blocks.map((b) => b.text.text.length);
  let caps = full;
  // Escaping and highlight markup make the rendered length only roughly proportional: re-measure a few times.
  for (let attempt = 0; attempt < 8; attempt++) {
    const texts = blocks.map((b, i) => fitMarked(b.text, caps[i] ?? 0));
    const rendered = blocks.map((b, i) => renderBlock(b, texts[i] ?? b.text));
    const total = rendered.reduce((n, r) => n + r.length, 0);
    if (total <= room) return rendered;
    const overhead = rendered.reduce((n, r, i) => n + r.length - (texts[i]?.text.length ?? 0), 0);
    const fair = fairCaps(full, room - overhead);
    const cut = caps.filter((cap, i) => cap < (full[i] ?? 0) || (fair[i] ?? 0) < cap).length || 1;
    // The fair caps, or when markup made even those too long, the excess taken from the texts being cut.
    caps = caps.map((cap, i) => {
      const next = Math.min(cap, fair[i] ?? 0);
      return next < cap ? next : cap < (full[i] ?? 0) ? cap - Math.ceil((total - room) / cut) : cap;
    });
    if (caps.some((cap, i) => cap < Math.min(MIN_BLOCK_TEXT, full[i] ?? 0))) return undefined;
  }
  return undefined;
}

/** The first fields that fit in `room`, their values sharing it fairly; trailing fields are dropped before any value gets unreadable. */
function fitFields(fields: readonly { name: string; value: string }[], room: number): { name: string; value: string }[] {
  for (let count = fields.length; count > 0; count--) {
    const shown = fields.slice(0, count);
    const names = shown.reduce((n, f) => n + f.name.length, 0);
    const caps = fairCaps(
      shown.map((f) => f.value.length),
      room - names,
    );
    if (caps.every((cap, i) => cap >= Math.min(MIN_FIELD_VALUE, shown[i]?.value.length ?? 0))) {
      return shown.map((f, i) => ({ name: f.name, value: fitText(f.value, caps[i] ?? 0) || BLANK }));
    }
  }
  return [];
}

/**
 * Water-filling: a cap per length so that the capped lengths sum to at most `room`, the short ones untouched and
 * the long ones cut to one equal cap. Fair, where cutting the longest first leaves one quote whole and the rest
 * as stubs.
 */
function fairCaps(lengths: readonly number[], room: number): number[] {
  const sorted = [...lengths].sort((a, b) => a - b);
  let left = Math.max(room, 0);
  let cap = Number.POSITIVE_INFINITY;
  for (let i = 0; i < sorted.length; i++) {
    const share = Math.floor(left / (sorted.length - i));
    const length = sorted[i] ?? 0;
    if (length > share) {
      cap = share;
      break;
    }
    left -= length;
  }
  return lengths.map((length) => Math.min(length, cap));
}

/** Highlighted text rendered within `max` characters: shortened before escaping, so no markup is cut in two. */
function renderMarkedWithin(text: MarkedText, max: number): string {
  let cap = max;
  for (let attempt = 0; attempt < 6 && cap > 0; attempt++) {
    const rendered = renderMarked(fitMarked(text, cap));
    if (rendered.length <= max) return rendered;
    cap -= Math.max(rendered.length - max, 16);
  }
  return '';
}

function renderBlock(block: ReplyBlock, text: MarkedText): string {
  const lines: string[] = [];
  if (block.heading) lines.push(`**${escapeDiscord(fitText(block.heading, LIMITS.fieldName))}**`);
  const tag = block.tag ? `*${escapeDiscord(fitText(block.tag, LIMITS.buttonLabel))}* ` : '';
  const body = tag + renderMarked(text);
  lines.push(block.quote ? body.split('\n').map((line) => `> ${line}`).join('\n') : body);
  for (const citation of block.citations ?? []) lines.push(renderCitation(citation));
  return lines.join('\n');
}

/** `— *Title* (2022-01) · §3 · `003_…``: every quote says where it comes from. */
function renderCitation(citation: Citation): string {
  const id = citation.articleId.replaceAll('`', 'ˋ');
  return `— *${escapeDiscord(fitText(citation.title, 120))}* (${citation.date}) · §${citation.paragraph} · \`${id}\``;
}

/** Escaped text with its highlights in bold. */
function renderMarked(text: MarkedText): string {
  let out = '';
  let at = 0;
  for (const mark of text.marks) {
    out += escapeDiscord(text.text.slice(at, mark.start));
    out += `**${escapeDiscord(text.text.slice(mark.start, mark.end))}**`;
    at = mark.end;
  }
  return out + escapeDiscord(text.text.slice(at));
}

function renderButtons(rows: readonly (readonly ReplyButton[])[]): APIActionRowComponent<APIButtonComponent>[] {
  const seen = new Set<string>();
  return rows
    .slice(0, LIMITS.actionRows)
    .map((row) => ({
      type: ComponentType.ActionRow as const,
      components: row
        .slice(0, LIMITS.buttonsPerRow)
        .map((button): APIButtonComponent => ({
          type: ComponentType.Button,
          style: button.disabled === true ? ButtonStyle.Secondary : ButtonStyle.Primary,
          custom_id: encodeAction(button.action),
          label: fitText(button.label, LIMITS.buttonLabel),
          ...(button.emoji ? { emoji: { name: button.emoji } } : {}),
          ...(button.disabled === true ? { disabled: true } : {}),
        }))
        // Discord rejects two components with one custom_id in a message; the second would do the same anyway.
        .filter((button) => 'custom_id' in button && !seen.has(button.custom_id) && seen.add(button.custom_id) !== undefined),
    }))
    .filter((row) => row.components.length > 0);
}
