import type { MarkedText } from '../core/search/Mark.js';
import type { Citation, Reply, ReplyButton } from './Reply.js';

export interface TextStyle {
  /** ANSI colours and bold (a terminal), or plain text with `**` around highlights (a pipe, a file). */
  readonly ansi: boolean;
}

export interface RenderedText {
  readonly text: string;
  /** The enabled buttons, in the order they are numbered in `text` ([1], [2]…). */
  readonly buttons: readonly ReplyButton[];
}

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';
const TONE_COLOUR = { answer: '\u001b[32m', results: '\u001b[36m', article: '\u001b[34m', notFound: '\u001b[33m', error: '\u001b[31m', info: '\u001b[35m' } as const;

/**
 * Renders a reply for a terminal: the same model the Discord embed shows, as text. Buttons become numbered choices
 * that the console lets the user pick by typing the number.
 */
export function renderText(reply: Reply, style: TextStyle): RenderedText {
  const bold = (s: string): string => (style.ansi ? `${BOLD}${s}${RESET}` : s);
  const dim = (s: string): string => (style.ansi ? `${DIM}${s}${RESET}` : s);
  const lines: string[] = [];
  const colour = style.ansi ? TONE_COLOUR[reply.tone] : '';
  lines.push(style.ansi ? `${colour}${BOLD}${reply.title}${RESET}` : `== ${reply.title} ==`);
  if (reply.intro) lines.push(marked(reply.intro, style));
  for (const block of reply.blocks) {
    lines.push('');
    if (block.heading) lines.push(bold(block.heading));
    const body = marked(block.text, style);
    const tag = block.tag ? `(${block.tag}) ` : '';
    lines.push(block.quote ? indent(`${tag}« ${body} »`, '  ') : `${tag}${body}`);
    for (const citation of block.citations ?? []) lines.push(dim(`    — ${formatCitation(citation)}`));
  }
  for (const field of reply.fields) {
    lines.push('', bold(field.name), indent(field.value, '  '));
  }
  const footer = [reply.footer, reply.page ? `${reply.page.index + 1}/${reply.page.count}` : undefined].filter(Boolean).join(' · ');
  if (footer) lines.push('', dim(footer));
  const buttons = reply.buttonRows.flat().filter((b) => b.disabled !== true);
  if (buttons.length > 0) {
    lines.push('', buttons.map((b, i) => `[${i + 1}] ${b.emoji ? `${b.emoji} ` : ''}${b.label}`).join('   '));
  }
  return { text: lines.join('\n'), buttons };
}

/** `Title (2022-01), §3 — 003_6a0b143d3fa07a1a`: enough for a reader to find the text again. */
export function formatCitation(citation: Citation): string {
  return `${citation.title} (${citation.date}), §${citation.paragraph} — ${citation.articleId}`;
}

function marked(text: MarkedText, style: TextStyle): string {
  let out = '';
  let at = 0;
  for (const mark of text.marks) {
    out += text.text.slice(at, mark.start);
    const word = text.text.slice(mark.start, mark.end);
    out += style.ansi ? `${BOLD}${word}${RESET}` : `**${word}**`;
    at = mark.end;
  }
  return out + text.text.slice(at);
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
