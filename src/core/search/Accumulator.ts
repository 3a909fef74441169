/**
 * Per-document scratch space for one query, reused across queries so that a search allocates nothing in proportion
 * to the archive: BM25 score, share of the query's weight matched (coverage), number of distinct query terms matched
 * and which groups matched at which quality. Entries are valid only for documents in `touched` (stamped by the
 * current query), so nothing is cleared between queries.
 *
 * Each document's state is one 64-byte record (16 uint32 slots, the last 4 float64 slots overlaid on the same
 * buffer): a query touches hundreds of thousands of passages in random order, and memory latency, not arithmetic,
 * is the cost of scoring; one cache line per passage instead of one per field.
 */

/** Slots per document record: 16 uint32 = 8 float64 = 64 bytes. */
export const STRIDE32 = 16;
export const STRIDE64 = 8;
/** uint32 slots: stamps of the query, the query term and the group that last touched the document; terms matched. */
export const TOUCH = 0;
export const TERM = 1;
export const GROUP = 2;
export const COUNT = 3;
/** Bit `g` set when the document matches group `g` at all / at quality ≥ 0.6 / ≥ 0.9 / exactly (groups < 32). */
export const MASK_ANY = 4;
export const MASK_60 = 5;
export const MASK_90 = 6;
export const MASK_100 = 7;
/** float64 slots: BM25 score, weight of the query covered, best match quality in the current group. */
export const SCORE = 4;
export const COVERAGE = 5;
export const BEST = 6;

/** The scratch records of one index's documents, reused by every query (see the file comment). */
export class Accumulator {
  u32: Uint32Array = new Uint32Array(0);
  f64: Float64Array = new Float64Array(0);
  touched: Uint32Array = new Uint32Array(0);
  touchedCount = 0;
  queryMark = 0;
  termMark = 0;
  groupMark = 0;
  /** Bit of the current group in the masks (0 past group 31). */
  groupBit = 0;
  private counter = 0;

  /** Starts a query over documents `0 … slots - 1`. */
  beginQuery(slots: number): void {
    if (this.touched.length < slots) this.grow(slots);
    this.touchedCount = 0;
    this.queryMark = this.next();
  }

  /** Starts a query term: a document counts once per query term, however many of its expansions it holds. */
  beginTerm(): void {
    this.termMark = this.next();
  }

  /** Starts a group (a word and its aliases): its weight counts once per document, at its best match quality. */
  beginGroup(group: number): void {
    this.groupMark = this.next();
    this.groupBit = group >= 0 && group < 32 ? (1 << group) >>> 0 : 0;
  }

  score(doc: number): number {
    return this.f64[doc * STRIDE64 + SCORE] as number;
  }

  coverage(doc: number): number {
    return this.f64[doc * STRIDE64 + COVERAGE] as number;
  }

  termCount(doc: number): number {
    return this.u32[doc * STRIDE32 + COUNT] as number;
  }

  /** The BM25 score times the number of query terms matched (MiniSearch's coordination factor). */
  finalScore(doc: number): number {
    return (this.f64[doc * STRIDE64 + SCORE] as number) * (this.u32[doc * STRIDE32 + COUNT] as number);
  }

  /** Brings `doc` into play with nothing matched yet, so that later terms may add to it. */
  touch(doc: number): void {
    const i = doc * STRIDE32;
    if (this.u32[i + TOUCH] === this.queryMark) return;
    this.u32[i + TOUCH] = this.queryMark;
    this.touched[this.touchedCount++] = doc;
    const j = doc * STRIDE64;
    this.f64[j + SCORE] = 0;
    this.f64[j + COVERAGE] = 0;
    this.u32[i + COUNT] = 0;
    this.u32[i + MASK_ANY] = 0;
    this.u32[i + MASK_60] = 0;
    this.u32[i + MASK_90] = 0;
    this.u32[i + MASK_100] = 0;
  }

  private next(): number {
    if (this.counter >= 0xffff_fff0) {
      // Stamps wrapped: clear them so that an old stamp never equals a new mark.
      this.u32.fill(0);
      this.counter = 0;
    }
    return ++this.counter;
  }

  private grow(slots: number): void {
    const size = Math.max(slots, Math.ceil(this.touched.length * 1.5), 1024);
    const buffer = new ArrayBuffer(size * STRIDE32 * 4);
    const u32 = new Uint32Array(buffer);
    // Stamps keep their values: a stale stamp must never equal a future mark.
    u32.set(this.u32);
    this.u32 = u32;
    this.f64 = new Float64Array(buffer);
    this.touched = new Uint32Array(size);
    this.touchedCount = 0;
  }
}
