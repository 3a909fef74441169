/**
 * The articles folder: every `*.txt` file under it, recursively, parsed into Articles. One bad file never stops the
 * load: it is returned as skipped with a reason, and the caller logs one warning per file.
 */
import { readFile as readFileCallback, stat as statCallback } from 'node:fs';
import { lstat, opendir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import type { Article } from '../core/corpus/article.js';
import { parseArticle } from '../core/corpus/parseArticle.js';
import type { ParseOutcome } from '../core/corpus/parseArticle.js';
import { UserError } from '../core/errors.js';

export interface SkippedFile {
  /** Path relative to the articles folder, with `/` separators. */
  readonly file: string;
  readonly reason: string;
}

export interface LoadResult {
  /** Sorted by id. */
  readonly articles: Article[];
  readonly skipped: SkippedFile[];
}

export interface LoadOptions {
  /** Files larger than this are skipped without being read. Default: DEFAULT_MAX_ARTICLE_BYTES. */
  readonly maxBytes?: number;
}

/** 5 MiB: a news article is a few KiB; anything this large is a dump or a mistake, and would bloat the index. */
export const DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/**
 * The callback `stat`/`readFile`, promisified: on many small files they cost half the main-thread time of the
 * `fs/promises` ones (which go through a FileHandle), and the load of a 100,000-file archive is bound by that.
 */
const statFast = promisify(statCallback);
const readFileFast = promisify(readFileCallback);

/** Files read at once: enough to hide disk latency on 100,000 files, few enough to stay far from the fd limit. */
const CONCURRENCY = 32;

/**
 * Loads every `*.txt` under `dir` (recursively, not following symlinked folders; hidden files and folders are
 * ignored). The id is the file name without extension; when two files share an id, the first in path order that
 * parses is kept. Throws UserError `ARTICLES_DIR_MISSING`, `ARTICLES_DIR_UNREADABLE` or `ARTICLES_DIR_EMPTY` (no
 * `*.txt` at all) with a message that says what to do; any other problem is a skipped file.
 */
export async function loadArticles(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  await checkFolder(dir);
  const skipped: SkippedFile[] = [];
  const files = await listTextFiles(dir, skipped);
  if (files.length === 0) {
    throw new UserError(
      'ARTICLES_DIR_EMPTY',
      `No .txt articles in ${dir}. Put one article per .txt file there (first line " date YYYY-MM …"), ` +
        'or set ARTICLES_DIR in .env to another folder.',
    );
  }
  files.sort((a, b) => compareStrings(a.relative, b.relative));

  const outcomes = await mapPool(files, CONCURRENCY, (f) => readArticleFile(f.path, f.id, options));

  const articles: Article[] = [];
  const loadedFrom = new Map<string, string>();
  files.forEach((file, i) => {
    const outcome = outcomes[i] as ParseOutcome;
    if (!outcome.ok) {
      skipped.push({ file: file.relative, reason: outcome.reason });
      return;
    }
    const first = loadedFrom.get(file.id);
    if (first !== undefined) {
      skipped.push({ file: file.relative, reason: `duplicate id, already loaded from ${first}` });
      return;
    }
    loadedFrom.set(file.id, file.relative);
    articles.push(outcome.article);
  });
  articles.sort((a, b) => compareStrings(a.id, b.id));
  skipped.sort((a, b) => compareStrings(a.file, b.file));
  return { articles, skipped };
}

/**
 * Reads and parses one article file. Never throws for a bad file: the size cap is checked before reading, the bytes
 * must be UTF-8 text, and a file that vanished, a broken symlink or a permission problem each come back as a reason.
 */
export async function readArticleFile(path: string, id: string, options: LoadOptions = {}): Promise<ParseOutcome> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  let bytes: Uint8Array;
  try {
    const read = await readCapped(path, maxBytes);
    if ('tooLarge' in read) {
      return {
        ok: false,
        reason: `larger than the ${formatBytes(maxBytes)} cap (${formatBytes(read.tooLarge)})`,
      };
    }
    if ('notAFile' in read) return { ok: false, reason: read.notAFile };
    bytes = read.bytes;
  } catch (error) {
    return { ok: false, reason: await describeReadError(path, error) };
  }
  const text = decodeText(bytes);
  if (!text.ok) return text;
  try {
    return parseArticle(id, text.text);
  } catch (error) {
    // a parser bug on one odd file must not stop a load of thousands; the reason makes it visible in the log
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `internal error while parsing (${message})` };
  }
}

type ReadResult = { readonly bytes: Uint8Array } | { readonly tooLarge: number } | { readonly notAFile: string };

/**
 * Reads a file of at most `maxBytes`. The size is checked with a stat first, so a huge file is never read, and a FIFO
 * or device named *.txt is reported instead of hanging the load. A file that grows past the cap between the stat and
 * the read is caught after the read.
 */
async function readCapped(path: string, maxBytes: number): Promise<ReadResult> {
  const info = await statFast(path);
  if (!info.isFile()) return { notAFile: 'not a regular file' };
  if (info.size > maxBytes) return { tooLarge: info.size };
  const bytes = await readFileFast(path);
  if (bytes.length > maxBytes) return { tooLarge: bytes.length };
  return { bytes };
}

/** Strict: invalid bytes throw instead of turning into U+FFFD, so that a Latin-1 file is reported, not garbled. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** UTF-8 only: a NUL byte means binary, UTF-16 is named as such, anything else invalid is "not valid UTF-8". */
function decodeText(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'UTF-16 text, not UTF-8 (save the file as UTF-8)' };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary file, not text' };
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
}

/** Why a file could not be read, in words: the file may have been deleted since it was listed, or be a bad link. */
async function describeReadError(path: string, error: unknown): Promise<string> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': {
      const link = await lstat(path).catch(() => undefined);
      if (link?.isSymbolicLink()) return 'broken symbolic link (its target does not exist)';
      return 'file disappeared while loading';
    }
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'a folder, not a file';
    default:
      return `could not be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

/** The folder must exist and be a folder; the messages say which setting to change. */
async function checkFolder(dir: string): Promise<void> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) {
      throw new UserError(
        'ARTICLES_DIR_MISSING',
        `${dir} is a file, not a folder. Set ARTICLES_DIR in .env to a folder of .txt articles.`,
      );
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') {
      throw new UserError(
        'ARTICLES_DIR_UNREADABLE',
        `The articles folder ${dir} cannot be read (permission denied). Give the bot read access to it, ` +
          'or set ARTICLES_DIR in .env to another folder.',
      );
    }
    throw new UserError(
      'ARTICLES_DIR_MISSING',
      `No articles folder at ${dir}. Set ARTICLES_DIR in .env to a folder of .txt articles.`,
    );
  }
}

interface TextFile {
  readonly path: string;
  /** Relative to the articles folder, `/`-separated. */
  readonly relative: string;
  readonly id: string;
}

/**
 * Every `*.txt` under `root`. Symlinked folders are not followed (no loops, no escaping the folder); symlinked files
 * are listed and resolved when read. A subfolder that cannot be read is reported as skipped.
 */
async function listTextFiles(root: string, skipped: SkippedFile[]): Promise<TextFile[]> {
  const files: TextFile[] = [];
  const pending: string[] = [root];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    try {
      for await (const entry of await opendir(dir)) {
        if (entry.name.startsWith('.')) continue; // .git, editor lock files, macOS ._ resource forks
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          pending.push(path);
        } else if (extname(entry.name).toLowerCase() === '.txt') {
          if (entry.isSymbolicLink() && (await isDirectory(path))) continue; // a symlinked folder named *.txt
          // FIFOs and the like are listed too: reading reports them as "not a regular file" instead of hanging
          files.push({ path, relative: toRelative(root, path), id: basename(entry.name, extname(entry.name)) });
        }
      }
    } catch (error) {
      if (dir === root) {
        throw new UserError(
          'ARTICLES_DIR_UNREADABLE',
          `The articles folder ${root} cannot be read (${await describeReadError(dir, error)}). ` +
            'Give the bot read access to it, or set ARTICLES_DIR in .env to another folder.',
        );
      }
      // a subfolder deleted or locked while listing: report it and keep the rest
      const reason = `cannot list this folder (${await describeReadError(dir, error)})`;
      skipped.push({ file: `${toRelative(root, dir)}/`, reason });
    }
  }
  return files;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** `path` relative to `root`, with `/` separators whatever the platform: how files are named in logs and ids. */
export function toRelative(root: string, path: string): string {
  const rel = relative(root, path);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the items' order. */
export async function mapPool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Code-unit order: stable across locales, so the same folder always loads the same way. */
/** Code-unit order, the same on every machine (no locale): file and id order must not depend on where the bot runs. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `5 MiB`, `12.3 MiB`, `800 KiB`, `512 bytes`: one decimal at most, none when whole. */
function formatBytes(n: number): string {
  const units: ReadonlyArray<readonly [number, string]> = [
    [1024 * 1024 * 1024, 'GiB'],
    [1024 * 1024, 'MiB'],
    [1024, 'KiB'],
  ];
  for (const [size, unit] of units) {
    if (n >= size) return `${Number((n / size).toFixed(1))} ${unit}`;
  }
  return `${n} bytes`;
}
