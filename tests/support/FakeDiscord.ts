/**
 * A fake Discord for end-to-end tests: the REST API under `/api/v10` and a JSON gateway at `/gateway`, on one
 * HTTP server bound to 127.0.0.1. The real discord.js client talks to it when given
 * `rest: { api: fake.apiUrl }` (the gateway URL then comes from `GET /gateway/bot`), so the bot runs unchanged
 * and nothing leaves the machine.
 *
 * Every REST request is recorded with the problems found in it (Discord's OpenAPI spec, documented limits, the
 * project's `allowed_mentions` rule, interaction rules such as the 3-second acknowledgement); tests drive the bot by
 * dispatching interactions and inject faults (dropped gateway, invalid session, reconnect request, 429/500/delay).
 *
 * What it deliberately does not do: gateway compression (discord.js 14 asks for `zlib-stream` only when the optional
 * `zlib-sync` package is installed; the fake refuses it with a clear violation), ETF encoding, sharding beyond one
 * shard, voice, and any guild state beyond one text channel, the @everyone role and the bot's own member.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { checkLimitIssues, limitKindFor, normalisePath, validateRequest, type LimitKind } from './discordSpec.js';

// ---------------------------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------------------------

export interface FakeDiscordOptions {
  /** Guild ids (snowflakes) the bot is in; each gets one text channel. Default: one guild. */
  guilds?: string[];
  /** HELLO's heartbeat_interval in ms (Discord: 41250). */
  heartbeatIntervalMs?: number;
  /** When set, REST `Authorization: Bot <token>` and the gateway IDENTIFY/RESUME token must be exactly this. */
  token?: string;
  /** Interactions must be acknowledged within this many ms of delivery (Discord: 3000); null disables the check. */
  ackDeadlineMs?: number | null;
  /** Accept privileged intents (members, presences, message content); Discord refuses them unless enabled. */
  privilegedIntents?: boolean;
  /** Default `locale` / `guild_locale` of dispatched interactions. */
  locale?: string;
}

/** A REST request as the fake received and answered it. */
export interface RecordedRequest {
  /** Order of arrival, from 1. */
  seq: number;
  method: string;
  /** The Discord route: no `/api/v10` prefix, no query (e.g. `/interactions/1/abc/callback`). */
  path: string;
  /** The request target as received, with prefix and query. */
  url: string;
  query: Record<string, string>;
  /**
   * Lower-cased request headers. `authorization` is readable (`req.headers.authorization`) but not enumerable,
   * so the token never shows up when a request is printed, diffed or serialised.
   */
  headers: Record<string, string>;
  /** How the request authenticated, without the secret. */
  auth: 'bot' | 'bearer' | 'other' | 'none';
  contentType: string | undefined;
  /** Parsed JSON body (for multipart: the parsed `payload_json`); undefined when there was none. */
  body: unknown;
  files: RecordedFile[];
  /** Status the fake answered, and the JSON it answered with (undefined for 204). */
  status: number;
  response: unknown;
  /** Problems with what the bot sent: spec, limits, project rules, interaction rules. Empty when fine. */
  violations: string[];
  /** Set when the answer came from {@link FakeDiscord.failNext}. */
  fault?: string;
  /** The interaction a callback or interaction-webhook request belongs to. */
  interactionId?: string;
  receivedAt: number;
}

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

/**
 * Selects requests: a pattern `METHOD /path` (method optional) whose `*` or `:name` segments match any one segment,
 * e.g. `'POST /interactions/:id/:token/callback'`; a RegExp tested against `"METHOD /route"`; or a predicate. In
 * {@link FakeDiscord.failNext} the predicate sees the request before it is answered (no status or response yet).
 */
export type RequestMatch = string | RegExp | ((request: RecordedRequest) => boolean);

export type Fault =
  | { status: 429; retryAfter?: number; global?: boolean; times?: number }
  | { status: number; body?: unknown; times?: number }
  | { delayMs: number; times?: number };

/** Who triggers an interaction and where; every field has a sensible default. */
export interface InteractionOptions {
  /** Guild of the interaction; null for a DM with the bot. Default: the first guild. */
  guildId?: string | null;
  /** Default: the guild's text channel (or a DM channel). */
  channelId?: string;
  user?: Partial<FakeUser>;
  /** Member permissions (bit field as decimal string or bigint). Default: an ordinary member's. */
  permissions?: string | bigint;
  roles?: string[];
  /** User's client locale. Default: the fake's locale option ('fr'). */
  locale?: string;
  guildLocale?: string;
  /** The bot's permissions in the channel. */
  appPermissions?: string | bigint;
}

/** An interaction to dispatch: build it with command(), button() or autocomplete(). */
export interface InteractionSpec extends InteractionOptions {
  type: 2 | 3 | 4 | 5;
  data: Record<string, unknown>;
  /** For components: the message the component is on. */
  message?: FakeMessage;
}

export type OptionValue = string | number | boolean;
export type CommandOptions = Record<string, OptionValue> | Array<Record<string, unknown>>;

export interface FakeUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: string | null;
  bot?: boolean;
  [key: string]: unknown;
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  [key: string]: unknown;
}

export interface FakeGuild {
  id: string;
  name: string;
  channelId: string;
}

/** What the gateway saw or did, in order; IDENTIFY/RESUME tokens are not kept. */
export interface GatewayLogEntry {
  at: number;
  connection: number;
  direction: 'in' | 'out' | 'event';
  op?: number;
  t?: string | null;
  s?: number | null;
  /** A short description (close codes, identify properties, resume session). */
  note?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------------------------

const API_VERSION = 10;
const DISCORD_EPOCH = 1_420_070_400_000n;
const APPLICATION_ID = '1300000000000000001';
const DEFAULT_GUILD_ID = '1300000000000000100';
const MAX_BODY_BYTES = 26 * 1024 * 1024;
/** Discord's privileged intents: GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT. */
const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);
/** Application flags GATEWAY_MESSAGE_CONTENT_LIMITED | APPLICATION_COMMAND_BADGE, as a typical verified-less bot. */
const APPLICATION_FLAGS = (1 << 19) | (1 << 23);
const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;
/** How long Discord remembers a nonce sent with `enforce_nonce` ("the past few minutes"). */
const NONCE_WINDOW_MS = 3 * 60_000;

const perms = (...bits: number[]): string => bits.reduce((acc, bit) => acc | (1n << BigInt(bit)), 0n).toString();
/** VIEW_CHANNEL, SEND_MESSAGES, EMBED_LINKS, ATTACH_FILES, READ_MESSAGE_HISTORY, ADD_REACTIONS, USE_EXTERNAL_EMOJIS,
 * USE_APPLICATION_COMMANDS, SEND_MESSAGES_IN_THREADS: what @everyone usually has. */
const MEMBER_PERMISSIONS = perms(10, 11, 14, 15, 16, 6, 18, 31, 38);
const BOT_PERMISSIONS = MEMBER_PERMISSIONS;

/** Interaction types (Discord): what each accepts as callback type. */
const CALLBACKS_FOR_INTERACTION: Record<number, number[]> = {
  2: [4, 5, 9],
  3: [4, 5, 6, 7, 9],
  4: [8],
  5: [4, 5, 6, 7],
};

class DiscordError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly violation?: string,
  ) {
    super(message);
  }
}

interface Session {
  id: string;
  seq: number;
  events: Array<{ op: 0; t: string; s: number; d: unknown }>;
  socket: WebSocket | undefined;
  shard: [number, number];
  valid: boolean;
  /** Not a secret of this fake, but kept away from logs all the same. */
  token: string;
}

interface ConnectionState {
  number: number;
  session: Session | undefined;
}

interface InteractionState {
  id: string;
  token: string;
  type: number;
  payload: Record<string, unknown>;
  channelId: string;
  createdAt: number;
  deliveredAt: number | undefined;
  callbackType: number | undefined;
  originalId: string | undefined;
  sourceMessageId: string | undefined;
  messageIds: string[];
  autocompleteChoices: unknown;
}

interface PendingFault {
  match: RequestMatch;
  fault: Fault;
  remaining: number;
}

interface Waiter<T> {
  test: (item: T) => boolean;
  resolve: (item: T) => void;
  /** Settles the wait with an error (used by close(), so no test hangs on a fake that is gone). */
  abort: (reason: string) => void;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function matches(match: RequestMatch, request: RecordedRequest): boolean {
  if (typeof match === 'function') return match(request);
  const line = `${request.method} ${request.path}`;
  if (match instanceof RegExp) return match.test(line);
  const [first, second] = match.trim().split(/\s+/, 2);
  const method = second === undefined ? undefined : first?.toUpperCase();
  const pattern = second ?? first ?? '';
  if (method !== undefined && method !== request.method) return false;
  const want = pattern.split('/').filter(Boolean);
  const have = request.path.split('/').filter(Boolean);
  return want.length === have.length && want.every((part, i) => part === '*' || part.startsWith(':') || part === have[i]);
}

function describeMatch(match: RequestMatch): string {
  return typeof match === 'function' ? 'predicate' : String(match);
}

// ---------------------------------------------------------------------------------------------------------------
// The fake
// ---------------------------------------------------------------------------------------------------------------

export class FakeDiscord {
  /** Every REST request, in the order the answers were sent. */
  readonly requests: RecordedRequest[] = [];
  /** Gateway traffic (HELLO, IDENTIFY, dispatches, closes, ...). */
  readonly gatewayLog: GatewayLogEntry[] = [];
  /** Protocol problems on the gateway (bad query, compression, intents, unknown opcodes, bad resume). */
  readonly gatewayViolations: string[] = [];
  readonly applicationId = APPLICATION_ID;
  readonly botUser: FakeUser;
  /** The human who triggers interactions by default. */
  readonly defaultUser: FakeUser;
  readonly guilds: readonly FakeGuild[];

  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly options: Required<Omit<FakeDiscordOptions, 'token' | 'guilds'>> & { token: string | undefined };
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly sessions = new Map<string, Session>();
  private readonly connections = new Map<WebSocket, ConnectionState>();
  private readonly interactions = new Map<string, InteractionState>();
  private readonly interactionsByToken = new Map<string, InteractionState>();
  private readonly storedMessages = new Map<string, FakeMessage>();
  private readonly commandStore = new Map<string, Array<Record<string, unknown>>>();
  private readonly faults: PendingFault[] = [];
  private readonly requestWaiters = new Set<Waiter<RecordedRequest>>();
  private readonly gatewayWaiters = new Set<Waiter<GatewayLogEntry>>();
  private currentSession: Session | undefined;
  private connectionCount = 0;
  private requestCount = 0;
  private snowflakeCounter = 0n;
  private closed = false;
  private port = 0;

  private constructor(options: FakeDiscordOptions) {
    this.options = {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      ackDeadlineMs: options.ackDeadlineMs === undefined ? 3_000 : options.ackDeadlineMs,
      privilegedIntents: options.privilegedIntents ?? false,
      locale: options.locale ?? 'fr',
      token: options.token,
    };
    const guildIds = options.guilds ?? [DEFAULT_GUILD_ID];
    for (const id of guildIds) {
      if (!/^[1-9][0-9]{16,19}$/.test(id)) throw new Error(`guild id ${JSON.stringify(id)} is not a snowflake`);
    }
    this.guilds = guildIds.map((id, i) => ({ id, name: `Guilde de test ${i + 1}`, channelId: this.snowflake() }));
    this.botUser = {
      id: APPLICATION_ID,
      username: 'veille-test',
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
      public_flags: 0,
      flags: 0,
      banner: null,
      accent_color: null,
      avatar_decoration_data: null,
      collectibles: null,
      primary_guild: null,
    };
    this.defaultUser = {
      id: '1300000000000000900',
      username: 'lectrice',
      discriminator: '0',
      global_name: 'Lectrice',
      avatar: null,
      public_flags: 0,
      flags: 0,
      banner: null,
      accent_color: null,
      avatar_decoration_data: null,
      collectibles: null,
      primary_guild: null,
    };
    this.server = createServer((req, res) => void this.handleHttp(req, res));
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
    this.server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
      const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (pathname !== '/gateway' && pathname !== '/gateway/') {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onGatewayConnection(ws, req));
    });
  }

  /** Starts a fake on 127.0.0.1 and a random free port. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve, reject) => {
      fake.server.once('error', reject);
      fake.server.listen(0, '127.0.0.1', () => {
        fake.server.off('error', reject);
        resolve();
      });
    });
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** The value for discord.js's `rest.api` (DISCORD_API_URL): the base without version, as @discordjs/rest adds `/v10`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Where `GET /gateway/bot` and READY's resume_gateway_url send the client. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Stops everything: gateway sockets, HTTP keep-alive sockets, pending timers. Destroy the client first. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const waiter of [...this.requestWaiters, ...this.gatewayWaiters]) waiter.abort('the fake Discord was closed while waiting');
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const ws of this.connections.keys()) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    const closing = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    for (const socket of this.sockets) socket.destroy();
    await closing;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Assertions and waiting
  // -------------------------------------------------------------------------------------------------------------

  /** Every problem recorded so far (REST and gateway), one line each, without headers or tokens. */
  violations(): string[] {
    const lines: string[] = [];
    for (const request of this.requests) {
      for (const violation of request.violations) lines.push(`${request.method} ${request.path} → ${request.status}: ${violation}`);
    }
    for (const violation of this.gatewayViolations) lines.push(`gateway: ${violation}`);
    return lines;
  }

  /** Throws listing every violation; call it at the end of each end-to-end test. */
  assertNoViolations(): void {
    const lines = this.violations();
    if (lines.length > 0) throw new Error(`Fake Discord recorded ${lines.length} violation(s):\n  ${lines.join('\n  ')}`);
  }

  /** Forgets recorded requests, gateway log and violations (state such as commands and messages is kept). */
  clearRecords(): void {
    this.requests.length = 0;
    this.gatewayLog.length = 0;
    this.gatewayViolations.length = 0;
  }

  /** Resolves with the first recorded request that matches, already received or still to come. */
  waitForRequest(match: RequestMatch, timeoutMs = 10_000): Promise<RecordedRequest> {
    const test = (request: RecordedRequest): boolean => matches(match, request);
    return this.waitFor(this.requests, this.requestWaiters, test, timeoutMs, () => {
      const seen = this.requests.map((r) => `${r.method} ${r.path} → ${r.status}`).join(', ') || 'none';
      return `no request matching ${describeMatch(match)} within ${timeoutMs} ms (received: ${seen})`;
    });
  }

  /** Resolves with the first gateway log entry that matches, already logged or still to come. */
  waitForGateway(test: (entry: GatewayLogEntry) => boolean, timeoutMs = 10_000): Promise<GatewayLogEntry> {
    return this.waitFor(this.gatewayLog, this.gatewayWaiters, test, timeoutMs, () => `no matching gateway event within ${timeoutMs} ms`);
  }

  /** Resolves once a client has identified and received READY and every GUILD_CREATE. */
  async waitForReady(timeoutMs = 10_000): Promise<void> {
    await this.waitForGateway((e) => e.direction === 'event' && e.note === 'ready', timeoutMs);
  }

  private waitFor<T>(
    existing: readonly T[],
    waiters: Set<Waiter<T>>,
    test: (item: T) => boolean,
    timeoutMs: number,
    message: () => string,
  ): Promise<T> {
    const found = existing.find(test);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const settle = (): void => {
        clearTimeout(timer);
        this.timers.delete(timer);
        waiters.delete(waiter);
      };
      const waiter: Waiter<T> = {
        test,
        resolve: (item) => {
          settle();
          resolve(item);
        },
        abort: (reason) => {
          settle();
          reject(new Error(reason));
        },
      };
      const timer = setTimeout(() => {
        settle();
        reject(new Error(message()));
      }, timeoutMs);
      this.timers.add(timer);
      waiters.add(waiter);
    });
  }

  private notify<T>(waiters: Set<Waiter<T>>, item: T): void {
    for (const waiter of [...waiters]) if (waiter.test(item)) waiter.resolve(item);
  }

  /** The callback and every webhook request made with that interaction's token, in order. */
  interactionResponses(interactionId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.interactionId === interactionId);
  }

  /** The message currently shown as the interaction's response (after edits), if any. */
  originalResponse(interactionId: string): FakeMessage | undefined {
    const state = this.interactions.get(interactionId);
    const id = state?.originalId ?? (state?.callbackType === 6 || state?.callbackType === 7 ? state.sourceMessageId : undefined);
    return id === undefined ? undefined : this.storedMessages.get(id);
  }

  /** The choices the bot answered an autocomplete interaction with. */
  autocompleteChoices(interactionId: string): unknown {
    return this.interactions.get(interactionId)?.autocompleteChoices;
  }

  /** The messages of a channel that are not interaction responses (the bot's own posts, and messages made up to carry a button), oldest first. */
  messagesIn(channelId: string): FakeMessage[] {
    return [...this.storedMessages.values()].filter((m) => m.channel_id === channelId && m['interaction_metadata'] === undefined && m['webhook_id'] === undefined);
  }

  /** A message the bot posted (or a component message the fake made up), by id. */
  message(id: string): FakeMessage | undefined {
    return this.storedMessages.get(id);
  }

  /** Commands registered with PUT (global when guildId is omitted), as the fake stored and returned them. */
  commands(guildId?: string): Array<Record<string, unknown>> {
    return this.commandStore.get(guildId ?? 'global') ?? [];
  }

  // -------------------------------------------------------------------------------------------------------------
  // Faults
  // -------------------------------------------------------------------------------------------------------------

  /** The next matching REST request (or `times` of them) gets this answer instead of the normal one. */
  failNext(match: RequestMatch, fault: Fault): void {
    this.faults.push({ match, fault, remaining: fault.times ?? 1 });
  }

  /**
   * Drops the live gateway connection without Discord's help: by default a close with 4000 (unknown error, which
   * discord.js resumes), or a TCP-level termination. Events dispatched meanwhile are replayed on RESUME.
   */
  async dropGateway(options: { code?: number; terminate?: boolean } = {}): Promise<void> {
    const socket = this.currentSession?.socket;
    if (!socket) throw new Error('no live gateway connection to drop');
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    if (options.terminate) socket.terminate();
    else socket.close(options.code ?? 4000, 'fake discord: dropped');
    await closed;
  }

  /**
   * Sends op 9 INVALID_SESSION; unless resumable, the session is forgotten and the client must IDENTIFY again. As
   * Discord, the fake sends nothing more on that connection: a resumable session queues its events until RESUME.
   */
  invalidateSession(resumable = false): void {
    const session = this.requireLiveSession();
    if (!resumable) session.valid = false;
    this.send(session.socket as WebSocket, { op: 9, d: resumable, s: null, t: null });
    session.socket = undefined;
  }

  /**
   * Sends op 7 RECONNECT: the client should close and RESUME on resume_gateway_url. As Discord, the fake sends
   * nothing more on that connection: events dispatched meanwhile are queued and replayed on RESUME.
   */
  requestReconnect(): void {
    const session = this.requireLiveSession();
    this.send(session.socket as WebSocket, { op: 7, d: null, s: null, t: null });
    session.socket = undefined;
  }

  private requireLiveSession(): Session {
    const session = this.currentSession;
    if (!session?.socket) throw new Error('no live gateway session');
    return session;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Interactions
  // -------------------------------------------------------------------------------------------------------------

  /** A slash command interaction (type 2). Option types come from the registered command when there is one. */
  command(name: string, options: CommandOptions = {}, extra: InteractionOptions = {}): InteractionSpec {
    const guildId = extra.guildId === undefined ? this.guilds[0]?.id ?? null : extra.guildId;
    const registered = this.findCommand(name, guildId);
    const data: Record<string, unknown> = {
      id: registered?.['id'] ?? this.stableId(`command:${name}`),
      name,
      type: 1,
    };
    const built = this.buildOptions(options, registered);
    if (built.length > 0) data['options'] = built;
    if (registered?.['guild_id'] !== undefined) data['guild_id'] = registered['guild_id'];
    return { ...extra, type: 2, data };
  }

  /** An autocomplete interaction (type 4); the focused option is `extra.focused`, else the last one given. */
  autocomplete(name: string, options: CommandOptions, extra: InteractionOptions & { focused?: string } = {}): InteractionSpec {
    const { focused, ...rest } = extra;
    const spec = this.command(name, options, rest);
    const list = (spec.data['options'] as Array<Record<string, unknown>> | undefined) ?? [];
    const leaves = flattenOptions(list);
    const target = focused === undefined ? leaves[leaves.length - 1] : leaves.find((o) => o['name'] === focused);
    if (!target) throw new Error(`autocomplete: no option ${focused ?? '(any)'} to focus`);
    target['focused'] = true;
    if (typeof target['value'] !== 'string') target['value'] = String(target['value']);
    return { ...spec, type: 4 };
  }

  /**
   * A button click (type 3). The message defaults to the newest message the bot sent with that custom_id (so
   * pagination can be driven from the bot's own output), else a made-up message holding just that button.
   */
  button(customId: string, message?: FakeMessage | string, extra: InteractionOptions = {}): InteractionSpec {
    let source: FakeMessage | undefined;
    if (typeof message === 'string') {
      source = this.storedMessages.get(message);
      if (!source) throw new Error(`button: no message ${message}`);
    } else if (message) {
      source = message;
    } else {
      source = [...this.storedMessages.values()].reverse().find((m) => componentIds(m.components).includes(customId));
    }
    if (!source) {
      const guild = this.guildFor(extra.guildId === undefined ? this.guilds[0]?.id ?? null : extra.guildId);
      source = this.makeMessage(extra.channelId ?? guild?.channelId ?? this.dmChannelId(), {
        content: '',
        components: [{ type: 1, components: [{ type: 2, style: 2, label: customId.slice(0, 80), custom_id: customId }] }],
      });
      this.storedMessages.set(source.id, source);
    }
    return { ...extra, channelId: extra.channelId ?? source.channel_id, type: 3, data: { custom_id: customId, component_type: 2 }, message: source };
  }

  /**
   * Builds the full INTERACTION_CREATE payload and dispatches it on the gateway (waiting up to 10 s for a client
   * session; while the connection is down it is queued and replayed on RESUME, as Discord does).
   */
  async sendInteraction(spec: InteractionSpec): Promise<{ id: string; token: string }> {
    const session = this.currentSession?.valid ? this.currentSession : await this.waitForSession(10_000);
    const id = this.snowflake();
    const token = `aW50ZXJhY3Rpb246${id}:${randomBytes(48).toString('base64url')}`;
    const guildId = spec.guildId === undefined ? this.guilds[0]?.id ?? null : spec.guildId;
    const guild = this.guildFor(guildId);
    if (guildId !== null && !guild) throw new Error(`sendInteraction: the bot is not in guild ${guildId}`);
    const channelId = spec.channelId ?? guild?.channelId ?? this.dmChannelId();
    const user: FakeUser = { ...this.defaultUser, ...spec.user };
    const locale = spec.locale ?? this.options.locale;
    const payload: Record<string, unknown> = {
      id,
      application_id: this.applicationId,
      type: spec.type,
      token,
      version: 1,
      data: spec.data,
      channel_id: channelId,
      channel: guild ? this.channelObject(guild) : { id: channelId, type: 1, flags: 0, last_message_id: null, recipients: [user] },
      locale,
      app_permissions: String(spec.appPermissions ?? BOT_PERMISSIONS),
      entitlements: [],
      entitlement_sku_ids: [],
      authorizing_integration_owners: { '0': guild ? guild.id : '0' },
      context: guild ? 0 : 1,
      attachment_size_limit: 10_485_760,
    };
    if (guild) {
      payload['guild_id'] = guild.id;
      payload['guild'] = { id: guild.id, locale: spec.guildLocale ?? this.options.locale, features: [] };
      payload['guild_locale'] = spec.guildLocale ?? this.options.locale;
      payload['member'] = {
        user,
        roles: spec.roles ?? [],
        permissions: String(spec.permissions ?? MEMBER_PERMISSIONS),
        nick: null,
        avatar: null,
        banner: null,
        joined_at: '2024-01-15T09:00:00.000000+00:00',
        premium_since: null,
        deaf: false,
        mute: false,
        flags: 0,
        pending: false,
        communication_disabled_until: null,
        unusual_dm_activity_until: null,
      };
    } else {
      payload['user'] = user;
    }
    if (spec.message) payload['message'] = spec.message;
    const state: InteractionState = {
      id,
      token,
      type: spec.type,
      payload,
      channelId,
      createdAt: Date.now(),
      deliveredAt: undefined,
      callbackType: undefined,
      originalId: undefined,
      sourceMessageId: spec.message?.id,
      messageIds: [],
      autocompleteChoices: undefined,
    };
    this.interactions.set(id, state);
    this.interactionsByToken.set(token, state);
    this.dispatch(session, 'INTERACTION_CREATE', payload);
    return { id, token };
  }

  private async waitForSession(timeoutMs: number): Promise<Session> {
    await this.waitForGateway((e) => e.note === 'ready' && this.currentSession?.valid === true, timeoutMs).catch(() => {
      throw new Error(`no client identified on the gateway within ${timeoutMs} ms: is the bot running with DISCORD_API_URL=${this.apiUrl}?`);
    });
    return this.currentSession as Session;
  }

  private findCommand(name: string, guildId: string | null): Record<string, unknown> | undefined {
    const scopes = guildId === null ? ['global'] : [guildId, 'global'];
    for (const scope of scopes) {
      const found = this.commandStore.get(scope)?.find((c) => c['name'] === name && (c['type'] ?? 1) === 1);
      if (found) return found;
    }
    return undefined;
  }

  private buildOptions(options: CommandOptions, command: Record<string, unknown> | undefined): Array<Record<string, unknown>> {
    if (Array.isArray(options)) return options.map((o) => ({ ...o }));
    const defined = Array.isArray(command?.['options']) ? (command['options'] as Array<Record<string, unknown>>) : [];
    return Object.entries(options).map(([name, value]) => {
      const definition = defined.find((o) => o['name'] === name);
      const declared = definition?.['type'];
      const type =
        typeof declared === 'number'
          ? declared
          : typeof value === 'boolean'
            ? 5
            : typeof value === 'number'
              ? Number.isInteger(value)
                ? 4
                : 10
              : 3;
      if (![3, 4, 5, 10].includes(type)) {
        throw new Error(`option ${name} has type ${type}: pass the raw option list (with resolved data) instead`);
      }
      return { name, type, value };
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Gateway
  // -------------------------------------------------------------------------------------------------------------

  private log(entry: Omit<GatewayLogEntry, 'at'>): void {
    const full: GatewayLogEntry = { at: Date.now(), ...entry };
    this.gatewayLog.push(full);
    this.notify(this.gatewayWaiters, full);
  }

  private gatewayViolation(connection: number, message: string): void {
    this.gatewayViolations.push(message);
    this.log({ connection, direction: 'event', note: `violation: ${message}` });
  }

  private send(ws: WebSocket, payload: { op: number; d: unknown; s: number | null; t: string | null }): void {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(JSON.stringify(payload));
    const state = this.connections.get(ws);
    this.log({ connection: state?.number ?? 0, direction: 'out', op: payload.op, t: payload.t, s: payload.s });
  }

  private closeWith(ws: WebSocket, code: number, reason: string): void {
    const state = this.connections.get(ws);
    this.log({ connection: state?.number ?? 0, direction: 'event', note: `server closes ${code} ${reason}` });
    ws.close(code, reason);
  }

  private onGatewayConnection(ws: WebSocket, req: IncomingMessage): void {
    const state: ConnectionState = { number: ++this.connectionCount, session: undefined };
    this.connections.set(ws, state);
    const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
    this.log({ connection: state.number, direction: 'event', note: `connected ?${query.toString()}` });
    ws.on('close', (code) => {
      this.connections.delete(ws);
      if (state.session?.socket === ws) state.session.socket = undefined;
      this.log({ connection: state.number, direction: 'event', note: `closed ${code}` });
    });
    ws.on('error', () => undefined);
    ws.on('message', (data, isBinary) => this.onGatewayMessage(ws, state, data, isBinary));

    const problems: string[] = [];
    if (query.get('v') !== String(API_VERSION)) problems.push(`gateway version v=${query.get('v') ?? '(none)'} (expected ${API_VERSION})`);
    if ((query.get('encoding') ?? 'json') !== 'json') problems.push(`encoding=${query.get('encoding') ?? ''} (the fake speaks json only)`);
    if (query.has('compress')) {
      problems.push(
        `compress=${query.get('compress') ?? ''} requested: the fake does not compress (discord.js asks for zlib-stream only when zlib-sync is installed)`,
      );
    }
    if (problems.length > 0) {
      for (const problem of problems) this.gatewayViolation(state.number, problem);
      // 4012 (invalid API version) is not resumable, so discord.js stops instead of retrying forever.
      this.closeWith(ws, 4012, 'fake discord: unsupported connection options');
      return;
    }
    this.send(ws, { op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['["fake-discord",{"micros":0}]'] }, s: null, t: null });
  }

  private onGatewayMessage(ws: WebSocket, state: ConnectionState, data: unknown, isBinary: boolean): void {
    let payload: unknown;
    try {
      if (isBinary) throw new Error('binary frame');
      payload = JSON.parse(String(data));
    } catch {
      this.gatewayViolation(state.number, 'a frame that is not a JSON text message');
      this.closeWith(ws, 4002, 'Error while decoding payload.');
      return;
    }
    if (!isObject(payload) || typeof payload['op'] !== 'number') {
      this.gatewayViolation(state.number, 'a payload without numeric op');
      this.closeWith(ws, 4002, 'Error while decoding payload.');
      return;
    }
    const op = payload['op'];
    const d = payload['d'];
    const name = op === 2 ? 'IDENTIFY' : op === 6 ? 'RESUME' : undefined;
    this.log({ connection: state.number, direction: 'in', op, ...(name ? { note: name } : {}) });
    switch (op) {
      case 1:
        this.send(ws, { op: 11, d: null, s: null, t: null });
        return;
      case 2:
        this.onIdentify(ws, state, d);
        return;
      case 6:
        this.onResume(ws, state, d);
        return;
      case 3:
      case 4:
      case 8:
        if (!state.session) this.closeWith(ws, 4003, 'Not authenticated.');
        return; // presence, voice state, request guild members: accepted and ignored
      default:
        this.gatewayViolation(state.number, `unknown opcode ${op}`);
        this.closeWith(ws, 4001, 'Unknown opcode.');
    }
  }

  private onIdentify(ws: WebSocket, state: ConnectionState, d: unknown): void {
    if (state.session) {
      this.gatewayViolation(state.number, 'IDENTIFY on an already authenticated connection');
      this.closeWith(ws, 4005, 'Already authenticated.');
      return;
    }
    if (!isObject(d) || typeof d['token'] !== 'string' || d['token'] === '') {
      this.gatewayViolation(state.number, 'IDENTIFY without token');
      this.closeWith(ws, 4004, 'Authentication failed.');
      return;
    }
    if (this.options.token !== undefined && d['token'] !== this.options.token) {
      this.gatewayViolation(state.number, 'IDENTIFY with a token other than the configured one');
      this.closeWith(ws, 4004, 'Authentication failed.');
      return;
    }
    const properties = d['properties'];
    if (!isObject(properties) || ['os', 'browser', 'device'].some((k) => typeof properties[k] !== 'string')) {
      this.gatewayViolation(state.number, 'IDENTIFY properties must have os, browser and device');
    }
    const intents = d['intents'];
    if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0 || intents >= 1 << 26) {
      this.gatewayViolation(state.number, `IDENTIFY with invalid intents ${JSON.stringify(intents)}`);
      this.closeWith(ws, 4013, 'Invalid intent(s).');
      return;
    }
    if ((intents & PRIVILEGED_INTENTS) !== 0 && !this.options.privilegedIntents) {
      this.gatewayViolation(state.number, `IDENTIFY asks for privileged intents (${intents & PRIVILEGED_INTENTS}) the bot does not need`);
      this.closeWith(ws, 4014, 'Disallowed intent(s).');
      return;
    }
    if (d['compress'] === true) {
      this.gatewayViolation(state.number, 'IDENTIFY with compress: true; the fake sends uncompressed JSON only');
      this.closeWith(ws, 4012, 'fake discord: compression not supported');
      return;
    }
    const threshold = d['large_threshold'];
    if (threshold !== undefined && (typeof threshold !== 'number' || threshold < 50 || threshold > 250)) {
      this.gatewayViolation(state.number, `IDENTIFY large_threshold ${JSON.stringify(threshold)} (50–250)`);
    }
    const shard = d['shard'];
    let shardPair: [number, number] = [0, 1];
    if (shard !== undefined) {
      if (!Array.isArray(shard) || shard.length !== 2 || shard[0] !== 0 || shard[1] !== 1) {
        this.gatewayViolation(state.number, `IDENTIFY shard ${JSON.stringify(shard)}: the fake runs one shard, [0, 1]`);
        this.closeWith(ws, 4010, 'Invalid shard.');
        return;
      }
      shardPair = [0, 1];
    }
    this.log({
      connection: state.number,
      direction: 'event',
      note: `identify intents=${intents} properties=${JSON.stringify(properties)} compress=${String(d['compress'] ?? false)}`,
    });
    if (this.currentSession) this.currentSession.valid = false;
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      seq: 0,
      events: [],
      socket: ws,
      shard: shardPair,
      valid: true,
      token: d['token'],
    };
    this.sessions.set(session.id, session);
    this.currentSession = session;
    state.session = session;
    this.dispatch(session, 'READY', {
      v: API_VERSION,
      user: { ...this.botUser, verified: true, mfa_enabled: false, email: null },
      user_settings: {},
      session_type: 'normal',
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      guilds: this.guilds.map((g) => ({ id: g.id, unavailable: true })),
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      shard: session.shard,
      application: { id: this.applicationId, flags: APPLICATION_FLAGS },
      _trace: ['["fake-discord",{"micros":0}]'],
    });
    for (const guild of this.guilds) this.dispatch(session, 'GUILD_CREATE', this.guildObject(guild));
    this.log({ connection: state.number, direction: 'event', note: 'ready' });
  }

  private onResume(ws: WebSocket, state: ConnectionState, d: unknown): void {
    const sessionId = isObject(d) ? d['session_id'] : undefined;
    const seq = isObject(d) ? d['seq'] : undefined;
    const token = isObject(d) ? d['token'] : undefined;
    const session = typeof sessionId === 'string' ? this.sessions.get(sessionId) : undefined;
    this.log({ connection: state.number, direction: 'event', note: `resume session=${String(sessionId)} seq=${String(seq)}` });
    if (!session || !session.valid || token !== session.token || (typeof seq !== 'number' && seq !== null)) {
      // Discord answers a failed resume with INVALID_SESSION (not resumable); the client then identifies anew.
      this.send(ws, { op: 9, d: false, s: null, t: null });
      return;
    }
    if (typeof seq === 'number' && seq > session.seq) {
      this.gatewayViolation(state.number, `RESUME with seq ${seq} beyond the last sent ${session.seq}`);
      this.closeWith(ws, 4007, 'Invalid seq.');
      return;
    }
    if (session.socket && session.socket !== ws) session.socket.terminate();
    session.socket = ws;
    state.session = session;
    this.currentSession = session;
    const from = typeof seq === 'number' ? seq : 0;
    for (const event of session.events) {
      if (event.s > from) {
        this.send(ws, event);
        if (event.t === 'INTERACTION_CREATE') this.markDelivered(event.d);
      }
    }
    this.dispatch(session, 'RESUMED', { _trace: ['["fake-discord",{"micros":0}]'] });
    this.log({ connection: state.number, direction: 'event', note: 'resumed' });
  }

  private dispatch(session: Session, t: string, d: unknown): void {
    const event = { op: 0 as const, t, s: ++session.seq, d };
    session.events.push(event);
    if (session.socket) {
      this.send(session.socket, event);
      if (t === 'INTERACTION_CREATE') this.markDelivered(d);
    } else {
      this.log({ connection: 0, direction: 'event', t, s: event.s, note: 'queued until resume' });
    }
  }

  private markDelivered(d: unknown): void {
    const id = isObject(d) ? d['id'] : undefined;
    const state = typeof id === 'string' ? this.interactions.get(id) : undefined;
    if (state && state.deliveredAt === undefined) state.deliveredAt = Date.now();
  }

  private guildFor(guildId: string | null): FakeGuild | undefined {
    return guildId === null ? undefined : this.guilds.find((g) => g.id === guildId);
  }

  private dmChannelId(): string {
    return this.stableId('dm-channel');
  }

  private channelObject(guild: FakeGuild): Record<string, unknown> {
    return {
      id: guild.channelId,
      type: 0,
      guild_id: guild.id,
      name: 'général',
      position: 0,
      flags: 0,
      parent_id: null,
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      permission_overwrites: [],
      permissions: BOT_PERMISSIONS,
    };
  }

  private guildObject(guild: FakeGuild): Record<string, unknown> {
    const { guild_id: _guildId, permissions: _permissions, ...channel } = this.channelObject(guild);
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: this.defaultUser.id,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      verification_level: 1,
      default_message_notifications: 1,
      explicit_content_filter: 2,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      preferred_locale: this.options.locale,
      features: [],
      application_id: null,
      system_channel_id: guild.channelId,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      max_members: 25_000_000,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      incidents_data: null,
      joined_at: '2024-01-15T09:00:00.000000+00:00',
      large: false,
      lazy: true,
      unavailable: false,
      member_count: 2,
      roles: [
        {
          id: guild.id,
          name: '@everyone',
          description: null,
          permissions: MEMBER_PERMISSIONS,
          position: 0,
          color: 0,
          colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
          hoist: false,
          managed: false,
          mentionable: false,
          icon: null,
          unicode_emoji: null,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      soundboard_sounds: [],
      channels: [channel],
      threads: [],
      members: [
        {
          user: this.botUser,
          roles: [],
          nick: null,
          avatar: null,
          banner: null,
          joined_at: '2024-01-15T09:00:00.000000+00:00',
          premium_since: null,
          deaf: false,
          mute: false,
          flags: 0,
          pending: false,
          communication_disabled_until: null,
        },
      ],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      embedded_activities: [],
      activity_instances: [],
      version: 0,
    };
  }

  // -------------------------------------------------------------------------------------------------------------
  // REST
  // -------------------------------------------------------------------------------------------------------------

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const seq = ++this.requestCount;
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const { route, query, version } = normalisePath(url);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name === 'authorization' || value === undefined) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const authorization = req.headers.authorization;
    if (authorization !== undefined) Object.defineProperty(headers, 'authorization', { value: authorization, enumerable: false });
    const record: RecordedRequest = {
      seq,
      method,
      path: route,
      url,
      query: Object.fromEntries(query),
      headers,
      auth: authorization === undefined ? 'none' : /^Bot /.test(authorization) ? 'bot' : /^Bearer /.test(authorization) ? 'bearer' : 'other',
      contentType: req.headers['content-type'],
      body: undefined,
      files: [],
      status: 0,
      response: undefined,
      violations: [],
      receivedAt,
    };

    let answer: { status: number; body?: unknown; headers?: Record<string, string> };
    try {
      const raw = await readBody(req);
      answer = await this.route(record, raw, version);
    } catch (error) {
      if (error instanceof DiscordError) {
        if (error.violation) record.violations.push(error.violation);
        answer = { status: error.status, body: { message: error.message, code: error.code } };
      } else {
        const message = error instanceof Error ? error.message : String(error);
        record.violations.push(`the fake failed to handle the request: ${message}`);
        answer = { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
      }
    }
    if (this.closed) {
      res.destroy();
      return;
    }
    record.status = answer.status;
    record.response = answer.body;
    const responseHeaders: Record<string, string> = { ...answer.headers };
    let payload = '';
    if (answer.body !== undefined && answer.status !== 204) {
      payload = JSON.stringify(answer.body);
      responseHeaders['content-type'] = 'application/json';
    }
    responseHeaders['content-length'] = String(Buffer.byteLength(payload));
    res.writeHead(answer.status, responseHeaders);
    res.end(payload);
    this.requests.push(record);
    this.notify(this.requestWaiters, record);
  }

  private async route(
    record: RecordedRequest,
    raw: Buffer,
    version: number | undefined,
  ): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> {
    const { method, path } = record;
    if (!record.url.startsWith('/api/') || version === undefined) {
      throw new DiscordError(404, 0, '404: Not Found', `request outside /api/v${API_VERSION}: ${record.url.split('?')[0] ?? ''}`);
    }
    if (version !== API_VERSION) {
      throw new DiscordError(404, 0, '404: Not Found', `API version v${version} (discord.js 14 uses v${API_VERSION})`);
    }

    // Body
    const contentType = (record.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (raw.length > 0) {
      if (method === 'GET' || method === 'DELETE') record.violations.push(`${method} with a body`);
      if (contentType === 'application/json') {
        try {
          record.body = JSON.parse(raw.toString('utf8'));
        } catch {
          throw new DiscordError(400, 50109, 'The request body contains invalid JSON.', 'body is not valid JSON');
        }
      } else if (contentType === 'multipart/form-data') {
        const parsed = await parseMultipart(raw, record.contentType ?? '');
        record.files = parsed.files;
        record.body = parsed.body;
        if (parsed.problem) record.violations.push(parsed.problem);
      } else {
        throw new DiscordError(400, 50035, 'Invalid Form Body', `unexpected content type ${JSON.stringify(record.contentType ?? '(none)')}`);
      }
    }

    // Problems with what was sent.
    const userAgent = record.headers['user-agent'] ?? '';
    if (!/^DiscordBot \(\S+, \S+\)/.test(userAgent)) record.violations.push(`User-Agent ${JSON.stringify(userAgent)} is not "DiscordBot (url, version)"`);
    const specErrors = validateRequest(method, record.url, record.body);
    const interaction = this.interactionFor(path);
    if (interaction) record.interactionId = interaction.id;
    const issues = record.body === undefined ? [] : checkLimitIssues(record.body, this.limitKind(method, record.url, interaction));
    record.violations.push(...specErrors, ...issues.map((i) => i.message));

    // Injected faults come before Discord's own answers.
    const fault = this.takeFault(record);
    if (fault) {
      if ('delayMs' in fault) {
        record.fault = `delayed ${fault.delayMs} ms`;
        await this.sleep(fault.delayMs);
      } else if (fault.status === 429) {
        const retryAfter = 'retryAfter' in fault && typeof fault.retryAfter === 'number' ? fault.retryAfter : 1;
        const global = 'global' in fault && fault.global === true;
        record.fault = `429 retry after ${retryAfter} s${global ? ' (global)' : ''}`;
        const headers: Record<string, string> = {
          'retry-after': String(Math.ceil(retryAfter)),
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
          'x-ratelimit-reset-after': retryAfter.toFixed(3),
          'x-ratelimit-bucket': `fake-${Buffer.from(`${method} ${path.replace(/\d{17,20}/g, ':id')}`).toString('hex').slice(0, 16)}`,
          'x-ratelimit-scope': global ? 'global' : 'user',
        };
        if (global) headers['x-ratelimit-global'] = 'true';
        return { status: 429, headers, body: { message: 'You are being rate limited.', retry_after: retryAfter, global } };
      } else {
        record.fault = `status ${fault.status}`;
        const body = 'body' in fault && fault.body !== undefined ? fault.body : { message: `${fault.status}: injected by the test`, code: 0 };
        return { status: fault.status, body };
      }
    }

    const isInteractionRoute = path.startsWith('/interactions/') || path.startsWith('/webhooks/');
    if (!isInteractionRoute) this.checkAuth(record);
    if (specErrors.some((e) => e.includes('is not an operation'))) {
      throw new DiscordError(404, 0, '404: Not Found');
    }
    const enforced = [...specErrors, ...issues.filter((i) => i.enforcedByDiscord).map((i) => i.message)];
    if (enforced.length > 0) {
      return {
        status: 400,
        body: {
          message: 'Invalid Form Body',
          code: 50035,
          errors: { _errors: enforced.map((message) => ({ code: 'FAKE_DISCORD_INVALID', message })) },
        },
      };
    }
    return this.handle(record, interaction);
  }

  private checkAuth(record: RecordedRequest): void {
    const authorization = record.headers['authorization'];
    if (authorization === undefined) throw new DiscordError(401, 0, '401: Unauthorized', 'no Authorization header');
    if (!authorization.startsWith('Bot ')) throw new DiscordError(401, 0, '401: Unauthorized', 'Authorization is not "Bot <token>"');
    const token = authorization.slice(4);
    if (token.length < 20) throw new DiscordError(401, 0, '401: Unauthorized', 'bot token too short to be real-looking');
    if (this.options.token !== undefined && token !== this.options.token) {
      throw new DiscordError(401, 0, '401: Unauthorized', 'Authorization carries a token other than the configured one');
    }
  }

  private takeFault(record: RecordedRequest): Fault | undefined {
    const index = this.faults.findIndex((f) => matches(f.match, record));
    if (index < 0) return undefined;
    const pending = this.faults[index] as PendingFault;
    pending.remaining -= 1;
    if (pending.remaining <= 0) this.faults.splice(index, 1);
    return pending.fault;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private interactionFor(path: string): InteractionState | undefined {
    const parts = path.split('/').filter(Boolean);
    if (parts[0] === 'interactions' && parts[2] !== undefined) {
      const state = this.interactions.get(parts[1] ?? '');
      return state && state.token === parts[2] ? state : undefined;
    }
    if (parts[0] === 'webhooks' && parts[1] === this.applicationId && parts[2] !== undefined) {
      return this.interactionsByToken.get(parts[2]);
    }
    return undefined;
  }

  /** Limits depend on the route, except that the first edit of a deferred reply is what creates the message. */
  private limitKind(method: string, url: string, interaction: InteractionState | undefined): LimitKind | undefined {
    const kind = limitKindFor(method, url);
    if (kind === 'message-edit' && interaction?.originalId !== undefined && url.includes('/messages/@original')) {
      const original = this.storedMessages.get(interaction.originalId);
      if (original && (original.flags & LOADING) !== 0) return 'message-create';
    }
    return kind;
  }

  private async handle(
    record: RecordedRequest,
    interaction: InteractionState | undefined,
  ): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> {
    const { method, path } = record;
    const parts = path.split('/').filter(Boolean);
    const key = `${method} /${parts.map((p, i) => (/^\d+$/.test(p) || (parts[0] === 'webhooks' && i === 2) || (parts[0] === 'interactions' && i === 2) ? '*' : p)).join('/')}`;
    const body = record.body;

    switch (key) {
      case 'GET /gateway':
        return { status: 200, body: { url: this.gatewayUrl } };
      case 'GET /gateway/bot':
        return {
          status: 200,
          body: {
            url: this.gatewayUrl,
            shards: 1,
            session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
          },
        };
      case 'GET /users/@me':
        return { status: 200, body: { ...this.botUser, mfa_enabled: false, locale: 'en-US', premium_type: 0, verified: true, email: null } };
      case 'GET /applications/@me':
        return { status: 200, body: this.applicationObject() };
      case 'GET /channels/*': {
        const guild = this.guilds.find((g) => g.channelId === parts[1]);
        if (!guild) throw new DiscordError(404, 10003, 'Unknown Channel', `GET /channels/${parts[1] ?? ''}: unknown channel`);
        const { permissions: _permissions, ...channel } = this.channelObject(guild);
        return { status: 200, body: channel };
      }
      case 'POST /channels/*/messages': {
        const guild = this.guilds.find((g) => g.channelId === parts[1]);
        if (!guild) throw new DiscordError(404, 10003, 'Unknown Channel', `POST to unknown channel ${parts[1] ?? ''}`);
        const fields = isObject(body) ? body : {};
        const nonce = typeof fields['nonce'] === 'string' || typeof fields['nonce'] === 'number' ? String(fields['nonce']) : undefined;
        // enforce_nonce: a message by the same author with the same nonce, in the last few minutes, is returned as is.
        if (nonce !== undefined && fields['enforce_nonce'] === true) {
          const same = this.messagesIn(guild.channelId).find(
            (m) => m['nonce'] === nonce && Date.now() - Date.parse(String(m['timestamp'])) < NONCE_WINDOW_MS,
          );
          if (same) return { status: 200, body: same };
        }
        const message = this.makeMessage(guild.channelId, fields);
        if (nonce !== undefined) message['nonce'] = nonce;
        this.storedMessages.set(message.id, message);
        return { status: 200, body: message };
      }
      case 'GET /applications/*/commands':
      case 'PUT /applications/*/commands':
      case 'GET /applications/*/guilds/*/commands':
      case 'PUT /applications/*/guilds/*/commands':
        return this.handleCommands(method, parts, body);
      case 'POST /interactions/*/*/callback':
        return this.handleCallback(record, interaction);
      case 'POST /webhooks/*/*':
      case 'GET /webhooks/*/*/messages/@original':
      case 'PATCH /webhooks/*/*/messages/@original':
      case 'DELETE /webhooks/*/*/messages/@original':
      case 'GET /webhooks/*/*/messages/*':
      case 'PATCH /webhooks/*/*/messages/*':
      case 'DELETE /webhooks/*/*/messages/*':
        return this.handleWebhook(record, parts, interaction);
      default:
        throw new DiscordError(404, 0, '404: Not Found', `${method} ${path} is not served by the fake`);
    }
  }

  /** Discord omits unset optional fields here (cover image, slug, URLs...) rather than sending null. */
  private applicationObject(): Record<string, unknown> {
    return {
      id: this.applicationId,
      name: this.botUser.username,
      icon: null,
      description: '',
      type: null,
      bot: this.botUser,
      rpc_origins: [],
      bot_public: false,
      bot_require_code_grant: false,
      integration_types_config: { '0': {} },
      verify_key: 'f'.repeat(64),
      flags: APPLICATION_FLAGS,
      flags_new: String(APPLICATION_FLAGS),
      explicit_content_filter: 0,
      approximate_user_authorization_count: 0,
      eligible_oauth2_scopes: ['bot', 'applications.commands'],
      max_participants: null,
      tags: [],
      redirect_uris: [],
      interactions_endpoint_url: null,
      role_connections_verification_url: null,
      owner: this.defaultUser,
      approximate_guild_count: this.guilds.length,
      approximate_user_install_count: 0,
      team: null,
    };
  }

  private handleCommands(method: string, parts: string[], body: unknown): { status: number; body: unknown } {
    if (parts[1] !== this.applicationId) {
      throw new DiscordError(403, 50001, 'Missing Access', `commands of application ${parts[1] ?? ''}, not ${this.applicationId}`);
    }
    const guildId = parts[2] === 'guilds' ? parts[3] : undefined;
    if (guildId !== undefined && !this.guildFor(guildId)) {
      throw new DiscordError(403, 50001, 'Missing Access', `commands for guild ${guildId} the bot is not in`);
    }
    const scope = guildId ?? 'global';
    if (method === 'GET') return { status: 200, body: this.commandStore.get(scope) ?? [] };
    const previous = this.commandStore.get(scope) ?? [];
    const list = Array.isArray(body) ? body : [];
    const stored = list.filter(isObject).map((command) => {
      const type = command['type'] ?? 1;
      const existing = previous.find((p) => p['name'] === command['name'] && p['type'] === type);
      const result: Record<string, unknown> = {
        id: existing?.['id'] ?? this.snowflake(),
        application_id: this.applicationId,
        version: this.snowflake(),
        default_member_permissions: command['default_member_permissions'] === undefined || command['default_member_permissions'] === null ? null : String(command['default_member_permissions']),
        type,
        name: command['name'],
        name_localizations: command['name_localizations'] ?? null,
        description: command['description'] ?? '',
        description_localizations: command['description_localizations'] ?? null,
        dm_permission: command['dm_permission'] ?? true,
        contexts: command['contexts'] ?? null,
        integration_types: command['integration_types'] ?? [0],
        nsfw: command['nsfw'] ?? false,
      };
      if (guildId !== undefined) result['guild_id'] = guildId;
      if (Array.isArray(command['options'])) result['options'] = command['options'];
      return result;
    });
    this.commandStore.set(scope, stored);
    return { status: 200, body: stored };
  }

  private handleCallback(
    record: RecordedRequest,
    interaction: InteractionState | undefined,
  ): { status: number; body?: unknown } {
    if (!interaction) throw new DiscordError(404, 10062, 'Unknown interaction', 'callback for an unknown interaction id/token');
    const elapsed = Date.now() - (interaction.deliveredAt ?? interaction.createdAt);
    const deadline = this.options.ackDeadlineMs;
    if (deadline !== null && elapsed > deadline && interaction.callbackType === undefined) {
      throw new DiscordError(404, 10062, 'Unknown interaction', `interaction ${interaction.id} acknowledged after ${elapsed} ms (Discord allows ${deadline} ms)`);
    }
    if (interaction.callbackType !== undefined) {
      throw new DiscordError(400, 40060, 'Interaction has already been acknowledged.', `interaction ${interaction.id} acknowledged twice`);
    }
    const body = record.body as Record<string, unknown>;
    const type = body['type'] as number;
    const allowed = CALLBACKS_FOR_INTERACTION[interaction.type] ?? [];
    if (!allowed.includes(type)) {
      const violation = `callback type ${type} is not valid for interaction type ${interaction.type} (allowed: ${allowed.join(', ')})`;
      record.violations.push(violation);
      return {
        status: 400,
        body: { message: 'Invalid Form Body', code: 50035, errors: { type: { _errors: [{ code: 'INTERACTION_CALLBACK_TYPE_INVALID', message: violation }] } } },
      };
    }
    interaction.callbackType = type;
    const data = isObject(body['data']) ? body['data'] : {};
    let message: FakeMessage | undefined;
    if (type === 4 || type === 5) {
      message = this.makeMessage(interaction.channelId, type === 5 ? { content: '', flags: ((data['flags'] as number | undefined) ?? 0) | LOADING } : data, interaction);
      interaction.originalId = message.id;
      interaction.messageIds.push(message.id);
      this.storedMessages.set(message.id, message);
    } else if (type === 7 && interaction.sourceMessageId !== undefined) {
      message = this.editMessage(interaction.sourceMessageId, data);
    } else if (type === 6 && interaction.sourceMessageId !== undefined) {
      message = this.storedMessages.get(interaction.sourceMessageId);
    } else if (type === 8) {
      interaction.autocompleteChoices = data['choices'];
    }
    if (record.query['with_response'] !== 'true') return { status: 204 };
    const response: Record<string, unknown> = {
      interaction: {
        id: interaction.id,
        type: interaction.type,
        ...(message ? { response_message_id: message.id, response_message_loading: type === 5, response_message_ephemeral: (message.flags & EPHEMERAL) !== 0 } : {}),
      },
    };
    if (type !== 8 && type !== 6) response['resource'] = { type, ...(message && type !== 5 ? { message } : {}) };
    return { status: 200, body: response };
  }

  private handleWebhook(
    record: RecordedRequest,
    parts: string[],
    interaction: InteractionState | undefined,
  ): { status: number; body?: unknown } {
    if (parts[1] !== this.applicationId || !interaction) {
      throw new DiscordError(404, 10015, 'Unknown Webhook', `${record.method} ${record.path}: no interaction with this application id and token`);
    }
    if (interaction.callbackType === undefined) {
      throw new DiscordError(404, 10015, 'Unknown Webhook', `interaction ${interaction.id}: webhook used before the interaction was acknowledged`);
    }
    const body = isObject(record.body) ? record.body : {};
    if (record.method === 'POST' && parts.length === 3) {
      let message: FakeMessage;
      const original = interaction.originalId === undefined ? undefined : this.storedMessages.get(interaction.originalId);
      if (original && (original.flags & LOADING) !== 0) {
        // After a deferral, Discord turns the first follow-up into the deferred message.
        message = this.editMessage(original.id, body, true);
      } else {
        message = this.makeMessage(interaction.channelId, body, interaction);
        interaction.messageIds.push(message.id);
        this.storedMessages.set(message.id, message);
      }
      return record.query['wait'] === 'true' ? { status: 200, body: message } : { status: 204 };
    }
    const target = parts[4];
    let messageId: string | undefined;
    if (target === '@original') {
      messageId = interaction.originalId ?? (interaction.callbackType === 6 || interaction.callbackType === 7 ? interaction.sourceMessageId : undefined);
    } else if (target !== undefined && (interaction.messageIds.includes(target) || target === interaction.sourceMessageId)) {
      messageId = target;
    }
    const message = messageId === undefined ? undefined : this.storedMessages.get(messageId);
    if (!message || messageId === undefined) {
      throw new DiscordError(404, 10008, 'Unknown Message', `interaction ${interaction.id}: ${record.method} of message ${target ?? ''} that does not exist`);
    }
    switch (record.method) {
      case 'GET':
        return { status: 200, body: message };
      case 'PATCH':
        return { status: 200, body: this.editMessage(messageId, body, (message.flags & LOADING) !== 0) };
      default:
        this.storedMessages.delete(messageId);
        if (interaction.originalId === messageId) interaction.originalId = undefined;
        return { status: 204 };
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Messages
  // -------------------------------------------------------------------------------------------------------------

  private makeMessage(channelId: string, body: Record<string, unknown>, interaction?: InteractionState): FakeMessage {
    const id = this.snowflake();
    const user = interaction ? ((interaction.payload['member'] as Record<string, unknown> | undefined)?.['user'] ?? interaction.payload['user']) : undefined;
    const message: FakeMessage = {
      id,
      type: interaction?.type === 2 && interaction.originalId === undefined ? 20 : 0,
      channel_id: channelId,
      author: this.botUser,
      content: typeof body['content'] === 'string' ? body['content'] : '',
      embeds: normaliseEmbeds(body['embeds']),
      components: numberComponents(body['components']),
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: body['tts'] === true,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: typeof body['flags'] === 'number' ? body['flags'] : 0,
    };
    if (interaction) {
      message['webhook_id'] = this.applicationId;
      message['application_id'] = this.applicationId;
      const data = interaction.payload['data'] as Record<string, unknown>;
      message['interaction_metadata'] = {
        id: interaction.id,
        type: interaction.type,
        user,
        authorizing_integration_owners: interaction.payload['authorizing_integration_owners'],
        ...(interaction.type === 2 ? { name: data['name'], command_type: 1 } : {}),
        ...(interaction.type === 3 && interaction.sourceMessageId !== undefined ? { interacted_message_id: interaction.sourceMessageId } : {}),
      };
    }
    return message;
  }

  private editMessage(id: string, body: Record<string, unknown>, completesDeferral = false): FakeMessage {
    const message = this.storedMessages.get(id);
    if (!message) throw new DiscordError(404, 10008, 'Unknown Message');
    if ('content' in body) message.content = typeof body['content'] === 'string' ? body['content'] : '';
    if ('embeds' in body) message.embeds = normaliseEmbeds(body['embeds']);
    if ('components' in body) message.components = numberComponents(body['components']);
    if (typeof body['flags'] === 'number') message.flags = (message.flags & (EPHEMERAL | LOADING)) | body['flags'];
    if (completesDeferral) message.flags &= ~LOADING;
    else message['edited_timestamp'] = new Date().toISOString();
    return message;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Ids
  // -------------------------------------------------------------------------------------------------------------

  private snowflake(): string {
    const counter = this.snowflakeCounter++;
    return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (counter & 0xfffn)).toString();
  }

  private readonly stableIds = new Map<string, string>();
  private stableId(key: string): string {
    let id = this.stableIds.get(key);
    if (!id) {
      id = this.snowflake();
      this.stableIds.set(key, id);
    }
    return id;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

function flattenOptions(options: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return options.flatMap((option) =>
    Array.isArray(option['options']) ? flattenOptions(option['options'] as Array<Record<string, unknown>>) : [option],
  );
}

function componentIds(components: unknown): string[] {
  const ids: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      if (typeof node['custom_id'] === 'string') ids.push(node['custom_id']);
      visit(node['components']);
      visit(node['accessory']);
    }
  };
  visit(components);
  return ids;
}

/** Discord returns embeds with `type: 'rich'` and without nulls. */
function normaliseEmbeds(embeds: unknown): unknown[] {
  if (!Array.isArray(embeds)) return [];
  return embeds.filter(isObject).map((embed) => {
    const clean = Object.fromEntries(Object.entries(embed).filter(([, v]) => v !== null && v !== undefined));
    return { type: 'rich', ...clean };
  });
}

/** Discord gives every component of a stored message a numeric id (1, 2, ...) when the request did not. */
function numberComponents(components: unknown): unknown[] {
  if (!Array.isArray(components)) return [];
  let next = 1;
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!isObject(node)) return node;
    const out: Record<string, unknown> = { ...node, id: typeof node['id'] === 'number' ? node['id'] : next };
    next += 1;
    for (const key of ['components', 'accessory']) if (key in node) out[key] = visit(node[key]);
    return out;
  };
  return components.map(visit);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new DiscordError(413, 40005, 'Request entity too large', `body over ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Multipart bodies (discord.js sends them when files are attached): `payload_json` plus `files[n]`. */
async function parseMultipart(raw: Buffer, contentType: string): Promise<{ body: unknown; files: RecordedFile[]; problem?: string }> {
  const form = await new Request('http://127.0.0.1/', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
  const files: RecordedFile[] = [];
  let body: unknown;
  let problem: string | undefined;
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') {
        try {
          body = JSON.parse(value);
        } catch {
          problem = 'payload_json is not valid JSON';
        }
      } else {
        problem = `unexpected multipart text field ${field}`;
      }
    } else {
      files.push({ field, filename: value.name, contentType: value.type, size: value.size });
    }
  }
  return problem === undefined ? { body, files } : { body, files, problem };
}
