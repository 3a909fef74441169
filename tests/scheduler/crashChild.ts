/**
 * A bot process reduced to its digest scheduler, for the crash test: it serves what is due at the instant given on
 * the command line, "posts" by appending the nonce to a file (standing for the Discord channel), and with `kill`
 * SIGKILLs itself right after posting — before the scheduler can record `sent`.
 *
 * Usage: node --import tsx crashChild.ts DATA_DIR CHANNEL_FILE NOW_MS kill|normal
 */
import { appendFileSync } from 'node:fs';
import { pino } from 'pino';
import { DigestScheduler, systemClock } from '../../src/scheduler/DigestScheduler.js';
import { SubscriptionStore } from '../../src/storage/SubscriptionStore.js';

const [dataDir, channelFile, nowText, mode] = process.argv.slice(2);
if (!dataDir || !channelFile || !nowText || (mode !== 'kill' && mode !== 'normal')) {
  process.stderr.write('usage: crashChild.ts DATA_DIR CHANNEL_FILE NOW_MS kill|normal\n');
  process.exit(2);
}
const now = Number(nowText);
const store = SubscriptionStore.open({ dataDir });
if (!store.state.ok) throw new Error(`database unavailable: ${store.state.unavailable.reason}`);

const scheduler = new DigestScheduler({
  store,
  timeZone: 'Europe/Paris',
  logger: pino({ level: 'silent' }),
  clock: { ...systemClock, now: () => now },
  post: async (subscription, day, context) => {
    appendFileSync(channelFile, `${JSON.stringify({ channel: subscription.channelId, day, nonce: context.nonce })}\n`);
    if (mode === 'kill') process.kill(process.pid, 'SIGKILL');
    return { messageId: `message-for-${context.nonce}` };
  },
});
scheduler.start();
await new Promise((resolve) => setTimeout(resolve, 50));
await scheduler.idle();
await scheduler.stop();
store.close();
