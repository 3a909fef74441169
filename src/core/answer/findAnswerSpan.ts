import type { Mark } from '../search/Mark.js';
import type { QuestionInfo, QuestionKind } from './classifyQuestion.js';
import type { Candidate } from './findCandidates.js';
import { candidateTypesFor, findCandidates } from './findCandidates.js';
import { findApposition } from './findApposition.js';
import { foldSameLength } from './lexicon.js';
import { analyze } from '../text/analyze.js';

/** An answer span and how well it fits the question, 0–1. */
export interface AnswerSpan extends Mark {
  readonly fit: number;
}

/**
 * The span of `sentence` that answers the question: a candidate of the kind asked for (a date for "quand", a
 * quantity for "combien"…) that is not just the question's own words, the best fitting and then the nearest to
 * them; for "Qui est X ?", what the sentence says X is. `undefined` when the sentence holds no such span: the caller
 * then shows the sentence with the question's words highlighted instead of pretending to know the answer.
 */
export function findAnswerSpan(sentence: string, question: QuestionInfo, questionWords: readonly Mark[]): AnswerSpan | undefined {
  // "Qui est X ?": what the sentence says X is, or for a role ("le porte-parole du Kremlin") the name it is given.
  if ((question.kind === 'definition' || question.kind === 'who') && question.subject) {
    const apposition = findApposition(sentence, question.subject);
    if (apposition) return { ...apposition, fit: 1 };
  }
  const types = candidateTypesFor(question.kind);
  if (types.length === 0) return undefined;
  // A span made only of the question's own words ("le 12 janvier" for "…la réunion du 12 janvier ?") is an echo,
  // not an answer; a span that adds words to them ("100 000 soldats" for "combien de soldats") is one.
  const isEcho = (c: Mark): boolean =>
    analyze(sentence.slice(c.start, c.end)).every((t) => questionWords.some((w) => w.start < c.start + t.end && c.start + t.start < w.end));
  const spans = findCandidates(sentence, types).filter((c) => !isEcho(c));
  const distance = (c: Mark): number =>
    questionWords.length === 0 ? 0 : Math.min(...questionWords.map((w) => (c.start >= w.end ? c.start - w.end : w.start >= c.end ? w.start - c.end : 0)));
  let best: AnswerSpan | undefined;
  let bestDistance = Infinity;
  for (const candidate of spans) {
    const fit = spanFit(question.kind, candidate, types);
    const d = distance(candidate);
    if (!best || fit > best.fit || (fit === best.fit && d < bestDistance)) {
      best = { start: candidate.start, end: candidate.end, fit };
      bestDistance = d;
    }
  }
  return best;
}

/** Fit of each wanted type, most wanted first: a person answers "qui" better than an institution does. */
const RANK_FIT = [1, 0.6, 0.45];

/**
 * How well a candidate answers a question kind, 0–1: its type's rank, refined by its form. "Depuis quand" wants a
 * date introduced by "depuis"; "quand" prefers a date that names its day over a bare month or weekday; "où" prefers
 * a city ("à Genève") to a country ("en Ukraine"), and both to a relative position ("près de") or a topic
 * ("autour de").
 */
export function spanFit(kind: QuestionKind, candidate: Candidate, types: readonly string[]): number {
  const rank = RANK_FIT[types.indexOf(candidate.type)] ?? 0.4;
  const text = foldSameLength(candidate.text).toLowerCase();
  if (candidate.type === 'date') {
    if (kind === 'since') return rank * (/^depuis\b/u.test(text) ? 1 : 0.6);
    return rank * (/\d{1,2}(?:er)?\s+\p{L}/u.test(text) || /\d{1,2}\/\d{1,2}/u.test(text) ? 1 : 0.8);
  }
  if (candidate.type === 'place') {
    // Like a date with its day, the most precise place wins: "à" introduces a city, "en"/"au" a country or region.
    if (/^a\s/u.test(text)) return rank;
    if (/^(?:au|aux|en|dans)\s/u.test(text)) return rank * 0.8;
    // "autour de", "au sujet de" name what something is about, rarely where it happens.
    return rank * (/^(?:autour|au sujet)\b/u.test(text) ? 0.3 : 0.6);
  }
  return rank;
}
