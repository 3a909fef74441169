/**
 * What a user ends up seeing for an interaction sent through the fake Discord, read back from the requests the bot
 * made: shared by the end-to-end tests, so each asserts on the same notion of "the answer".
 */
import type { APIButtonComponent, APIEmbed } from 'discord.js';
import { expect } from 'vitest';
import type { FakeDiscord, InteractionSpec, RecordedRequest } from './FakeDiscord.js';

const EPHEMERAL = 64;

/** What the user ends up seeing for one interaction, and how the bot got there. */
export interface Answer {
  /** The message body the bot sent last (reply, update, edit or follow-up). */
  readonly body: Record<string, unknown>;
  /** Whether only the user sees it. */
  readonly ephemeral: boolean;
  /** The steps, e.g. `['callback 5', 'PATCH @original']`. */
  readonly steps: readonly string[];
}

export interface Button {
  readonly label: string;
  readonly customId: string;
  readonly disabled: boolean;
}

/** The callback type of an interaction callback request (4 reply, 5 defer, 6 defer update, 7 update, 8 choices). */
export function callbackType(request: RecordedRequest): number | undefined {
  return request.path.endsWith('/callback') ? ((request.body as { type?: number } | undefined)?.type ?? undefined) : undefined;
}

/** A request as a short step: `callback 5`, `PATCH @original`, `POST follow-up`. */
export function step(request: RecordedRequest): string {
  const type = callbackType(request);
  if (type !== undefined) return `callback ${type}`;
  const target = request.path.split('/').slice(4).join('/');
  return target ? `${request.method} ${target.replace(/^messages\//, '')}` : `${request.method} follow-up`;
}

/** The reply, update, edit or follow-up that completes an interaction (not a deferral). */
export function isFinal(request: RecordedRequest): boolean {
  const type = callbackType(request);
  if (type !== undefined) return type === 4 || type === 7 || type === 8;
  return request.method === 'PATCH' || request.method === 'POST';
}

/** Waits for the bot to complete interaction `id` (a successful final request) and returns what the user sees. */
export async function answerOf(fake: FakeDiscord, id: string, timeoutMs?: number): Promise<Answer> {
  const last = await fake.waitForRequest((r) => r.interactionId === id && r.status < 300 && isFinal(r), timeoutMs);
  const steps = fake.interactionResponses(id);
  const first = steps[0];
  const type = callbackType(last);
  const data = (type === undefined ? last.body : (last.body as { data?: unknown }).data) as Record<string, unknown>;
  let flags: number;
  if (type !== undefined || (last.method === 'POST' && step(last) === 'POST follow-up')) flags = Number(data['flags'] ?? 0);
  else if (first && callbackType(first) === 5) flags = Number((first.body as { data?: { flags?: number } }).data?.flags ?? 0);
  else flags = 0; // an edit after deferUpdate: the public message the button was on
  return { body: data, ephemeral: (flags & EPHEMERAL) !== 0, steps: steps.filter((r) => r.seq <= last.seq).map(step) };
}

/** Dispatches an interaction and waits for the bot to complete it; returns what the user sees. */
export async function interact(fake: FakeDiscord, spec: InteractionSpec, timeoutMs?: number): Promise<Answer & { id: string }> {
  const { id } = await fake.sendInteraction(spec);
  return { id, ...(await answerOf(fake, id, timeoutMs)) };
}

/** The answer's one embed (asserts there is exactly one). */
export function embedOf(answer: Answer): APIEmbed {
  const embeds = answer.body['embeds'] as APIEmbed[] | undefined;
  expect(embeds).toHaveLength(1);
  return embeds?.[0] as APIEmbed;
}

/** Every button of the answer, row after row. */
export function buttonsOf(answer: Answer): Button[] {
  const rows = (answer.body['components'] as Array<{ components: APIButtonComponent[] }> | undefined) ?? [];
  return rows.flatMap((row) =>
    row.components.map((b) => ({ label: ('label' in b ? b.label : undefined) ?? '', customId: 'custom_id' in b ? b.custom_id : '', disabled: b.disabled === true })),
  );
}

/** The button with this label (throws, listing the labels, when there is none). */
export function button(answer: Answer, label: string): Button {
  const found = buttonsOf(answer).find((b) => b.label === label);
  if (!found) throw new Error(`no button "${label}" in ${JSON.stringify(buttonsOf(answer).map((b) => b.label))}`);
  return found;
}

/** Title, description, fields and footer of an embed as one text, to look for what a user reads. */
export function textOf(embed: APIEmbed): string {
  return [embed.title, embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]), embed.footer?.text].join('\n');
}

/**
 * A /digest subcommand with its options. Channel options carry Discord's resolved channel (the guild's text channel),
 * as real clients send them.
 */
export function digestCommand(
  fake: FakeDiscord,
  sub: string,
  options: Array<{ name: string; type: number; value: string | boolean }>,
  extra: { user: { id: string }; permissions?: string; channelId?: string },
): InteractionSpec {
  const channelId = extra.channelId ?? fake.guilds[0]?.channelId ?? '';
  const { channelId: _channel, ...who } = extra;
  const spec = fake.command('digest', [{ type: 1, name: sub, options }], who);
  spec.data['resolved'] = { channels: { [channelId]: { id: channelId, name: 'général', type: 0, permissions: '2048' } } };
  return spec;
}

/** A source of user ids nobody else uses (cooldowns are per user), from a base distinct per test file. */
export function userIds(base: bigint): () => { id: string } {
  let next = base;
  return () => {
    next += 1n;
    return { id: String(next) };
  };
}
