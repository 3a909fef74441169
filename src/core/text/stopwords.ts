import { foldAccents } from './foldAccents.js';

/**
 * French function words, compared after accent folding. Deliberately compact (about the Snowball list): larger
 * lists such as stopwords-iso drop words that matter in news (premier, deux, contre, depuis, avant, après, près).
 */
const FRENCH = `
au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma mais me même mes moi mon ne nos notre nous
on ou où par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l à m n s t y
été étée étées étés étant suis es est sommes êtes sont serai seras sera serons serez seront serais serait serions
seriez seraient étais était étions étiez étaient fus fut fûmes fûtes furent sois soit soyons soyez soient fusse
fusses fût fussions fussiez fussent ayant eu eue eues eus ai as avons avez ont aurai auras aura aurons aurez auront
aurais aurait aurions auriez auraient avais avait avions aviez avaient eut eûmes eûtes eurent aie aies ait ayons
ayez aient eusse eusses eût eussions eussiez eussent ceci cela celà cet cette ici ils les leurs quel quels quelle
quelles sans soi a aussi donc or ni car dont lequel laquelle lesquels lesquelles duquel auquel auxquels celle celui
ceux celles ça comme si tout tous toute toutes très plus moins bien elles entre chez vers parmi lors
`;

/** Words that only glue a question together: they name what is asked, not what to look for. */
const QUESTION_ONLY = `
quand combien pourquoi comment quoi est-ce lieu date jour jours année années annee moment endroit
raison ville pays personne fait faire dire dit qu’est-ce
`;

const toSet = (list: string): ReadonlySet<string> =>
  new Set(list.split(/\s+/).filter(Boolean).map((w) => foldAccents(w)));

const FRENCH_STOPWORDS = toSet(FRENCH);
const QUESTION_STOPWORDS = toSet(QUESTION_ONLY);

/** True for a French function word. Expects a folded word (see `foldAccents`). */
export function isStopword(folded: string): boolean {
  return FRENCH_STOPWORDS.has(folded);
}

/** True for words that, in a question, only say what kind of answer is wanted ("quand", "lieu", "date"…). */
export function isQuestionStopword(folded: string): boolean {
  return QUESTION_STOPWORDS.has(folded);
}
