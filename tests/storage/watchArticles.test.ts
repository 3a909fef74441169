import { appendFile, mkdir, mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/corpus/article.js';
import type { SkippedFile } from '../../src/storage/loadArticles.js';
import { watchArticles, type ArticleChange, type ArticleWatcher, type WatchArticlesOptions } from '../../src/storage/watchArticles.js';

let dir: string;
let watcher: ArticleWatcher | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veille-watch-'));
});

afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  await rm(dir, { recursive: true, force: true });
});

const article = (title: string, ...more: string[]): string => [` date 2022-01-10 ${title}`, ...more].join('\n\n') + '\n';

/** What the watcher handed over, in order. */
interface Recorder {
  readonly upserts: { article: Article; change: ArticleChange }[];
  readonly removals: { id: string; change: ArticleChange }[];
  readonly skipped: SkippedFile[];
}

async function start(options: Partial<WatchArticlesOptions> = {}): Promise<Recorder> {
  const recorder: Recorder = { upserts: [], removals: [], skipped: [] };
  watcher = await watchArticles(dir, {
    onUpsert: (a, change) => {
      recorder.upserts.push({ article: a, change });
    },
    onRemove: (id, change) => {
      recorder.removals.push({ id, change });
    },
    onSkip: (s) => recorder.skipped.push(s),
    stableMs: 300,
    rescanIntervalMs: 0, // only fs events (and explicit rescans) in these tests
    logger: pino({ level: 'silent' }),
    ...options,
  });
  return recorder;
}

/** Waits (up to 10 s, a bound for a loaded machine, not a speed claim) until `condition` holds. */
async function eventually(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 10_000) throw new Error('condition not met within 10 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('watchArticles', () => {
  it('picks up a new file without a restart, as an added article', async () => {
    await writeFile(join(dir, 'old.txt'), article('Un article déjà là'));
    const seen = await start();
    await writeFile(join(dir, 'new.txt'), article('Un nouvel article', 'Deuxième paragraphe.'));
    await eventually(() => seen.upserts.length === 1);
    expect(seen.upserts[0]?.change).toEqual({ file: 'new.txt', kind: 'added' });
    expect(seen.upserts[0]?.article.id).toBe('new');
    expect(seen.upserts[0]?.article.paragraphs).toEqual(['Un nouvel article', 'Deuxième paragraphe.']);
    await sleep(500);
    expect(seen.upserts).toHaveLength(1); // the file already there was not re-read
  });

  it('reads a file written in two chunks with a pause once, complete', async () => {
    const seen = await start({ stableMs: 2_000 });
    const path = join(dir, 'slow.txt');
    await writeFile(path, ' date 2022-01-10 Le début de l’article\n\nPremier paragr');
    await sleep(150);
    await appendFile(path, 'aphe, enfin complet.\n\nDernier paragraphe.\n');
    await eventually(() => seen.upserts.length >= 1);
    await sleep(1_500);
    expect(seen.upserts).toHaveLength(1);
    expect(seen.upserts[0]?.article.paragraphs).toEqual(['Le début de l’article', 'Premier paragraphe, enfin complet.', 'Dernier paragraphe.']);
    expect(seen.skipped).toEqual([]);
  });

  it('picks up a file in a new subfolder, and one moved in by rename (an atomic write)', async () => {
    const seen = await start();
    await mkdir(join(dir, '2022', '01'), { recursive: true });
    await writeFile(join(dir, '2022', '01', 'deep.txt'), article('Dans un sous-dossier'));
    await eventually(() => seen.upserts.some((u) => u.article.id === 'deep'));
    expect(seen.upserts.find((u) => u.article.id === 'deep')?.change.file).toBe('2022/01/deep.txt');

    await writeFile(join(dir, '.tmp-atomic'), article('Écrit puis renommé'));
    await rename(join(dir, '.tmp-atomic'), join(dir, 'atomic.txt'));
    await eventually(() => seen.upserts.some((u) => u.article.id === 'atomic'));
  });

  it('replaces a changed article and removes a deleted one', async () => {
    await writeFile(join(dir, 'a.txt'), article('Première version'));
    const seen = await start();
    await sleep(50);
    await writeFile(join(dir, 'a.txt'), article('Seconde version'));
    await eventually(() => seen.upserts.length === 1);
    expect(seen.upserts[0]).toMatchObject({ change: { kind: 'updated', file: 'a.txt' }, article: { title: 'Seconde version' } });

    await unlink(join(dir, 'a.txt'));
    await eventually(() => seen.removals.length === 1);
    expect(seen.removals[0]).toEqual({ id: 'a', change: { file: 'a.txt', kind: 'removed' } });
  });

  it('removes the articles of a deleted subfolder', async () => {
    await mkdir(join(dir, 'old', 'deeper'), { recursive: true });
    await writeFile(join(dir, 'old', 'one.txt'), article('Un'));
    await writeFile(join(dir, 'old', 'deeper', 'two.txt'), article('Deux'));
    await writeFile(join(dir, 'stays.txt'), article('Reste'));
    const seen = await start();
    await rm(join(dir, 'old'), { recursive: true });
    await eventually(() => seen.removals.length === 2);
    expect(seen.removals.map((r) => r.id).sort()).toEqual(['one', 'two']);
  });

  it('ignores hidden and non-.txt files, and reports a file that is not an article once', async () => {
    const seen = await start();
    await writeFile(join(dir, '.hidden.txt'), article('Caché'));
    await writeFile(join(dir, 'notes.md'), 'pas un article');
    await writeFile(join(dir, 'bad.txt'), 'Pas de ligne de date.\n');
    await eventually(() => seen.skipped.length === 1);
    expect(seen.skipped[0]).toEqual({ file: 'bad.txt', reason: expect.stringContaining('date line') as string });
    await sleep(500);
    expect(seen.upserts).toEqual([]);
    expect(seen.skipped).toHaveLength(1);
  });

  it('keeps the loader’s rule for duplicate ids: the first file in path order wins, the next takes over when it goes', async () => {
    await mkdir(join(dir, 'a'));
    await mkdir(join(dir, 'b'));
    await writeFile(join(dir, 'a', 'same.txt'), article('Version du dossier a'));
    await writeFile(join(dir, 'b', 'same.txt'), article('Version du dossier b'));
    const seen = await start();
    await unlink(join(dir, 'a', 'same.txt'));
    await eventually(() => seen.upserts.length === 1);
    expect(seen.upserts[0]).toMatchObject({ change: { kind: 'updated', file: 'b/same.txt' }, article: { title: 'Version du dossier b' } });
    expect(seen.removals).toEqual([]);
  });

  it('rescan() reconciles changes the events did not report, and says what changed', async () => {
    await writeFile(join(dir, 'keep.txt'), article('Inchangé'));
    await writeFile(join(dir, 'change.txt'), article('Avant'));
    await writeFile(join(dir, 'remove.txt'), article('À supprimer'));
    // no file-system events: what follows is seen by rescan() only, as when events were missed
    const quiet = await start({ useFsEvents: false });
    await writeFile(join(dir, 'change.txt'), article('Après', 'Un paragraphe de plus.'));
    await writeFile(join(dir, 'added.txt'), article('Ajouté'));
    await writeFile(join(dir, 'broken.txt'), 'pas de date\n');
    await unlink(join(dir, 'remove.txt'));
    await sleep(600);
    expect(quiet.upserts).toEqual([]);

    const result = await watcher!.rescan();
    expect(result).toEqual({ added: 1, updated: 1, removed: 1, skipped: [{ file: 'broken.txt', reason: expect.any(String) as string }] });
    expect(quiet.upserts.map((u) => [u.article.id, u.change.kind]).sort()).toEqual([
      ['added', 'added'],
      ['change', 'updated'],
    ]);
    expect(quiet.removals.map((r) => r.id)).toEqual(['remove']);
    // nothing changed since: nothing is read again
    expect(await watcher!.rescan()).toEqual({ added: 0, updated: 0, removed: 0, skipped: [] });
  });

  it('with changedSince, re-reads the files changed since the caller’s own initial load started, and only those', async () => {
    await writeFile(join(dir, 'loaded.txt'), article('Chargé au démarrage'));
    // file-system clocks can be coarse: the watcher allows 2 s of slack, so the "old" file must be older than that
    await sleep(2_500);
    const loadStarted = Date.now();
    await writeFile(join(dir, 'during.txt'), article('Écrit pendant le chargement'));
    const seen = await start({ changedSince: loadStarted });
    await eventually(() => seen.upserts.length >= 1);
    await sleep(500);
    expect(seen.upserts.map((u) => u.article.id)).toEqual(['during']);
  });

  it('keeps the articles when the folder itself disappears (unknown is not empty)', async () => {
    const sub = join(dir, 'inner');
    await mkdir(sub);
    await writeFile(join(sub, 'x.txt'), article('Un article'));
    const seen: string[] = [];
    const w = await watchArticles(sub, {
      onUpsert: () => {},
      onRemove: (id) => {
        seen.push(id);
      },
      stableMs: 100,
      rescanIntervalMs: 0,
      logger: pino({ level: 'silent' }),
    });
    await rm(sub, { recursive: true });
    expect(await w.rescan()).toEqual({ added: 0, updated: 0, removed: 0, skipped: [] });
    expect(seen).toEqual([]);
    await w.close();
  });
});
