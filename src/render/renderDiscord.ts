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

/** Room kept free in the description for separators between blocks. */
const BLOCK_SEPARATOR = '\n\n';

/**
 * Renders a reply as one Discord embed with buttons, within every limit by construction: each part is measured
 * after escaping and highlighting, and text that does not fit is shortened at a paragraph, sentence or word with an
 * ellipsis — never cut mid-word, never rejected by Discord.
 */
export function renderDiscord(reply: Reply): DiscordMessage {
  const title = fitText(escapeDiscord(reply.title), LIMITS.embedTitle);
  const footerText = [reply.footer, reply.page ? `${reply.page.index + 1}/${reply.page.count}` : undefined].filter(Boolean).join(' · ');
  const footer = footerText ? fitText(escapeDiscord(footerText), LIMITS.footer) : undefined;
  const fields = reply.fields.slice(0, LIMITS.embedFields).map((field) => ({
    name: fitText(escapeDiscord(field.name), LIMITS.fieldName),
    value: fitText(escapeDiscord(field.value), LIMITS.fieldValue),
  }));
  const fixed = title.length + (footer?.length ?? 0) + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const descriptionBudget = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - fixed);
  const description = renderDescription(reply, descriptionBudget);
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

function renderDescription(reply: Reply, budget: number): string {
  const intro = reply.intro ? renderMarked(reply.intro) : '';
  const room = budget - intro.length - (intro && reply.blocks.length > 0 ? BLOCK_SEPARATOR.length : 0);
  const blocks = fitBlocks(reply.blocks, room - BLOCK_SEPARATOR.length * Math.max(reply.blocks.length - 1, 0));
  const description = [intro, ...blocks].filter(Boolean).join(BLOCK_SEPARATOR);
  // Only an intro longer than the whole budget could still overflow; shorten it like any text.
  return fitText(description, budget);
}

/**
 * Renders blocks within `room` characters: while they are too long, the longest block gives up the excess (never
 * below a readable minimum), so short blocks stay whole and every block keeps its citation.
 */
function fitBlocks(blocks: readonly ReplyBlock[], room: number): string[] {
  const texts = blocks.map((b) => b.text);
  const render = (): string[] => blocks.map((b, i) => renderBlock(b, texts[i] ?? b.text));
  let rendered = render();
  for (let attempt = 0; attempt < blocks.length * 4; attempt++) {
    const total = rendered.reduce((n, r) => n + r.length, 0);
    if (total <= room) return rendered;
    const longest = rendered.reduce((best, r, i) => (r.length > (rendered[best]?.length ?? 0) ? i : best), 0);
    const current = texts[longest];
    if (!current) break;
    const target = Math.max(current.text.length - (total - room) - 16, 40);
    texts[longest] = fitMarked(current, target);
    rendered = render();
  }
  // Still too long (many blocks, tiny room): keep the blocks that fit whole.
  const kept: string[] = [];
  let used = 0;
  for (const r of rendered) {
    if (used + r.length > room) break;
    kept.push(r);
    used += r.length;
  }
  return kept;
}

function renderBlock(block: ReplyBlock, text: MarkedText): string {
  const lines: string[] = [];
  if (block.heading) lines.push(`**${escapeDiscord(fitText(block.heading, LIMITS.fieldName))}**`);
  const body = renderMarked(text);
  lines.push(block.quote ? body.split('\n').map((line) => `> ${line}`).join('\n') : body);
  if (block.citation) lines.push(renderCitation(block.citation));
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
