/**
 * The benchmark corpus: real French articles (OrangeSum, read from ../shared/corpora, never copied into the project)
 * or, without it, articles made from the seeds' sentences. Written as `.txt` files in the seeds' format into a
 * temporary folder, so the engine loads them through the same loader as the bot's articles folder.
 */
import { createReadStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/** One article of the source corpus, before it is written as a file. */
export interface SourceArticle {
  readonly id: string;
  /** YYYY-MM-DD or YYYY-MM. */
  readonly date: string;
  readonly title: string;
  /** A journalist's abstract that is not part of the text: a known-item query. Absent for generated corpora. */
  readonly heading?: string;
  readonly sentences: readonly string[];
}

/** What the queries need to know about an article of the benchmark folder. */
export interface BenchArticle {
  readonly id: string;
  readonly title: string;
  readonly heading?: string;
  /** A real article (not one made of shuffled sentences): known-item queries target only these. */
  readonly real: boolean;
}

/** Sentences per paragraph when the source text has no paragraphs (OrangeSum's bodies are one block). */
const SENTENCES_PER_PARAGRAPH = 3;

/** A small seeded PRNG (mulberry32): the same corpus and queries on every run and every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with a seeded generator. */
export function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * Splits news text into sentences, well enough to cut it into paragraphs: after . ! ? … (and a closing quote)
 * before a capital or an opening quote, with or without a space (OrangeSum glues "Pyrénées.Alors").
 */
export function roughSentences(text: string): string[] {
  return text
    .replace(/([.!?…][»"”]?)(?=[A-ZÀ-ÖØ-Þ«"“])/gu, '$1\n')
    .replace(/([.!?…][»"”]?)\s+(?=[A-ZÀ-ÖØ-Þ«"“])/gu, '$1\n')
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Reads a JSON-lines corpus `{id, date, title, heading?, text}` (gzip allowed). */
export async function readJsonLines(path: string): Promise<SourceArticle[]> {
  const input = createReadStream(path);
  const lines = createInterface({ input: path.endsWith('.gz') ? input.pipe(createGunzip()) : input, crlfDelay: Infinity });
  const articles: SourceArticle[] = [];
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { id: number | string; date: string; title: string; heading?: string; text: string };
    const sentences = roughSentences(record.text);
    if (sentences.length === 0 || !/^\d{4}-\d{2}(-\d{2})?$/u.test(record.date)) continue;
    articles.push({
      id: `os_${String(record.id).padStart(6, '0')}`,
      date: record.date,
      title: record.title.replace(/\s+/gu, ' ').trim(),
      ...(record.heading ? { heading: record.heading.replace(/\s+/gu, ' ').trim() } : {}),
      sentences,
    });
  }
  return articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Without OrangeSum: the seeds' sentences as the sentence pool, and their titles, for generated articles. */
export function seedSentences(seedsDir: string): SourceArticle[] {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(seedsDir, f), 'utf8');
      const [first = '', ...rest] = text.split(/\n\s*\n/u);
      const m = /^\s*date\s+(\S+)\s+(.*)$/isu.exec(first);
      return {
        id: `seedgen_${f.replace(/\.txt$/u, '')}`,
        date: m?.[1] ?? '2022-01',
        title: (m?.[2] ?? '').replace(/\s+/gu, ' ').trim(),
        sentences: rest.flatMap((p) => roughSentences(p.replace(/\s+/gu, ' '))),
      };
    });
}

/** The file text of an article in the seeds' format: ` date D <title>`, then paragraphs of a few sentences. */
export function toFileText(date: string, title: string, sentences: readonly string[]): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += SENTENCES_PER_PARAGRAPH) {
    paragraphs.push(sentences.slice(i, i + SENTENCES_PER_PARAGRAPH).join(' '));
  }
  return ` date ${date} ${title}\n\n${paragraphs.join('\n\n')}\n`;
}

export interface PreparedCorpus {
  /** Folder per size, each holding that many articles plus the five seeds. */
  readonly folders: ReadonlyMap<number, string>;
  /** The articles of each folder (seeds excluded), in file order. */
  readonly articles: ReadonlyMap<number, readonly BenchArticle[]>;
  readonly description: string;
}

/**
 * Writes the corpus for every size into `workDir` (reused when already there for the same source and sizes).
 * Sizes are nested: the first N articles of a fixed shuffled order, so 1,000 ⊂ 10,000 ⊂ …; past the source's size,
 * articles take a real title and date and sentences drawn at random from the whole corpus (vocabulary stops growing,
 * which flatters memory a little; known-item queries only target real articles). Smaller sizes are hard links.
 */
export async function prepareCorpus(options: {
  readonly source: readonly SourceArticle[];
  readonly sourceName: string;
  readonly sizes: readonly number[];
  readonly workDir: string;
  readonly seedsDir: string;
}): Promise<PreparedCorpus> {
  const { source, sizes, workDir, seedsDir } = options;
  const max = Math.max(...sizes);
  const order = shuffle(
    source.map((_, i) => i),
    random(20_220_110),
  );
  const rand = random(7);
  const pool: string[] = source.flatMap((a) => a.sentences);
  const specs: { name: string; text: string; meta: BenchArticle }[] = [];
  for (let i = 0; i < max; i++) {
    if (i < order.length) {
      const a = source[order[i] as number] as SourceArticle;
      specs.push({
        name: a.id,
        text: toFileText(a.date, a.title, a.sentences),
        meta: { id: a.id, title: a.title, ...(a.heading ? { heading: a.heading } : {}), real: true },
      });
    } else {
      const model = source[order[i % order.length] as number] as SourceArticle;
      const sentences = Array.from({ length: model.sentences.length }, () => pool[Math.floor(rand() * pool.length)] as string);
      const id = `syn_${String(i).padStart(7, '0')}`;
      specs.push({ name: id, text: toFileText(model.date, model.title, sentences), meta: { id, title: model.title, real: false } });
    }
  }
  const folders = new Map<number, string>();
  const articles = new Map<number, readonly BenchArticle[]>();
  for (const size of sizes) {
    folders.set(size, join(workDir, `articles-${size}`));
    articles.set(size, specs.slice(0, size).map((s) => s.meta));
  }
  const description = `${options.sourceName}: ${source.length.toLocaleString('en')} source articles${max > source.length ? `, ${(max - source.length).toLocaleString('en')} more made of their shuffled sentences` : ''}; the 5 seeds mixed in`;

  // The first N files do not depend on the largest size: each folder is written once and reused by later runs.
  const stamp = (size: number): string => JSON.stringify({ version: 3, source: options.sourceName, count: source.length, size });
  const allDir = join(workDir, 'all');
  const allStamp = join(allDir, '.stamp');
  const written = existsSync(allStamp) ? Number(JSON.parse(await readFile(allStamp, 'utf8')).size) : 0;
  if (!existsSync(allStamp) || (await readFile(allStamp, 'utf8')) !== stamp(written) || written < max) {
    await rm(allDir, { recursive: true, force: true });
    await mkdir(allDir, { recursive: true });
    await pool32(specs, (s) => writeFile(join(allDir, `${s.name}.txt`), s.text));
    await writeFile(allStamp, stamp(max));
  }
  const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
  for (const size of sizes) {
    const dir = folders.get(size) as string;
    const sizeStamp = join(dir, '.stamp');
    if (existsSync(sizeStamp) && (await readFile(sizeStamp, 'utf8')) === stamp(size)) continue;
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await pool32(specs.slice(0, size), (s) => link(join(allDir, `${s.name}.txt`), join(dir, `${s.name}.txt`)));
    for (const f of seeds) await writeFile(join(dir, f), readFileSync(join(seedsDir, f)));
    await writeFile(sizeStamp, stamp(size));
  }
  return { folders, articles, description };
}

async function pool32<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}
