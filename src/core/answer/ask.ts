import type { Article } from '../corpus/article.js';
import { isCaption } from '../corpus/isCaption.js';
import type { ArticleHit, ArticleIndex, PassageHit } from '../search/ArticleIndex.js';
import type { Mark } from '../search/Mark.js';
import { mergeMarks } from '../search/Mark.js';
import { matchQuality } from '../search/matchQuality.js';
import type { ParsedQuery } from '../search/parseQuery.js';
import { parseQuery } from '../search/parseQuery.js';
import { analyze, analyzeTerms } from '../text/analyze.js';
import { runSteps, type Steps } from '../search/steps.js';
import { splitSentences } from '../text/splitSentences.js';
import type { Sentence } from '../text/splitSentences.js';
import type { QuestionInfo } from './classifyQuestion.js';
import { classifyQuestion } from './classifyQuestion.js';
import { translateEnglishQuery } from './englishGlossary.js';
import { findAnswerSpan } from './findAnswerSpan.js';

/** A sentence quoted as (part of) an answer. */
export interface AnswerQuote {
  readonly article: Article;
  /** Index into `article.paragraphs`. */
  readonly paragraph: number;
  /** The sentence, verbatim, with its offsets in the paragraph. */
  readonly sentence: Sentence;
  /**
   * Offsets into `sentence.text`: the answer span when one was found (the date for "quand", the name for "qui"…),
   * else the words that match the question.
   */
  readonly marks: readonly Mark[];
  /** Whether `marks` is the answer itself rather than the question's words. */
  readonly spanFound: boolean;
  readonly score: number;
}

export type AskResult =
  | { readonly found: true; readonly question: QuestionInfo; readonly query: ParsedQuery; readonly quotes: readonly AnswerQuote[] }
  | { readonly found: false; readonly question: QuestionInfo; readonly query: ParsedQuery; readonly closest: readonly ArticleHit[] };

/** Passages read closely for an answer. More would rarely help: the answer is in the best few or nowhere. */
const PASSAGES_READ = 12;
/**
 * Below this share of the question's weight, a sentence does not answer the question: we say we found nothing
 * rather than quote something loosely related. Weighted by IDF, so missing the question's rare words costs most.
 */
const MIN_SENTENCE_COVERAGE = 0.5;
/** A second quote must be nearly as good as the first: corroboration from another article, not filler. */
const SECOND_QUOTE_RATIO = 0.9;
/** How many closest articles a "not found" offers. */
const CLOSEST = 3;
/** Share of credit a sentence gets for the question's words in the sentence before it. */
const CONTEXT_CREDIT = 0.5;
/** What holding a span of the kind asked for (a date for "quand"…) adds to a sentence's coverage, times its fit. */
const SPAN_BONUS = 0.4;
/** What the passage's own rank adds, at most. */
const PASSAGE_BONUS = 0.15;
/** An alias ("Pékin" for "Chine") stands for the word nearly as well as the word itself. */
const ALIAS_QUALITY = 0.8;

/**
 * Answers a question by quoting the sentence of the archive that answers it, never by writing one. Finds the best
 * passages, scores their sentences by how much of the question they hold (rare words weigh most) and whether they
 * contain what the question asks for (a date for "quand", a name for "qui"…), and marks that span. When no sentence
 * holds enough of the question, says so and offers the closest articles.
 */
export function ask(index: ArticleIndex, question: string, debug?: (quote: AnswerQuote) => void): AskResult {
  return runSteps(askSteps(index, question, debug));
}

/**
 * `ask`, pausing after the search and after each passage read: reading a dozen passages closely takes tens of
 * milliseconds before the code is warm, and the bot must not hold its event loop that long (see `steps.ts`).
 */
export function* askSteps(index: ArticleIndex, question: string, debug?: (quote: AnswerQuote) => void): Steps<AskResult> {
  const info = classifyQuestion(question);
  const text = info.language === 'en' ? translateEnglishQuery(question) : question;
  const query = withoutCue(parseQuery(text, { question: true }), info);
  if (query.terms.length === 0) return { found: false, question: info, query, closest: [] };

  const passages = index.searchPassages(query, { limit: PASSAGES_READ });
  yield;
  const topScore = passages[0]?.score ?? 0;
  const weights = termWeights(index, query);
  const candidates: AnswerQuote[] = [];
  for (const passage of passages) {
    const paragraph = passage.article.paragraphs[passage.paragraph] ?? '';
    let previous: ReadonlyMap<number, number> = new Map();
    for (const sentence of splitSentences(paragraph)) {
      if (isCaption(sentence.text)) continue;
      const read = readSentence(sentence, passage, query);
      const quote = scoreSentence(read, previous, passage, weights, topScore, info);
      if (quote) candidates.push(quote);
      previous = read.quality;
    }
    yield;
  }
  candidates.sort((a, b) => b.score - a.score);
  if (debug) candidates.slice(0, 6).forEach(debug);
  const best = candidates[0];
  if (!best) return { found: false, question: info, query, closest: index.search(query, { limit: CLOSEST }) };
  const second = candidates.find(
    (c) => c.article.id !== best.article.id && c.score >= best.score * SECOND_QUOTE_RATIO && c.spanFound === best.spanFound,
  );
  return { found: true, question: info, query, quotes: second ? [best, second] : [best] };
}

/**
 * Words that belong to the question's interrogative phrase for some kinds only ("*depuis* quand", "combien de
 * *temps*"): they say what is asked, and left in the query they would make the answer ("depuis 2014") look like an
 * echo of the question.
 */
const CUE_WORDS: Partial<Record<QuestionInfo['kind'], readonly string[]>> = {
  since: analyzeTerms('depuis'),
  duration: analyzeTerms('temps durée'),
};

function withoutCue(query: ParsedQuery, info: QuestionInfo): ParsedQuery {
  const cue = CUE_WORDS[info.kind];
  return cue ? { ...query, terms: query.terms.filter((t) => !cue.includes(t.term)) } : query;
}

interface Weights {
  readonly byGroup: ReadonlyMap<number, number>;
  readonly total: number;
}

function termWeights(index: ArticleIndex, query: ParsedQuery): Weights {
  const byGroup = new Map<number, number>();
  for (const t of query.terms) {
    if (t.alias) continue;
    byGroup.set(t.group, Math.max(byGroup.get(t.group) ?? 0, index.idf(t.term)));
  }
  let total = 0;
  for (const w of byGroup.values()) total += w;
  return { byGroup, total };
}

interface SentenceReading {
  readonly sentence: Sentence;
  /** Best match quality of each query group in the sentence. */
  readonly quality: ReadonlyMap<number, number>;
  readonly matched: readonly Mark[];
}

/**
 * Which of the question's words a sentence holds. The answer span it offers is looked for only once the sentence
 * holds enough of the question (`scoreSentence`): finding candidates is most of the cost of a question, and most
 * sentences of the passages read never qualify.
 */
function readSentence(sentence: Sentence, passage: PassageHit, query: ParsedQuery): SentenceReading {
  const quality = new Map<number, number>();
  const matched: Mark[] = [];
  for (const token of analyze(sentence.text)) {
    if (!passage.matchedTerms.has(token.term)) continue;
    for (const t of query.terms) {
      const q = matchQuality(t.term, token.term) * (t.alias ? ALIAS_QUALITY : 1);
      if (q <= 0) continue;
      matched.push({ start: token.start, end: token.end });
      if (q > (quality.get(t.group) ?? 0)) quality.set(t.group, q);
    }
  }
  return { sentence, quality, matched };
}

/**
 * Scores a sentence as an answer, or `undefined` when it holds too little of the question. A sentence also gets
 * half credit for the question's words held by the sentence just before it in the paragraph: news often names the
 * subject in one sentence and gives the fact in the next ("… a déclaré Lavrov. Les vacances dureront 10 jours.").
 */
function scoreSentence(
  read: SentenceReading,
  previous: ReadonlyMap<number, number>,
  passage: PassageHit,
  weights: Weights,
  topScore: number,
  info: QuestionInfo,
): AnswerQuote | undefined {
  let covered = 0;
  for (const [group, weight] of weights.byGroup) {
    const own = read.quality.get(group) ?? 0;
    covered += Math.max(own, CONTEXT_CREDIT * (previous.get(group) ?? 0)) * weight;
  }
  const coverage = weights.total > 0 ? covered / weights.total : 0;
  if (coverage < MIN_SENTENCE_COVERAGE) return undefined;
  const span = findAnswerSpan(read.sentence.text, info, read.matched);
  // The passage's rank breaks ties between sentences that hold the question equally well.
  const passageStrength = topScore > 0 ? passage.score / topScore : 0;
  const score = coverage + SPAN_BONUS * (span?.fit ?? 0) + PASSAGE_BONUS * passageStrength;
  return {
    article: passage.article,
    paragraph: passage.paragraph,
    sentence: read.sentence,
    marks: span ? [{ start: span.start, end: span.end }] : mergeMarks(read.matched, read.sentence.text),
    spanFound: span !== undefined,
    score,
  };
}
