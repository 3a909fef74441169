/**
 * The fake Discord of the soak (`bench/soak.ts`), in a process of its own so that what it records (every request,
 * every message, the gateway's replay buffer) does not count in the bot's heap. Driven over IPC: it answers
 * `{ ready, apiUrl, guildId, channelId }` once listening, then for each `SoakInteraction` it dispatches the
 * interaction, waits for the bot's final answer, and replies with how long it took and any problem the fake found
 * (a late acknowledgement, an invalid body). Its own records are cleared as it goes.
 */
import { FakeDiscord, type InteractionSpec, type RecordedRequest } from '../tests/support/FakeDiscord.js';

/** One interaction to dispatch, described by the parent (which knows nothing of the fake's builders). */
export interface SoakInteraction {
  readonly n: number;
  readonly user: string;
  readonly kind: 'command' | 'autocomplete' | 'button';
  readonly name?: string;
  readonly options?: Record<string, string> | Array<Record<string, unknown>>;
  readonly customId?: string;
}

export interface SoakAnswer {
  readonly n: number;
  readonly ms: number;
  readonly problems: readonly string[];
}

export const SOAK_TOKEN = 'MTAx.soak.token-for-benchmarks-only';

/** Final answers: a reply, an update, choices, or the edit / follow-up after a deferral. */
function isFinal(request: RecordedRequest): boolean {
  if (request.path.endsWith('/callback')) return [4, 7, 8].includes((request.body as { type?: number } | undefined)?.type ?? 0);
  return request.method === 'PATCH' || request.method === 'POST';
}

async function main(): Promise<void> {
  const send = (message: unknown): void => {
    process.send?.(message);
  };
  const fake = await FakeDiscord.start({ token: SOAK_TOKEN });
  const guild = fake.guilds[0];
  if (!guild) throw new Error('the fake has no guild');
  send({ ready: true, apiUrl: fake.apiUrl, guildId: guild.id, channelId: guild.channelId });
  let handled = 0;
  process.on('message', (raw) => {
    void (async () => {
      const job = raw as SoakInteraction | { stop: true };
      if ('stop' in job) {
        await fake.close();
        process.exit(0);
      }
      const started = Date.now();
      const extra = { user: { id: job.user } };
      let spec: InteractionSpec;
      if (job.kind === 'button') spec = fake.button(job.customId ?? '', undefined, extra);
      else if (job.kind === 'autocomplete') spec = fake.autocomplete(job.name ?? '', job.options ?? {}, extra);
      else spec = fake.command(job.name ?? '', job.options ?? {}, extra);
      if (job.name === 'digest') spec.data['resolved'] = { channels: {} };
      const problems: string[] = [];
      try {
        const { id } = await fake.sendInteraction(spec);
        await fake.waitForRequest((r) => r.interactionId === id && r.status < 300 && isFinal(r), 30_000);
        for (const request of fake.interactionResponses(id)) problems.push(...request.violations.map((v) => `${request.method} ${request.path.slice(0, 40)}: ${v}`));
      } catch (error) {
        problems.push(error instanceof Error ? error.message.slice(0, 300) : String(error));
      }
      send({ n: job.n, ms: Date.now() - started, problems } satisfies SoakAnswer);
      // The fake keeps every request for tests to inspect; a soak has no use for them.
      if (++handled % 500 === 0) fake.clearRecords();
    })();
  });
}

void main();
