import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

describe('parseConfig', () => {
  it('has defaults for everything, so a fresh clone starts with no .env', () => {
    expect(parseConfig({}, '/app')).toEqual({
      articlesDir: '/app/seeds',
      articleMaxBytes: 5 * 1024 * 1024,
      logLevel: 'info',
      cooldownSeconds: 5,
      dataDir: '/app/data',
      digestTimezone: 'Europe/Paris',
    });
  });

  it('resolves a relative articles folder against the working directory and keeps an absolute one', () => {
    expect(parseConfig({ ARTICLES_DIR: 'data/news' }, '/app').articlesDir).toBe('/app/data/news');
    expect(parseConfig({ ARTICLES_DIR: '/srv/news' }, '/app').articlesDir).toBe('/srv/news');
  });

  it('lists every bad key in one error, naming the key', () => {
    const token = 'not a token!';
    let error: unknown;
    try {
      parseConfig(
        { LOG_LEVEL: 'loud', ARTICLE_MAX_BYTES: '12kb', DISCORD_TOKEN: token, DISCORD_GUILD_ID: 'guild', DISCORD_API_URL: 'ftp://x', COOLDOWN_SECONDS: '-1', DISCORD_SHARD_COUNT: '0' },
        '/app',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems.map((p) => p.key)).toEqual([
      'ARTICLE_MAX_BYTES',
      'LOG_LEVEL',
      'DISCORD_TOKEN',
      'DISCORD_GUILD_ID',
      'DISCORD_API_URL',
      'COOLDOWN_SECONDS',
      'DISCORD_SHARD_COUNT',
    ]);
    expect(message).toContain('LOG_LEVEL');
    // A mistyped token is still a secret: the message never repeats it.
    expect(message).not.toContain(token);
  });

  it('reads the Discord settings', () => {
    const config = parseConfig(
      { DISCORD_TOKEN: 'MTAx.fake.token-for-tests-only', DISCORD_GUILD_ID: '123456789012345678', DISCORD_API_URL: 'http://127.0.0.1:9/api/', COOLDOWN_SECONDS: '0', DISCORD_SHARD_COUNT: 'auto' },
      '/app',
    );
    expect(config).toMatchObject({ discordGuildId: '123456789012345678', discordApiUrl: 'http://127.0.0.1:9/api', cooldownSeconds: 0, shardCount: 'auto' });
  });

  it('resolves the data folder like the articles folder', () => {
    expect(parseConfig({ DATA_DIR: 'var/veille' }, '/app').dataDir).toBe('/app/var/veille');
    expect(parseConfig({ DATA_DIR: '/srv/veille-data' }, '/app').dataDir).toBe('/srv/veille-data');
  });

  it('accepts any IANA time zone the runtime knows, in its canonical spelling', () => {
    expect(parseConfig({ DIGEST_TIMEZONE: 'America/New_York' }, '/app').digestTimezone).toBe('America/New_York');
    // Intl matches zone names case-insensitively; logs and /digest status show one spelling
    expect(parseConfig({ DIGEST_TIMEZONE: 'europe/paris' }, '/app').digestTimezone).toBe('Europe/Paris');
    expect(parseConfig({ DIGEST_TIMEZONE: 'UTC' }, '/app').digestTimezone).toBe('UTC');
  });

  it('refuses an unknown time zone at start-up, naming the key, rather than at the first digest', () => {
    for (const zone of ['Europe/Pariss', 'CEST+1', 'Paris']) {
      let error: unknown;
      try {
        parseConfig({ DIGEST_TIMEZONE: zone }, '/app');
      } catch (e) {
        error = e;
      }
      expect(error, zone).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([{ key: 'DIGEST_TIMEZONE', problem: expect.stringContaining(zone) as string }]);
    }
  });

  it('treats empty values as unset (a copied .env.example works as is)', () => {
    expect(parseConfig({ DISCORD_TOKEN: '', LOG_LEVEL: '', DATA_DIR: '', DIGEST_TIMEZONE: ' ' }, '/app')).toEqual(parseConfig({}, '/app'));
  });
});
