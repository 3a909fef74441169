/**
 * An articles folder of 1,000 files, a third of them hostile: binary, empty, without a date line, with a date that
 * is not one, a date line and nothing else, huge, Latin-1 (invalid UTF-8), UTF-16, symlinks in a loop, dangling
 * symlinks, and files deleted between the listing and the read. Both ways the bot reads a folder (`openIndex`, the
 * start-up path with its snapshot, and `loadArticles`) must load every good file and name every bad one exactly
 * once with a reason; and the program itself, run once from the command line, must log each bad file once.
 *
 * "Deleted while being read" is made deterministic by wrapping `fs.stat`: for the files marked to vanish, the
 * stat succeeds and the file is unlinked right after it, so the read that follows finds it gone — the window a
 * concurrent `rm` would hit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadArticles } from '../../src/storage/loadArticles.js';
import { openIndex } from '../../src/storage/openIndex.js';

/** Files whose name contains this are unlinked right after their stat (see the file comment). */
const VANISH = 'vanishing';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const stat = ((path: unknown, ...rest: unknown[]) => {
    const callback = rest.at(-1) as (error: NodeJS.ErrnoException | null, stats?: import('node:fs').Stats) => void;
    const options = rest.length > 1 ? rest[0] : undefined;
    fs.stat(path as string, options as never, (error, stats) => {
      if (!error && String(path).includes(VANISH)) fs.rmSync(path as string, { force: true });
      callback(error, stats);
    });
  }) as typeof fs.stat;
  return { ...fs, default: { ...fs, stat }, stat };
});

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX_CLI = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
const TOTAL = 1_000;
/** A cap small enough that "huge" files cost little to write; they are read by nobody. */
const MAX_BYTES = 64 * 1024;

/** Each kind of bad file: how it is written, and the reason the loader must give. */
const HOSTILE: ReadonlyArray<{ kind: string; reason: RegExp; write: (path: string, n: number) => void }> = [
  { kind: 'binary', reason: /^binary file, not text$/u, write: (p) => writeFileSync(p, Buffer.from([0x20, 0x64, 0x61, 0x74, 0x65, 0x00, 0x01, 0xff, 0x00])) },
  { kind: 'empty', reason: /^empty file$/u, write: (p) => writeFileSync(p, '') },
  { kind: 'nodate', reason: /^missing date line/u, write: (p) => writeFileSync(p, 'Un article sans sa ligne de date.\n\nMais avec un paragraphe.\n') },
  { kind: 'baddate', reason: /date/u, write: (p) => writeFileSync(p, ' date 2022-13-45 Une date impossible\n\nUn paragraphe.\n') },
  { kind: 'dateonly', reason: /^no text after the date$/u, write: (p) => writeFileSync(p, ' date 2022-01\n') },
  { kind: 'huge', reason: /^larger than the 64 KiB cap/u, write: (p) => writeFileSync(p, ` date 2022-01 Énorme\n\n${'Un paragraphe trop long. '.repeat(3_000)}\n`) },
  {
    kind: 'latin1',
    reason: /^not valid UTF-8 text$/u,
    write: (p) => writeFileSync(p, Buffer.from(' date 2022-01 Élection à Kiev\n\nLe café de la Défense.\n', 'latin1')),
  },
  {
    kind: 'utf16',
    reason: /^UTF-16 text, not UTF-8/u,
    write: (p) => writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(' date 2022-01 Titre\n\nTexte.\n', 'utf16le')])),
  },
  {
    kind: 'loop',
    reason: /^symbolic link loop$/u,
    write: (p) => {
      // Two links pointing at each other: both are articles by name, neither can be read.
      const other = p.replace(/\.txt$/u, '-pair.txt');
      symlinkSync(other, p);
      symlinkSync(p, other);
    },
  },
  { kind: 'dangling', reason: /^broken symbolic link/u, write: (p) => symlinkSync(`${p}.gone`, p) },
  { kind: VANISH, reason: /^file disappeared while loading$/u, write: (p, n) => writeFileSync(p, goodText(n)) },
];

function goodText(n: number): string {
  return ` date 2022-01-${String(1 + (n % 28)).padStart(2, '0')} Article numéro ${n} sur les pourparlers\n\nLe paragraphe ${n} rapporte que les négociations reprendront à Genève.\n\nUn second paragraphe, pour la forme.\n`;
}

let dir: string;
/** Bad file (relative path) → the reason expected. */
const bad = new Map<string, RegExp>();
const good = new Set<string>();

/** Writes the folder anew: vanishing files are gone after each load. */
function writeFolder(): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'sub'), { recursive: true });
  bad.clear();
  good.clear();
  for (let n = 0; n < TOTAL; n++) {
    // Every third file is hostile, cycling through the kinds; some in a subfolder.
    const folder = n % 7 === 0 ? 'sub/' : '';
    const hostile = n % 3 === 0 ? HOSTILE[(n / 3) % HOSTILE.length] : undefined;
    const file = `${folder}${String(n).padStart(4, '0')}-${hostile?.kind ?? 'ok'}.txt`;
    if (hostile) {
      hostile.write(join(dir, file), n);
      bad.set(file, hostile.reason);
      if (hostile.kind === 'loop') bad.set(file.replace(/\.txt$/u, '-pair.txt'), hostile.reason);
    } else {
      writeFileSync(join(dir, file), goodText(n));
      good.add(file);
    }
  }
}

function expectEachBadFileOnce(skipped: ReadonlyArray<{ file: string; reason: string }>): void {
  const files = skipped.map((s) => s.file);
  expect(new Set(files).size, 'a file reported twice').toBe(files.length);
  expect(new Set(files)).toEqual(new Set(bad.keys()));
  for (const { file, reason } of skipped) expect(reason, file).toMatch(bad.get(file) ?? /^$/u);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'veille-hostile-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a folder of 1,000 files, a third of them hostile', () => {
  it('covers every kind of bad file, a third of the folder', () => {
    writeFolder();
    expect(bad.size).toBeGreaterThanOrEqual(TOTAL / 3);
    expect(new Set([...bad.keys()].map((f) => /-([a-z0-9]+)(?:-pair)?\.txt$/u.exec(f)?.[1]))).toEqual(new Set(HOSTILE.map((h) => h.kind)));
  });

  it('openIndex (start-up) loads every good file and names each bad one once, with its reason', async () => {
    writeFolder();
    const opened = await openIndex({ articlesDir: dir, dataDir: mkdtempSync(join(tmpdir(), 'veille-hostile-data-')), maxBytes: MAX_BYTES });
    await opened.saved;
    expect(opened.index.size).toBe(good.size);
    expectEachBadFileOnce(opened.skipped);
  });

  it('loadArticles loads every good file and names each bad one once, with its reason', async () => {
    writeFolder();
    const { articles, skipped } = await loadArticles(dir, { maxBytes: MAX_BYTES });
    expect(articles).toHaveLength(good.size);
    expectEachBadFileOnce(skipped);
  });

  it('the program logs each bad file once and answers from the others', () => {
    writeFolder();
    // In a process of its own `fs` is not wrapped: the vanishing files are ordinary good files there.
    const vanishing = [...bad.keys()].filter((file) => file.includes(VANISH));
    for (const file of vanishing) bad.delete(file);
    const run = spawnSync(process.execPath, [TSX_CLI, 'src/index.ts', 'search', 'pourparlers'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ARTICLES_DIR: dir, DATA_DIR: mkdtempSync(join(tmpdir(), 'veille-hostile-data-')), ARTICLE_MAX_BYTES: String(MAX_BYTES), LOG_LEVEL: 'info', DISCORD_TOKEN: '' },
    });
    expect(run.status, run.stderr.slice(-2000)).toBe(0);
    const logs = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; file?: string; articles?: number });
    const warned = logs.filter((l) => String(l.msg).startsWith('Skipped ')).map((l) => l.file ?? '');
    expect(warned.length, 'a bad file logged twice').toBe(new Set(warned).size);
    expect(new Set(warned)).toEqual(new Set(bad.keys()));
    expect(logs.find((l) => String(l.msg).startsWith('Loaded '))?.articles).toBe(good.size + vanishing.length);
    expect(run.stdout).toContain('pourparlers');
  }, 90_000);
});
