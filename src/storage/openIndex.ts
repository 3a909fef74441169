/**
 * Start-up: the articles folder → a search index, fast after a restart. With a valid snapshot in the data folder,
 * only the files that changed since (paths, sizes, modification times) are read and parsed again; the rest comes
 * parsed and indexed from the snapshot. Without one, every file is read and the index built without blocking the
 * event loop. Either way a fresh snapshot is saved when anything changed.
 */
import type { Dirent, Stats } from 'node:fs';
import { statSync } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Article } from '../core/corpus/article.js';
import type { ParseOutcome } from '../core/corpus/parseArticle.js';
import { ArticleIndex } from '../core/search/ArticleIndex.js';
import { runStepsAsync, sortStringsSteps } from '../core/search/steps.js';
import type { FileRecord } from './indexSnapshot.js';
import { loadSnapshot, saveSnapshot } from './indexSnapshot.js';
import type { SkippedFile } from './loadArticles.js';
import { compareStrings, DEFAULT_MAX_ARTICLE_BYTES, loadArticles, mapPool, readArticleFile, toRelative } from './loadArticles.js';

/** The snapshot's file name in the data folder. */
export const SNAPSHOT_FILE = 'index-snapshot.bin';

/** Where the articles and the snapshot are, and how to share the event loop and report progress. */
export interface OpenIndexOptions {
  readonly articlesDir: string;
  /** Where the snapshot lives (created if missing). */
  readonly dataDir: string;
  /** Files larger than this are skipped. Default: DEFAULT_MAX_ARTICLE_BYTES. */
  readonly maxBytes?: number;
  /** Called between batches of work; default: a `setImmediate` turn, so heartbeats and commands get through. */
  readonly yieldToEventLoop?: () => Promise<void>;
  /** Receives one line per notable step (snapshot used, rebuilt, saved, or why not). */
  readonly log?: (message: string, fields: Readonly<Record<string, unknown>>) => void;
}

/** The ready index, what was skipped (for the start-up log), and how the start went. */
export interface OpenedIndex {
  readonly index: ArticleIndex;
  /** Files not loaded, with the reason (sorted by path), as `loadArticles` reports them. */
  readonly skipped: readonly SkippedFile[];
  /** Whether the snapshot was used (possibly with a few files re-read). */
  readonly fromSnapshot: boolean;
  /** Files read and parsed during this start (all of them without a snapshot). */
  readonly filesRead: number;
  /** Milliseconds until the index was ready (the snapshot save that may follow is not counted). */
  readonly ms: number;
  /** Where those milliseconds went: listing and stat'ing the folder, loading the snapshot, reading files, indexing. */
  readonly timings: { readonly scanMs: number; readonly snapshotMs: number; readonly readMs: number; readonly indexMs: number };
  /** Resolves when the snapshot is saved (or its save failed, which is logged and not fatal). */
  readonly saved: Promise<void>;
}

/** Files read at once: enough to hide disk latency, few enough to stay far from the fd limit. */
const CONCURRENCY = 32;
/** Files stat'ed between two pauses (a few milliseconds of work). */
const STATS_PER_BATCH = 500;
/** Files resolved (snapshot entry or fresh read → article, skipped or duplicate) between two pauses. */
const RESOLVED_PER_PAUSE = 2_000;
/** Past this share of changed files, rebuilding from scratch is faster than patching the snapshot's index… */
const REBUILD_SHARE = 0.2;
/** …unless they are this few: patching a few hundred articles takes well under a second. */
const PATCH_ALWAYS = 500;

const immediate = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Opens the index for `articlesDir`: from the snapshot in `dataDir` when it is valid, else by reading the folder.
 * Throws the same UserErrors as `loadArticles` (folder missing, unreadable, or without any `.txt`). The returned
 * index is ready; `saved` settles once the refreshed snapshot is on disk.
 */
export async function openIndex(options: OpenIndexOptions): Promise<OpenedIndex> {
  const started = performance.now();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const pause = options.yieldToEventLoop ?? immediate;
  const log = options.log ?? (() => {});
  const snapshotPath = join(options.dataDir, SNAPSHOT_FILE);

  const scan = await scanFolder(options.articlesDir, pause);
  const scanned = performance.now();
  if (!scan || scan.files.length === 0) {
    // Let the loader say what is wrong with the folder, in its words (missing, unreadable, no .txt).
    await loadArticles(options.articlesDir, { maxBytes });
  }
  const files = scan?.files ?? [];
  const snapshot = await loadSnapshot(snapshotPath, pause);
  const usable = snapshot && snapshot.source.articlesDir === options.articlesDir && snapshot.source.maxBytes === maxBytes ? snapshot : undefined;
  if (snapshot && !usable) log('Snapshot made for another folder or size cap: rebuilding', { snapshotPath });

  const previous = new Map((usable?.files ?? []).map((f) => [f.file, f]));
  const unchanged = (f: ScannedFile): FileRecord | undefined => {
    const before = previous.get(f.relative);
    return before && f.size !== undefined && before.size === f.size && before.mtimeMs === f.mtimeMs ? before : undefined;
  };
  const changedCount = files.filter((f) => !unchanged(f)).length;
  const patch = usable !== undefined && (changedCount <= PATCH_ALWAYS || changedCount <= files.length * REBUILD_SHARE);
  const base = patch && usable ? await ArticleIndex.fromDataAsync(usable.data, pause) : undefined;
  const restored = performance.now();

  // Read what the snapshot cannot vouch for.
  const reads = new Map<string, Promise<ParseOutcome>>();
  const read = (f: ScannedFile): Promise<ParseOutcome> => {
    let pending = reads.get(f.relative);
    if (!pending) {
      pending = readArticleFile(f.path, f.id, { maxBytes });
      reads.set(f.relative, pending);
    }
    return pending;
  };
  const toRead = files.filter((f) => !base || !unchanged(f));
  await mapPool(toRead, CONCURRENCY, (f) => read(f).then(() => undefined));
  const readDone = performance.now();

  // Resolve the folder in path order, as loadArticles does: the first file that parses claims its id.
  const skipped: SkippedFile[] = [...(scan?.skipped ?? [])];
  const records: FileRecord[] = [];
  const loadedFrom = new Map<string, string>();
  const chosen = new Map<string, { article: Article; fresh: boolean }>();
  const duplicate = (f: ScannedFile, record: Omit<FileRecord, 'outcome'>): void => {
    const reason = `duplicate id, already loaded from ${loadedFrom.get(f.id) ?? ''}`;
    skipped.push({ file: f.relative, reason });
    records.push({ ...record, outcome: { kind: 'duplicate', reason } });
  };
  for (let n = 0; n < files.length; n++) {
    const f = files[n] as ScannedFile;
    if (n % RESOLVED_PER_PAUSE === RESOLVED_PER_PAUSE - 1) await pause();
    const before = base ? unchanged(f) : undefined;
    const record = { file: f.relative, size: f.size ?? -1, mtimeMs: f.mtimeMs ?? -1 };
    // A file shadowed by an earlier one with the same id is skipped, whatever it holds: no need to read it.
    if (before?.outcome.kind === 'duplicate' && loadedFrom.has(f.id)) {
      duplicate(f, record);
      continue;
    }
    let outcome: ParseOutcome;
    let fresh = true;
    if (before?.outcome.kind === 'article') {
      const article = base?.get(before.outcome.id);
      outcome = article ? { ok: true, article } : await read(f);
      fresh = !article;
    } else if (before?.outcome.kind === 'skipped') {
      outcome = { ok: false, reason: before.outcome.reason };
    } else {
      outcome = await read(f);
    }
    if (!outcome.ok) {
      skipped.push({ file: f.relative, reason: outcome.reason });
      records.push({ ...record, outcome: { kind: 'skipped', reason: outcome.reason } });
      continue;
    }
    if (loadedFrom.has(f.id)) {
      duplicate(f, record);
      continue;
    }
    loadedFrom.set(f.id, f.relative);
    chosen.set(f.id, { article: outcome.article, fresh });
    records.push({ ...record, outcome: { kind: 'article', id: f.id } });
  }
  skipped.sort((a, b) => compareStrings(a.file, b.file));

  let index: ArticleIndex;
  let changed = !usable;
  if (base) {
    index = base;
    for (const article of [...index.all()]) {
      const now = chosen.get(article.id);
      if (!now || now.article !== article) {
        index.remove(article.id);
        changed = true;
      }
    }
    for (const { article, fresh } of chosen.values()) {
      if (fresh || !index.get(article.id)) {
        index.add(article);
        changed = true;
      }
    }
    if (reads.size > 0 || records.length !== usable?.files.length) changed = true;
  } else {
    // In folder order (paths sorted): the order only breaks exact ties, and re-sorting by id would block.
    const articles = [...chosen.values()].map((c) => c.article);
    index = await ArticleIndex.build(articles, { yieldToEventLoop: pause });
    changed = true;
  }
  const ready = performance.now();
  const ms = Math.round(ready - started);
  const timings = {
    scanMs: Math.round(scanned - started),
    snapshotMs: Math.round(restored - scanned),
    readMs: Math.round(readDone - restored),
    indexMs: Math.round(ready - readDone),
  };
  log(base ? 'Index loaded from its snapshot' : 'Index built from the articles folder', {
    articles: index.size,
    filesRead: reads.size,
    ms,
  });

  const saved = changed
    ? (async () => {
        try {
          await mkdir(options.dataDir, { recursive: true });
          const data = await runStepsAsync(index.toDataSteps(), pause);
          const bytes = await saveSnapshot(snapshotPath, { data, files: records, source: { articlesDir: options.articlesDir, maxBytes } }, pause);
          log('Index snapshot saved', { snapshotPath, bytes });
        } catch (error) {
          log('Could not save the index snapshot (the next start will rebuild)', {
            snapshotPath,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      })()
    : Promise.resolve();
  return { index, skipped, fromSnapshot: base !== undefined, filesRead: reads.size, ms, timings, saved };
}

interface ScannedFile {
  readonly path: string;
  readonly relative: string;
  readonly id: string;
  /** Undefined when the file could not be stat'ed (it is then always read, and the reader says why it fails). */
  readonly size?: number;
  readonly mtimeMs?: number;
}

/**
 * Every `*.txt` under `root` with its size and modification time, by the same rules as `loadArticles` (hidden
 * entries ignored, symlinked folders not followed, an unreadable subfolder reported as skipped). `undefined` when
 * the root itself cannot be listed. Stats are taken synchronously in batches, with a pause between batches: on
 * 100,000 files, one promise per stat cost four times as much as the stats themselves.
 */
async function scanFolder(root: string, pause: () => Promise<void>): Promise<{ files: ScannedFile[]; skipped: SkippedFile[] } | undefined> {
  const listed: { path: string; relative: string; id: string }[] = [];
  const skipped: SkippedFile[] = [];
  const pending: string[] = [root];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (dir === root) return undefined;
      skipped.push({ file: `${toRelative(root, dir)}/`, reason: `cannot list this folder (${describeListError(error)})` });
      continue;
    }
    for (let n = 0; n < entries.length; n++) {
      const entry = entries[n] as Dirent;
      if (n % STATS_PER_BATCH === STATS_PER_BATCH - 1) await pause();
      if (entry.name.startsWith('.')) continue; // .git, editor lock files, macOS ._ resource forks
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        pending.push(path);
      } else if (extname(entry.name).toLowerCase() === '.txt') {
        if (entry.isSymbolicLink() && (await stat(path).then((s) => s.isDirectory(), () => false))) continue;
        listed.push({ path, relative: toRelative(root, path), id: basename(entry.name, extname(entry.name)) });
      }
    }
  }
  // Path order, as loadArticles (a relative path never holds a NUL: it separates the path from its position).
  const order = await runStepsAsync(sortStringsSteps(listed.map((f, i) => `${f.relative}\u0000${i}`)), pause);
  const sorted = order.map((key) => listed[Number(key.slice(key.lastIndexOf('\u0000') + 1))] as (typeof listed)[number]);
  const files: ScannedFile[] = [];
  for (let start = 0; start < sorted.length; start += STATS_PER_BATCH) {
    for (const f of sorted.slice(start, start + STATS_PER_BATCH)) {
      // Not a regular file, gone, a symlink loop (ELOOP), unreadable: left without size, so it is read, and the reader
      // says why it is skipped. A throw here would stop the whole start-up for one bad link.
      const info = statOrUndefined(f.path);
      files.push(info?.isFile() ? { ...f, size: info.size, mtimeMs: info.mtimeMs } : f);
    }
    await pause();
  }
  return { files, skipped };
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The loader's words for a folder that cannot be listed. */
function describeListError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'file disappeared while loading';
  return `could not be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

