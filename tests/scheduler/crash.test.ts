import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instantOf } from '../../src/scheduler/localTime.js';
import { SubscriptionStore } from '../../src/storage/SubscriptionStore.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./crashChild.ts', import.meta.url));

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veille-crash-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the scheduler in its own process at instant `now`; resolves with how it ended. */
function runChild(now: number, mode: 'kill' | 'normal'): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, join(dir, 'data'), join(dir, 'channel.jsonl'), String(now), mode], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

function channelPosts(): { channel: string; day: string; nonce: string }[] {
  const file = join(dir, 'channel.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { channel: string; day: string; nonce: string });
}

describe('a digest process killed with SIGKILL right after posting', () => {
  it('on restart, sends the same nonce again (Discord returns the first message) and records it; no third post', async () => {
    const subscribedAt = instantOf('2024-06-10', { hour: 10, minute: 0 }, 'Europe/Paris');
    const slot = instantOf('2024-06-11', { hour: 8, minute: 0 }, 'Europe/Paris');
    const setup = SubscriptionStore.open({ dataDir: join(dir, 'data') });
    const { subscription } = setup.subscribe({ guildId: 'g1', channelId: 'c1', time: '08:00', at: subscribedAt });
    setup.close();

    const killed = await runChild(slot + 5_000, 'kill');
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(channelPosts()).toHaveLength(1);

    // What survived the kill: the attempt, committed before the post, marked as possibly posted.
    const inspect = SubscriptionStore.open({ dataDir: join(dir, 'data') });
    expect(inspect.delivery(subscription.id, '2024-06-10')).toMatchObject({ state: 'sending', attempts: 1, maybeCreated: true });
    inspect.close();

    const restarted = await runChild(slot + 35_000, 'normal');
    expect(restarted.code, restarted.stderr).toBe(0);
    const posts = channelPosts();
    // Two requests, one nonce: with enforce_nonce, Discord answers the second with the message of the first.
    expect(posts).toHaveLength(2);
    expect(posts[1]).toEqual(posts[0]);

    const again = await runChild(slot + 60_000, 'normal');
    expect(again.code, again.stderr).toBe(0);
    expect(channelPosts()).toHaveLength(2);

    const after = SubscriptionStore.open({ dataDir: join(dir, 'data') });
    expect(after.delivery(subscription.id, '2024-06-10')).toMatchObject({ state: 'sent', messageId: `message-for-${posts[0]!.nonce}` });
    after.close();
  });
});
