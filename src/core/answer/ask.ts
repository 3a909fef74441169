import type { Article } from '../corpus/article.js';
import { isCaption } from '../corpus/isCaption.js';
import type { ArticleHit, ArticleIndex, PassageHit } from '../search/ArticleIndex.js';
import type { Mark } from '../search/Mark.js';
import { mergeMarks } from '../search/Mark.js';
import { matchQuality } from '../search/matchQuality.js';
import type { ParsedQuery } from '../search/parseQuery.js';
import { parseQuery } from '../search/parseQuery.js';
import { analyze } from '../text/analyze.js';
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

/**
 * Answers a question by quoting the sentence of the archive that answers it, never by writing one. Finds the best
 * passages, scores their sentences by how much of the question they hold (rare words weigh most) and whether they
 * contain what the question asks for (a date for "quand", a name for "qui"…), and marks that span. When no sentence
 * holds enough of the question, says so and offers the closest articles.
 */
export function ask(index: ArticleIndex, question: string): AskResult {
  const info = classifyQuestion(question);
  const text = info.language === 'en' ? translateEnglishQuery(question) : question;
  const query = parseQuery(text, { question: true });
  if (query.terms.length === 0) return { found: false, question: info, query, closest: [] };

  const passages = index.searchPassages(query).slice(0, PASSAGES_READ);
  const topScore = passages[0]?.score ?? 0;
  const weights = termWeights(index, query);
  const candidates: AnswerQuote[] = [];
  for (const passage of passages) {
    const paragraph = passage.article.paragraphs[passage.paragraph] ?? '';
    for (const sentence of splitSentences(paragraph)) {
      if (isCaption(sentence.text)) continue;
      const quote = readSentence(sentence, passage, query, weights, info, topScore);
      if (quote) candidates.push(quote);
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (!best) return { found: false, question: info, query, closest: index.search(query).slice(0, CLOSEST) };
  const second = candidates.find(
    (c) => c.article.id !== best.article.id && c.score >= best.score * SECOND_QUOTE_RATIO && c.spanFound === best.spanFound,
  );
  return { found: true, question: info, query, quotes: second ? [best, second] : [best] };
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

/** Scores one sentence as an answer, or `undefined` when it holds too little of the question. */
function readSentence(
  sentence: Sentence,
  passage: PassageHit,
  query: ParsedQuery,
  weights: Weights,
  info: QuestionInfo,
  topScore: number,
): AnswerQuote | undefined {
  const tokens = analyze(sentence.text);
  const quality = new Map<number, number>();
  const matched: Mark[] = [];
  for (const token of tokens) {
    if (!passage.matchedTerms.has(token.term)) continue;
    for (const t of query.terms) {
      const q = matchQuality(t.term, token.term) * (t.alias ? 0.8 : 1);
      if (q <= 0) continue;
      matched.push({ start: token.start, end: token.end });
      if (q > (quality.get(t.group) ?? 0)) quality.set(t.group, q);
    }
  }
  let covered = 0;
  for (const [group, q] of quality) covered += q * (weights.byGroup.get(group) ?? 0);
  const coverage = weights.total > 0 ? covered / weights.total : 0;
  if (coverage < MIN_SENTENCE_COVERAGE) return undefined;

  const span = findAnswerSpan(sentence.text, info, matched);
  // The passage's rank breaks ties between sentences that hold the question equally well.
  const passageStrength = topScore > 0 ? passage.score / topScore : 0;
  const score = coverage + (span ? 0.35 : 0) + 0.15 * passageStrength;
  return {
    article: passage.article,
    paragraph: passage.paragraph,
    sentence,
    marks: span ? [span] : mergeMarks(matched, sentence.text),
    spanFound: span !== undefined,
    score,
  };
}
