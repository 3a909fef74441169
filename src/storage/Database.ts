/**
 * The bot's SQLite database (`DATA_DIR/veille.sqlite`): digest subscriptions, what was posted, and article arrivals.
 *
 * Opening never throws for a problem of the file or the folder: it returns a `DatabaseUnavailable` with a reason the
 * bot can show (`/digest status`) while it keeps answering commands. Nothing here ever deletes, truncates or rewrites
 * a file it could not open: a corrupt file is only read (an integrity check) before it is refused, so the owner can
 * still repair it (`sqlite3 veille.sqlite ".recover"`) or move it aside and restart to begin afresh.
 */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

export type SqliteDatabase = BetterSqlite3.Database;

/** The database file's name inside DATA_DIR. */
export const DATABASE_FILE = 'veille.sqlite';

/**
 * 50 ms. better-sqlite3 is synchronous: while a statement waits for another program's lock, the bot's one thread
 * waits with it — no heartbeat, no acknowledgement (Discord allows 3 s). 50 ms outwaits another shard's write (a
 * millisecond or two, its fsync included) and keeps a lock held for longer from stalling the bot: the store then
 * reports `locked`, digests pause, and commands say so.
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 50;

/**
 * Why the database cannot be used. `locked`: another program holds a lock (transient, retried); `read-only`: the
 * file or its file system refuses writes; `corrupt`: not an SQLite database or damaged; `unwritable dir`: DATA_DIR
 * cannot be created or written; `disk full`; `io error`: the disk failed a read or write; `too new`: written by a
 * newer version of Veille (never downgraded).
 */
export type UnavailableReason = 'locked' | 'read-only' | 'corrupt' | 'unwritable dir' | 'disk full' | 'io error' | 'too new';

/** The database could not be used: a reason that is safe to show, and the technical detail for the log. */
export interface DatabaseUnavailable {
  readonly reason: UnavailableReason;
  /** For the log only (it may contain paths): the error code and SQLite's message. */
  readonly detail: string;
  readonly file: string;
}

/** Thrown by the store when the database fails mid-run, so callers can pause instead of crashing. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  constructor(readonly unavailable: DatabaseUnavailable) {
    super(`Database unavailable (${unavailable.reason}): ${unavailable.detail}`);
  }
}

export interface OpenDatabaseOptions {
  /** DATA_DIR, absolute; created (with parents) if missing. */
  readonly dataDir: string;
  /** Default `veille.sqlite`. */
  readonly fileName?: string;
  /**
   * Open read-only: the database is then reported `read-only` (the bot must write what it posts before posting).
   * This is how tests simulate a read-only file system, since they run as root and root ignores file modes.
   */
  readonly readonly?: boolean;
  /** How long a statement waits for another connection's lock before failing with `locked`. */
  readonly busyTimeoutMs?: number;
}

export type OpenResult =
  | { readonly ok: true; readonly db: SqliteDatabase; readonly file: string }
  | { readonly ok: false; readonly unavailable: DatabaseUnavailable };

/** The schema, one entry per version; `user_version` records how many have been applied. Never edit a past entry. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id TEXT NOT NULL,
    channel_id TEXT NOT NULL UNIQUE,
    post_time TEXT NOT NULL,
    replay_from TEXT,
    quiet INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    created_by TEXT,
    last_slot_day TEXT,
    last_digest_day TEXT,
    broken_reason TEXT,
    broken_at INTEGER
  );
  CREATE INDEX subscriptions_guild ON subscriptions (guild_id);

  CREATE TABLE deliveries (
    subscription_id INTEGER NOT NULL,
    digest_day TEXT NOT NULL,
    slot_day TEXT NOT NULL,
    guild_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('live', 'replay')),
    state TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'skipped', 'failed', 'uncertain')),
    nonce TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    window_started_at INTEGER,
    last_attempt_at INTEGER,
    maybe_created INTEGER NOT NULL DEFAULT 0,
    retry_at INTEGER,
    message_id TEXT,
    detail TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (subscription_id, digest_day)
  );
  CREATE INDEX deliveries_channel_day ON deliveries (channel_id, digest_day);
  CREATE INDEX deliveries_sending ON deliveries (subscription_id) WHERE state = 'sending';

  CREATE TABLE known_articles (
    id TEXT PRIMARY KEY,
    first_seen_at INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE arrivals (
    article_id TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    arrived_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX arrivals_day ON arrivals (day);
  `,
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Opens (creating if needed) and migrates `DATA_DIR/veille.sqlite`: WAL (readers never wait for the writer, and
 * shards can share the file), a busy timeout, `synchronous = FULL` (a row recorded before a post survives a power
 * cut, not only a crash). Checks the file's integrity *before* any write, and proves it can write, so that every
 * problem shows up here as a reason rather than at the first post. Never throws for file problems.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenResult {
  const file = join(options.dataDir, options.fileName ?? DATABASE_FILE);
  const fail = (reason: UnavailableReason, detail: string): OpenResult => ({ ok: false, unavailable: { reason, detail, file } });

  if (!options.readonly) {
    try {
      mkdirSync(options.dataDir, { recursive: true });
      accessSync(options.dataDir, constants.W_OK);
    } catch (error) {
      const code = errorCode(error);
      // a read-only file system holding an existing database is "read-only"; no folder to write to otherwise
      const reason = code === 'EROFS' && existsSync(file) ? 'read-only' : 'unwritable dir';
      return fail(reason, `${code ?? 'error'}: cannot create or write to ${options.dataDir} (${messageOf(error)})`);
    }
  }

  if (options.readonly && !existsSync(file)) return fail('read-only', `no database at ${file} to open read-only`);

  let db: SqliteDatabase;
  try {
    db = new BetterSqlite3(file, {
      readonly: options.readonly === true,
      fileMustExist: options.readonly === true,
      timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
    });
  } catch (error) {
    // better-sqlite3 checks the folder itself (a TypeError): it vanished since mkdir
    const reason = existsSync(options.dataDir) ? classifyOpenError(error, file, options.readonly === true) : 'unwritable dir';
    if (!reason) throw error;
    return fail(reason, describeError(error));
  }

  try {
    // Read-only checks first: a damaged file must not receive a single byte (even switching to WAL writes the header).
    const check = db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') {
      db.close();
      return fail('corrupt', `integrity check failed: ${String(check)}`);
    }
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION) {
      db.close();
      return fail('too new', `schema version ${version}, this version of Veille knows up to ${SCHEMA_VERSION}`);
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    migrate(db);
    // Prove a write goes through (read-only file or connection, a lock held by another program).
    db.prepare("INSERT INTO meta (key, value) VALUES ('last_opened_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
      new Date().toISOString(),
    );
  } catch (error) {
    db.close();
    const reason = classifyDatabaseError(error);
    if (!reason) throw error;
    return fail(reason, describeError(error));
  }
  return { ok: true, db, file };
}

/**
 * Applies the migrations `db` has not seen, each in its own IMMEDIATE transaction that re-reads the version, so two
 * shards starting together migrate once. A read-only connection fails here with SQLITE_READONLY if any is missing.
 */
export function migrate(db: SqliteDatabase): void {
  for (;;) {
    const applied = db.transaction((): boolean => {
      const version = Number(db.pragma('user_version', { simple: true }));
      if (version >= MIGRATIONS.length) return false;
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
      return true;
    });
    if (!applied.immediate()) return;
  }
}

/**
 * Maps an SQLite or file-system error to a reason, or `undefined` for anything else (a bug: let it surface). The
 * store uses it on every statement, so a lock or a corruption found mid-run pauses digests instead of crashing.
 */
export function classifyDatabaseError(error: unknown): UnavailableReason | undefined {
  const code = errorCode(error);
  if (code === undefined) return undefined;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code === 'SQLITE_READONLY_DIRECTORY') return 'unwritable dir';
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM') || code === 'EROFS') return 'read-only';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return 'corrupt';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'disk full';
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM' || code === 'ENOTDIR') return 'unwritable dir';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io error';
  return undefined;
}

/**
 * A file that exists but cannot be opened is a permission problem on the file, not on the folder; a read-only open of
 * a missing file cannot create it, which is the read-only case too.
 */
function classifyOpenError(error: unknown, file: string, readonly: boolean): UnavailableReason | undefined {
  const reason = classifyDatabaseError(error);
  if (reason === 'unwritable dir' && errorCode(error)?.startsWith('SQLITE_CANTOPEN') && (readonly || existsSync(file))) {
    return 'read-only';
  }
  return reason;
}

const MESSAGES: Readonly<Record<UnavailableReason, { readonly fr: string; readonly en: string }>> = {
  locked: {
    fr: 'La base de données du bot est verrouillée par un autre programme. Les résumés quotidiens sont en pause et reprendront d’eux-mêmes.',
    en: 'The bot’s database is locked by another program. Daily digests are paused and will resume by themselves.',
  },
  'read-only': {
    fr: 'La base de données du bot est en lecture seule. Les résumés quotidiens sont en pause : l’administrateur du bot doit rendre DATA_DIR accessible en écriture.',
    en: 'The bot’s database is read-only. Daily digests are paused: the bot’s administrator must make DATA_DIR writable.',
  },
  corrupt: {
    fr: 'La base de données du bot est endommagée. Les résumés quotidiens sont en pause ; le fichier n’a pas été modifié, l’administrateur du bot doit le réparer ou le mettre de côté.',
    en: 'The bot’s database is damaged. Daily digests are paused; the file was left untouched, the bot’s administrator must repair it or move it aside.',
  },
  'unwritable dir': {
    fr: 'Le dossier de données du bot (DATA_DIR) n’est pas accessible en écriture. Les résumés quotidiens sont en pause.',
    en: 'The bot’s data folder (DATA_DIR) is not writable. Daily digests are paused.',
  },
  'disk full': {
    fr: 'Le disque du bot est plein. Les résumés quotidiens sont en pause.',
    en: 'The bot’s disk is full. Daily digests are paused.',
  },
  'io error': {
    fr: 'Le disque du bot a renvoyé une erreur. Les résumés quotidiens sont en pause.',
    en: 'The bot’s disk reported an error. Daily digests are paused.',
  },
  'too new': {
    fr: 'La base de données vient d’une version plus récente du bot. Les résumés quotidiens sont en pause jusqu’à sa mise à jour.',
    en: 'The database was written by a newer version of the bot. Daily digests are paused until the bot is updated.',
  },
};

/** A sentence for `/digest status` that says what is wrong and what happens now; no paths, no error codes. */
export function unavailableMessage(reason: UnavailableReason, locale: 'fr' | 'en'): string {
  return MESSAGES[reason][locale];
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `SQLITE_BUSY: database is locked`: what the log needs to tell one cause from another. */
export function describeError(error: unknown): string {
  const code = errorCode(error);
  return code ? `${code}: ${messageOf(error)}` : messageOf(error);
}
