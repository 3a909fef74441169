import { Routes } from 'discord.js';
import { createLogger } from '../logger.js';
import { readSettings, runMain } from '../startup.js';
import { commands } from './commands/index.js';
import { createRest } from './createRest.js';
import { registerCommands } from './registerCommands.js';

/** `npm run register`: registers the slash commands without starting the bot (when they changed). */
async function main(): Promise<number> {
  const config = readSettings();
  if (!config) return 1;
  const logger = createLogger(config.logLevel);
  if (!config.discordToken) {
    logger.fatal('DISCORD_TOKEN is not set: put the bot token in .env (see .env.example)');
    return 1;
  }
  const rest = createRest(config.discordToken, config.discordApiUrl);
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  await registerCommands(
    rest,
    commands.map((c) => c.data),
    { applicationId: application.id, ...(config.discordGuildId ? { guildId: config.discordGuildId } : {}) },
    logger,
  );
  return 0;
}

runMain(main);
