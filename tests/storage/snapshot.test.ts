import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleIndex } from '../../src/core/search/ArticleIndex.js';
import { ArticleIndex as Index } from '../../src/core/search/ArticleIndex.js';
import { parseQuery } from '../../src/core/search/parseQuery.js';
import { loadSnapshot, saveSnapshot } from '../../src/storage/indexSnapshot.js';
import { loadArticles } from '../../src/storage/loadArticles.js';
import { openIndex, SNAPSHOT_FILE } from '../../src/storage/openIndex.js';
import { loadSeeds } from '../support/seeds.js';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'veille-snapshot-'));
afterAll(() => rm(root, { recursive: true, force: true }));

/** What a user can see of a search: ids, scores, best paragraphs and their marks. */
const results = (index: ArticleIndex, text: string) =>
  index.search(parseQuery(text)).map((h) => ({ id: h.article.id, score: h.score, paragraph: h.best.paragraph, marks: h.marks }));
const QUERIES = ['Genève', 'OTAN Russie', 'pourparlers 10 janvier', 'Stoltenbreg', 'Crim', 'vélos électriques'];

/** A folder like a real one: the seeds, a nested folder, a bad file, a duplicate id, a hidden file. */
async function makeFolder(name: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(join(dir, 'archives'), { recursive: true });
  for (const f of readdirSync(SEEDS)) await writeFile(join(dir, f), readFileSync(join(SEEDS, f)));
  await writeFile(join(dir, 'archives', 'velo.txt'), ' date 2022-02-01 Une usine de vélos électriques ouvre à Lyon.\n\nElle emploiera 200 personnes.\n');
  await writeFile(join(dir, 'archives', 'empty.txt'), '');
  await writeFile(join(dir, 'nodate.txt'), 'Pas de date ici.\n');
  await mkdir(join(dir, 'zz'), { recursive: true });
  await writeFile(join(dir, 'zz', 'velo.txt'), ' date 2022-03-01 Un autre fichier du même nom.\n');
  await writeFile(join(dir, '.hidden.txt'), ' date 2022-01 Caché.\n');
  return dir;
}

describe('the snapshot file', () => {
  it('gives back the same articles and the same search results', async () => {
    // Written as binary sections and read back into typed arrays: nothing may shift a score or a paragraph.
    const seeds = loadSeeds();
    const index = Index.of(seeds);
    const path = join(root, 'roundtrip.bin');
    await saveSnapshot(path, { data: index.toData(), files: [], source: { articlesDir: '/x', maxBytes: 1024 } });
    const loaded = await loadSnapshot(path);
    expect(loaded?.source).toEqual({ articlesDir: '/x', maxBytes: 1024 });
    const restored = Index.fromData(loaded?.data ?? index.toData());
    expect([...restored.all()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(seeds);
    for (const q of QUERIES) expect(results(restored, q), q).toEqual(results(index, q));
    expect(restored.suggest('pourparler', 5).map((a) => a.id)).toEqual(index.suggest('pourparler', 5).map((a) => a.id));
  });

  it('reads a damaged or foreign file as no snapshot, so that the caller rebuilds', async () => {
    const path = join(root, 'damaged.bin');
    await writeFile(path, 'not a snapshot at all, just some text that is long enough');
    expect(await loadSnapshot(path)).toBeUndefined();
    expect(await loadSnapshot(join(root, 'missing.bin'))).toBeUndefined();
  });
});

describe('openIndex', () => {
  it('builds from the folder like loadArticles, then starts from the snapshot, re-reading only changed files', async () => {
    const dir = await makeFolder('life');
    const dataDir = join(root, 'life-data');
    const reference = await loadArticles(dir);

    const cold = await openIndex({ articlesDir: dir, dataDir });
    await cold.saved;
    expect(cold.fromSnapshot).toBe(false);
    // Same articles and the same skipped files (bad file, empty file, duplicate id) as the loader reports.
    expect([...cold.index.all()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(reference.articles);
    expect(cold.skipped).toEqual(reference.skipped);

    const warm = await openIndex({ articlesDir: dir, dataDir });
    expect(warm.fromSnapshot).toBe(true);
    expect(warm.filesRead).toBe(0);
    expect(warm.skipped).toEqual(reference.skipped);
    for (const q of QUERIES) expect(results(warm.index, q), q).toEqual(results(cold.index, q));

    // One file edited, one deleted, one added: only those are read again, and the index shows the change.
    const edited = join(dir, 'archives', 'velo.txt');
    await writeFile(edited, ' date 2022-02-01 Une usine de trottinettes ouvre à Lille.\n');
    await utimes(edited, new Date(), new Date(Date.now() + 5_000));
    await unlink(join(dir, '003_6a0b143d3fa07a1a.txt'));
    await writeFile(join(dir, 'new.txt'), ' date 2022-04-01 Les éoliennes de la mer du Nord tournent.\n');
    await warm.saved;
    const patched = await openIndex({ articlesDir: dir, dataDir });
    await patched.saved;
    expect(patched.fromSnapshot).toBe(true);
    expect(patched.filesRead).toBe(2);
    const after = await loadArticles(dir);
    expect([...patched.index.all()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(after.articles);
    expect(patched.skipped).toEqual(after.skipped);
    expect(results(patched.index, 'trottinettes').map((r) => r.id)).toEqual(['velo']);
    expect(results(patched.index, 'vélos électriques')).toEqual([]);
    expect(results(patched.index, 'Genève').map((r) => r.id)).not.toContain('003_6a0b143d3fa07a1a');
    expect(results(patched.index, 'éoliennes').map((r) => r.id)).toEqual(['new']);

    // The refreshed snapshot is what the next start uses: nothing to read any more.
    const again = await openIndex({ articlesDir: dir, dataDir });
    expect(again.filesRead).toBe(0);
    expect(results(again.index, 'éoliennes').map((r) => r.id)).toEqual(['new']);
  });

  it('rebuilds when the snapshot is damaged or was made for another folder', async () => {
    const dir = await makeFolder('stale');
    const dataDir = join(root, 'stale-data');
    const first = await openIndex({ articlesDir: dir, dataDir });
    await first.saved;
    await writeFile(join(dataDir, SNAPSHOT_FILE), 'garbage');
    const rebuilt = await openIndex({ articlesDir: dir, dataDir });
    await rebuilt.saved;
    expect(rebuilt.fromSnapshot).toBe(false);
    for (const q of QUERIES) expect(results(rebuilt.index, q), q).toEqual(results(first.index, q));

    const other = await makeFolder('other');
    const elsewhere = await openIndex({ articlesDir: other, dataDir });
    expect(elsewhere.fromSnapshot).toBe(false);
    await elsewhere.saved;
  });

  it('reports a missing folder with the loader’s error', async () => {
    await expect(openIndex({ articlesDir: join(root, 'nope'), dataDir: join(root, 'nope-data') })).rejects.toMatchObject({ code: 'ARTICLES_DIR_MISSING' });
  });
});
