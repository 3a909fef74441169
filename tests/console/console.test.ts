import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
/** The index snapshot goes here, not into the project's own data folder. */
const DATA = mkdtempSync(join(tmpdir(), 'veille-console-data-'));

/** Runs the bot as `npm start -- …` runs it, with no Discord token, and returns what it printed. */
function run(args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('DISCORD_') && !key.startsWith('VITEST')) env[key] = value;
  }
  Object.assign(env, { DISCORD_TOKEN: '', ARTICLES_DIR: 'seeds', DATA_DIR: DATA, LOG_LEVEL: 'info' }, options.env);
  const result = spawnSync(process.execPath, [TSX, 'src/index.ts', ...args], {
    cwd: ROOT,
    env,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('one-shot commands (npm start -- …)', () => {
  it('answers a question with the quoted sentence naming Geneva and its citation', () => {
    const { code, stdout, stderr } = run(['ask', 'Où auront lieu les discussions du 10 janvier ?']);
    expect(code).toBe(0);
    expect(stdout).toContain('**à Genève**');
    expect(stdout).toContain('003_6a0b143d3fa07a1a');
    expect(stdout).toMatch(/\(2021-12\), §\d+/u);
    // The start-up line: how many articles, how many skipped, how long it took — on stderr, not mixed with the reply.
    expect(stderr).toMatch(/Loaded 5 articles in \d+ ms, none skipped/u);
    expect(stdout).not.toContain('Loaded');
  });

  it('says it found nothing for a question the articles do not answer', () => {
    const { code, stdout } = run(['ask', 'Quelle est la recette de la ratatouille ?']);
    expect(code).toBe(0);
    expect(stdout).toContain('Je n’ai pas trouvé de réponse');
  });

  it('searches with a date range and shows highlighted, cited excerpts', () => {
    const { code, stdout } = run(['search', 'pourparlers', '--from', '2022-01']);
    expect(code).toBe(0);
    expect(stdout).toContain('**pourparlers**');
    expect(stdout).not.toContain('(2021-12)');
    expect(stdout).toMatch(/articles? trouvés?/u);
  });

  it('shows an article’s summary, and the closest titles for an unknown id, on stderr with exit code 1', () => {
    const found = run(['article', '003_6a0b143d3fa07a1a']);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain('Crise en Ukraine');
    expect(found.stdout).toContain('Résumé');
    const unknown = run(['article', '003_6a0b143d3fa07a1b']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Je ne connais pas d’article');
    expect(unknown.stderr).toContain('003_6a0b143d3fa07a1a');
  });

  it('rejects a bad command with a usage message and exit code 2', () => {
    expect(run(['frobnicate']).code).toBe(2);
    const { code, stderr } = run(['ask']);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage : /ask <question>');
  });

  it('stops on a bad setting with a message naming the key', () => {
    const { code, stderr } = run(['ask', 'x'], { env: { LOG_LEVEL: 'loud', ARTICLE_MAX_BYTES: 'big' } });
    expect(code).toBe(1);
    expect(stderr).toContain('LOG_LEVEL');
    expect(stderr).toContain('ARTICLE_MAX_BYTES');
  });

  it('says clearly when the articles folder is missing', () => {
    const { code, stderr } = run(['ask', 'x'], { env: { ARTICLES_DIR: '/nonexistent/articles' } });
    expect(code).toBe(1);
    expect(stderr).toContain('/nonexistent/articles');
  });

  it('skips a malformed file with one warning naming it, and loads the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'veille-console-'));
    try {
      writeFileSync(join(dir, 'good.txt'), ' date 2022-02-01 Un sommet à Bruxelles.\n\nLes ministres se réunissent.\n');
      writeFileSync(join(dir, 'bad.txt'), 'no date line here\n');
      const { code, stdout, stderr } = run(['search', 'sommet'], { env: { ARTICLES_DIR: dir } });
      expect(code).toBe(0);
      expect(stdout).toContain('good');
      expect(stderr.match(/bad\.txt/gu)?.length).toBeGreaterThanOrEqual(1);
      expect(stderr).toMatch(/Loaded 1 article in \d+ ms, 1 skipped/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the interactive console (npm start)', () => {
  it('takes commands, presses buttons by number, and quits', () => {
    const { code, stdout } = run([], {
      input: ['/help', '/ask Qui est le secrétaire général de l’OTAN ?', '1', '/search Genève', '/article nope', '/quit'].join('\n'),
    });
    expect(code).toBe(0);
    expect(stdout).toContain('Veille — 5 articles');
    expect(stdout).toContain('/ask <question>');
    expect(stdout).toContain('**Jens Stoltenberg**');
    // [1] was "Ouvrir l’article": the article's summary follows.
    expect(stdout).toContain('Résumé');
    expect(stdout).toContain('**Genève**');
    expect(stdout).toContain('Je ne connais pas d’article « nope »');
  });
});
