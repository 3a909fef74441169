import type { Article, PartialDate } from '../corpus/article.js';
import { dateBounds } from '../corpus/partialDate.js';
import { analyze } from '../text/analyze.js';
import { Accumulator, COUNT, COVERAGE, MASK_100, MASK_60, MASK_90, MASK_ANY, SCORE, STRIDE32, STRIDE64 } from './Accumulator.js';
import type { Mark } from './Mark.js';
import { mergeMarks } from './Mark.js';
import type { ParsedQuery } from './parseQuery.js';
import type { Steps } from './steps.js';
import { runSteps, runStepsAsync } from './steps.js';
import { termCounts } from './termCounts.js';
import type { InPlay, TermIndexData, TermRef } from './TermIndex.js';
import { TermIndex, TermIndexBuilder } from './TermIndex.js';
import { completionWeight, typoWeight } from './expansionWeight.js';
import { completionQuality, INFLECTION_LETTERS, TYPO_QUALITY } from './matchQuality.js';
import type { TitleIndexData } from './TitleIndex.js';
import { TitleIndex } from './TitleIndex.js';
import { TopK } from './TopK.js';

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
  /**
   * Only the first `limit` hits of the ranking (exactly those, in the same order). A page or the dozen passages an
   * answer reads need no full sort of every match: at 100,000 articles a common word matches tens of thousands.
   */
  readonly limit?: number;
  /**
   * For articles: passages the rarer words may bring into play before the commoner ones only add to them
   * (`CANDIDATE_BUDGET`). Passages for an answer are always scored in full.
   */
  readonly candidateBudget?: number;
}

/** A page of results: `limit` hits from `offset` of the ranking. */
export interface PageOptions extends SearchOptions {
  readonly offset?: number;
}

/** How `ArticleIndex.build` shares the event loop while it indexes. */
export interface BuildOptions {
  /** Awaited between batches of articles, so that a bot keeps answering while it indexes (e.g. a setImmediate). */
  readonly yieldToEventLoop: () => Promise<void>;
  /** Articles indexed between two pauses. Default 16 (about 10 ms of work on a slow core). */
  readonly yieldEvery?: number;
}

/** Everything an index holds, as arrays: what a snapshot stores, and what `ArticleIndex.fromData` restores. */
export interface ArticleIndexData {
  /** Live articles, in index order. */
  readonly articles: readonly Article[];
  /** Per passage id: index into `articles`. Passage ids of one article are consecutive. */
  readonly passageArticle: Uint32Array;
  /** Per passage id: index into the article's paragraphs. */
  readonly passageParagraph: Uint32Array;
  readonly passages: TermIndexData;
  readonly titles: TitleIndexData;
}

/** Default `minCoverage`: at least a third of what the user asked for must be in one passage. */
const DEFAULT_MIN_COVERAGE = 0.34;
/**
 * Passages a search for articles may bring into play before its commoner words stop adding new ones. Words are
 * scored rarest first; once this many passages match the rarer words, the commoner words only add to those passages:
 * an article that matches only common words would rank below them anyway, and adding those was most of the work of a
 * long query (a pasted heading of 25 words touched 200,000 passages at 100,000 articles; /search p99 88 → 23 ms,
 * known-item hit@1 unchanged). The count shown is then that of the articles matching a rarer word. Passages for an
 * answer are always scored in full: the paragraph that answers may lack the question's rarest word.
 */
const CANDIDATE_BUDGET = 10_000;
/**
 * Stems of this many letters or more are also matched as prefixes. Stems are shorter than words (`publie` →
 * `publ`), and four letters of a stem are already specific: `publ` finds `publierait` and `publique`.
 */
const MIN_PREFIX_STEM = 4;
/** The last word of a query, maybe unfinished, is completed from this many letters typed. */
const MIN_TYPED_PREFIX = 3;
/** Aliases count for less than the word typed: they widen recall without outranking an exact match. */
const ALIAS_WEIGHT = 0.4;
/** Typo correction: terms of 5+ letters, one edit per 5 letters, at most 2. */
const MIN_FUZZY_LENGTH = 5;
const FUZZY_RATIO = 0.2;
const MAX_FUZZY = 2;
/** Slots of the per-article scratch records (uint32, then float64 overlaid on the same 64 bytes). */
const A_STAMP = 0;
const A_HITS = 1;
const A_BEST_PASSAGE = 2;
const A_MASK_ANY = 3;
const A_MASK_60 = 4;
const A_MASK_90 = 5;
const A_MASK_100 = 6;
const A_BEST = 4;
const A_SUM = 5;
const A_SCORE = 6;
/**
 * Share of an article's other matching passages added to its best passage's score. The more words a query has, the
 * more it describes a whole article rather than asks about one thing: a question (4–6 words) adds a quarter, a pasted
 * summary of 20 words all of it. Measured on OrangeSum headings (known-item hit@1 0.61 → 0.65 at 100,000 articles)
 * with the dev questions' recall unchanged.
 */
function otherPassagesWeight(groups: number): number {
  return Math.min(1, Math.max(0.25, 0.05 * groups));
}
/** Weight of a title's score in its article's, and how many of a search's first articles get it (`rerankByTitle`). */
const TITLE_WEIGHT = 1;
const TITLE_WINDOW = 50;
/** Recent postings (articles added since the last compaction) beyond which `add` compacts. */
const MIN_RECENT_POSTINGS = 2_000_000;

/** One expanded term of a query term: the exact term, a completion or a typo correction. */
interface Expansion {
  readonly ref: TermRef;
  /** Boost × expansion weight: how much the expanded term counts, before its idf. */
  readonly weight: number;
  /** `weight` × BM25 idf of the expanded term over passages. */
  readonly factor: number;
  /** How well the expanded term stands for the query term (see `matchQuality`). */
  readonly quality: number;
}

interface PlannedTerm {
  readonly group: number;
  readonly groupWeight: number;
  readonly expansions: readonly Expansion[];
}

/** A query resolved against the vocabulary: what to score, and how much each group weighs. */
interface Plan {
  readonly terms: readonly PlannedTerm[];
  readonly totalWeight: number;
  /** Weight of each group, by group number. */
  readonly groupWeights: readonly number[];
  readonly minCoverage: number;
  readonly candidateBudget: number;
  /** Every expanded term: a passage's matched terms are its terms among these. */
  readonly expanded: ReadonlySet<string>;
  readonly from: number;
  readonly to: number;
}

/**
 * The search engine: every paragraph of every article is a passage, and an article ranks by its best passage (plus
 * a little of its other matching passages).
 * Indexing passages rather than whole articles is what made French retrieval good (an answer lives in one paragraph;
 * a long article otherwise wins on sheer length). Pure: articles come in, hits go out.
 *
 * Built for 100,000 articles (a million passages): postings in typed arrays, terms expanded (prefix, typos) in
 * MiniSearch's radix-tree vocabulary, BM25 accumulated per passage into reused buffers, and only the hits asked for materialised —
 * `limit` keeps a small heap instead of sorting every match, common words of a long query only add to the passages
 * already in play, and a hit's passages, marks and matched terms are computed when read.
 */
export class ArticleIndex {
  private passages = new TermIndex();
  private titles = new TitleIndex();
  /** By article number; `undefined` once removed. Numbers are never reused. */
  private articles: (Article | undefined)[] = [];
  private readonly numbers = new Map<string, number>();
  private firstPassage: Uint32Array = new Uint32Array(64);
  private passageCount: Uint32Array = new Uint32Array(64);
  private dateFirst: Float64Array = new Float64Array(64);
  private dateLast: Float64Array = new Float64Array(64);
  private passageArticle: Uint32Array = new Uint32Array(256);
  private passageParagraph: Uint32Array = new Uint32Array(256);
  private nextPassage = 0;
  private readonly acc = new Accumulator();
  /** Per-article scratch for ranking articles by their passages: one 64-byte record per article (see Accumulator). */
  private articleU32: Uint32Array = new Uint32Array(0);
  private articleF64: Float64Array = new Float64Array(0);
  private stamp = 0;

  /** Builds an index of `articles` at once (a later article replaces an earlier one with the same id). */
  static of(articles: Iterable<Article>): ArticleIndex {
    return runSteps(ArticleIndex.buildSteps(articles, 64));
  }

  /**
   * Builds an index without blocking: pauses with `yieldToEventLoop` every `yieldEvery` articles and between the
   * phases of laying out the postings, so that no stretch of work exceeds a few tens of milliseconds.
   */
  static build(articles: Iterable<Article>, options: BuildOptions): Promise<ArticleIndex> {
    return runStepsAsync(ArticleIndex.buildSteps(articles, options.yieldEvery ?? 16), options.yieldToEventLoop);
  }

  /** An index restored from `data` (see `toData`). */
  static fromData(data: ArticleIndexData): ArticleIndex {
    const index = new ArticleIndex();
    runSteps(index.restoreSteps(data));
    return index;
  }

  /** Same as `fromData`, pausing with `yieldToEventLoop` between steps (a restart with 100,000 articles). */
  static async fromDataAsync(data: ArticleIndexData, yieldToEventLoop: () => Promise<void>): Promise<ArticleIndex> {
    const index = new ArticleIndex();
    await runStepsAsync(index.restoreSteps(data), yieldToEventLoop);
    return index;
  }

  private static *buildSteps(input: Iterable<Article>, yieldEvery: number): Steps<ArticleIndex> {
    // The last article with a given id wins, as if each had been `add`ed in turn.
    const byId = new Map<string, Article>();
    let seen = 0;
    for (const article of input) {
      byId.delete(article.id);
      byId.set(article.id, article);
      if (++seen % 8192 === 0) yield;
    }
    const articles = [...byId.values()];
    const builder = new TermIndexBuilder();
    let passageArticle: Uint32Array = new Uint32Array(Math.max(articles.length * 8, 64));
    let passageParagraph: Uint32Array = new Uint32Array(passageArticle.length);
    let passage = 0;
    let sinceYield = 0;
    for (let number = 0; number < articles.length; number++) {
      const article = articles[number] as Article;
      for (let paragraph = 0; paragraph < article.paragraphs.length; paragraph++) {
        const counts = termCounts(article.paragraphs[paragraph] as string);
        if (counts.size === 0) continue; // nothing to find there (punctuation, a lone number of stopwords)
        if (passage >= passageArticle.length) {
          const size = Math.ceil(passageArticle.length * 1.5);
          passageArticle = grow(passageArticle, size);
          passageParagraph = grow(passageParagraph, size);
        }
        passageArticle[passage] = number;
        passageParagraph[passage] = paragraph;
        builder.addDocument(passage, counts);
        passage++;
      }
      if (++sinceYield >= yieldEvery) {
        sinceYield = 0;
        yield;
      }
    }
    const passages = yield* builder.finishSteps();
    const titles = yield* TitleIndex.buildSteps(articles, yieldEvery);
    const index = new ArticleIndex();
    yield* index.restoreSteps({
      articles,
      passageArticle: passageArticle.subarray(0, passage),
      passageParagraph: passageParagraph.subarray(0, passage),
      passages,
      titles,
    });
    return index;
  }

  private *restoreSteps(data: ArticleIndexData): Steps<void> {
    const count = data.articles.length;
    this.articles = [...data.articles];
    this.numbers.clear();
    this.firstPassage = new Uint32Array(Math.max(count, 64));
    this.passageCount = new Uint32Array(this.firstPassage.length);
    this.dateFirst = new Float64Array(this.firstPassage.length);
    this.dateLast = new Float64Array(this.firstPassage.length);
    for (let number = 0; number < count; number++) {
      const article = data.articles[number] as Article;
      this.numbers.set(article.id, number);
      const bounds = dateBounds(article.date);
      this.dateFirst[number] = bounds.first;
      this.dateLast[number] = bounds.last;
      if (number % 8192 === 8191) yield;
    }
    const passages = data.passageArticle.length;
    this.passageArticle = new Uint32Array(Math.max(passages, 256));
    this.passageArticle.set(data.passageArticle);
    this.passageParagraph = new Uint32Array(this.passageArticle.length);
    this.passageParagraph.set(data.passageParagraph);
    for (let p = passages - 1; p >= 0; p--) {
      const number = data.passageArticle[p] as number;
      this.firstPassage[number] = p;
      this.passageCount[number] = (this.passageCount[number] as number) + 1;
    }
    this.nextPassage = passages;
    this.passages = yield* TermIndex.fromSteps(data.passages);
    this.titles = yield* TitleIndex.fromDataSteps(data.titles, data.articles);
  }

  /**
   * The index as arrays, live articles only, numbered densely (removed articles and their passages dropped): what
   * a snapshot stores. A generator with pause points, so that saving a snapshot does not block the bot.
   */
  *toDataSteps(): Steps<ArticleIndexData> {
    const articles: Article[] = [];
    const newNumber = new Int32Array(this.articles.length).fill(-1);
    this.articles.forEach((article, number) => {
      if (article) {
        newNumber[number] = articles.length;
        articles.push(article);
      }
    });
    const renumber = new Int32Array(this.nextPassage).fill(-1);
    const passageArticle = new Uint32Array(this.passages.documentCount);
    const passageParagraph = new Uint32Array(this.passages.documentCount);
    let next = 0;
    for (let p = 0; p < this.nextPassage; p++) {
      if (!this.passages.isAlive(p)) continue;
      const number = newNumber[this.passageArticle[p] as number] as number;
      if (number < 0) continue;
      renumber[p] = next;
      passageArticle[next] = number;
      passageParagraph[next] = this.passageParagraph[p] as number;
      next++;
    }
    yield;
    const passages = yield* this.passages.exportSteps(renumber);
    const titles = yield* this.titles.toDataSteps((id) => newNumber[this.numbers.get(id) ?? -1] ?? 0);
    return { articles, passageArticle: passageArticle.subarray(0, next), passageParagraph: passageParagraph.subarray(0, next), passages, titles };
  }

  /** Same as `toDataSteps`, at once. */
  toData(): ArticleIndexData {
    return runSteps(this.toDataSteps());
  }

  /** Folds the articles added since the build into the compacted index, pausing between steps. */
  compact(yieldToEventLoop: () => Promise<void>): Promise<void> {
    return runStepsAsync(this.compactSteps(), yieldToEventLoop);
  }

  private *compactSteps(): Steps<void> {
    yield* this.passages.compactSteps();
    yield* this.titles.compactSteps();
  }

  /** Number of articles indexed. */
  get size(): number {
    return this.numbers.size;
  }

  /** Number of passages indexed (paragraphs with at least one index term). */
  get passageTotal(): number {
    return this.passages.documentCount;
  }

  /** Adds an article, replacing the one with the same id if any (a file edited in place). */
  add(article: Article): void {
    if (this.numbers.has(article.id)) this.remove(article.id);
    const number = this.articles.length;
    this.articles.push(article);
    this.numbers.set(article.id, number);
    if (number >= this.firstPassage.length) {
      const size = Math.ceil(this.firstPassage.length * 1.5) + 1;
      this.firstPassage = grow(this.firstPassage, size);
      this.passageCount = grow(this.passageCount, size);
      this.dateFirst = growFloat(this.dateFirst, size);
      this.dateLast = growFloat(this.dateLast, size);
    }
    const bounds = dateBounds(article.date);
    this.dateFirst[number] = bounds.first;
    this.dateLast[number] = bounds.last;
    this.firstPassage[number] = this.nextPassage;
    let count = 0;
    article.paragraphs.forEach((text, paragraph) => {
      const counts = termCounts(text);
      if (counts.size === 0) return;
      const id = this.nextPassage++;
      if (id >= this.passageArticle.length) {
        const size = Math.ceil(this.passageArticle.length * 1.5) + 1;
        this.passageArticle = grow(this.passageArticle, size);
        this.passageParagraph = grow(this.passageParagraph, size);
      }
      this.passageArticle[id] = number;
      this.passageParagraph[id] = paragraph;
      this.passages.addDocument(id, counts);
      count++;
    });
    this.passageCount[number] = count;
    this.titles.add(article);
    // Recent postings are slower to scan and expand than compacted ones: fold them in once they are many.
    if (this.passages.recentPostings > Math.max(MIN_RECENT_POSTINGS, this.passages.compactedPostings / 4)) {
      runSteps(this.compactSteps());
    }
  }

  /** Removes an article; returns whether it was there. */
  remove(id: string): boolean {
    const number = this.numbers.get(id);
    const article = number === undefined ? undefined : this.articles[number];
    if (number === undefined || !article) return false;
    const first = this.firstPassage[number] as number;
    const end = first + (this.passageCount[number] as number);
    for (let p = first; p < end; p++) {
      const text = article.paragraphs[this.passageParagraph[p] as number] ?? '';
      this.passages.removeDocument(p, termCounts(text).keys());
    }
    this.articles[number] = undefined;
    this.numbers.delete(id);
    this.titles.remove(id);
    return true;
  }

  /** Articles whose title or id matches what the user is typing (autocomplete, "did you mean"). */
  suggest(typed: string, limit: number): Article[] {
    return this.titles.suggest(typed, limit);
  }

  get(id: string): Article | undefined {
    const number = this.numbers.get(id);
    return number === undefined ? undefined : this.articles[number];
  }

  /** Every article, in no particular order. */
  *all(): IterableIterator<Article> {
    for (const number of this.numbers.values()) {
      const article = this.articles[number];
      if (article) yield article;
    }
  }

  /**
   * Inverse document frequency of a term over passages. A term the index has never seen gets the highest weight:
   * a query word that no article contains is the most specific thing the user asked for, and missing it must
   * count against a match.
   */
  idf(term: string): number {
    const n = Math.max(this.passages.documentCount, 1);
    const df = this.passages.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Resolves the query against the vocabulary. Typos and partial words still match: terms of 5+ letters that the
   * archive does not contain are matched fuzzily (one edit per 5 letters, at most 2), and stems of 4+ letters by
   * prefix up to 3 more letters (which repairs what the stemmer leaves apart, `pourparler`/`pourparlers`); the last
   * word of the query, which the user may not have finished, is completed from what was typed, however long the
   * completion (`Crim` → `Crimée`).
   */
  private plan(query: ParsedQuery, options: SearchOptions): Plan {
    const weightOf = (t: ParsedQuery['terms'][number]): number => this.idf(t.term) * (t.alias ? ALIAS_WEIGHT : 1);
    const groupWeight = new Map<number, number>();
    for (const t of query.terms) groupWeight.set(t.group, Math.max(groupWeight.get(t.group) ?? 0, weightOf(t)));
    let totalWeight = 0;
    for (const w of groupWeight.values()) totalWeight += w;
    const lastTyped = query.terms.filter((t) => !t.alias).at(-1);
    const expanded = new Set<string>();
    const idfOf = (ref: TermRef): number => this.passages.idf(this.passages.refFrequency(ref));
    // Terms of one group are scored together (coverage counts a group at its best match), rarest group first.
    const ordered = [...query.terms].sort(
      (a, b) => (groupWeight.get(b.group) ?? 0) - (groupWeight.get(a.group) ?? 0) || a.group - b.group,
    );
    const terms: PlannedTerm[] = ordered.map((t) => {
      const boost = weightOf(t);
      const expansions: Expansion[] = [];
      const included = new Set<string>([t.term]);
      const exact = this.passages.ref(t.term);
      if (exact) expansions.push({ ref: exact, weight: boost, factor: boost * idfOf(exact), quality: 1 });
      const complete = (prefix: string, maxExtra: number): void => {
        for (const ref of this.passages.completions(prefix)) {
          const extra = ref.term.length - t.term.length;
          if (extra > maxExtra || included.has(ref.term)) continue;
          included.add(ref.term);
          const weight = boost * completionWeight(ref.term, extra);
          expansions.push({ ref, weight, factor: weight * idfOf(ref), quality: completionQuality(extra) });
        }
      };
      // Longer completions of a finished word are other words (`mort` → `mortier`): only inflections of a stem.
      if (t.term.length >= MIN_PREFIX_STEM) complete(t.term, INFLECTION_LETTERS);
      // The last word, which the user may not have finished, is completed whatever the length, from 3 letters typed
      // (`an` would bring in 800 words, every one of them a guess).
      const typed = t.typed ?? t.term;
      if (t === lastTyped && typed.length >= MIN_TYPED_PREFIX) complete(typed, Number.POSITIVE_INFINITY);
      // Only words the archive does not contain are typo-corrected: a known word is what the user meant.
      if (t.term.length >= MIN_FUZZY_LENGTH && !exact && !/^\p{N}/u.test(t.term)) {
        const maxDistance = Math.min(MAX_FUZZY, Math.round(t.term.length * FUZZY_RATIO));
        for (const { ref, distance } of this.passages.fuzzy(t.term, maxDistance)) {
          if (included.has(ref.term)) continue;
          const weight = boost * typoWeight(ref.term, distance);
          expansions.push({ ref, weight, factor: weight * idfOf(ref), quality: TYPO_QUALITY });
        }
      }
      for (const e of expansions) expanded.add(e.ref.term);
      return { group: t.group, groupWeight: groupWeight.get(t.group) ?? 0, expansions };
    });
    const groupWeights: number[] = [];
    for (const [g, w] of groupWeight) groupWeights[g] = w;
    return {
      terms,
      totalWeight,
      groupWeights,
      minCoverage: options.minCoverage ?? DEFAULT_MIN_COVERAGE,
      candidateBudget: options.candidateBudget ?? CANDIDATE_BUDGET,
      expanded,
      from: options.from ? dateBounds(options.from).first : -Infinity,
      to: options.to ? dateBounds(options.to).last : Infinity,
    };
  }

  /**
   * Scores passages `from … to - 1` (all by default) into the accumulator, rarest group first. Once the groups left
   * weigh less than the coverage a hit needs, no passage (`passages` mode) or article (`articles` mode) that has
   * matched nothing so far can become a hit: their terms then only add to the passages (or articles) in play. The
   * same happens, for articles, once `CANDIDATE_BUDGET` passages are in play. The common words
   * of a long query (a pasted sentence) are most of its postings, and most of them now cost one check. Scores and
   * coverage of the hits are the same as scoring everything.
   */
  private execute(plan: Plan, mode: 'all' | 'passages' | 'articles', from = 0, to = 0xffff_ffff): void {
    const acc = this.acc;
    acc.beginQuery(this.passages.documentSlots);
    const min = plan.minCoverage * plan.totalWeight;
    let remaining = plan.totalWeight;
    let inPlay: InPlay | undefined;
    let group = Number.NaN;
    for (const term of plan.terms) {
      if (term.group !== group) {
        if (!Number.isNaN(group)) remaining -= plan.groupWeights[group] ?? 0;
        group = term.group;
        acc.beginGroup(group);
        if (!inPlay && mode !== 'all') {
          if (mode === 'articles' && acc.touchedCount >= plan.candidateBudget) inPlay = passagesInPlay(acc);
          else if (remaining < min * (1 - 1e-12)) inPlay = mode === 'articles' ? this.articlesInPlay() : passagesInPlay(acc);
        }
      }
      acc.beginTerm();
      for (const e of term.expansions) this.passages.accumulate(e.ref, e.factor, e.quality, term.groupWeight, acc, from, to, inPlay);
    }
  }

  /** The passages of the articles in play, as ranges: their other passages may still add to what the article covers. */
  private articlesInPlay(): InPlay {
    const acc = this.acc;
    this.ensureArticleScratch();
    const mark = ++this.stamp;
    const au = this.articleU32;
    const numbers: number[] = [];
    for (let i = 0; i < acc.touchedCount; i++) {
      const number = this.passageArticle[acc.touched[i] as number] as number;
      if (au[number * STRIDE32 + A_STAMP] === mark) continue;
      au[number * STRIDE32 + A_STAMP] = mark;
      numbers.push(number);
    }
    // An article's passages are consecutive, and later articles have later passages: sorted numbers, sorted ranges.
    const sorted = Uint32Array.from(numbers).sort();
    const starts = new Uint32Array(sorted.length);
    const ends = new Uint32Array(sorted.length);
    sorted.forEach((number, i) => {
      starts[i] = this.firstPassage[number] as number;
      ends[i] = (this.firstPassage[number] as number) + (this.passageCount[number] as number);
    });
    return { starts, ends, count: sorted.length };
  }

  /**
   * Calls `keep(passage)` for each scored passage that covers enough of the query and whose article is in the date
   * range. An article dated only to the month is kept when its month overlaps the range.
   */
  private forEachHit(plan: Plan, keep: (passage: number) => void): void {
    const acc = this.acc;
    const { touched, touchedCount, f64 } = acc;
    const min = plan.minCoverage * plan.totalWeight;
    const dated = plan.from !== -Infinity || plan.to !== Infinity;
    for (let i = 0; i < touchedCount; i++) {
      const p = touched[i] as number;
      if (plan.totalWeight <= 0 || (f64[p * STRIDE64 + COVERAGE] as number) < min) continue;
      if (dated) {
        const number = this.passageArticle[p] as number;
        if ((this.dateLast[number] as number) < plan.from || (this.dateFirst[number] as number) > plan.to) continue;
      }
      keep(p);
    }
  }

  /** Matching passages, best first (higher score, then earlier passage). */
  searchPassages(query: ParsedQuery, options: SearchOptions = {}): PassageHit[] {
    return this.searchPassagesPage(query, options).hits;
  }

  /**
   * One page of `searchPassages`: the hits from `offset` (at most `limit`, all by default), and how many passages
   * match in all. A paged reply needs the count and five hits, not the ranking of every match.
   */
  searchPassagesPage(query: ParsedQuery, options: PageOptions = {}): { readonly total: number; readonly hits: PassageHit[] } {
    if (query.terms.length === 0 || this.passages.documentCount === 0) return { total: 0, hits: [] };
    const plan = this.plan(query, options);
    this.execute(plan, 'passages');
    // Scores stay in the accumulator until the next query: ranking reads them there, nothing is copied per match.
    const acc = this.acc;
    const order = (a: number, b: number): number => acc.finalScore(b) - acc.finalScore(a) || a - b;
    const offset = options.offset ?? 0;
    const top = options.limit !== undefined ? new TopK(offset + options.limit, order) : undefined;
    const ids: number[] = [];
    let total = 0;
    this.forEachHit(plan, (p) => {
      total++;
      if (top) top.push(p);
      else ids.push(p);
    });
    const ranked = (top ? top.sorted() : ids.sort(order)).slice(offset);
    return { total, hits: ranked.map((p) => this.passageHit(plan, p, acc.finalScore(p), acc.coverage(p) / plan.totalWeight)) };
  }

  /**
   * Articles ranked by their best passage, each with that passage's matched words marked. An article must cover
   * `minCoverage` of the query in all (a word counted once however many passages hold it), not in one passage: a
   * long query (a pasted sentence, a summary) spreads over several paragraphs of the article it describes.
   */
  search(query: ParsedQuery, options: SearchOptions = {}): ArticleHit[] {
    return this.searchPage(query, options).hits;
  }

  /**
   * One page of `search`: the hits from `offset` (at most `limit`, all by default), and how many articles match in
   * all. At 100,000 articles a common word matches tens of thousands: ranking them all for a page of five was most
   * of a search's time.
   */
  searchPage(query: ParsedQuery, options: PageOptions = {}): { readonly total: number; readonly hits: ArticleHit[] } {
    if (query.terms.length === 0 || this.passages.documentCount === 0) return { total: 0, hits: [] };
    const plan = this.plan(query, options);
    this.execute(plan, 'articles');
    this.ensureArticleScratch();
    const mark = ++this.stamp;
    const au = this.articleU32;
    const af = this.articleF64;
    const acc = this.acc;
    const { touched, touchedCount, u32, f64 } = acc;
    const dated = plan.from !== -Infinity || plan.to !== Infinity;
    const passageArticle = this.passageArticle;
    const candidates: number[] = [];
    for (let i = 0; i < touchedCount; i++) {
      const p = touched[i] as number;
      const pi = p * STRIDE32;
      const number = passageArticle[p] as number;
      const final = (f64[p * STRIDE64 + SCORE] as number) * (u32[pi + COUNT] as number);
      const ai = number * STRIDE32;
      const aj = number * STRIDE64;
      if (au[ai + A_STAMP] !== mark) {
        if (dated && ((this.dateLast[number] as number) < plan.from || (this.dateFirst[number] as number) > plan.to)) continue;
        au[ai + A_STAMP] = mark;
        au[ai + A_HITS] = 1;
        au[ai + A_BEST_PASSAGE] = p;
        au[ai + A_MASK_ANY] = u32[pi + MASK_ANY] as number;
        au[ai + A_MASK_60] = u32[pi + MASK_60] as number;
        au[ai + A_MASK_90] = u32[pi + MASK_90] as number;
        au[ai + A_MASK_100] = u32[pi + MASK_100] as number;
        af[aj + A_BEST] = final;
        af[aj + A_SUM] = final;
        candidates.push(number);
        continue;
      }
      au[ai + A_HITS] = (au[ai + A_HITS] as number) + 1;
      au[ai + A_MASK_ANY] = ((au[ai + A_MASK_ANY] as number) | (u32[pi + MASK_ANY] as number)) >>> 0;
      au[ai + A_MASK_60] = ((au[ai + A_MASK_60] as number) | (u32[pi + MASK_60] as number)) >>> 0;
      au[ai + A_MASK_90] = ((au[ai + A_MASK_90] as number) | (u32[pi + MASK_90] as number)) >>> 0;
      au[ai + A_MASK_100] = ((au[ai + A_MASK_100] as number) | (u32[pi + MASK_100] as number)) >>> 0;
      af[aj + A_SUM] = (af[aj + A_SUM] as number) + final;
      const best = af[aj + A_BEST] as number;
      if (final > best || (final === best && p < (au[ai + A_BEST_PASSAGE] as number))) {
        af[aj + A_BEST] = final;
        au[ai + A_BEST_PASSAGE] = p;
      }
    }
    // What an article covers: each group at the best quality any of its passages matches it with.
    const min = plan.minCoverage * plan.totalWeight;
    const weights = plan.groupWeights;
    const kept: number[] = [];
    const otherWeight = otherPassagesWeight(plan.groupWeights.filter((w) => w !== undefined).length);
    for (const number of candidates) {
      const ai = number * STRIDE32;
      let any = au[ai + A_MASK_ANY] as number;
      let covered = 0;
      while (any !== 0) {
        const g = 31 - Math.clz32(any);
        const bit = (1 << g) >>> 0;
        any = (any & ~bit) >>> 0;
        const quality =
          ((au[ai + A_MASK_100] as number) & bit) !== 0 ? 1 : ((au[ai + A_MASK_90] as number) & bit) !== 0 ? 0.9 : ((au[ai + A_MASK_60] as number) & bit) !== 0 ? 0.6 : 0.5;
        covered += quality * (weights[g] ?? 0);
      }
      if (plan.totalWeight <= 0 || covered < min) continue;
      // An article ranks by its best passage, plus a share of what its other passages match: one strong paragraph
      // still decides, but between two such articles the one that is about the query throughout goes first.
      const aj = number * STRIDE64;
      const best = af[aj + A_BEST] as number;
      // A search (not a question) looks for the article about all of it: the score is scaled by the share of the
      // query the whole article covers, as MiniSearch's coordination factor scales a document's (known-item hit@1 on
      // OrangeSum headings at 100,000 articles: 0.66 → 0.69; the dev questions are not affected).
      const share = query.question ? 1 : covered / plan.totalWeight;
      af[aj + A_SCORE] = (best + otherWeight * ((af[aj + A_SUM] as number) - best)) * share;
      kept.push(number);
    }
    // Ties go to the article with more matching passages, then to the most recent.
    const dateFirst = this.dateFirst;
    const order = (a: number, b: number): number =>
      (af[b * STRIDE64 + A_SCORE] as number) - (af[a * STRIDE64 + A_SCORE] as number) ||
      (au[b * STRIDE32 + A_HITS] as number) - (au[a * STRIDE32 + A_HITS] as number) ||
      (dateFirst[b] as number) - (dateFirst[a] as number) ||
      a - b;
    const offset = options.offset ?? 0;
    let ranked: number[];
    if (options.limit !== undefined) {
      const top = new TopK(Math.max(offset + options.limit, TITLE_WINDOW), order);
      for (const number of kept) top.push(number);
      ranked = top.sorted();
    } else {
      ranked = kept.sort(order);
    }
    if (!query.question) this.rerankByTitle(plan, ranked, order);
    ranked = options.limit !== undefined ? ranked.slice(offset, offset + options.limit) : ranked.slice(offset);
    const hits = ranked.map((number): ArticleHit => {
      const p = au[number * STRIDE32 + A_BEST_PASSAGE] as number;
      const best = this.passageHit(plan, p, af[number * STRIDE64 + A_BEST] as number, acc.coverage(p) / plan.totalWeight);
      return new LazyArticleHit(af[number * STRIDE64 + A_SCORE] as number, best, () => this.articlePassages(plan, number));
    });
    return { total: kept.length, hits };
  }

  /**
   * A title says what the whole article is about, which one paragraph may not: the first `TITLE_WINDOW` articles of
   * a search (not a question, which looks for a paragraph) gain their title's BM25 score, as a title field does in
   * MiniSearch, and are ranked again. Only those: a title alone does not make a match, and scoring a few dozen titles
   * costs nothing where scoring every title holding a common word cost 10 ms. Known-item hit@1 on OrangeSum
   * headings at 33,688 articles: 0.59 → 0.64; the dev questions are not affected.
   */
  private rerankByTitle(plan: Plan, ranked: number[], order: (a: number, b: number) => number): void {
    const window = Math.min(TITLE_WINDOW, ranked.length);
    const af = this.articleF64;
    for (let i = 0; i < window; i++) {
      const number = ranked[i] as number;
      const title = this.titles.score((this.articles[number] as Article).id, plan.terms);
      af[number * STRIDE64 + A_SCORE] = (af[number * STRIDE64 + A_SCORE] as number) + TITLE_WEIGHT * title;
    }
    const head = ranked.slice(0, window).sort(order);
    for (let i = 0; i < window; i++) ranked[i] = head[i] as number;
  }

  private ensureArticleScratch(): void {
    const n = this.articles.length;
    if (this.articleU32.length >= n * STRIDE32) return;
    const size = Math.max(n, Math.ceil((this.articleU32.length / STRIDE32) * 1.5), 64);
    const buffer = new ArrayBuffer(size * STRIDE32 * 4);
    const u32 = new Uint32Array(buffer);
    u32.set(this.articleU32); // stamps must survive: a stale stamp must never equal a future mark
    this.articleU32 = u32;
    this.articleF64 = new Float64Array(buffer);
  }

  private passageHit(plan: Plan, passage: number, score: number, coverage: number): PassageHit {
    return new LazyPassageHit(this.articles[this.passageArticle[passage] as number] as Article, this.passageParagraph[passage] as number, score, coverage, plan.expanded);
  }

  /**
   * Every passage of one article that holds a word of the query, best first: its passages scored again, alone (same
   * plan, same sums, so the first is the article's best).
   */
  private articlePassages(plan: Plan, number: number): PassageHit[] {
    const first = this.firstPassage[number] as number;
    this.execute(plan, 'all', first, first + (this.passageCount[number] as number));
    const acc = this.acc;
    const found = Array.from(acc.touched.subarray(0, acc.touchedCount));
    found.sort((a, b) => acc.finalScore(b) - acc.finalScore(a) || a - b);
    return found.map((p) => this.passageHit(plan, p, acc.finalScore(p), acc.coverage(p) / plan.totalWeight));
  }
}

class LazyPassageHit implements PassageHit {
  private matched: ReadonlySet<string> | undefined;

  constructor(
    readonly article: Article,
    readonly paragraph: number,
    readonly score: number,
    readonly coverage: number,
    private readonly expanded: ReadonlySet<string>,
  ) {}

  get matchedTerms(): ReadonlySet<string> {
    if (!this.matched) {
      const terms = new Set<string>();
      // The same terms as `analyzeTerms`, through the indexing cache: /ask reads a dozen paragraphs per question.
      for (const term of termCounts(this.article.paragraphs[this.paragraph] ?? '').keys()) {
        if (this.expanded.has(term)) terms.add(term);
      }
      this.matched = terms;
    }
    return this.matched;
  }
}

/** An article hit whose marks and full list of passages are computed when first read. */
class LazyArticleHit implements ArticleHit {
  private marks_: readonly Mark[] | undefined;
  private passages_: readonly PassageHit[] | undefined;

  constructor(
    readonly score: number,
    readonly best: PassageHit,
    private readonly findPassages: () => PassageHit[],
  ) {}

  get article(): Article {
    return this.best.article;
  }

  get marks(): readonly Mark[] {
    this.marks_ ??= markTerms(this.best.article.paragraphs[this.best.paragraph] ?? '', this.best.matchedTerms);
    return this.marks_;
  }

  get passages(): readonly PassageHit[] {
    this.passages_ ??= this.findPassages();
    return this.passages_;
  }
}

/** Marks every word of `text` whose index term is one of `terms`. */
export function markTerms(text: string, terms: ReadonlySet<string>): Mark[] {
  return mergeMarks(
    analyze(text).filter((t) => terms.has(t.term)),
    text,
  );
}

/** The passages a query has touched so far, as single-passage ranges, sorted. */
function passagesInPlay(acc: Accumulator): InPlay {
  const starts = acc.touched.slice(0, acc.touchedCount).sort();
  const ends = new Uint32Array(starts.length);
  for (let i = 0; i < starts.length; i++) ends[i] = (starts[i] as number) + 1;
  return { starts, ends, count: starts.length };
}

function grow(array: Uint32Array, size: number): Uint32Array {
  const grown = new Uint32Array(size);
  grown.set(array.subarray(0, Math.min(array.length, size)));
  return grown;
}

function growFloat(array: Float64Array, size: number): Float64Array {
  const grown = new Float64Array(size);
  grown.set(array.subarray(0, Math.min(array.length, size)));
  return grown;
}
