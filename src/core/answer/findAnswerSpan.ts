import type { Mark } from '../search/Mark.js';
import type { QuestionInfo } from './classifyQuestion.js';
import { candidateTypesFor, findCandidates } from './findCandidates.js';
import { findApposition } from './findApposition.js';

/**
 * The span of `sentence` that answers the question: a candidate of the kind asked for (a date for "quand", a
 * quantity for "combien"…) that is not one of the question's own words, the one nearest to them; for "Qui est X ?",
 * what the sentence says X is. `undefined` when the sentence holds no such span: the caller then shows the
 * sentence with the question's words highlighted instead of pretending to know the answer.
 */
export function findAnswerSpan(sentence: string, question: QuestionInfo, questionWords: readonly Mark[]): Mark | undefined {
  if (question.kind === 'definition' && question.subject) {
    const apposition = findApposition(sentence, question.subject);
    if (apposition) return apposition;
  }
  const types = candidateTypesFor(question.kind);
  if (types.length === 0) return undefined;
  const overlapsQuestion = (c: Mark): boolean => questionWords.some((w) => w.start < c.end && c.start < w.end);
  const spans = findCandidates(sentence, types).filter((c) => !overlapsQuestion(c));
  if (spans.length === 0) return undefined;
  if (questionWords.length === 0) return spans[0];
  // Types are listed most wanted first ("qui": a person before an organisation), then nearest to the question's words.
  const rank = (c: { readonly type: string }): number => types.indexOf(c.type as (typeof types)[number]);
  const distance = (c: Mark): number => Math.min(...questionWords.map((w) => (c.start >= w.end ? c.start - w.end : w.start >= c.end ? w.start - c.end : 0)));
  const best = [...spans].sort((a, b) => rank(a) - rank(b) || distance(a) - distance(b))[0];
  return best ? { start: best.start, end: best.end } : undefined;
}
