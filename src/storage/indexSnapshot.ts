/**
 * The index snapshot: everything a warm start needs (parsed articles, postings, titles, and which file each
 * article came from) in one binary file. Typed arrays are written as they are in memory and read back into their own
 * buffers; article text is UTF-8, decoded one article at a time. No step builds one giant string: V8 caps strings at
 * 512 MiB, which a JSON snapshot of 100,000 articles exceeds, and parsing one would block for seconds.
 *
 * Layout: sections (8-byte aligned), then a small JSON header listing them, then a 16-byte footer
 * (`VEILLEIX`, header offset, header length). Written to a temporary file and renamed: a crash never leaves half
 * a snapshot under the real name.
 */
import { open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { Article, DatePrecision } from '../core/corpus/article.js';
import type { ArticleIndexData } from '../core/search/ArticleIndex.js';
import type { TermIndexData } from '../core/search/TermIndex.js';
import { analyzeTerms } from '../core/text/analyze.js';

/** What became of one file of the articles folder when the snapshot was made. */
export type FileOutcome =
  | { readonly kind: 'article'; readonly id: string }
  | { readonly kind: 'skipped'; readonly reason: string }
  /** Parsed, but another file with the same id came first: to be read again if it ever comes first. */
  | { readonly kind: 'duplicate'; readonly reason: string };

/** A file of the articles folder as the snapshot saw it: a later start re-reads it only if it changed. */
export interface FileRecord {
  /** Relative to the articles folder, `/`-separated. */
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly outcome: FileOutcome;
}

/** Where the snapshot came from: a snapshot made under other settings is not reused. */
export interface SnapshotSource {
  readonly articlesDir: string;
  readonly maxBytes: number;
}

/** What a snapshot holds: the index's arrays, the folder's files as they were, and the settings it was made under. */
export interface Snapshot {
  readonly data: ArticleIndexData;
  readonly files: readonly FileRecord[];
  readonly source: SnapshotSource;
}

const MAGIC = 'VEILLEIX';
/** Bumped when the layout changes. */
const FORMAT_VERSION = 2;
/**
 * Terms of a fixed French sample: if tokenising, folding, stopwords or stemming change, so do they, and a
 * snapshot indexed with the old analysis is rebuilt instead of silently missing words.
 */
const ANALYSIS_SAMPLE =
  'L’OTAN et les États-Unis négocient à Genève ; 100 000 soldats, aujourd’hui-même, Maison-Blanche, élargissement, ' +
  'pourparlers, sécurité, cœur, quand, jusqu’au 10 janvier 2022, 8,5 %.';
const PRECISIONS: readonly DatePrecision[] = ['year', 'month', 'day'];
/** Articles encoded per write: bounds the memory a save needs beyond the index itself. */
const ARTICLES_PER_CHUNK = 500;
/** Articles restored between two pauses of a load. */
const ARTICLES_PER_PAUSE = 8_192;

interface SectionEntry {
  readonly offset: number;
  readonly length: number;
}

interface Header {
  readonly format: number;
  readonly analysis: string;
  readonly source: SnapshotSource;
  readonly sections: Readonly<Record<string, SectionEntry>>;
}

/** A fingerprint of the text analysis (see ANALYSIS_SAMPLE). */
function analysisFingerprint(): string {
  return analyzeTerms(ANALYSIS_SAMPLE).join(' ');
}

const encoder = new TextEncoder();

/**
 * Writes `snapshot` to `path` (via `path.tmp`, renamed at the end). Awaits `pause` between chunks of articles so
 * that a save running beside the bot never blocks it for long. Returns the size in bytes.
 */
export async function saveSnapshot(path: string, snapshot: Snapshot, pause: () => Promise<void> = async () => {}): Promise<number> {
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    const writer = new SectionWriter(handle);
    const { data } = snapshot;
    await writeArticles(writer, data.articles, pause);
    await writer.section('passageArticle', data.passageArticle);
    await writer.section('passageParagraph', data.passageParagraph);
    await writeTermIndex(writer, 'passages', data.passages);
    await writeTermIndex(writer, 'titles', data.titles.terms);
    await writer.section('titles.docArticle', data.titles.docArticle);
    await writeFiles(writer, snapshot.files);
    const header: Header = { format: FORMAT_VERSION, analysis: analysisFingerprint(), source: snapshot.source, sections: writer.sections };
    const size = await writer.finish(header);
    await handle.close();
    await rename(temporary, path);
    return size;
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Reads a snapshot, or `undefined` when there is none, or when it was written by another version of the format or
 * of the text analysis (the caller rebuilds). A damaged file also reads as `undefined`: a snapshot is a cache.
 */
export async function loadSnapshot(path: string, pause: () => Promise<void> = async () => {}): Promise<Snapshot | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const { size } = await handle.stat();
    if (size < 16) return undefined;
    const footer = Buffer.alloc(16);
    await handle.read(footer, 0, 16, size - 16);
    if (footer.toString('latin1', 0, 8) !== MAGIC) return undefined;
    const headerOffset = footer.readUInt32LE(8) + footer.readUInt32LE(12) * 2 ** 32;
    const headerLength = size - 16 - headerOffset;
    if (headerOffset < 0 || headerLength <= 0) return undefined;
    const headerBytes = Buffer.alloc(headerLength);
    await handle.read(headerBytes, 0, headerLength, headerOffset);
    const header = JSON.parse(headerBytes.toString('utf8')) as Header;
    if (header.format !== FORMAT_VERSION || header.analysis !== analysisFingerprint()) return undefined;
    const reader = new SectionReader(handle, header.sections);
    const articles = await readArticles(reader, pause);
    const passageArticle = new Uint32Array(await reader.bytes('passageArticle'));
    const passageParagraph = new Uint32Array(await reader.bytes('passageParagraph'));
    const passages = await readTermIndex(reader, 'passages');
    const titleTerms = await readTermIndex(reader, 'titles');
    const docArticle = new Uint32Array(await reader.bytes('titles.docArticle'));
    const files = await readFiles(reader);
    return {
      data: { articles, passageArticle, passageParagraph, passages, titles: { terms: titleTerms, docArticle } },
      files,
      source: header.source,
    };
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** Appends aligned sections to the file and remembers where each one is. */
class SectionWriter {
  readonly sections: Record<string, SectionEntry> = {};
  private position = 0;

  constructor(private readonly handle: FileHandle) {}

  /** Writes one section from several pieces (written in turn, never joined in memory). */
  async begin(name: string): Promise<{ write: (bytes: ArrayBufferView) => Promise<void>; end: () => void }> {
    await this.align();
    const offset = this.position;
    return {
      write: async (bytes) => {
        await this.write(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      },
      end: () => {
        this.sections[name] = { offset, length: this.position - offset };
      },
    };
  }

  async section(name: string, bytes: ArrayBufferView): Promise<void> {
    const s = await this.begin(name);
    await s.write(bytes);
    s.end();
  }

  private async align(): Promise<void> {
    const pad = (8 - (this.position % 8)) % 8;
    if (pad > 0) await this.write(new Uint8Array(pad));
  }

  private async write(bytes: Uint8Array): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done, this.position + done);
      done += bytesWritten;
    }
    this.position += bytes.length;
  }

  async finish(header: Header): Promise<number> {
    await this.align();
    const headerOffset = this.position;
    await this.write(encoder.encode(JSON.stringify(header)));
    const footer = Buffer.alloc(16);
    footer.write(MAGIC, 0, 'latin1');
    footer.writeUInt32LE(headerOffset >>> 0, 8);
    footer.writeUInt32LE(Math.floor(headerOffset / 2 ** 32), 12);
    await this.write(footer);
    return this.position;
  }
}

/** Reads sections into buffers of their own (typed arrays need aligned, exclusively owned memory). */
class SectionReader {
  constructor(
    private readonly handle: FileHandle,
    private readonly sections: Readonly<Record<string, SectionEntry>>,
  ) {}

  async bytes(name: string): Promise<ArrayBuffer> {
    const entry = this.sections[name];
    if (!entry) throw new Error(`snapshot section ${name} missing`);
    const buffer = new ArrayBuffer(entry.length);
    const view = new Uint8Array(buffer);
    let done = 0;
    while (done < entry.length) {
      const { bytesRead } = await this.handle.read(view, done, entry.length - done, entry.offset + done);
      if (bytesRead === 0) throw new Error(`snapshot section ${name} truncated`);
      done += bytesRead;
    }
    return buffer;
  }
}

/**
 * Articles: per article a row of numbers (paragraph count, year, month, day, precision) and the UTF-16 length of
 * each of its strings (id, title, paragraphs); the strings themselves as UTF-8, id and title then paragraphs, with
 * byte offsets of both parts per article.
 */
async function writeArticles(writer: SectionWriter, articles: readonly Article[], pause: () => Promise<void>): Promise<void> {
  const meta = new Int32Array(articles.length * 5);
  let stringCount = 0;
  articles.forEach((a, i) => {
    meta[i * 5] = a.paragraphs.length;
    meta[i * 5 + 1] = a.date.year;
    meta[i * 5 + 2] = a.date.month ?? 0;
    meta[i * 5 + 3] = a.date.day ?? 0;
    meta[i * 5 + 4] = PRECISIONS.indexOf(a.date.precision);
    stringCount += 2 + a.paragraphs.length;
  });
  await writer.section('articles.meta', meta);
  const lengths = new Uint32Array(stringCount);
  const offsets = new Float64Array(articles.length * 2 + 1);
  const text = await writer.begin('articles.text');
  let bytes = 0;
  let s = 0;
  for (let start = 0; start < articles.length; start += ARTICLES_PER_CHUNK) {
    const pieces: Uint8Array[] = [];
    for (let i = start; i < Math.min(articles.length, start + ARTICLES_PER_CHUNK); i++) {
      const a = articles[i] as Article;
      lengths[s++] = a.id.length;
      lengths[s++] = a.title.length;
      // An article restored from a snapshot and never read holds its paragraphs' bytes: copied, not re-encoded.
      const raw = (a as { [RAW]?: RawParagraphs })[RAW];
      const head = encoder.encode(a.id + a.title);
      const body = raw?.body ?? encoder.encode(a.paragraphs.join(''));
      for (const p of raw?.lengths ?? a.paragraphs.map((x) => x.length)) lengths[s++] = p;
      offsets[i * 2] = bytes;
      offsets[i * 2 + 1] = bytes + head.length;
      bytes += head.length + body.length;
      pieces.push(head, body);
    }
    const joined = new Uint8Array(pieces.reduce((n, e) => n + e.length, 0));
    let at = 0;
    for (const piece of pieces) {
      joined.set(piece, at);
      at += piece.length;
    }
    await text.write(joined);
    await pause();
  }
  offsets[articles.length * 2] = bytes;
  text.end();
  await writer.section('articles.lengths', lengths);
  await writer.section('articles.offsets', offsets);
}

/**
 * Paragraph bytes (UTF-8) and lengths of an article restored lazily, until its paragraphs are first read: kept in a
 * hidden property (not enumerable, so invisible to spreads and JSON), not a WeakMap, whose 100,000 entries made
 * every garbage collection slower.
 */
const RAW = Symbol('raw paragraphs');
interface RawParagraphs {
  readonly body: Uint8Array;
  readonly lengths: Uint32Array;
}
const decoder = new TextDecoder('utf-8');

/**
 * Restores the articles with their id, title and date; each article's paragraphs are decoded from the snapshot's
 * bytes the first time they are read. Decoding 300 MB of text into strings at start-up cost more in garbage
 * collection than everything else of a warm start, and a search only ever reads the paragraphs it shows.
 */
async function readArticles(reader: SectionReader, pause: () => Promise<void>): Promise<Article[]> {
  const meta = new Int32Array(await reader.bytes('articles.meta'));
  const lengths = new Uint32Array(await reader.bytes('articles.lengths'));
  const offsets = new Float64Array(await reader.bytes('articles.offsets'));
  const text = new Uint8Array(await reader.bytes('articles.text'));
  const count = meta.length / 5;
  // A damaged file must be refused here, not followed into absurd allocations.
  let strings = 0;
  for (let i = 0; i < count; i++) strings += 2 + (meta[i * 5] as number);
  if (!Number.isInteger(count) || offsets.length !== count * 2 + 1 || lengths.length !== strings || offsets[count * 2] !== text.length) {
    throw new Error('snapshot articles damaged');
  }
  for (let i = 0; i < count * 2; i++) if ((offsets[i] as number) > (offsets[i + 1] as number)) throw new Error('snapshot articles damaged');
  const articles = new Array<Article>(count);
  let s = 0;
  for (let i = 0; i < count; i++) {
    // 100,000 articles' headers take a quarter of a second to restore: pause on the way.
    if (i % ARTICLES_PER_PAUSE === ARTICLES_PER_PAUSE - 1) await pause();
    const head = decoder.decode(text.subarray(offsets[i * 2] as number, offsets[i * 2 + 1] as number));
    const idLength = lengths[s++] as number;
    const titleLength = lengths[s++] as number;
    const id = head.slice(0, idLength);
    const title = head.slice(idLength, idLength + titleLength);
    const paragraphCount = meta[i * 5] as number;
    const paragraphLengths = lengths.subarray(s, s + paragraphCount);
    s += paragraphCount;
    const precision = PRECISIONS[meta[i * 5 + 4] as number] ?? 'year';
    const year = meta[i * 5 + 1] as number;
    const date =
      precision === 'day'
        ? { year, month: meta[i * 5 + 2] as number, day: meta[i * 5 + 3] as number, precision }
        : precision === 'month'
          ? { year, month: meta[i * 5 + 2] as number, precision }
          : { year, precision };
    const body = text.subarray(offsets[i * 2 + 1] as number, offsets[i * 2 + 2] as number);
    let paragraphs: string[] | undefined;
    const article: Article = {
      id,
      date,
      title,
      get paragraphs(): string[] {
        if (!paragraphs) {
          const joined = decoder.decode(body);
          paragraphs = new Array<string>(paragraphLengths.length);
          let at = 0;
          for (let p = 0; p < paragraphLengths.length; p++) {
            const n = paragraphLengths[p] as number;
            paragraphs[p] = joined.slice(at, at + n);
            at += n;
          }
          (article as { [RAW]?: RawParagraphs | undefined })[RAW] = undefined;
        }
        return paragraphs;
      },
    };
    Object.defineProperty(article, RAW, { value: { body, lengths: paragraphLengths }, writable: true });
    articles[i] = article;
  }
  return articles;
}

async function writeTermIndex(writer: SectionWriter, name: string, data: TermIndexData): Promise<void> {
  // Terms never contain a line break (they are analysed words): one string, split on load.
  await writer.section(`${name}.terms`, encoder.encode(data.terms.join('\n')));
  await writer.section(`${name}.offsets`, data.offsets);
  await writer.section(`${name}.docs`, data.docs);
  await writer.section(`${name}.tfs`, data.tfs);
  await writer.section(`${name}.lengths`, data.lengths);
  await writer.section(`${name}.alive`, data.alive);
}

async function readTermIndex(reader: SectionReader, name: string): Promise<TermIndexData> {
  const termText = new TextDecoder('utf-8').decode(await reader.bytes(`${name}.terms`));
  return {
    terms: termText === '' ? [] : termText.split('\n'),
    offsets: new Uint32Array(await reader.bytes(`${name}.offsets`)),
    docs: new Uint32Array(await reader.bytes(`${name}.docs`)),
    tfs: new Uint8Array(await reader.bytes(`${name}.tfs`)),
    lengths: new Uint16Array(await reader.bytes(`${name}.lengths`)),
    alive: new Uint8Array(await reader.bytes(`${name}.alive`)),
  };
}

const OUTCOME_KINDS = ['article', 'skipped', 'duplicate'] as const;

/** The file list: sizes and times as numbers, kinds as bytes, paths and ids or reasons as length-prefixed text. */
async function writeFiles(writer: SectionWriter, files: readonly FileRecord[]): Promise<void> {
  const numbers = new Float64Array(files.length * 2);
  const kinds = new Uint8Array(files.length);
  const strings: string[] = [];
  files.forEach((f, i) => {
    numbers[i * 2] = f.size;
    numbers[i * 2 + 1] = f.mtimeMs;
    kinds[i] = OUTCOME_KINDS.indexOf(f.outcome.kind);
    strings.push(f.file, f.outcome.kind === 'article' ? f.outcome.id : f.outcome.reason);
  });
  await writer.section('files.numbers', numbers);
  await writer.section('files.kinds', kinds);
  await writer.section('files.lengths', Uint32Array.from(strings, (x) => x.length));
  await writer.section('files.text', encoder.encode(strings.join('')));
}

async function readFiles(reader: SectionReader): Promise<FileRecord[]> {
  const numbers = new Float64Array(await reader.bytes('files.numbers'));
  const kinds = new Uint8Array(await reader.bytes('files.kinds'));
  const lengths = new Uint32Array(await reader.bytes('files.lengths'));
  const text = new TextDecoder('utf-8').decode(await reader.bytes('files.text'));
  const files: FileRecord[] = [];
  let at = 0;
  let s = 0;
  const take = (): string => {
    const n = lengths[s++] as number;
    const piece = text.slice(at, at + n);
    at += n;
    return piece;
  };
  for (let i = 0; i < kinds.length; i++) {
    const file = take();
    const value = take();
    const kind = OUTCOME_KINDS[kinds[i] as number] ?? 'skipped';
    files.push({
      file,
      size: numbers[i * 2] as number,
      mtimeMs: numbers[i * 2 + 1] as number,
      outcome: kind === 'article' ? { kind, id: value } : { kind, reason: value },
    });
  }
  return files;
}
