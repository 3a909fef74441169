/**
 * Keeps the articles in step with ARTICLES_DIR while the bot runs: a file added, changed or deleted (in any subfolder)
 * is read and handed to `onUpsert` / `onRemove` without a restart.
 *
 * - A file is read only once its size, mtime and ctime have not moved for `stableMs`, so a file being written (or
 *   copied) is not read half-way. A writer that pauses longer than that mid-file is read early, then read again when
 *   it finishes (the article is replaced).
 * - Watching: one non-recursive `fs.watch` per folder on Linux. Node 20's `recursive: true` there is a JavaScript
 *   emulation that lists the whole tree synchronously (blocking the event loop) and takes one inotify watch *per
 *   file*, which runs out of inotify watches on a large archive. On macOS and Windows the native recursive watch is
 *   used. Events can still be missed (an inotify queue overflow, a folder moved in, a network file system): a full
 *   rescan every `rescanIntervalMs` (and `rescan()`, for an admin's `/reload`) reconciles the folder with what was
 *   read, comparing sizes and times only (files are read only when they changed).
 * - Same rules as `loadArticles`: `*.txt` (any case), hidden files and folders ignored, symlinked folders not
 *   followed; the id is the file name without extension, and when two files share an id the first in path order that
 *   parses wins. A file that does not parse is reported through `onSkip` (one call per version of the file).
 * - If the folder itself cannot be listed (unmounted, permissions), nothing is removed: no answer is not "empty".
 */
import { stat as statCallback, watch, type FSWatcher, type Stats } from 'node:fs';
import { opendir } from 'node:fs/promises';
import { basename, extname, join, sep } from 'node:path';
import { promisify } from 'node:util';
import type { Article } from '../core/corpus/article.js';
import type { Logger } from '../logger.js';
import { WorkQueue } from '../WorkQueue.js';
import { DEFAULT_MAX_ARTICLE_BYTES, readArticleFile, type SkippedFile } from './loadArticles.js';

const statFast = promisify(statCallback);

export interface ArticleChange {
  /** The file, relative to the articles folder, `/`-separated. */
  readonly file: string;
  /**
   * `added`: an id the watcher did not supply before (with `changedSince`, also a file loaded at start-up and changed
   * since); `updated`: the id's article replaced; `removed`: no file supplies the id any more.
   */
  readonly kind: 'added' | 'updated' | 'removed';
}

export interface WatchArticlesOptions {
  /** An article to add or replace in the index (and, for `added`, to note as arrived). */
  readonly onUpsert: (article: Article, change: ArticleChange) => void | Promise<void>;
  /** An article to remove from the index. */
  readonly onRemove: (id: string, change: ArticleChange) => void | Promise<void>;
  /** A file that cannot be read as an article. Default: one warning in the log. */
  readonly onSkip?: (skipped: SkippedFile) => void;
  /** How long a file must stay unchanged before it is read. Default 500 ms. */
  readonly stableMs?: number;
  /** Files larger than this are skipped (ARTICLE_MAX_BYTES). */
  readonly maxBytes?: number;
  /** Full rescan period, to catch missed events; 0 disables. Default 60 s. */
  readonly rescanIntervalMs?: number;
  /**
   * `false`: no file-system events, only the periodic rescans (a network file system, where events do not arrive
   * for changes made by other machines). Default `true`.
   */
  readonly useFsEvents?: boolean;
  /**
   * Epoch ms when the caller's own initial load (`loadArticles`) started. Files changed at or after it (minus 2 s for
   * coarse file-system clocks) are read and emitted, so nothing added or rewritten during that load is missed.
   * Without it, the files present at start are taken as already loaded and only later changes are emitted.
   */
  readonly changedSince?: number;
  readonly logger: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
  /**
   * Where reads and hand-overs run, one at a time with yields: a thousand files copied in at once settle together,
   * and their reads, parses and index updates would otherwise all run in one turn of the event loop (1.5 s
   * measured). The bot passes its one queue, shared with replies and event extraction. Default: a queue of its own.
   */
  readonly work?: Pick<WorkQueue, 'run'>;
}

/** What a rescan (or the events it waited for) changed. */
export interface RescanResult {
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  readonly skipped: SkippedFile[];
}

export interface ArticleWatcher {
  /** Lists the folder, reads what changed (once stable), and resolves when it has been handed over. */
  rescan(): Promise<RescanResult>;
  /** Stops watching; waits for an article being handed over. */
  close(): Promise<void>;
}

/** Size, times and inode: any write, truncate, replace or rename-over changes at least one. `null`: no such file. */
type Signature = string | null;

interface Outcome {
  added: number;
  updated: number;
  removed: number;
  skipped: SkippedFile[];
}

interface Pending {
  /** `undefined` until the first stat. */
  signature: Signature | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  readonly done: Promise<Outcome>;
  readonly resolve: (outcome: Outcome) => void;
}

const COARSE_CLOCK_SLACK_MS = 2_000;
const STAT_CONCURRENCY = 32;
const NATIVE_RECURSIVE = process.platform === 'darwin' || process.platform === 'win32';

/**
 * Starts watching `dir` (which must exist: `loadArticles` checked it). Resolves once the folder has been listed and
 * is being watched, so that a file written after this is seen.
 */
export async function watchArticles(dir: string, options: WatchArticlesOptions): Promise<ArticleWatcher> {
  const watcher = new Watcher(dir, options);
  await watcher.start();
  return watcher;
}

class Watcher implements ArticleWatcher {
  private readonly stableMs: number;
  private readonly maxBytes: number;
  /** What the consumer has been given: file → signature at the time it was read (or listed at start). */
  private readonly files = new Map<string, Signature>();
  /** id → the files named after it. */
  private readonly filesById = new Map<string, Set<string>>();
  /** id → the file whose article the consumer has, and that file's signature then. */
  private readonly owners = new Map<string, { readonly file: string; readonly signature: Signature }>();
  private readonly pending = new Map<string, Pending>();
  private readonly idQueues = new Map<string, Promise<unknown>>();
  private readonly work: Pick<WorkQueue, 'run'>;
  private readonly folderWatchers = new Map<string, FSWatcher>();
  private interval: ReturnType<typeof setInterval> | undefined;
  private rescanning: Promise<RescanResult> | undefined;
  private closed = false;
  private watchProblemLogged = false;
  private rootProblemLogged = false;

  constructor(
    private readonly dir: string,
    private readonly options: WatchArticlesOptions,
  ) {
    this.stableMs = options.stableMs ?? 500;
    this.work = options.work ?? new WorkQueue();
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  }

  async start(): Promise<void> {
    const listing = await this.list();
    if (!listing) throw new Error(`cannot list the articles folder ${this.dir}`);
    const since = this.options.changedSince;
    for (const [file, info] of listing.files) {
      if (since !== undefined && Math.max(info.mtimeMs, info.ctimeMs) >= since - COARSE_CLOCK_SLACK_MS) {
        void this.settle(file);
      } else {
        this.remember(file, signatureOf(info));
      }
    }
    for (const [id, files] of this.filesById) {
      const first = [...files].sort(compareStrings)[0];
      if (first !== undefined) this.owners.set(id, { file: first, signature: this.files.get(first) ?? null });
    }
    const interval = this.options.rescanIntervalMs ?? 60_000;
    if (interval > 0) {
      this.interval = setInterval(() => {
        if (!this.rescanning) void this.rescan().catch((error: unknown) => this.options.logger.error({ err: error }, 'Articles rescan failed'));
      }, interval);
      this.interval.unref();
    }
  }

  rescan(): Promise<RescanResult> {
    if (this.closed) return Promise.resolve(emptyOutcome());
    this.rescanning ??= this.doRescan().finally(() => {
      this.rescanning = undefined;
    });
    return this.rescanning;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.interval) clearInterval(this.interval);
    for (const w of this.folderWatchers.values()) w.close();
    this.folderWatchers.clear();
    for (const p of this.pending.values()) {
      if (p.timer) clearTimeout(p.timer);
      p.resolve(emptyOutcome());
    }
    this.pending.clear();
    await Promise.allSettled([...this.idQueues.values()]);
  }

  private async doRescan(): Promise<RescanResult> {
    const listing = await this.list();
    if (!listing) return emptyOutcome();
    for (const folder of [...this.folderWatchers.keys()]) {
      if (!listing.folders.has(folder)) this.unwatchFolder(folder); // a folder removed without an event
    }
    const waits: Promise<Outcome>[] = [];
    for (const [file, info] of listing.files) {
      if (this.pending.has(file) || this.files.get(file) !== signatureOf(info)) waits.push(this.settle(file));
    }
    for (const file of this.files.keys()) {
      if (listing.files.has(file)) continue;
      if (listing.unlisted.some((folder) => file.startsWith(`${folder}/`))) continue; // unknown is not gone
      waits.push(this.settle(file));
    }
    const outcomes = await Promise.all(waits);
    return outcomes.reduce(mergeOutcomes, emptyOutcome());
  }

  /**
   * Lists every `*.txt` under the folder with its stats, and makes sure each folder is watched. `undefined` when the
   * folder itself cannot be listed.
   */
  private async list(): Promise<{ files: Map<string, Stats>; folders: Set<string>; unlisted: string[] } | undefined> {
    const found: string[] = [];
    const unlisted: string[] = [];
    const seen = new Set<string>();
    const folders: string[] = [''];
    while (folders.length > 0) {
      const folder = folders.pop() as string;
      seen.add(folder);
      this.watchFolder(folder);
      try {
        for await (const entry of await opendir(join(this.dir, folder))) {
          if (entry.name.startsWith('.')) continue;
          const file = folder === '' ? entry.name : `${folder}/${entry.name}`;
          if (entry.isDirectory()) folders.push(file);
          else if (extname(entry.name).toLowerCase() === '.txt') found.push(file);
        }
      } catch (error) {
        if (folder === '') {
          if (!this.rootProblemLogged) {
            this.options.logger.warn({ dir: this.dir, err: error }, 'Cannot list the articles folder; keeping the articles as they are');
          }
          this.rootProblemLogged = true;
          return undefined;
        }
        unlisted.push(folder);
      }
    }
    const files = new Map<string, Stats>();
    await forEachPooled(found, STAT_CONCURRENCY, async (file) => {
      const info = await statFast(join(this.dir, file)).catch(() => undefined);
      if (info?.isFile()) files.set(file, info); // a symlinked folder named *.txt, a vanished file: not an article
    });
    this.rootProblemLogged = false;
    return { files, folders: seen, unlisted };
  }

  /** Watches one folder (non-recursively), unless the platform's native recursive watch already covers it. */
  private watchFolder(folder: string): void {
    if (this.closed || this.options.useFsEvents === false || this.folderWatchers.has(folder) || (NATIVE_RECURSIVE && folder !== '')) return;
    let w: FSWatcher;
    try {
      w = watch(join(this.dir, folder), { persistent: false, recursive: NATIVE_RECURSIVE }, (_event, name) => {
        this.onEvent(folder, name === null ? null : String(name));
      });
    } catch (error) {
      this.logWatchProblem(folder, error);
      return;
    }
    w.on('error', (error) => {
      w.close();
      if (this.folderWatchers.get(folder) === w) this.folderWatchers.delete(folder);
      // a deleted folder's watcher ends with an error: expected; anything else is worth one line
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'EPERM') {
        this.logWatchProblem(folder, error);
      }
    });
    this.folderWatchers.set(folder, w);
  }

  private logWatchProblem(folder: string, error: unknown): void {
    if (this.watchProblemLogged) return;
    this.watchProblemLogged = true;
    this.options.logger.warn(
      { dir: this.dir, folder, err: error },
      'Cannot watch the articles folder (inotify limit?): changes are picked up by the periodic rescan only',
    );
  }

  private onEvent(folder: string, name: string | null): void {
    if (this.closed) return;
    if (name === null) {
      void this.rescan(); // the platform did not say which file: look at all of them
      return;
    }
    const path = folder === '' ? name : `${folder}/${name}`;
    const rel = sep === '/' ? path : path.split(sep).join('/');
    if (rel.split('/').some((part) => part.startsWith('.'))) return;
    if (extname(rel).toLowerCase() === '.txt') void this.settle(rel);
    else void this.checkFolder(rel);
  }

  /** A name that is (or was) a folder: watch and list a new one; a vanished one's files are checked (removed). */
  private async checkFolder(rel: string): Promise<void> {
    const info = await statFast(join(this.dir, rel)).catch(() => undefined);
    if (this.closed) return;
    if (info?.isDirectory()) {
      if (this.folderWatchers.has(rel) && !NATIVE_RECURSIVE) return;
      // a folder created or moved in: its files never produced events of their own
      const listing = await this.listFolder(rel);
      for (const file of listing) void this.settle(file);
      return;
    }
    // not (or no longer) a folder: if it was one, close its watchers and check its files, which are gone too
    this.unwatchFolder(rel);
    const prefix = `${rel}/`;
    for (const file of [...this.files.keys()]) if (file.startsWith(prefix)) void this.settle(file);
  }

  /** Closes the watchers of `rel` and of its subfolders. */
  private unwatchFolder(rel: string): void {
    for (const [folder, w] of this.folderWatchers) {
      if (folder === rel || folder.startsWith(`${rel}/`)) {
        w.close();
        this.folderWatchers.delete(folder);
      }
    }
  }

  /** The `*.txt` files under one subfolder, watching its folders. */
  private async listFolder(root: string): Promise<string[]> {
    const found: string[] = [];
    const folders = [root];
    while (folders.length > 0) {
      const folder = folders.pop() as string;
      this.watchFolder(folder);
      try {
        for await (const entry of await opendir(join(this.dir, folder))) {
          if (entry.name.startsWith('.')) continue;
          const file = `${folder}/${entry.name}`;
          if (entry.isDirectory()) folders.push(file);
          else if (extname(entry.name).toLowerCase() === '.txt') found.push(file);
        }
      } catch {
        // vanished or unreadable meanwhile: the periodic rescan will see it
      }
    }
    return found;
  }

  /**
   * Waits until `file` has kept the same signature for `stableMs`, then hands the change over. Calls for a file
   * already waiting join that wait (and restart nothing: the timer re-checks).
   */
  private settle(file: string): Promise<Outcome> {
    if (this.closed) return Promise.resolve(emptyOutcome());
    const existing = this.pending.get(file);
    if (existing) return existing.done;
    let resolve!: (outcome: Outcome) => void;
    const done = new Promise<Outcome>((r) => {
      resolve = r;
    });
    const entry: Pending = { signature: undefined, timer: undefined, done, resolve };
    this.pending.set(file, entry);
    void this.observe(file).then((signature) => {
      entry.signature = signature;
      this.arm(file, entry);
    });
    return done;
  }

  private arm(file: string, entry: Pending): void {
    if (this.closed) return;
    entry.timer = setTimeout(() => {
      void this.observe(file).then(async (signature) => {
        if (this.closed) return;
        if (signature !== entry.signature) {
          entry.signature = signature; // still moving: wait again
          this.arm(file, entry);
          return;
        }
        this.pending.delete(file);
        let outcome = emptyOutcome();
        try {
          outcome = await this.apply(file, signature);
        } catch (error) {
          this.options.logger.error({ err: error, file }, 'Article change could not be applied');
          // a signature no file has: the next rescan sees a difference and tries again
          if (this.files.has(file)) this.files.set(file, 'retry');
        }
        entry.resolve(outcome);
      });
    }, this.stableMs);
    entry.timer.unref();
  }

  private async observe(file: string): Promise<Signature> {
    const info = await statFast(join(this.dir, file)).catch(() => undefined);
    return info?.isFile() ? signatureOf(info) : null;
  }

  /** Records the file's new state and re-decides which file supplies its id. */
  private async apply(file: string, signature: Signature): Promise<Outcome> {
    const previous = this.files.get(file);
    if (signature === null) {
      if (previous === undefined) return emptyOutcome();
      this.forget(file);
    } else {
      if (previous === signature) return emptyOutcome();
      this.remember(file, signature);
    }
    return this.reconcileId(idOf(file));
  }

  /** One id at a time: two files of the same id changing together must not interleave their reads. */
  private reconcileId(id: string): Promise<Outcome> {
    const before = this.idQueues.get(id) ?? Promise.resolve();
    const run = before.then(() => this.work.run(() => this.decideOwner(id), 'background'));
    const tail = run.catch(() => undefined);
    this.idQueues.set(id, tail);
    void tail.then(() => {
      if (this.idQueues.get(id) === tail) this.idQueues.delete(id);
    });
    return run;
  }

  private async decideOwner(id: string): Promise<Outcome> {
    const outcome = emptyOutcome();
    if (this.closed) return outcome;
    const owner = this.owners.get(id);
    const candidates = [...(this.filesById.get(id) ?? [])].sort(compareStrings);
    for (const file of candidates) {
      const signature = this.files.get(file) ?? null;
      if (owner && owner.file === file && owner.signature === signature) return outcome; // unchanged
      const read = await readArticleFile(join(this.dir, file), id, { maxBytes: this.maxBytes });
      if (this.closed) return outcome;
      if (read.ok) {
        this.owners.set(id, { file, signature });
        const kind = owner ? 'updated' : 'added';
        await this.options.onUpsert(read.article, { file, kind });
        outcome[kind] += 1;
        return outcome;
      }
      const skipped = { file, reason: read.reason };
      outcome.skipped.push(skipped);
      if (this.options.onSkip) this.options.onSkip(skipped);
      else this.options.logger.warn(skipped, `Skipped ${file}: ${read.reason}`);
    }
    if (owner) {
      this.owners.delete(id);
      await this.options.onRemove(id, { file: owner.file, kind: 'removed' });
      outcome.removed += 1;
    }
    return outcome;
  }

  private remember(file: string, signature: Signature): void {
    this.files.set(file, signature);
    const id = idOf(file);
    let set = this.filesById.get(id);
    if (!set) this.filesById.set(id, (set = new Set()));
    set.add(file);
  }

  private forget(file: string): void {
    this.files.delete(file);
    const id = idOf(file);
    const set = this.filesById.get(id);
    set?.delete(file);
    if (set?.size === 0) this.filesById.delete(id);
  }
}

function signatureOf(info: Stats): string {
  return `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
}

function idOf(file: string): string {
  const name = basename(file);
  return basename(name, extname(name));
}

function emptyOutcome(): Outcome {
  return { added: 0, updated: 0, removed: 0, skipped: [] };
}

function mergeOutcomes(a: Outcome, b: Outcome): Outcome {
  return { added: a.added + b.added, updated: a.updated + b.updated, removed: a.removed + b.removed, skipped: [...a.skipped, ...b.skipped] };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function forEachPooled<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

