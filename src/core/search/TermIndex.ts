import type { Accumulator } from './Accumulator.js';
import { BEST, COUNT, COVERAGE, GROUP, MASK_100, MASK_60, MASK_90, MASK_ANY, SCORE, STRIDE32, STRIDE64, TERM, TOUCH } from './Accumulator.js';
import SearchableMap from 'minisearch/SearchableMap';
import type { Steps } from './steps.js';
import { runSteps } from './steps.js';

/** BM25+ parameters, MiniSearch's defaults (the engine's ranking was tuned with them). */
const K1 = 1.2;
const B = 0.7;
const D = 0.5;
/** Term frequencies are stored in one byte: past 255 occurrences in one paragraph, more says nothing. */
const MAX_TF = 255;
/** Lengths are stored in two bytes. */
const MAX_LENGTH = 0xffff;
/** Pairs per chunk of the builder's scratch (4 MiB). */
const PAIR_CHUNK_BITS = 20;
const PAIR_CHUNK_MASK = (1 << PAIR_CHUNK_BITS) - 1;
/** Postings moved between two pause points of a compaction. */
const POSTINGS_PER_STEP = 400_000;
/** Terms put in the vocabulary between two pause points (a few milliseconds). */
const TERMS_PER_STEP = 4_096;

/** Postings of one term added since the last compaction (documents in increasing order). */
export interface DeltaPostings {
  readonly docs: number[];
  readonly tfs: number[];
  /** Index of the term in the compacted arrays, or -1 for a term that only recent documents hold. */
  readonly main: number;
  /** Live documents holding this term, for terms the compacted vocabulary lacks. */
  df: number;
}

/** An index term and where its postings are. */
export interface TermRef {
  readonly term: string;
  readonly main: number;
  readonly delta: DeltaPostings | undefined;
}

/**
 * The documents still in play once a query's remaining terms can only add to them: sorted, disjoint ranges
 * `[starts[i], ends[i])` (a passage, or all the passages of an article).
 */
export interface InPlay {
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly count: number;
}

/** The compacted part of a term index, as plain arrays: what a snapshot stores. */
export interface TermIndexData {
  /** Distinct, in no particular order. */
  readonly terms: readonly string[];
  /** `docs.subarray(offsets[i], offsets[i + 1])` are the documents holding `terms[i]`, increasing. */
  readonly offsets: Uint32Array;
  readonly docs: Uint32Array;
  readonly tfs: Uint8Array;
  /** Per document slot: number of distinct terms (BM25 length). */
  readonly lengths: Uint16Array;
  /** Per document slot: 1 when the document is live. Postings only ever hold live documents. */
  readonly alive: Uint8Array;
}

/**
 * An inverted index of numbered documents (passages, titles): MiniSearch's radix tree (`SearchableMap`) as the
 * vocabulary, which finds a term, the completions of a prefix and the terms within a few typos of a word; postings
 * as typed arrays (document ids and term frequencies) instead of MiniSearch's per-term maps of objects, which cost
 * gigabytes and seconds at a million passages; and MiniSearch's BM25+ scoring, accumulated into an `Accumulator`.
 *
 * Two parts: a compacted part (one array per column, built in bulk or loaded from a snapshot) and the postings of
 * documents added since (small per-term lists). Removed documents are flagged dead and skipped until the next
 * compaction drops them. Document ids are chosen by the caller and must increase from one `addDocument` to the next.
 */
export class TermIndex {
  /** Term → its index in the compacted arrays, or -1 for a term only recent documents hold. */
  private vocabulary = new SearchableMap<number>();
  private terms: readonly string[] = [];
  private offsets: Uint32Array = new Uint32Array(1);
  private docs: Uint32Array = new Uint32Array(0);
  private tfs: Uint8Array = new Uint8Array(0);
  /** Live documents per compacted term (recent postings of that term included). */
  private mainDf: Int32Array = new Int32Array(0);
  private lengths: Uint16Array = new Uint16Array(0);
  private alive: Uint8Array = new Uint8Array(0);
  private slots = 0;
  private live = 0;
  private totalLength = 0;
  private delta = new Map<string, DeltaPostings>();
  private deltaPostings = 0;

  /** An index holding `data` (from a builder or a snapshot). */
  static from(data: TermIndexData): TermIndex {
    return runSteps(TermIndex.fromSteps(data));
  }

  /** Same as `from`, pausing while the vocabulary fills (a snapshot of 100,000 articles holds ~100,000 terms). */
  static *fromSteps(data: TermIndexData): Steps<TermIndex> {
    const index = new TermIndex();
    yield* index.loadSteps(data);
    return index;
  }

  /** Replaces the contents with `data`. The vocabulary fills with pauses; the switch itself happens at once. */
  private *loadSteps(data: TermIndexData): Steps<void> {
    const vocabulary = new SearchableMap<number>();
    for (let i = 0; i < data.terms.length; i++) {
      vocabulary.set(data.terms[i] as string, i);
      if (i % TERMS_PER_STEP === TERMS_PER_STEP - 1) yield;
    }
    // Compacted postings only hold live documents: a term's frequency is its postings count.
    const mainDf = new Int32Array(data.terms.length);
    for (let i = 0; i < data.terms.length; i++) mainDf[i] = (data.offsets[i + 1] as number) - (data.offsets[i] as number);
    let live = 0;
    let totalLength = 0;
    for (let d = 0; d < data.lengths.length; d++) {
      if (data.alive[d] === 1) {
        live++;
        totalLength += data.lengths[d] as number;
      }
    }
    this.vocabulary = vocabulary;
    this.terms = data.terms;
    this.offsets = data.offsets;
    this.docs = data.docs;
    this.tfs = data.tfs;
    this.mainDf = mainDf;
    this.lengths = data.lengths;
    this.alive = data.alive;
    this.slots = data.lengths.length;
    this.live = live;
    this.totalLength = totalLength;
    this.delta = new Map();
    this.deltaPostings = 0;
  }

  /** Number of live documents. */
  get documentCount(): number {
    return this.live;
  }

  /** One past the highest document id ever added: the size scratch arrays need. */
  get documentSlots(): number {
    return this.slots;
  }

  /** Postings added since the last compaction. */
  get recentPostings(): number {
    return this.deltaPostings;
  }

  /** Total postings of the compacted part (dead documents included until compaction). */
  get compactedPostings(): number {
    return this.docs.length;
  }

  /** Distinct terms. */
  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  isAlive(doc: number): boolean {
    return this.alive[doc] === 1;
  }

  /** Number of live documents holding `term`. */
  documentFrequency(term: string): number {
    const main = this.vocabulary.get(term);
    if (main === undefined) return 0;
    return main >= 0 ? (this.mainDf[main] as number) : (this.delta.get(term)?.df ?? 0);
  }

  /** Where the postings of `term` are, or `undefined` when no live document holds it. */
  ref(term: string): TermRef | undefined {
    const main = this.vocabulary.get(term);
    return main === undefined ? undefined : this.liveRef(term, main);
  }

  /** Live terms that start with `prefix`, the prefix itself excluded. */
  completions(prefix: string): TermRef[] {
    const refs: TermRef[] = [];
    for (const [term, main] of this.vocabulary.atPrefix(prefix)) {
      if (term === prefix) continue;
      const ref = this.liveRef(term, main);
      if (ref) refs.push(ref);
    }
    return refs;
  }

  /** Live terms within `maxDistance` edits (Levenshtein) of `term`, at least one, with their distance. */
  fuzzy(term: string, maxDistance: number): { readonly ref: TermRef; readonly distance: number }[] {
    const found: { ref: TermRef; distance: number }[] = [];
    for (const [other, [main, distance]] of this.vocabulary.fuzzyGet(term, maxDistance)) {
      if (distance === 0) continue;
      const ref = this.liveRef(other, main);
      if (ref) found.push({ ref, distance });
    }
    return found;
  }

  private liveRef(term: string, main: number): TermRef | undefined {
    const delta = this.delta.get(term);
    if (main >= 0) return (this.mainDf[main] as number) > 0 ? { term, main, delta } : undefined;
    return delta && delta.df > 0 ? { term, main: -1, delta } : undefined;
  }

  /** BM25 inverse document frequency of a term held by `df` documents. */
  idf(df: number): number {
    return Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
  }

  /** Document frequency of a reference's term. */
  refFrequency(ref: TermRef): number {
    return ref.main >= 0 ? (this.mainDf[ref.main] as number) : (ref.delta?.df ?? 0);
  }

  /**
   * Adds `factor × BM25(term, document)` to the score of each live document holding the term, among documents
   * `from … to - 1` (and, with `inPlay`, only those in its ranges); counts the current query term
   * and the group's best `quality` (times `groupWeight`) once per document. The per-posting work of a search: kept to
   * typed-array reads and writes.
   */
  accumulate(
    ref: TermRef,
    factor: number,
    quality: number,
    groupWeight: number,
    acc: Accumulator,
    from = 0,
    to = 0xffff_ffff,
    inPlay?: InPlay,
  ): void {
    const average = this.live > 0 ? this.totalLength / this.live : 1;
    const norm = (K1 * B) / average;
    const base = K1 * (1 - B);
    if (ref.main >= 0) {
      let start = this.offsets[ref.main] as number;
      let end = this.offsets[ref.main + 1] as number;
      if (from > 0) start = lowerBoundU32(this.docs, from, start, end);
      if (to < 0xffff_ffff) end = lowerBoundU32(this.docs, to, start, end);
      this.accumulateRange(this.docs, this.tfs, start, end, factor, quality, groupWeight, acc, base, norm, inPlay);
    }
    const delta = ref.delta;
    if (delta && delta.docs.length > 0) {
      let start = 0;
      let end = delta.docs.length;
      if (from > 0) start = lowerBoundNumbers(delta.docs, from, start, end);
      if (to < 0xffff_ffff) end = lowerBoundNumbers(delta.docs, to, start, end);
      this.accumulateRange(delta.docs, delta.tfs, start, end, factor, quality, groupWeight, acc, base, norm, inPlay);
    }
  }

  private accumulateRange(
    docs: ArrayLike<number>,
    tfs: ArrayLike<number>,
    start: number,
    end: number,
    factor: number,
    quality: number,
    groupWeight: number,
    acc: Accumulator,
    base: number,
    norm: number,
    inPlay: InPlay | undefined,
  ): void {
    // With documents in play, the postings are walked beside their sorted ranges: a posting outside them costs a
    // comparison of sequential data instead of a look at its (randomly placed) record.
    const starts = inPlay?.starts;
    const ends = inPlay?.ends;
    const ranges = inPlay?.count ?? 0;
    let r = 0;
    const alive = this.alive;
    const lengths = this.lengths;
    const { u32, f64, touched, queryMark, termMark, groupMark, groupBit } = acc;
    const q60 = quality >= 0.6 ? groupBit : 0;
    const q90 = quality >= 0.9 ? groupBit : 0;
    const q100 = quality >= 1 ? groupBit : 0;
    const weighted = quality * groupWeight;
    let count = acc.touchedCount;
    for (let k = start; k < end; k++) {
      const doc = docs[k] as number;
      if (starts) {
        while (r < ranges && (ends as Uint32Array)[r] as number <= doc) r++;
        if (r >= ranges) break;
        if (doc < (starts[r] as number)) continue;
      }
      if (alive[doc] !== 1) continue;
      const tf = tfs[k] as number;
      const s = factor * (D + (tf * (K1 + 1)) / (tf + base + norm * (lengths[doc] as number)));
      const i = doc * STRIDE32;
      const j = doc * STRIDE64;
      if (u32[i + TOUCH] !== queryMark) {
        u32[i + TOUCH] = queryMark;
        touched[count++] = doc;
        f64[j + SCORE] = s;
        f64[j + COVERAGE] = 0;
        u32[i + COUNT] = 0;
        u32[i + MASK_ANY] = 0;
        u32[i + MASK_60] = 0;
        u32[i + MASK_90] = 0;
        u32[i + MASK_100] = 0;
      } else {
        f64[j + SCORE] = (f64[j + SCORE] as number) + s;
      }
      if (u32[i + TERM] !== termMark) {
        u32[i + TERM] = termMark;
        u32[i + COUNT] = (u32[i + COUNT] as number) + 1;
      }
      if (u32[i + GROUP] !== groupMark) {
        u32[i + GROUP] = groupMark;
        f64[j + BEST] = quality;
        f64[j + COVERAGE] = (f64[j + COVERAGE] as number) + weighted;
      } else if (quality > (f64[j + BEST] as number)) {
        f64[j + COVERAGE] = (f64[j + COVERAGE] as number) + (quality - (f64[j + BEST] as number)) * groupWeight;
        f64[j + BEST] = quality;
      } else {
        continue;
      }
      if (groupBit !== 0) {
        u32[i + MASK_ANY] = ((u32[i + MASK_ANY] as number) | groupBit) >>> 0;
        u32[i + MASK_60] = ((u32[i + MASK_60] as number) | q60) >>> 0;
        u32[i + MASK_90] = ((u32[i + MASK_90] as number) | q90) >>> 0;
        u32[i + MASK_100] = ((u32[i + MASK_100] as number) | q100) >>> 0;
      }
    }
    acc.touchedCount = count;
  }

  /** `factor × BM25(term, doc)`, 0 when the document does not hold the term: scores one document without the others. */
  bm25(ref: TermRef, doc: number, factor: number): number {
    if (this.alive[doc] !== 1) return 0;
    let tf = 0;
    if (ref.main >= 0) {
      const end = this.offsets[ref.main + 1] as number;
      const k = lowerBoundU32(this.docs, doc, this.offsets[ref.main] as number, end);
      if (k < end && this.docs[k] === doc) tf = this.tfs[k] as number;
    }
    const delta = ref.delta;
    if (tf === 0 && delta) {
      const k = lowerBoundNumbers(delta.docs, doc, 0, delta.docs.length);
      if (k < delta.docs.length && delta.docs[k] === doc) tf = delta.tfs[k] as number;
    }
    if (tf === 0) return 0;
    const average = this.live > 0 ? this.totalLength / this.live : 1;
    return factor * (D + (tf * (K1 + 1)) / (tf + K1 * (1 - B) + ((K1 * B) / average) * (this.lengths[doc] as number)));
  }

  /** Indexes document `doc` (greater than any id added before) with its term counts. */
  addDocument(doc: number, counts: ReadonlyMap<string, number>): void {
    if (doc < this.slots) throw new Error(`document ids must increase (${doc} after ${this.slots - 1})`);
    this.ensureSlots(doc + 1);
    const length = Math.min(counts.size, MAX_LENGTH);
    this.lengths[doc] = length;
    this.alive[doc] = 1;
    this.live++;
    this.totalLength += length;
    for (const [term, tf] of counts) {
      let delta = this.delta.get(term);
      if (!delta) {
        let main = this.vocabulary.get(term);
        if (main === undefined) {
          main = -1;
          this.vocabulary.set(term, main);
        }
        delta = { docs: [], tfs: [], main, df: 0 };
        this.delta.set(term, delta);
      }
      delta.docs.push(doc);
      delta.tfs.push(Math.min(tf, MAX_TF));
      if (delta.main >= 0) this.mainDf[delta.main] = (this.mainDf[delta.main] as number) + 1;
      else delta.df++;
      this.deltaPostings++;
    }
  }

  /** Flags a document dead; `terms` are its distinct terms (as given to `addDocument` or the builder). */
  removeDocument(doc: number, terms: Iterable<string>): void {
    if (this.alive[doc] !== 1) return;
    this.alive[doc] = 0;
    this.live--;
    this.totalLength -= this.lengths[doc] as number;
    for (const term of terms) {
      const main = this.vocabulary.get(term);
      if (main === undefined) continue;
      if (main >= 0) this.mainDf[main] = Math.max(0, (this.mainDf[main] as number) - 1);
      else {
        const delta = this.delta.get(term);
        if (delta) delta.df = Math.max(0, delta.df - 1);
      }
    }
  }

  private ensureSlots(slots: number): void {
    this.slots = Math.max(this.slots, slots);
    if (this.lengths.length >= slots) return;
    const size = Math.max(slots, Math.ceil(this.lengths.length * 1.5), 64);
    const lengths = new Uint16Array(size);
    lengths.set(this.lengths);
    const alive = new Uint8Array(size);
    alive.set(this.alive);
    this.lengths = lengths;
    this.alive = alive;
  }

  /** Merges recent postings into the compacted part and drops dead documents' postings; ids are kept. */
  *compactSteps(): Steps<void> {
    const data = yield* this.exportSteps(undefined);
    yield* this.loadSteps(data);
  }

  /**
   * The index as compacted arrays. With `renumber` (old id → new id, -1 for dropped; increasing), documents get
   * new ids, dense for a snapshot; without, ids are kept and dead documents lose their postings.
   */
  *exportSteps(renumber: Int32Array | undefined): Steps<TermIndexData> {
    const idOf = (doc: number): number => (this.alive[doc] !== 1 ? -1 : renumber ? (renumber[doc] as number) : doc);

    // The live terms: compacted ones first (`sources` ≥ 0: their index), then those only recent documents hold.
    const terms: string[] = [];
    const sources: number[] = [];
    for (let i = 0; i < this.terms.length; i++) {
      if ((this.mainDf[i] as number) === 0) continue;
      terms.push(this.terms[i] as string);
      sources.push(i);
    }
    for (const [term, delta] of this.delta) {
      if (delta.main >= 0 || delta.df === 0) continue;
      terms.push(term);
      sources.push(-1);
    }
    yield;
    const offsets = new Uint32Array(terms.length + 1);
    let work = 0;
    for (let t = 0; t < terms.length; t++) {
      const source = sources[t] as number;
      let n = 0;
      if (source >= 0) {
        for (let k = this.offsets[source] as number; k < (this.offsets[source + 1] as number); k++) {
          if (idOf(this.docs[k] as number) >= 0) n++;
        }
        work += (this.offsets[source + 1] as number) - (this.offsets[source] as number);
      }
      const delta = this.delta.get(terms[t] as string);
      if (delta) {
        for (const doc of delta.docs) if (idOf(doc) >= 0) n++;
        work += delta.docs.length;
      }
      offsets[t + 1] = (offsets[t] as number) + n;
      if (work >= POSTINGS_PER_STEP) {
        work = 0;
        yield;
      }
    }
    const total = offsets[terms.length] as number;
    const docs = new Uint32Array(total);
    const tfs = new Uint8Array(total);
    for (let t = 0; t < terms.length; t++) {
      const source = sources[t] as number;
      let at = offsets[t] as number;
      if (source >= 0) {
        for (let k = this.offsets[source] as number; k < (this.offsets[source + 1] as number); k++) {
          const id = idOf(this.docs[k] as number);
          if (id < 0) continue;
          docs[at] = id;
          tfs[at] = this.tfs[k] as number;
          at++;
        }
        work += (this.offsets[source + 1] as number) - (this.offsets[source] as number);
      }
      const delta = this.delta.get(terms[t] as string);
      if (delta) {
        for (let k = 0; k < delta.docs.length; k++) {
          const id = idOf(delta.docs[k] as number);
          if (id < 0) continue;
          docs[at] = id;
          tfs[at] = delta.tfs[k] as number;
          at++;
        }
        work += delta.docs.length;
      }
      if (work >= POSTINGS_PER_STEP) {
        work = 0;
        yield;
      }
    }
    let lengths: Uint16Array;
    let alive: Uint8Array;
    if (renumber) {
      let slots = 0;
      for (let d = 0; d < this.slots; d++) if (idOf(d) >= 0) slots = Math.max(slots, idOf(d) + 1);
      lengths = new Uint16Array(slots);
      alive = new Uint8Array(slots);
      for (let d = 0; d < this.slots; d++) {
        const id = idOf(d);
        if (id < 0) continue;
        lengths[id] = this.lengths[d] as number;
        alive[id] = 1;
      }
    } else {
      lengths = this.lengths.slice(0, this.slots);
      alive = this.alive.slice(0, this.slots);
    }
    return { terms, offsets, docs, tfs, lengths, alive };
  }
}

/**
 * Builds a compacted `TermIndex` in bulk: documents are recorded as (term, frequency) pairs in one growing typed
 * array, then the postings are laid out term by term. Much leaner than growing one list per term while indexing
 * 20 million postings.
 */
export class TermIndexBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly termList: string[] = [];
  private df: Int32Array = new Int32Array(1024);
  /**
   * (term, frequency) pairs of every document, in fixed-size chunks: growing one array of 40 million entries meant
   * copying it, and each copy blocked the event loop for a quarter of a second.
   */
  private readonly pairs: Uint32Array[] = [];
  private pairCount = 0;
  private docStarts: Uint32Array = new Uint32Array(1024);
  private docIds: Uint32Array = new Uint32Array(1024);
  private docLengths: Uint16Array = new Uint16Array(1024);
  private docCount = 0;
  private lastDoc = -1;

  /** Records document `doc` (greater than the previous one) with its term counts. */
  addDocument(doc: number, counts: ReadonlyMap<string, number>): void {
    if (doc <= this.lastDoc) throw new Error(`document ids must increase (${doc} after ${this.lastDoc})`);
    this.lastDoc = doc;
    if (this.docCount + 1 >= this.docIds.length) {
      const size = this.docIds.length * 2;
      this.docIds = growU32(this.docIds, size);
      this.docStarts = growU32(this.docStarts, size + 1);
      const lengths = new Uint16Array(size);
      lengths.set(this.docLengths);
      this.docLengths = lengths;
    }
    this.docIds[this.docCount] = doc;
    this.docStarts[this.docCount] = this.pairCount;
    this.docLengths[this.docCount] = Math.min(counts.size, MAX_LENGTH);
    this.docCount++;
    for (const [term, tf] of counts) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.termList.length;
        this.termIds.set(term, id);
        this.termList.push(term);
        if (id >= this.df.length) {
          const df = new Int32Array(this.df.length * 2);
          df.set(this.df);
          this.df = df;
        }
      }
      this.df[id] = (this.df[id] as number) + 1;
      this.pushPair(id);
      this.pushPair(Math.min(tf, MAX_TF));
    }
    this.docStarts[this.docCount] = this.pairCount;
  }

  private pushPair(value: number): void {
    const chunk = this.pairCount >>> PAIR_CHUNK_BITS;
    if (chunk >= this.pairs.length) this.pairs.push(new Uint32Array(1 << PAIR_CHUNK_BITS));
    (this.pairs[chunk] as Uint32Array)[this.pairCount & PAIR_CHUNK_MASK] = value;
    this.pairCount++;
  }

  /** Lays out the postings: each term's documents, in increasing order, terms in order of first appearance. */
  *finishSteps(): Steps<TermIndexData> {
    const terms = this.termList;
    const offsets = new Uint32Array(terms.length + 1);
    for (let i = 0; i < terms.length; i++) offsets[i + 1] = (offsets[i] as number) + (this.df[i] as number);
    const total = offsets[terms.length] as number;
    const docs = new Uint32Array(total);
    const tfs = new Uint8Array(total);
    const cursor = offsets.slice(0, terms.length);
    let work = 0;
    for (let n = 0; n < this.docCount; n++) {
      const doc = this.docIds[n] as number;
      const end = this.docStarts[n + 1] as number;
      for (let k = this.docStarts[n] as number; k < end; k += 2) {
        const r = (this.pairs[k >>> PAIR_CHUNK_BITS] as Uint32Array)[k & PAIR_CHUNK_MASK] as number;
        const at = cursor[r] as number;
        cursor[r] = at + 1;
        docs[at] = doc;
        tfs[at] = (this.pairs[(k + 1) >>> PAIR_CHUNK_BITS] as Uint32Array)[(k + 1) & PAIR_CHUNK_MASK] as number;
      }
      work += end - (this.docStarts[n] as number);
      if (work >= POSTINGS_PER_STEP) {
        work = 0;
        yield;
      }
    }
    const slots = this.docCount > 0 ? (this.docIds[this.docCount - 1] as number) + 1 : 0;
    const lengths = new Uint16Array(slots);
    const alive = new Uint8Array(slots);
    for (let n = 0; n < this.docCount; n++) {
      lengths[this.docIds[n] as number] = this.docLengths[n] as number;
      alive[this.docIds[n] as number] = 1;
    }
    // Free the scratch arrays before the caller allocates more.
    this.pairs.length = 0;
    this.termIds.clear();
    return { terms, offsets, docs, tfs, lengths, alive };
  }
}

function growU32(array: Uint32Array, size: number): Uint32Array {
  const grown = new Uint32Array(size);
  grown.set(array);
  return grown;
}

function lowerBoundU32(array: Uint32Array, key: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((array[mid] as number) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBoundNumbers(array: readonly number[], key: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((array[mid] as number) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

