import { mkdir, mkdtemp, rm, symlink, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { DEFAULT_MAX_ARTICLE_BYTES, loadArticles, readArticleFile } from '../../src/storage/loadArticles.js';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

const good = (title: string): string => ` date 2022-01 ${title}\n\nUn paragraphe de texte.\n`;

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veille-articles-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(relative: string, content: string | Uint8Array): Promise<void> {
  const path = join(dir, relative);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
}

/** What `loadArticles` threw, for asserting on the code and the message. */
async function thrown(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected loadArticles to throw');
}

describe('loadArticles', () => {
  it('loads the five sample articles, sorted by id, none skipped', async () => {
    const { articles, skipped } = await loadArticles(SEEDS);
    expect(skipped).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual([
      '000_a1bf7dc85f2e8757',
      '001_4b491670c21645f9',
      '002_b0f18a854f7ce6e7',
      '003_6a0b143d3fa07a1a',
      '004_46021c46bda9bc41',
    ]);
    expect(articles.every((a) => a.date.precision === 'month')).toBe(true);
  });

  it('loads the good files and reports each bad one once, with its reason', async () => {
    await put('b.txt', good('Deuxième article'));
    await put('sub/deeper/a.txt', good('Premier article'));
    await put('sub/c.TXT', good('Troisième article'));
    await put('no-date.txt', 'Un texte sans ligne de date.\n');
    await put('bad-date.txt', ' date 2022-13 Un titre\n');
    await put('empty.txt', '');
    await put('only-date.txt', ' date 2022-01\n\n');
    await put('latin1.txt', Uint8Array.from([...Buffer.from(' date 2022-01 Caf'), 0xe9, 0x0a]));
    await put('binary.txt', Uint8Array.from([...Buffer.from(' date 2022-01 '), 0x00, 0x01, 0x02]));
    await put('utf16.txt', Buffer.from('\uFEFF date 2022-01 Titre', 'utf16le'));
    await put('big.txt', ` date 2022-01 ${'x'.repeat(3000)}`);
    await put('other/b.txt', good('Le même id que b.txt'));
    await symlink(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
    await symlink(join(dir, 'loop.txt'), join(dir, 'loop.txt'));
    // ignored: not .txt, hidden, and a symlinked folder (never followed)
    await put('notes.md', 'pas un article');
    await put('.hidden.txt', good('caché'));
    await put('outside/x.txt', good('Vu par le lien'));
    await symlink(join(dir, 'outside'), join(dir, 'linked-folder'));

    const { articles, skipped } = await loadArticles(dir, { maxBytes: 2048 });

    expect(articles.map((a) => a.id)).toEqual(['a', 'b', 'c', 'x']);
    expect(articles.find((a) => a.id === 'b')?.title).toBe('Deuxième article');
    expect(skipped).toEqual([
      { file: 'bad-date.txt', reason: "malformed date '2022-13'" },
      { file: 'big.txt', reason: 'larger than the 2 KiB cap (2.9 KiB)' },
      { file: 'binary.txt', reason: 'binary file, not text' },
      { file: 'dangling.txt', reason: 'broken symbolic link (its target does not exist)' },
      { file: 'empty.txt', reason: 'empty file' },
      { file: 'latin1.txt', reason: 'not valid UTF-8 text' },
      { file: 'loop.txt', reason: 'symbolic link loop' },
      { file: 'no-date.txt', reason: "missing date line (expected ' date YYYY-MM[-DD] …' on the first line)" },
      { file: 'only-date.txt', reason: 'no text after the date' },
      { file: 'other/b.txt', reason: 'duplicate id, already loaded from b.txt' },
      { file: 'utf16.txt', reason: 'UTF-16 text, not UTF-8 (save the file as UTF-8)' },
    ]);
  });

  it('keeps the first file in path order that parses when ids collide', async () => {
    await put('a/dup.txt', 'pas de date');
    await put('b/dup.txt', good('Le bon'));
    const { articles, skipped } = await loadArticles(dir);
    expect(articles.map((a) => a.title)).toEqual(['Le bon']);
    expect(skipped).toEqual([{ file: 'a/dup.txt', reason: expect.stringMatching(/^missing date line/u) }]);
  });

  it('rejects a file over the default 5 MiB cap from its size alone', async () => {
    expect(DEFAULT_MAX_ARTICLE_BYTES).toBe(5 * 1024 * 1024);
    await put('ok.txt', good('Un article'));
    await put('huge.txt', '');
    // a sparse file of NUL bytes: had it been read, it would be reported as binary, not as too large
    await truncate(join(dir, 'huge.txt'), Math.round(12.3 * 1024 * 1024));
    const { articles, skipped } = await loadArticles(dir);
    expect(articles.map((a) => a.id)).toEqual(['ok']);
    expect(skipped).toEqual([{ file: 'huge.txt', reason: 'larger than the 5 MiB cap (12.3 MiB)' }]);
  });

  it('loads many files', async () => {
    for (let i = 0; i < 300; i++) {
      await put(`d${i % 7}/n${String(i).padStart(3, '0')}.txt`, good(`Article numéro ${i}`));
    }
    const { articles, skipped } = await loadArticles(dir);
    expect(skipped).toEqual([]);
    expect(articles).toHaveLength(300);
    expect(articles[0]?.id).toBe('n000');
    expect(articles[299]?.id).toBe('n299');
  });

  it('throws ARTICLES_DIR_MISSING for a folder that does not exist, naming it', async () => {
    const missing = join(dir, 'seeds');
    const error = await thrown(loadArticles(missing));
    expect(error.code).toBe('ARTICLES_DIR_MISSING');
    expect(error.message).toBe(
      `No articles folder at ${missing}. Set ARTICLES_DIR in .env to a folder of .txt articles.`,
    );
  });

  it('throws ARTICLES_DIR_MISSING when the path is a file', async () => {
    await put('file.txt', good('x'));
    const error = await thrown(loadArticles(join(dir, 'file.txt')));
    expect(error.code).toBe('ARTICLES_DIR_MISSING');
    expect(error.message).toContain('ARTICLES_DIR');
  });

  it('throws ARTICLES_DIR_EMPTY for a folder without any .txt file', async () => {
    await put('README.md', 'rien');
    await mkdir(join(dir, 'empty-subfolder'));
    const error = await thrown(loadArticles(dir));
    expect(error.code).toBe('ARTICLES_DIR_EMPTY');
    expect(error.message).toContain(dir);
    expect(error.message).toContain('.txt');
  });
});

describe('readArticleFile', () => {
  it('reads and parses one file', async () => {
    await put('one.txt', good('Un titre'));
    const outcome = await readArticleFile(join(dir, 'one.txt'), 'one');
    expect(outcome.ok && outcome.article.title).toBe('Un titre');
  });

  it('reports a file deleted before it could be read instead of throwing', async () => {
    await put('gone.txt', good('Parti'));
    await unlink(join(dir, 'gone.txt'));
    expect(await readArticleFile(join(dir, 'gone.txt'), 'gone')).toEqual({
      ok: false,
      reason: 'file disappeared while loading',
    });
  });

  it('reports a folder named like an article', async () => {
    await mkdir(join(dir, 'folder.txt'));
    const outcome = await readArticleFile(join(dir, 'folder.txt'), 'folder');
    expect(outcome).toEqual({ ok: false, reason: 'not a regular file' });
  });
});
