/**
 * Proves the fake Discord against the real discord.js 14 client, in-process: login through REST + gateway,
 * commands registered and answered, autocomplete, buttons, deferrals, payload validation, a dropped gateway that
 * is resumed, a 429 that discord.js retries, and a clean shutdown, all without leaving 127.0.0.1.
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { inspect } from 'node:util';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type Interaction,
} from 'discord.js';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type RecordedRequest } from './FakeDiscord.js';
import { validateResponse } from './discordSpec.js';

const TOKEN = 'MTAx.fake.token-for-tests-only';

const COMMANDS = [
  new SlashCommandBuilder().setName('ping').setDescription('Répond pong'),
  new SlashCommandBuilder()
    .setName('cherche')
    .setDescription('Cherche dans les articles')
    .setDefaultMemberPermissions(PermissionFlagsBits.SendMessages)
    .addStringOption((o) => o.setName('requete').setDescription('Ce que vous cherchez').setRequired(true).setAutocomplete(true))
    .addIntegerOption((o) => o.setName('page').setDescription('Page').setMinValue(1)),
  new SlashCommandBuilder().setName('lent').setDescription('Répond après un délai'),
  new SlashCommandBuilder().setName('bavard').setDescription('Répond trop long'),
  new SlashCommandBuilder().setName('sans-mentions').setDescription('Oublie allowed_mentions'),
  new SlashCommandBuilder().setName('annonce').setDescription('Poste dans le salon'),
].map((builder) => builder.toJSON());

const TOPICS = ['otan', 'otan sommet de vilnius', 'russie', 'ukraine', 'sanctions'];

/** Each outgoing TCP connection this process makes, and each host name it resolves. */
const remoteAddresses: string[] = [];
const lookups: string[] = [];
const onSocket = (message: unknown): void => {
  const { socket } = message as { socket: Socket };
  socket.once('connect', () => remoteAddresses.push(socket.remoteAddress ?? '(unknown)'));
  socket.once('lookup', (_error: Error | null, _address: string, _family: unknown, host: string) => lookups.push(host));
};

/** Host of every HTTP request made through undici (discord.js REST) or node:http (the ws gateway client). */
const requestHosts: string[] = [];
const onUndiciRequest = (message: unknown): void => {
  requestHosts.push(new URL((message as { request: { origin: string } }).request.origin).hostname);
};
const onHttpRequest = (message: unknown): void => {
  requestHosts.push((message as { request: { host: string } }).request.host);
};
const CHANNELS: Array<[string, (message: unknown) => void]> = [
  ['net.client.socket', onSocket],
  ['undici:request:create', onUndiciRequest],
  ['http.client.request.start', onHttpRequest],
];

function tcpHandles(): number {
  return process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP')).length;
}

describe('FakeDiscord with the real discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client;
  let guildId: string;
  let baselineTcp: number;
  const handlerErrors: string[] = [];
  const rejected: string[] = [];

  async function onInteraction(interaction: Interaction): Promise<void> {
    const none = { parse: [] as [] };
    if (interaction.isAutocomplete()) {
      const typed = interaction.options.getFocused().toLowerCase();
      await interaction.respond(TOPICS.filter((t) => t.startsWith(typed)).map((t) => ({ name: t, value: t })));
      return;
    }
    if (interaction.isButton()) {
      await interaction.update({ content: `Résultats page ${interaction.customId.split(':')[1] ?? '?'}`, components: [], allowedMentions: none });
      return;
    }
    if (!interaction.isChatInputCommand()) return;
    switch (interaction.commandName) {
      case 'ping':
        await interaction.reply({ content: 'pong', allowedMentions: none });
        return;
      case 'cherche': {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('cherche:2').setLabel('Suivant').setStyle(ButtonStyle.Secondary),
        );
        const query = interaction.options.getString('requete', true);
        // withResponse makes Discord (and the fake) answer the callback with the created message.
        await interaction.reply({ content: `Résultats pour « ${query} », page 1`, components: [row], allowedMentions: none, withResponse: true });
        return;
      }
      case 'lent':
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        await interaction.editReply({ content: 'fini', allowedMentions: none });
        await interaction.followUp({ content: 'et la suite', allowedMentions: none });
        return;
      case 'bavard':
        try {
          await interaction.reply({ content: 'x'.repeat(2001), allowedMentions: none });
        } catch (error) {
          rejected.push(error instanceof Error ? error.message : String(error));
        }
        return;
      case 'sans-mentions':
        await interaction.reply({ content: 'salut @everyone' });
        return;
      case 'annonce': {
        const channel = interaction.channel;
        if (!channel?.isSendable()) throw new Error('channel not sendable');
        await channel.send({ content: 'Nouvelle dépêche', allowedMentions: none });
        await interaction.reply({ content: 'posté', allowedMentions: none });
        return;
      }
      default:
        throw new Error(`unexpected command ${interaction.commandName}`);
    }
  }

  /** Dispatches an interaction and waits for the bot's acknowledgement to be answered with a success. */
  async function acknowledged(id: string): Promise<RecordedRequest> {
    return fake.waitForRequest((r) => r.interactionId === id && r.path.endsWith('/callback') && r.status < 300);
  }

  beforeAll(async () => {
    baselineTcp = tcpHandles();
    for (const [name, listener] of CHANNELS) diagnosticsChannel.subscribe(name, listener);
    fake = await FakeDiscord.start({ token: TOKEN });
    guildId = fake.guilds[0]?.id ?? '';
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    client.on(Events.InteractionCreate, (interaction) => {
      onInteraction(interaction).catch((error: unknown) => handlerErrors.push(String(error)));
    });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(TOKEN);
    await ready;
  });

  afterAll(async () => {
    // Normally done by the last test; this is the safety net when an earlier test failed.
    for (const [name, listener] of CHANNELS) diagnosticsChannel.unsubscribe(name, listener);
    await client.destroy();
    await fake.close();
  });

  it('logs in through GET /gateway/bot and a v10 JSON gateway, and fills the guild cache', async () => {
    const guild = client.guilds.cache.get(guildId);
    // READY lists the guild as unavailable; discord.js only emits ClientReady after its GUILD_CREATE.
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.some((c) => c.isTextBased())).toBe(true);
    expect(client.user?.id).toBe(fake.botUser.id);
    expect(client.application?.id).toBe(fake.applicationId);

    // Login needs exactly one REST call; the gateway URL came from it.
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /gateway/bot 200']);
    const gatewayBot = fake.requests[0] as RecordedRequest;
    expect(gatewayBot.auth).toBe('bot');
    expect(gatewayBot.headers['authorization']).toBe(`Bot ${TOKEN}`);
    // The token is readable but never serialised or printed with the request.
    expect(JSON.stringify(gatewayBot)).not.toContain(TOKEN);
    expect(inspect(gatewayBot, { depth: 5 })).not.toContain(TOKEN);

    // discord.js without zlib-sync connects uncompressed, JSON, v10, and asks for the Guilds intent only.
    expect(fake.gatewayLog.find((e) => e.note?.startsWith('connected'))?.note).toBe('connected ?v=10&encoding=json');
    expect(fake.gatewayLog.find((e) => e.note?.startsWith('identify'))?.note).toMatch(/^identify intents=1 .*compress=false$/);
    fake.assertNoViolations();
  });

  it('stores a bulk PUT of guild commands and returns them with ids, as Discord does', async () => {
    const registered = await client.application?.commands.set(COMMANDS, guildId);
    expect(registered?.size).toBe(COMMANDS.length);
    const put = await fake.waitForRequest(`PUT /applications/${fake.applicationId}/guilds/${guildId}/commands`);
    expect(put.status).toBe(200);
    // discord.js sends permissions as a numeric string; the spec says integer, and Discord accepts both.
    expect((put.body as Array<Record<string, unknown>>)[1]?.['default_member_permissions']).toBe(String(PermissionFlagsBits.SendMessages));
    expect(put.violations).toEqual([]);
    expect(fake.commands(guildId).map((c) => c['name'])).toEqual(COMMANDS.map((c) => c.name));
    expect(validateResponse('PUT', put.url, put.status, put.response)).toEqual([]);
  });

  it('delivers a slash command and records a reply that validates', async () => {
    const { id } = await fake.sendInteraction(fake.command('ping'));
    const callback = await acknowledged(id);
    expect(callback.auth).toBe('none'); // interaction callbacks are authenticated by their token
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'pong', allowed_mentions: { parse: [] } } });
    expect(callback.violations).toEqual([]);
    expect(fake.originalResponse(id)?.content).toBe('pong');
  });

  it('answers autocomplete with choices for the focused option', async () => {
    const { id } = await fake.sendInteraction(fake.autocomplete('cherche', { requete: 'ot' }));
    const callback = await acknowledged(id);
    expect(callback.body).toMatchObject({ type: 8 });
    expect(fake.autocompleteChoices(id)).toEqual([
      { name: 'otan', value: 'otan' },
      { name: 'otan sommet de vilnius', value: 'otan sommet de vilnius' },
    ]);
    expect(callback.violations).toEqual([]);
  });

  it('drives a button found on the bot’s own reply, and the update replaces that message', async () => {
    const command = await fake.sendInteraction(fake.command('cherche', { requete: 'otan', page: 1 }));
    await acknowledged(command.id);
    const reply = fake.originalResponse(command.id);
    expect(reply?.components).toHaveLength(1);
    const callback = fake.interactionResponses(command.id)[0];
    expect(callback?.status).toBe(200);
    expect(callback?.response).toMatchObject({ resource: { type: 4, message: { id: reply?.id } } });

    const click = await fake.sendInteraction(fake.button('cherche:2'));
    const update = await acknowledged(click.id);
    expect(update.body).toMatchObject({ type: 7, data: { content: 'Résultats page 2', components: [] } });
    expect(fake.message(reply?.id ?? '')?.content).toBe('Résultats page 2');
    expect(update.violations).toEqual([]);
  });

  it('follows a deferral through the interaction webhook: edit @original, then a follow-up', async () => {
    const { id } = await fake.sendInteraction(fake.command('lent'));
    const followUp = await fake.waitForRequest((r) => r.interactionId === id && r.method === 'POST' && r.path.startsWith('/webhooks/'));
    const steps = fake.interactionResponses(id).map((r) => `${r.method} ${r.path.replace(/^\/(\w+)\/[^/]+\/[^/]+/, '/$1/…')} ${r.status}`);
    expect(steps).toEqual([
      'POST /interactions/…/callback 204',
      'PATCH /webhooks/…/messages/@original 200',
      'POST /webhooks/… 200',
    ]);
    expect(fake.originalResponse(id)).toMatchObject({ content: 'fini', flags: MessageFlags.Ephemeral });
    expect(followUp.violations).toEqual([]);
    for (const request of fake.interactionResponses(id)) {
      expect(validateResponse(request.method, request.url, request.status, request.response)).toEqual([]);
    }
  });

  it('posts to a channel, and discord.js retries a 500 from Discord', async () => {
    fake.failNext('POST /channels/*/messages', { status: 500 });
    const { id } = await fake.sendInteraction(fake.command('annonce'));
    await acknowledged(id);
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.guilds[0]?.channelId ?? ''}/messages`);
    expect(posts.map((r) => r.status)).toEqual([500, 200]);
    expect(posts[1]?.violations).toEqual([]);
    expect(validateResponse('POST', posts[1]?.url ?? '', 200, posts[1]?.response)).toEqual([]);
  });

  it('returns the first message for a nonce sent again with enforce_nonce, as Discord does, and only then', async () => {
    const channelId = fake.guilds[0]?.channelId ?? '';
    const channel = client.channels.cache.get(channelId);
    if (!channel?.isSendable()) throw new Error('no sendable channel in the cache');
    const before = fake.messagesIn(channelId).length;
    const first = await channel.send({ content: 'une fois', nonce: 'n-42', enforceNonce: true, allowedMentions: { parse: [] } });
    const again = await channel.send({ content: 'une fois', nonce: 'n-42', enforceNonce: true, allowedMentions: { parse: [] } });
    expect(again.id).toBe(first.id);
    // Without enforce_nonce, Discord does not deduplicate.
    const other = await channel.send({ content: 'une fois', nonce: 'n-42', allowedMentions: { parse: [] } });
    expect(other.id).not.toBe(first.id);
    expect(fake.messagesIn(channelId).length - before).toBe(2);
  });

  it('accepts multipart bodies (files) and validates their payload_json', async () => {
    const channel = client.channels.cache.get(fake.guilds[0]?.channelId ?? '');
    if (!channel?.isSendable()) throw new Error('no sendable channel in the cache');
    await channel.send({ content: 'pièce jointe', files: [{ attachment: Buffer.from('bonjour'), name: 'note.txt' }], allowedMentions: { parse: [] } });
    const post = await fake.waitForRequest((r) => r.method === 'POST' && r.files.length > 0);
    expect(post.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(post.files).toEqual([{ field: 'files[0]', filename: 'note.txt', contentType: expect.any(String), size: 7 }]);
    expect(post.body).toMatchObject({ content: 'pièce jointe', attachments: [{ id: '0' }] });
    expect(post.violations).toEqual([]);
  });

  it('answers every request so far in the shapes of Discord’s spec', async () => {
    await client.application?.fetch(); // GET /applications/@me
    const answered = fake.requests.filter((r) => r.status < 300 && r.fault === undefined);
    expect(answered.length).toBeGreaterThan(5);
    for (const request of answered) {
      expect([request.method, request.path, validateResponse(request.method, request.url, request.status, request.response)]).toEqual([
        request.method,
        request.path,
        [],
      ]);
    }
  });

  it('rejects a 2001-character reply like Discord and reports it; a reply without allowed_mentions is reported', async () => {
    const long = await fake.sendInteraction(fake.command('bavard'));
    const refused = await fake.waitForRequest((r) => r.interactionId === long.id);
    expect(refused.status).toBe(400);
    expect(refused.violations).toEqual(
      expect.arrayContaining(['/data/content must NOT have more than 2000 characters', 'data.content has 2001 characters (max 2000)']),
    );
    await expect.poll(() => rejected.length).toBe(1);
    expect(rejected[0]).toContain('Invalid Form Body');

    const loose = await fake.sendInteraction(fake.command('sans-mentions'));
    const accepted = await acknowledged(loose.id);
    expect(accepted.status).toBe(204); // Discord accepts it: the rule is the project's
    expect(accepted.violations).toEqual([expect.stringContaining('allowed_mentions is missing')]);

    let thrown: unknown;
    try {
      fake.assertNoViolations();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    const message = (thrown as Error).message;
    expect(message).toContain('2001 characters');
    expect(message).toContain('allowed_mentions is missing');
    expect(message).not.toContain(TOKEN);
    fake.clearRecords();
  });

  it('resumes after the gateway drops, replays what was missed, and still answers', async () => {
    const identifies = fake.gatewayLog.filter((e) => e.note === 'IDENTIFY').length;
    await fake.dropGateway();
    // Sent while the client is disconnected: queued and replayed on RESUME.
    const { id } = await fake.sendInteraction(fake.command('ping'));
    await fake.waitForGateway((e) => e.note === 'resumed');
    const callback = await acknowledged(id);
    expect(callback.violations).toEqual([]);
    expect(fake.gatewayLog.filter((e) => e.note === 'IDENTIFY').length).toBe(identifies);
    expect(fake.gatewayLog.some((e) => e.t === 'INTERACTION_CREATE' && e.note === 'queued until resume')).toBe(true);

    // A connection cut without a close frame (1006) is resumed too.
    fake.clearRecords();
    await fake.dropGateway({ terminate: true });
    const second = await fake.sendInteraction(fake.command('ping'));
    expect((await acknowledged(second.id)).violations).toEqual([]);
    expect(fake.gatewayLog.filter((e) => e.note?.startsWith('closed')).map((e) => e.note)).toEqual(['closed 1006']);
    expect(fake.gatewayLog.filter((e) => e.note === 'IDENTIFY')).toEqual([]);
  });

  it('resumes when Discord asks for a reconnect (op 7)', async () => {
    fake.clearRecords();
    fake.requestReconnect();
    await fake.waitForGateway((e) => e.note === 'resumed');
    const { id } = await fake.sendInteraction(fake.command('ping'));
    expect((await acknowledged(id)).violations).toEqual([]);
    expect(fake.gatewayLog.filter((e) => e.note?.startsWith('closed')).map((e) => e.note)).toEqual(['closed 4200']);
  });

  it('retries an interaction callback answered with 429 and the reply lands', async () => {
    fake.failNext('POST /interactions/*/*/callback', { status: 429, retryAfter: 1 });
    const { id } = await fake.sendInteraction(fake.command('ping'));
    const callback = await acknowledged(id);
    const attempts = fake.interactionResponses(id);
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(attempts[0]?.fault).toBe('429 retry after 1 s');
    expect(attempts[0]?.response).toEqual({ message: 'You are being rate limited.', retry_after: 1, global: false });
    // discord.js waited for retry_after before trying again.
    expect(callback.receivedAt - (attempts[0]?.receivedAt ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(fake.originalResponse(id)?.content).toBe('pong');
  });

  it('identifies anew after a non-resumable INVALID_SESSION', async () => {
    fake.clearRecords();
    fake.invalidateSession(false);
    // discord.js throttles identifies to one per 5 s (max_concurrency 1), so this can take a few seconds.
    await fake.waitForGateway((e) => e.note === 'ready', 15_000);
    const { id } = await fake.sendInteraction(fake.command('ping'));
    expect((await acknowledged(id)).violations).toEqual([]);
    fake.assertNoViolations();
  }, 20_000);

  it('stays on 127.0.0.1 and leaves no open handles after client.destroy() and fake.close()', async () => {
    expect(handlerErrors).toEqual([]);
    fake.assertNoViolations();
    await client.destroy();
    await fake.close();
    for (const [name, listener] of CHANNELS) diagnosticsChannel.unsubscribe(name, listener);

    // Requests are seen even when a host name cannot be resolved (as discord.com cannot be here).
    expect(requestHosts.length).toBeGreaterThan(0);
    expect(requestHosts.filter((host) => host !== '127.0.0.1')).toEqual([]);
    expect(remoteAddresses.length).toBeGreaterThan(0);
    expect(remoteAddresses.filter((address) => address !== '127.0.0.1')).toEqual([]);
    expect(lookups).toEqual([]); // no host name (discord.com, a CDN) was even resolved
    // Sockets close asynchronously in libuv; give them a moment.
    await expect.poll(() => tcpHandles(), { timeout: 2_000 }).toBeLessThanOrEqual(baselineTcp);
  });
});

/** A hand-driven gateway client, to exercise what discord.js never does wrong (or never does at all). */
class RawGateway {
  readonly received: Array<{ op: number; t: string | null; s: number | null; d: Record<string, unknown> }> = [];
  readonly closed: Promise<number>;
  private readonly listeners = new Set<() => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.received.push(JSON.parse(String(data)) as RawGateway['received'][number]);
      for (const listener of this.listeners) listener();
    });
    this.closed = new Promise((resolve) => socket.on('close', (code) => resolve(code)));
  }

  static async open(url: string): Promise<RawGateway> {
    const socket = new WebSocket(url);
    const gateway = new RawGateway(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return gateway;
  }

  send(payload: unknown): void {
    this.socket.send(JSON.stringify(payload));
  }

  /** The next payload (from index `from` on) matching the test. */
  async next(test: (p: RawGateway['received'][number]) => boolean, from = 0): Promise<RawGateway['received'][number]> {
    for (;;) {
      const found = this.received.slice(from).find(test);
      if (found) return found;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such payload; got ${JSON.stringify(this.received.map((p) => [p.op, p.t]))}`)), 5_000);
        const listener = (): void => {
          clearTimeout(timer);
          this.listeners.delete(listener);
          resolve();
        };
        this.listeners.add(listener);
      });
    }
  }

  async close(): Promise<void> {
    this.socket.close(1000);
    await this.closed;
  }
}

describe('FakeDiscord protocol details, with a raw client', () => {
  let fake: FakeDiscord;
  const headers = { 'user-agent': 'DiscordBot (https://example.invalid, 1.0)', authorization: `Bot ${TOKEN}` };
  const identify = (intents = 1) => ({ op: 2, d: { token: TOKEN, intents, properties: { os: 'linux', browser: 'raw', device: 'raw' } } });

  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TOKEN, ackDeadlineMs: 200, heartbeatIntervalMs: 5_000, guilds: ['1300000000000000100', '1300000000000000101'] });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('refuses compression and privileged intents with Discord’s close codes, and records why', async () => {
    const compressed = await RawGateway.open(`${fake.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    expect(await compressed.closed).toBe(4012);
    const greedy = await RawGateway.open(`${fake.gatewayUrl}?v=10&encoding=json`);
    await greedy.next((p) => p.op === 10);
    greedy.send(identify(1 | (1 << 15)));
    expect(await greedy.closed).toBe(4014);
    expect(fake.gatewayViolations).toEqual([
      expect.stringContaining('compress=zlib-stream requested'),
      expect.stringContaining('privileged intents (32768)'),
    ]);
    fake.clearRecords();
  });

  it('says HELLO, acks heartbeats, sends READY then one GUILD_CREATE per guild, and full interactions', async () => {
    const gateway = await RawGateway.open(`${fake.gatewayUrl}?v=10&encoding=json`);
    const hello = await gateway.next((p) => p.op === 10);
    expect(hello.d['heartbeat_interval']).toBe(5_000);
    gateway.send({ op: 1, d: null });
    await gateway.next((p) => p.op === 11);
    gateway.send(identify());
    const ready = await gateway.next((p) => p.t === 'READY');
    expect(ready.s).toBe(1);
    expect(ready.d).toMatchObject({
      v: 10,
      user: { id: fake.botUser.id, bot: true },
      guilds: [{ id: '1300000000000000100', unavailable: true }, { id: '1300000000000000101', unavailable: true }],
      resume_gateway_url: fake.gatewayUrl,
      shard: [0, 1],
      application: { id: fake.applicationId },
    });
    const guildCreates = [await gateway.next((p) => p.s === 2), await gateway.next((p) => p.s === 3)];
    expect(guildCreates.map((p) => [p.t, p.d['id'], p.d['unavailable']])).toEqual([
      ['GUILD_CREATE', '1300000000000000100', false],
      ['GUILD_CREATE', '1300000000000000101', false],
    ]);
    expect(guildCreates[0]?.d).toMatchObject({ channels: [{ type: 0 }], roles: [{ name: '@everyone' }], members: [{ user: { id: fake.botUser.id } }] });

    await fake.sendInteraction(fake.command('ping', { fois: 2 }, { guildId: '1300000000000000101', locale: 'en-GB', permissions: 8n }));
    const event = await gateway.next((p) => p.t === 'INTERACTION_CREATE');
    expect(event.s).toBe(4);
    expect(event.d).toMatchObject({
      type: 2,
      application_id: fake.applicationId,
      data: { name: 'ping', type: 1, options: [{ name: 'fois', type: 4, value: 2 }] },
      guild_id: '1300000000000000101',
      channel: { id: fake.guilds[1]?.channelId, type: 0 },
      member: { user: { id: fake.defaultUser.id }, permissions: '8' },
      locale: 'en-GB',
      guild_locale: 'fr',
      entitlements: [],
      authorizing_integration_owners: { '0': '1300000000000000101' },
      context: 0,
    });
    expect(typeof event.d['token']).toBe('string');
    expect(typeof event.d['app_permissions']).toBe('string');
    await gateway.close();
  });

  it('answers late, repeated or premature acknowledgements as Discord does, and records each', async () => {
    fake.clearRecords();
    const gateway = await RawGateway.open(`${fake.gatewayUrl}?v=10&encoding=json`);
    await gateway.next((p) => p.op === 10);
    gateway.send(identify());
    await fake.waitForReady();
    const post = (path: string, body: unknown) =>
      fetch(`${fake.apiUrl}/v10${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const reply = { type: 4, data: { content: 'pong', allowed_mentions: { parse: [] } } };

    const early = await fake.sendInteraction(fake.command('ping'));
    const beforeAck = await post(`/webhooks/${fake.applicationId}/${early.token}?wait=true`, { content: 'trop tôt', allowed_mentions: { parse: [] } });
    expect([beforeAck.status, await beforeAck.json()]).toEqual([404, { message: 'Unknown Webhook', code: 10015 }]);
    expect((await post(`/interactions/${early.id}/${early.token}/callback`, reply)).status).toBe(204);
    const twice = await post(`/interactions/${early.id}/${early.token}/callback`, reply);
    expect([twice.status, await twice.json()]).toEqual([400, { message: 'Interaction has already been acknowledged.', code: 40060 }]);

    const late = await fake.sendInteraction(fake.command('ping'));
    await new Promise((resolve) => setTimeout(resolve, 300)); // past this fake's 200 ms deadline
    const tooLate = await post(`/interactions/${late.id}/${late.token}/callback`, reply);
    expect([tooLate.status, await tooLate.json()]).toEqual([404, { message: 'Unknown interaction', code: 10062 }]);

    const wrongKind = await fake.sendInteraction(fake.command('ping'));
    expect((await post(`/interactions/${wrongKind.id}/${wrongKind.token}/callback`, { type: 8, data: { choices: [] } })).status).toBe(400);

    expect(fake.violations()).toEqual([
      expect.stringContaining('webhook used before the interaction was acknowledged'),
      expect.stringContaining('acknowledged twice'),
      expect.stringMatching(/acknowledged after \d+ ms \(Discord allows 200 ms\)/),
      expect.stringContaining('callback type 8 is not valid for interaction type 2'),
    ]);
    await gateway.close();
  });

  it('answers unknown routes, wrong versions, bad content types and missing auth with Discord-like errors', async () => {
    fake.clearRecords();
    const unknown = await fetch(`${fake.apiUrl}/v10/guilds/1300000000000000100/bans`, { headers });
    expect([unknown.status, await unknown.json()]).toEqual([404, { message: '404: Not Found', code: 0 }]);
    expect((await fetch(`${fake.apiUrl}/v9/users/@me`, { headers })).status).toBe(404);
    const text = await fetch(`${fake.apiUrl}/v10/channels/${fake.guilds[0]?.channelId ?? ''}/messages`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain' },
      body: 'bonjour',
    });
    expect(text.status).toBe(400);
    const anonymous = await fetch(`${fake.apiUrl}/v10/users/@me`, { headers: { 'user-agent': headers['user-agent'] } });
    expect(anonymous.status).toBe(401);
    expect(fake.violations()).toEqual([
      expect.stringContaining('is not an operation'),
      expect.stringContaining('API version v9'),
      expect.stringContaining('unexpected content type "text/plain"'),
      expect.stringContaining('no Authorization header'),
    ]);
  });

  it('delays a request on demand and gives up waiting with a readable error', async () => {
    fake.clearRecords();
    fake.failNext('GET /users/@me', { delayMs: 150 });
    const started = Date.now();
    expect((await fetch(`${fake.apiUrl}/v10/users/@me`, { headers })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(fake.requests[0]?.fault).toBe('delayed 150 ms');
    await expect(fake.waitForRequest('DELETE /channels/*', 50)).rejects.toThrow(
      'no request matching DELETE /channels/* within 50 ms (received: GET /users/@me → 200)',
    );
  });
});
