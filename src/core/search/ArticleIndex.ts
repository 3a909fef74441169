import MiniSearch from 'minisearch';
import type { Article, PartialDate } from '../corpus/article.js';
import { dateBounds } from '../corpus/partialDate.js';
import { analyze, analyzeTerms } from '../text/analyze.js';
import type { Mark } from './Mark.js';
import { mergeMarks } from './Mark.js';
import { matchQuality } from './matchQuality.js';
import type { ParsedQuery } from './parseQuery.js';
import { TitleIndex } from './TitleIndex.js';

/** Inclusive date range; either end may be open. Partial dates cover their whole month or year. */
export interface DateRange {
  readonly from?: PartialDate;
  readonly to?: PartialDate;
}

/** A paragraph that matched a query. */
export interface PassageHit {
  readonly article: Article;
  /** Index into `article.paragraphs`. */
  readonly paragraph: number;
  readonly score: number;
  /** Index terms of this passage that matched (after fuzzy and prefix expansion). */
  readonly matchedTerms: ReadonlySet<string>;
  /** Share of the query's weight that this passage matches, 0–1 (IDF-weighted, a word and its aliases once). */
  readonly coverage: number;
}

export interface ArticleHit {
  readonly article: Article;
  readonly score: number;
  /** The passage that ranks the article, with the matched words marked. */
  readonly best: PassageHit;
  readonly marks: readonly Mark[];
  /** Every matching passage of the article, best first. */
  readonly passages: readonly PassageHit[];
}

export interface SearchOptions extends DateRange {
  /**
   * Minimum share of the query's weight that an article's best passage must match. Below it, the match is
   * incidental (one common word of a long question) and showing it would be "the least bad article".
   */
  readonly minCoverage?: number;
}

/** Default `minCoverage`: at least a third of what the user asked for must be in one passage. */
const DEFAULT_MIN_COVERAGE = 0.34;
/**
 * Stems of this many letters or more are also matched as prefixes. Stems are shorter than words (`publie` →
 * `publ`), and four letters of a stem are already specific: `publ` finds `publierait` and `publique`.
 */
const MIN_PREFIX_STEM = 4;
/** Aliases count for less than the word typed: they widen recall without outranking an exact match. */
const ALIAS_WEIGHT = 0.4;

interface PassageDoc {
  readonly id: number;
  readonly text: string;
}

/**
 * The search engine: every paragraph of every article is a MiniSearch document, and an article ranks by its best
 * paragraph. Indexing passages rather than whole articles is what made French retrieval good (an answer lives in
 * one paragraph; a long article otherwise wins on sheer length). Pure: articles come in, hits go out.
 */
export class ArticleIndex {
  private readonly search_ = new MiniSearch<PassageDoc>({
    fields: ['text'],
    idField: 'id',
    // Documents are analysed by our French analysis; queries arrive already analysed, as space-separated terms.
    tokenize: (text) => analyzeTerms(text),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term },
  });
  private readonly articles = new Map<string, Article>();
  private readonly titles = new TitleIndex();
  /** Passage id → [article id, paragraph]. Ids are never reused, so a stale id can be detected. */
  private readonly passages = new Map<number, { readonly article: Article; readonly paragraph: number }>();
  private readonly passageIds = new Map<string, number[]>();
  /** Passage document frequency of each term, for IDF weights of query terms. */
  private readonly documentFrequency = new Map<string, number>();
  private nextPassageId = 0;

  /** Builds an index of `articles` at once. */
  static of(articles: Iterable<Article>): ArticleIndex {
    const index = new ArticleIndex();
    for (const article of articles) index.add(article);
    return index;
  }

  /** Number of articles indexed. */
  get size(): number {
    return this.articles.size;
  }

  /** Adds an article, replacing the one with the same id if any (a file edited in place). */
  add(article: Article): void {
    if (this.articles.has(article.id)) this.remove(article.id);
    this.articles.set(article.id, article);
    this.titles.add(article);
    const ids: number[] = [];
    article.paragraphs.forEach((text, paragraph) => {
      const terms = new Set(analyzeTerms(text));
      if (terms.size === 0) return; // nothing to find there (punctuation, a lone number of stopwords)
      const id = this.nextPassageId++;
      ids.push(id);
      this.passages.set(id, { article, paragraph });
      this.search_.add({ id, text });
      for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    });
    this.passageIds.set(article.id, ids);
  }

  /** Removes an article; returns whether it was there. */
  remove(id: string): boolean {
    const article = this.articles.get(id);
    if (!article) return false;
    for (const passageId of this.passageIds.get(id) ?? []) {
      const passage = this.passages.get(passageId);
      if (passage) {
        for (const term of new Set(analyzeTerms(article.paragraphs[passage.paragraph] ?? ''))) {
          const df = (this.documentFrequency.get(term) ?? 1) - 1;
          if (df > 0) this.documentFrequency.set(term, df);
          else this.documentFrequency.delete(term);
        }
      }
      this.search_.discard(passageId);
      this.passages.delete(passageId);
    }
    this.passageIds.delete(id);
    this.articles.delete(id);
    this.titles.remove(id);
    return true;
  }

  /** Articles whose title or id matches what the user is typing (autocomplete, "did you mean"). */
  suggest(typed: string, limit: number): Article[] {
    return this.titles.suggest(typed, limit);
  }

  get(id: string): Article | undefined {
    return this.articles.get(id);
  }

  /** Every article, in no particular order. */
  all(): IterableIterator<Article> {
    return this.articles.values();
  }

  /**
   * Inverse document frequency of a term over passages. A term the index has never seen gets the highest weight:
   * a query word that no article contains is the most specific thing the user asked for, and missing it must
   * count against a match.
   */
  idf(term: string): number {
    const n = Math.max(this.passages.size, 1);
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The weight of each query term: its IDF, less for aliases. */
  private weights(query: ParsedQuery): Map<string, number> {
    return new Map(query.terms.map((t) => [t.term, this.idf(t.term) * (t.alias ? ALIAS_WEIGHT : 1)]));
  }

  /**
   * Matching passages, best first. Typos and partial words still match: terms of 5+ letters that the archive does
   * not contain are matched fuzzily (one edit per 5 letters, at most 2), and stems of 4+ letters by prefix (which also repairs what the stemmer leaves apart,
   * `pourparler`/`pourparlers`); the last word of the query is matched by prefix whatever its length, as the user
   * may still be typing it.
   */
  searchPassages(query: ParsedQuery, options: SearchOptions = {}): PassageHit[] {
    if (query.terms.length === 0 || this.passages.size === 0) return [];
    const weights = this.weights(query);
    const groupWeight = new Map<number, number>();
    for (const t of query.terms) groupWeight.set(t.group, Math.max(groupWeight.get(t.group) ?? 0, weights.get(t.term) ?? 0));
    const totalWeight = [...groupWeight.values()].reduce((a, b) => a + b, 0);
    const lastTyped = query.terms.filter((t) => !t.alias).at(-1)?.term;
    const inRange = rangeFilter(options);
    const results = this.search_.search(query.terms.map((t) => t.term).join(' '), {
      prefix: (term) => term.length >= MIN_PREFIX_STEM || term === lastTyped,
      // Only words the archive does not contain are typo-corrected: a known word is what the user meant.
      fuzzy: (term) => (term.length >= 5 && !this.documentFrequency.has(term) && !/^\p{N}/u.test(term) ? 0.2 : false),
      maxFuzzy: 2,
      boostTerm: (term) => weights.get(term) ?? 1,
      filter: (result) => {
        const passage = this.passages.get(result.id as number);
        return passage !== undefined && inRange(passage.article);
      },
    });
    const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
    const hits: PassageHit[] = [];
    for (const result of results) {
      const passage = this.passages.get(result.id as number);
      if (!passage) continue;
      // A group counts with the quality of its best match: a typo-corrected word is weaker evidence than the word.
      const groupQuality = new Map<number, number>();
      for (const docTerm of result.terms) {
        for (const t of query.terms) {
          const quality = matchQuality(t.term, docTerm);
          if (quality > (groupQuality.get(t.group) ?? 0)) groupQuality.set(t.group, quality);
        }
      }
      let matchedWeight = 0;
      for (const [group, quality] of groupQuality) matchedWeight += quality * (groupWeight.get(group) ?? 0);
      const coverage = totalWeight > 0 ? matchedWeight / totalWeight : 0;
      if (coverage < minCoverage) continue;
      hits.push({ ...passage, score: result.score, matchedTerms: new Set(result.terms), coverage });
    }
    return hits;
  }

  /** Articles ranked by their best passage, each with that passage's matched words marked. */
  search(query: ParsedQuery, options: SearchOptions = {}): ArticleHit[] {
    const byArticle = new Map<string, PassageHit[]>();
    for (const hit of this.searchPassages(query, options)) {
      const list = byArticle.get(hit.article.id);
      if (list) list.push(hit);
      else byArticle.set(hit.article.id, [hit]);
    }
    const hits: ArticleHit[] = [];
    for (const passages of byArticle.values()) {
      const best = passages[0];
      if (!best) continue;
      hits.push({
        article: best.article,
        score: best.score,
        best,
        marks: markTerms(best.article.paragraphs[best.paragraph] ?? '', best.matchedTerms),
        passages,
      });
    }
    // Ties (same best score) go to the article with more matching passages, then to the most recent.
    return hits.sort(
      (a, b) =>
        b.score - a.score ||
        b.passages.length - a.passages.length ||
        dateBounds(b.article.date).first - dateBounds(a.article.date).first,
    );
  }
}

/** Marks every word of `text` whose index term is one of `terms`. */
export function markTerms(text: string, terms: ReadonlySet<string>): Mark[] {
  return mergeMarks(
    analyze(text).filter((t) => terms.has(t.term)),
    text,
  );
}

function rangeFilter(range: DateRange): (article: Article) => boolean {
  const from = range.from ? dateBounds(range.from).first : -Infinity;
  const to = range.to ? dateBounds(range.to).last : Infinity;
  if (from === -Infinity && to === Infinity) return () => true;
  // An article dated only to the month is kept when its month overlaps the range: its day is unknown.
  return (article) => {
    const bounds = dateBounds(article.date);
    return bounds.last >= from && bounds.first <= to;
  };
}
