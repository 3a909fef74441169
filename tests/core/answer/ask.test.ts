import { describe, expect, it } from 'vitest';
import { ask } from '../../../src/core/answer/ask.js';
import { parseQuery } from '../../../src/core/search/parseQuery.js';
import devset from '../../fixtures/devset.json' with { type: 'json' };
import { seedIndex } from '../../support/seeds.js';

const index = seedIndex();

/** Whitespace-, case-, quote- and apostrophe-insensitive, as the dev set says its snippets are. */
const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[’‘ʼ´]/gu, "'")
    .replace(/[«»"“”]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();

const spanOf = (question: string): string[] => {
  const result = ask(index, question);
  if (!result.found) return [];
  return result.quotes.flatMap((q) => q.marks.map((m) => q.sentence.text.slice(m.start, m.end)));
};

describe('ask on the seeds', () => {
  it('quotes the sentence naming Geneva for the place of the 10 January talks, with its citation', () => {
    const result = ask(index, 'Où auront lieu les discussions du 10 janvier ?');
    expect(result.found).toBe(true);
    if (!result.found) return;
    const [quote] = result.quotes;
    expect(quote?.sentence.text).toContain('Genève');
    expect(quote?.article.id).toBe('003_6a0b143d3fa07a1a');
    // Quoted verbatim: the sentence is the paragraph's own text at its offsets.
    const paragraph = quote?.article.paragraphs[quote.paragraph] ?? '';
    expect(paragraph.slice(quote?.sentence.start, quote?.sentence.end)).toBe(quote?.sentence.text);
    expect(spanOf('Où auront lieu les discussions du 10 janvier ?')).toContain('à Genève');
  });

  it('marks the span of the kind the question asks for', () => {
    expect(spanOf('Quand aura lieu la réunion du Conseil Otan-Russie ?')).toContain('le 12 janvier');
    expect(spanOf('Qui est le secrétaire général de l’OTAN ?')).toContain('Jens Stoltenberg');
    expect(spanOf('Depuis quand dure le conflit entre l’Ukraine et la Russie ?')).toContain('depuis 2014');
    // Both articles answer: one says "environ 100 000 soldats", the other "des dizaines de milliers de militaires".
    expect(spanOf('Combien de soldats russes sont massés à la frontière ?').join(' ')).toMatch(/100 000|dizaines de milliers/u);
  });

  it('answers "Qui est X ?" with what the article says X is', () => {
    expect(spanOf('Qui est Jens Stoltenberg ?').join(' ')).toMatch(/secrétaire général de l’OTAN/u);
  });

  it('does its best with English questions through the glossary', () => {
    const result = ask(index, 'Who is the NATO secretary general?');
    expect(result.found && result.quotes[0]?.sentence.text).toContain('Stoltenberg');
    const where = ask(index, 'Where will the January 10 talks take place?');
    expect(where.found && where.quotes.some((q) => q.sentence.text.includes('Genève'))).toBe(true);
  });

  it('says it found nothing, rather than quoting something loosely related', () => {
    for (const question of [
      'Quelle est la recette de la ratatouille ?',
      'Qui a gagné la coupe du monde de football ?',
      'Quel temps fera-t-il demain à Lyon ?',
      'Combien coûte un abonnement de métro à Tokyo ?',
    ]) {
      const result = ask(index, question);
      expect(result.found, question).toBe(false);
    }
  });

  it('offers the closest articles when the words match but no sentence answers', () => {
    const result = ask(index, 'Quel est le rôle de la Russie dans la crise alimentaire mondiale ?');
    expect(result.found).toBe(false);
    if (result.found) return;
    for (const hit of result.closest) expect(hit.article.paragraphs.join(' ')).toMatch(/Russie/u);
  });

  it('never invents a word: every quote is a sentence of the cited paragraph', () => {
    for (const { question } of devset.questions) {
      const result = ask(index, question);
      if (!result.found) continue;
      for (const quote of result.quotes) {
        expect(quote.article.paragraphs[quote.paragraph]).toContain(quote.sentence.text);
        for (const mark of quote.marks) expect(mark.end).toBeLessThanOrEqual(quote.sentence.text.length);
      }
    }
  });
});

describe('the dev set (28 questions over the seeds)', () => {
  it('finds the right article first for ≥ 90% of questions and shows the answer for ≥ 80%', () => {
    let articleHits = 0;
    let answered = 0;
    const misses: string[] = [];
    for (const q of devset.questions) {
      const acceptable = new Set(q.acceptable_files.map((f) => f.replace(/\.txt$/u, '')));
      // Article recall@1: the top article of the search for the question is one that answers it.
      const top = index.search(parseQuery(q.question, { question: true }))[0]?.article.id;
      if (top !== undefined && acceptable.has(top)) articleHits += 1;
      // The answer shown contains the gold answer (or its answer-bearing snippet).
      const result = ask(index, q.question);
      const shown = normalise(result.found ? result.quotes.map((x) => x.sentence.text).join(' ') : '');
      const gold = q.answer.replace(/\s*\(.*?\)\s*/gu, ' ').split('/').map(normalise);
      const ok = gold.some((g) => shown.includes(g)) || [q.snippet, ...q.alt_snippets].some((s) => shown.includes(normalise(s)));
      if (ok) answered += 1;
      else misses.push(q.id);
    }
    const recall = articleHits / devset.questions.length;
    const answerRate = answered / devset.questions.length;
    console.log(`dev set: article recall@1 ${recall.toFixed(3)}, answer shown ${answerRate.toFixed(3)} (missed: ${misses.join(', ')})`);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(answerRate).toBeGreaterThanOrEqual(0.8);
  });
});
