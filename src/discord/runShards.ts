import { ShardingManager } from 'discord.js';
import type { Logger } from '../logger.js';
import { createRest } from './createRest.js';

export interface ShardOptions {
  readonly token: string;
  readonly apiUrl?: string;
  readonly shardCount: number | 'auto';
  /** The script each shard runs (this bot's entry point). */
  readonly entry: string;
}

/**
 * Runs the bot as several processes with discord.js's ShardingManager (needed above 2,500 servers). `auto` asks
 * Discord how many shards it recommends — through DISCORD_API_URL when set, which discord.js's own helper ignores.
 */
export async function runShards(options: ShardOptions, logger: Logger): Promise<ShardingManager> {
  const totalShards = options.shardCount === 'auto' ? await recommendedShards(options.token, options.apiUrl) : options.shardCount;
  const manager = new ShardingManager(options.entry, {
    token: options.token,
    totalShards,
    // Shards run the same TypeScript entry point with the same loader (tsx) as this process.
    execArgv: process.execArgv,
    respawn: true,
  });
  manager.on('shardCreate', (shard) => logger.info({ shardId: shard.id, totalShards }, `Shard ${shard.id} starting`));
  await manager.spawn();
  return manager;
}

async function recommendedShards(token: string, apiUrl?: string): Promise<number> {
  const { shards } = (await createRest(token, apiUrl).get('/gateway/bot')) as { shards: number };
  return Math.max(1, shards);
}
