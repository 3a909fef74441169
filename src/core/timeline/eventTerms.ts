import { MONTHS, WEEKDAYS } from '../answer/lexicon.js';
import { analyze, analyzeTerms } from '../text/analyze.js';
import type { DatedEvent } from './DatedEvent.js';

/**
 * Words that every dated sentence may share without being about the same thing: date words (two reports of one
 * event write its date differently: "lundi 10 janvier", "le 10"), verbs of saying ("a déclaré", "a annoncé",
 * "selon"), which news puts in almost every sentence, and adverbs and agency names. Stems, as `analyzeTerms` gives
 * them.
 */
const NOISE = new Set(
  analyzeTerms(
    [
      ...MONTHS,
      ...WEEKDAYS,
      'hier demain aujourd’hui semaine mois année an dernier dernière prochain prochaine matin soir jour',
      'déclaré déclare annoncé annonce indiqué indique affirmé affirme expliqué explique précisé précise ajouté ajoute',
      'estimé estime assuré assure confirmé confirme rapporté rapporte souligné souligne selon dit dire déclaration',
      'communiqué porte-parole',
      // adverbs and agencies: they say how or by whom something was reported, not what happened
      'notamment auparavant peu également ainsi encore déjà toujours aussi désormais actuellement récemment',
      'finalement environ près plus moins très afp reuters ap agence source sources sujet',
    ].join(' '),
  ),
);

/**
 * The terms that say what an event is about, for telling whether two reports describe the same event: the
 * sentence's analysed terms without those of the date expression itself, date words and verbs of saying.
 */
export function eventTerms(event: Pick<DatedEvent, 'text' | 'mention'>): string[] {
  const at = event.text.indexOf(event.mention);
  const from = at < 0 ? -1 : at;
  const to = at < 0 ? -1 : at + event.mention.length;
  const out: string[] = [];
  for (const t of analyze(event.text)) {
    if (t.start < to && t.end > from) continue;
    if (NOISE.has(t.term) || /^\d{1,2}$/u.test(t.term)) continue;
    out.push(t.term);
  }
  return out;
}
