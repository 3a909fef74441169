import type { Article } from '../corpus/article.js';
import { dateBounds } from '../corpus/partialDate.js';
import { analyzeTerms } from '../text/analyze.js';
import { foldAccents } from '../text/foldAccents.js';
import { Accumulator } from './Accumulator.js';
import { lowerBound, prefixRange } from './sortedTerms.js';
import type { Steps } from './steps.js';
import { sortStringsSteps } from './steps.js';
import { termCounts } from './termCounts.js';
import type { TermIndexData, TermRef } from './TermIndex.js';
import { TermIndex, TermIndexBuilder } from './TermIndex.js';
import { TopK } from './TopK.js';
import { completionWeight, typoWeight } from './expansionWeight.js';

/** What a snapshot stores of the title index. */
export interface TitleIndexData {
  readonly terms: TermIndexData;
  /** Per title document: index of its article in the snapshot's article list. */
  readonly docArticle: Uint32Array;
}

/** Typo tolerance of titles: one edit per 4 letters, at most 2 (titles are short: a looser match still ranks). */
const FUZZY_RATIO = 0.25;
const MAX_FUZZY = 2;
const MIN_FUZZY_LENGTH = 4;
const PRECISION_RANK = { year: 0, month: 1, day: 2 } as const;

interface TitleExpansion {
  readonly ref: TermRef;
  readonly factor: number;
}

/**
 * Finds articles by title or id as the user types (autocomplete, "did you mean"). Separate from the passage index
 * so that suggestions stay cheap: titles are short, and the last word is matched as a prefix, any word with a typo.
 * Only the few suggestions asked for are ranked (a heap), ids are found by binary search in a sorted list, and the
 * most recent articles (what an empty field offers) are kept ready: Discord asks on every keystroke.
 */
export class TitleIndex {
  private terms = new TermIndex();
  /** By title document; `undefined` once removed. */
  private docs: (Article | undefined)[] = [];
  private readonly docOf = new Map<string, number>();
  /** Folded ids, sorted, with the id each stands for at the same index. */
  private foldedIds: string[] = [];
  private idAt: string[] = [];
  private latestCache: { readonly limit: number; readonly articles: readonly Article[] } | undefined;
  private readonly acc = new Accumulator();

  /** The titles of `articles` (ids unique), laid out in bulk, pausing between batches. */
  static *buildSteps(articles: readonly Article[], yieldEvery: number): Steps<TitleIndexData> {
    const builder = new TermIndexBuilder();
    let sinceYield = 0;
    for (let doc = 0; doc < articles.length; doc++) {
      builder.addDocument(doc, titleTerms(articles[doc] as Article));
      if (++sinceYield >= yieldEvery * 16) {
        sinceYield = 0;
        yield;
      }
    }
    const terms = yield* builder.finishSteps();
    const docArticle = new Uint32Array(articles.length);
    for (let i = 0; i < articles.length; i++) docArticle[i] = i;
    return { terms, docArticle };
  }

  /** A title index restored from `data`; `articles` is the list its `docArticle` points into. */
  static *fromDataSteps(data: TitleIndexData, articles: readonly Article[]): Steps<TitleIndex> {
    const index = new TitleIndex();
    index.terms = yield* TermIndex.fromSteps(data.terms);
    index.docs = Array.from(data.docArticle, (i) => articles[i]);
    const keys: string[] = [];
    for (let doc = 0; doc < index.docs.length; doc++) {
      const article = index.docs[doc];
      if (!article) continue;
      index.docOf.set(article.id, doc);
      // Folded id, a NUL (no file name holds one), the id: sorting these sorts by folded id, then id.
      keys.push(`${foldAccents(article.id)}\u0000${article.id}`);
      if (doc % 4096 === 4095) yield;
    }
    const sorted = yield* sortStringsSteps(keys);
    index.foldedIds = sorted.map((k) => k.slice(0, k.indexOf('\u0000')));
    index.idAt = sorted.map((k) => k.slice(k.indexOf('\u0000') + 1));
    return index;
  }

  /** The live titles as arrays; `articleIndex` maps an article id to its index in the snapshot's article list. */
  *toDataSteps(articleIndex?: (id: string) => number): Steps<TitleIndexData> {
    const renumber = new Int32Array(this.docs.length).fill(-1);
    const docArticle: number[] = [];
    let next = 0;
    this.docs.forEach((article, doc) => {
      if (!article || !this.terms.isAlive(doc)) return;
      renumber[doc] = next++;
      docArticle.push(articleIndex ? articleIndex(article.id) : docArticle.length);
    });
    const terms = yield* this.terms.exportSteps(renumber);
    return { terms, docArticle: Uint32Array.from(docArticle) };
  }

  /** Folds recently added titles into the compacted index. */
  *compactSteps(): Steps<void> {
    yield* this.terms.compactSteps();
  }

  add(article: Article): void {
    if (this.docOf.has(article.id)) this.remove(article.id);
    const doc = this.docs.length;
    this.docs.push(article);
    this.docOf.set(article.id, doc);
    this.terms.addDocument(doc, titleTerms(article));
    const folded = foldAccents(article.id);
    const at = lowerBound(this.foldedIds, folded);
    this.foldedIds.splice(at, 0, folded);
    this.idAt.splice(at, 0, article.id);
    if (this.latestCache) {
      // A new article is usually the most recent: slot it into the kept list instead of scanning every title.
      const { limit, articles } = this.latestCache;
      const merged = [...articles, article].sort(latestOrder).slice(0, limit);
      this.latestCache = { limit, articles: merged };
    }
  }

  remove(id: string): void {
    const doc = this.docOf.get(id);
    const article = doc === undefined ? undefined : this.docs[doc];
    if (doc === undefined || !article) return;
    this.terms.removeDocument(doc, titleTerms(article).keys());
    this.docs[doc] = undefined;
    this.docOf.delete(id);
    const folded = foldAccents(id);
    for (let i = lowerBound(this.foldedIds, folded); i < this.foldedIds.length && this.foldedIds[i] === folded; i++) {
      if (this.idAt[i] === id) {
        this.foldedIds.splice(i, 1);
        this.idAt.splice(i, 1);
        break;
      }
    }
    if (this.latestCache?.articles.includes(article)) this.latestCache = undefined;
  }

  /**
   * Up to `limit` articles for what the user typed: an exact or leading id first, then titles, best first.
   * Nothing typed yet: the most recent articles, which is what a reader of news usually wants.
   */
  suggest(typed: string, limit: number): Article[] {
    const text = typed.trim();
    if (text === '') return this.latest(limit);
    const results: Article[] = [];
    const seen = new Set<string>();
    const push = (article: Article | undefined): void => {
      if (article && !seen.has(article.id) && results.length < limit) {
        seen.add(article.id);
        results.push(article);
      }
    };
    push(this.article(text));
    if (/^[\w.-]+$/u.test(text)) {
      const [start, end] = prefixRange(this.foldedIds, foldAccents(text));
      for (let i = start; i < end && results.length < limit; i++) push(this.article(this.idAt[i] as string));
    }
    if (results.length >= limit) return results;
    const words = [...new Set(analyzeTerms(text))];
    if (words.length === 0) return results;
    const want = limit + seen.size;
    // Every word must match (the last one as a prefix, any of 4+ letters with a typo); failing that, any word may.
    let found = this.rank(words, want, true, (_, i) => i === words.length - 1, (w) => w.length >= MIN_FUZZY_LENGTH);
    if (found.length === 0) found = this.rank(words, want, false, () => true, () => true);
    for (const doc of found) push(this.docs[doc]);
    return results;
  }

  /**
   * BM25 of one article's title against a query's terms, times the number of terms it holds: what a title field adds
   * to a document's score in MiniSearch. Each query term comes with its expansions (analysed terms and their weights
   * before idf); a term counts once however many of its expansions the title holds.
   */
  score(id: string, terms: readonly { readonly expansions: readonly { readonly ref: { readonly term: string }; readonly weight: number }[] }[]): number {
    const doc = this.docOf.get(id);
    if (doc === undefined) return 0;
    let score = 0;
    let matched = 0;
    for (const { expansions } of terms) {
      let termScore = 0;
      for (const { ref, weight } of expansions) {
        const title = this.terms.ref(ref.term);
        if (title) termScore += this.terms.bm25(title, doc, weight * this.terms.idf(this.terms.refFrequency(title)));
      }
      if (termScore > 0) {
        score += termScore;
        matched++;
      }
    }
    return score * matched;
  }

  private article(id: string): Article | undefined {
    const doc = this.docOf.get(id);
    return doc === undefined ? undefined : this.docs[doc];
  }

  /** BM25 over titles (MiniSearch's weights for completions and typos), best `limit` title documents. */
  private rank(
    words: readonly string[],
    limit: number,
    all: boolean,
    prefix: (word: string, i: number) => boolean,
    fuzzy: (word: string) => boolean,
  ): number[] {
    const acc = this.acc;
    acc.beginQuery(this.terms.documentSlots);
    acc.beginGroup(0);
    words.forEach((word, i) => {
      acc.beginTerm();
      for (const { ref, factor } of this.expand(word, prefix(word, i), fuzzy(word))) {
        this.terms.accumulate(ref, factor, 1, 0, acc);
      }
    });
    const { touched, touchedCount } = acc;
    const top = new TopK(limit, (a, b) => acc.finalScore(b) - acc.finalScore(a) || a - b);
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i] as number;
      if (all && acc.termCount(doc) < words.length) continue;
      top.push(doc);
    }
    return top.sorted();
  }

  private expand(word: string, prefix: boolean, fuzzy: boolean): TitleExpansion[] {
    const idf = (ref: TermRef): number => this.terms.idf(this.terms.refFrequency(ref));
    const expansions: TitleExpansion[] = [];
    const exact = this.terms.ref(word);
    if (exact) expansions.push({ ref: exact, factor: idf(exact) });
    if (prefix) {
      for (const ref of this.terms.completions(word)) {
        const extra = ref.term.length - word.length;
        expansions.push({ ref, factor: completionWeight(ref.term, extra) * idf(ref) });
      }
    }
    const maxDistance = Math.min(MAX_FUZZY, Math.round(word.length * FUZZY_RATIO));
    // A word some title holds is what the user meant: only unknown words are typo-corrected (correcting every word
    // of 6+ letters at two edits made a suggestion cost up to 100 ms at 100,000 titles).
    if (fuzzy && maxDistance > 0 && !exact) {
      for (const { ref, distance } of this.terms.fuzzy(word, maxDistance)) {
        if (prefix && ref.term.startsWith(word)) continue;
        expansions.push({ ref, factor: typoWeight(ref.term, distance) * idf(ref) });
      }
    }
    return expansions;
  }

  /** The most recent articles (then by id), kept until the next change: an empty field is asked for constantly. */
  private latest(limit: number): Article[] {
    if (this.latestCache && this.latestCache.limit >= limit) return this.latestCache.articles.slice(0, limit);
    const top = new TopK(limit, (a, b) => latestOrder(this.docs[a] as Article, this.docs[b] as Article) || a - b);
    this.docs.forEach((article, doc) => {
      if (article) top.push(doc);
    });
    const articles = top.sorted().map((doc) => this.docs[doc] as Article);
    this.latestCache = { limit, articles };
    return articles.slice();
  }
}

/** Most recent first (by first possible day, the more precise first), then by id. */
function latestOrder(a: Article, b: Article): number {
  return (
    dateKey(b) - dateKey(a) ||
    PRECISION_RANK[b.date.precision] - PRECISION_RANK[a.date.precision] ||
    a.id.localeCompare(b.id)
  );
}

const dateKeys = new WeakMap<Article, number>();

/** First possible day of an article's date, remembered: the scan for the latest compares 100,000 of them. */
function dateKey(article: Article): number {
  let key = dateKeys.get(article);
  if (key === undefined) {
    key = dateBounds(article.date).first;
    dateKeys.set(article, key);
  }
  return key;
}

/** A title's index terms: its words and its id's (users type either). */
function titleTerms(article: Article): Map<string, number> {
  const counts = termCounts(article.title);
  for (const [term, n] of termCounts(article.id)) counts.set(term, (counts.get(term) ?? 0) + n);
  return counts;
}
