/**
 * The benchmark's queries, made from the corpus of each size with a seeded generator, so every engine answers the
 * same queries in the same run: topic queries (words of real titles), known-item queries (an article's heading,
 * which is not in its text), one-typo variants, English questions, French questions, and autocomplete input.
 */
import { foldAccents } from '../src/core/text/foldAccents.js';
import { isStopword } from '../src/core/text/stopwords.js';
import type { BenchArticle } from './corpus.js';
import { random, shuffle } from './corpus.js';

export interface KnownItem {
  readonly query: string;
  readonly id: string;
}

export interface DevQuestion {
  readonly question: string;
  /** Article ids that answer it. */
  readonly acceptable: readonly string[];
}

export interface QuerySet {
  readonly topic: readonly string[];
  readonly knownItem: readonly KnownItem[];
  readonly typo: readonly string[];
  readonly english: readonly string[];
  readonly dev: readonly DevQuestion[];
  /** Questions for /ask: the dev set, English questions and French questions on topics of the corpus. */
  readonly ask: readonly string[];
  readonly autocomplete: readonly string[];
}

/**
 * Counts, chosen so that each p99 rests on 100+ timings and the default run stays under 10 minutes: MiniSearch
 * takes about a second per known-item query (a whole heading) at 33,688 articles.
 */
const TOPIC = 300;
const KNOWN_ITEM = 100;
const TYPO = 100;
const FRENCH_QUESTIONS = 50;
const AUTOCOMPLETE = 200;

/** English questions a user of a French news archive might ask (the engine translates through its glossary). */
const ENGLISH = [
  'Who won the presidential election?',
  'What did the government announce about pension reform?',
  'How many people died on the roads in May?',
  'When will the lockdown end?',
  'Why are the farmers protesting?',
  'What did the president say about the economy?',
  'Where did the attack take place?',
  'How many cases of coronavirus were recorded?',
  'Who is the new prime minister?',
  'What is the unemployment rate?',
  'When is the next election?',
  'Why did the strike start?',
  'What happened at the climate summit?',
  'How much will the minimum wage increase?',
  'Who was arrested by the police?',
  'What are the new rules for schools?',
  'When did the fire start?',
  'How many migrants arrived in Italy?',
  'What did the European Union decide on sanctions?',
  'Who is the NATO secretary general?',
  'Where will the talks take place?',
  'How many soldiers are at the border?',
  'What did the minister of health say about vaccines?',
  'Why did the price of fuel rise?',
  'Who won the football match?',
  'What is the budget deficit?',
  'When will the trial begin?',
  'How many jobs were cut?',
  'What did the court decide?',
  'Who leads the opposition?',
];

const QUESTION_STARTS = ['Quand', 'Pourquoi', 'Combien', 'Qui', 'Où', 'Que sait-on de'];

/** Words of a title worth searching: 4+ letters, not function words, elided particle removed. */
function contentWords(title: string): string[] {
  const words = title.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
  return words
    .map((w) => w.replace(/^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]/iu, ''))
    .filter((w) => w.length >= 4 && !isStopword(foldAccents(w)) && !/^\p{N}+$/u.test(w));
}

/** One typing mistake in the longest word of 6+ letters: a letter dropped, two swapped or one replaced. */
function withTypo(query: string, rand: () => number): string | undefined {
  const words = query.split(' ');
  let best = -1;
  words.forEach((w, i) => {
    if (w.length >= 6 && (best < 0 || w.length > (words[best] as string).length)) best = i;
  });
  if (best < 0) return undefined;
  const w = words[best] as string;
  const at = 1 + Math.floor(rand() * (w.length - 2));
  const kind = Math.floor(rand() * 3);
  const typo =
    kind === 0
      ? w.slice(0, at) + w.slice(at + 1)
      : kind === 1
        ? w.slice(0, at) + (w[at + 1] ?? '') + (w[at] ?? '') + w.slice(at + 2)
        : w.slice(0, at) + 'aeiourstnl'[Math.floor(rand() * 10)] + w.slice(at + 1);
  if (typo === w) return undefined;
  words[best] = typo;
  return words.join(' ');
}

/** The queries for one size: drawn from the articles of that size only, with a fixed seed. */
export function makeQueries(articles: readonly BenchArticle[], dev: readonly DevQuestion[], seed: number): QuerySet {
  const rand = random(seed);
  const real = articles.filter((a) => a.real);
  const picks = shuffle([...real], rand);
  const topic: string[] = [];
  for (const a of picks) {
    if (topic.length >= TOPIC) break;
    const words = contentWords(a.title);
    if (words.length < 2) continue;
    const n = Math.min(words.length, 2 + Math.floor(rand() * 2));
    const chosen = shuffle(words.map((_, i) => i), rand).slice(0, n).sort((x, y) => x - y);
    topic.push(chosen.map((i) => words[i]).join(' '));
  }
  const knownItem = shuffle([...real], rand)
    .slice(0, KNOWN_ITEM)
    .map((a) => ({ query: a.heading ?? a.title, id: a.id }));
  const typo: string[] = [];
  for (const q of topic) {
    if (typo.length >= TYPO) break;
    const t = withTypo(q, rand);
    if (t) typo.push(t);
  }
  const french = topic.slice(0, FRENCH_QUESTIONS).map((q, i) => `${QUESTION_STARTS[i % QUESTION_STARTS.length]} ${q} ?`);
  const autocomplete: string[] = [''];
  for (const a of shuffle([...real], rand)) {
    if (autocomplete.length >= AUTOCOMPLETE) break;
    const r = rand();
    if (r < 0.05) autocomplete.push(a.id.slice(0, 4 + Math.floor(rand() * 6)));
    else autocomplete.push(a.title.slice(0, 1 + Math.floor(rand() * Math.min(30, a.title.length))));
  }
  return {
    topic,
    knownItem,
    typo,
    english: ENGLISH,
    dev,
    ask: [...dev.map((d) => d.question), ...ENGLISH, ...french],
    autocomplete,
  };
}
