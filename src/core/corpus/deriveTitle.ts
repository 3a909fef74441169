/**
 * Titles for articles whose files carry none. The first paragraph may be a headline, a photo caption, a quotation
 * whose speaker is only "il", or the lede; search results and citations need a short, readable line in every case.
 */
import { splitSentences } from '../text/splitSentences.js';
import { isCaption } from './isCaption.js';

/** Discord embeds and result lists show titles on one line; longer ones are cut. */
export const MAX_TITLE_LENGTH = 120;
/** A compressed title shorter than this (in characters or words) no longer says what happened. */
const MIN_TITLE_CHARS = 30;
const MIN_TITLE_WORDS = 5;
/**
 * A cut at a weak boundary (a conjunction, a comma, a preposition) must keep at least this much: before it, such
 * boundaries often end an adverbial ("Le visage recouvert de poussière blanche et …") rather than the main clause.
 */
const MIN_WEAK_CUT_CHARS = 60;
/** A headline is one line without a final full stop; longer "headlines" are prose that lost its full stop. */
const MAX_HEADLINE_CHARS = 160;
/** Fewer words than this is a fragment ("La raison ?"), not a sentence that can stand as a title. */
const MIN_SENTENCE_WORDS = 5;
/** From this many words on, a sentence is taken to have a verb without checking. */
const LONG_SENTENCE_WORDS = 12;
/** A date alone: "25 juin", "Lundi 25 juin 2020", "le 1er mai". */
const DATELINE = new RegExp(
  '^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|le|du|au|\\d{1,4}(?:er)?|janvier|février|mars|' +
    'avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)[\\s,./-]*)+$',
  'iu',
);
/** "Il fut…", "Ils ont élu domicile…": whoever "il" is was named before; such a sentence is a title of last resort. */
const PRONOUN_SUBJECT = /^(?:il|elle|ils|elles)\s+(?!y\s)/iu;

const OPENING_QUOTE = /^[«"“„‹—–-]/u;
/** "a-t-il déclaré", "ont-ils ajouté", "estime-t-elle", "selon lui": whoever speaks is named elsewhere. */
const PRONOUN_SPEAKER = new RegExp(
  '(?:-t-|-)(?:il|elle|ils|elles|on)(?![\\p{L}])|(?<![\\p{L}])selon (?:lui|elle|eux|elles)(?![\\p{L}])',
  'iu',
);

/** Verbs that introduce who said or reported something: ", a déclaré X", ", rapporte Le Parisien". */
const SPEECH_VERBS =
  'déclaré|dit|annoncé|indiqué|affirmé|ajouté|expliqué|précisé|souligné|estimé|assuré|confié|rapporté|raconté|' +
  'confirmé|déploré|dénoncé|regretté|insisté|martelé|lancé|répondu|réagi|commenté|jugé|prévenu|averti|rappelé|' +
  'reconnu|admis|écrit|tweeté|twitté|publié|relevé|noté|observé|constaté|appris|révélé|signalé|fait savoir|' +
  'poursuivi|conclu|résumé|ironisé|détaillé|plaidé|promis|menacé|critiqué|salué|démenti|soutenu|' +
  'argué|avancé|interrogé|déclarait|disait|annonçait|indiquait|expliquait|précisait|estimait|assurait';
const SPEECH_PRESENT =
  'déclare|dit|annonce|indique|affirme|ajoute|explique|précise|souligne|estime|assure|confie|rapporte|raconte|' +
  'confirme|déplore|dénonce|regrette|insiste|martèle|lance|répond|réagit|commente|juge|prévient|avertit|rappelle|' +
  'reconnaît|admet|écrit|tweete|publie|relève|note|observe|constate|révèle|signale|fait savoir|poursuit|conclut|' +
  'résume|ironise|détaille|plaide|promet|menace|critique|salue|dément|soutient|avance|selon|d[’\']après';
/**
 * An attribution that ends a sentence: ", a annoncé lundi le plus haut diplomate russe", ", a-t-il ajouté",
 * ", rapporte Ouest-France", ", selon les chiffres publiés lundi". Headlines drop it.
 */
const INVERTED_PRONOUN = '(?:-t-(?:il|elle|on)|-(?:ils|elles))?';
const TRAILING_ATTRIBUTION = new RegExp(
  `,\\s+(?:(?:a|ont|avait|avaient|aurait|auraient)${INVERTED_PRONOUN}\\s+(?:\\p{Ll}+\\s+){0,2}?(?:${SPEECH_VERBS})` +
    `|(?:${SPEECH_PRESENT})${INVERTED_PRONOUN})(?![\\p{L}])`,
  'gu',
);
/** The same attribution right after a closing quotation mark: « … », a déclaré X. */
const LEADING_ATTRIBUTION_AFTER_QUOTE = new RegExp(`^${TRAILING_ATTRIBUTION.source}`, 'u');
/** "Mais …", "Pourtant, …": a link to the previous sentence, meaningless at the head of a title. */
const LEADING_CONNECTIVE = new RegExp(
  '^(?:mais|et|or|donc|pourtant|cependant|toutefois|néanmoins|ainsi|enfin|aussi|en effet|par ailleurs|de plus|' +
    'en outre|du coup|bref)(?:\\s*,\\s*|\\s+)(?=\\S)',
  'iu',
);
/** "Selon Le Parisien, …", "D'après la police, …": an attribution that opens the sentence. */
const LEADING_ATTRIBUTION = /^(?:selon|d['’]après)\s[^,]{2,60},\s+/iu;

/**
 * Clause boundaries where a long sentence can be cut into a headline, most natural first: what comes after them is
 * a second clause, a relative clause, an aside or an attribution, and what comes before still says what happened.
 */
const PRIMARY_BOUNDARIES = new RegExp(
  '\\s[–—]\\s|\\s-\\s|\\s?;\\s|\\s?:\\s(?![«"“])|\\s\\(|,\\s+(?:mais|qui|dont|où|et|alors que|tandis que|car|puis|' +
    "tout en|avant de|après|afin de|pour|selon|malgré|soit|notamment|y compris|au lendemain|au moment où|lors d[eu']|" +
    'dans le cadre|en \\p{Ll}+ant|\\p{Ll}{3,}ant)(?![\\p{L}])',
  'gu',
);
/** Conjunctions without a comma: weaker boundaries, used (longest prefix first) when no primary one fits. */
const SECONDARY_BOUNDARIES = new RegExp(
  '\\s(?:alors que|tandis que|avant de|afin de|afin que|pour que|parce que|puisque|bien que|même si|lorsque|' +
    'sans que|car|mais|qui)(?![\\p{L}])',
  'gu',
);
/**
 * Finite verbs and auxiliaries common in news sentences. A cut that keeps none of them (and no other sign of a verb,
 * see `hasVerb`) kept only a subject ("Le bloc W16 8.0 litres suralimenté par quatre turbos") or an adverbial.
 */
const COMMON_VERBS = new Set(
  (
    'a ont avait avaient aura auront aurait auraient est sont était étaient sera seront serait seraient fut furent ' +
    'va vont allait allaient ira iront fait font faisait peut peuvent pouvait pourrait pourraient pourra doit ' +
    'doivent devait devrait devraient devra veut veulent voulait faut fallait faudra vient viennent venait reste ' +
    'restent semble semblent dit disent met mettent prend prennent rend rendent voit tient tiennent part sort ' +
    'annonce appelle lance estime affirme assure dénonce demande propose prévoit réclame refuse accuse menace ' +
    'confirme dément nie reconnaît salue condamne quitte rejoint devient reçoit obtient perd gagne signe publie ' +
    'révèle rappelle explique indique souligne critique défend soutient juge écrit répond arrive meurt décède tue ' +
    'blesse frappe touche présente envisage prépare promet tente cherche poursuit ouvre ferme suspend interdit ' +
    'autorise adopte vote lève baisse augmente recule progresse chute bondit grimpe atteint dépasse franchit ' +
    'remporte domine démissionne nomme limoge arrête interpelle inaugure lance livre vend achète rachète supprime ' +
    'crée coûte compte concerne permet risque existe manque passe porte mène tombe monte double triple divise ' +
    'relance renonce retire revient retrouve découvre sauve souhaite espère craint redoute avertit prévient ' +
    'exige impose offre offrent visent vise dorment affirment confirment estiment ferment forment aiment ' +
    'expriment suppriment réclament informent transforment'
  ).split(' '),
);
/** Nouns and adjectives with verb-like endings (-ent, -ait, -ra…), so that they do not pass for verbs. */
const NOT_VERBS = new Set(
  (
    'président parent accident argent agent client continent incident talent vent dent cent souvent récent ' +
    'différent précédent permanent urgent patient excellent évident adolescent résident serpent torrent ' +
    'équivalent absent présent compétent ardent innocent décent fréquent intelligent ingrédient occident ' +
    'orient coefficient lent violent laurent vincent clément prudent éminent imminent régent dirigeant ' +
    'lait fait trait portrait souhait attrait retrait extrait bienfait forfait méfait parfait abstrait distrait ' +
    'front affront caméra opéra choléra véra tiara sahara'
  ).split(' '),
);
/** Verb endings: imperfect/conditional (-ait, -aient), third person plural (-ent, not -ment), future (-ra, -ront). */
const VERB_ENDING = /(?:ait|aient|[^m]ent|ra|ront)$/u;

/**
 * The last resort before cutting at a word: any comma, a bare "et" (not between names: "Saint-Pierre et Miquelon"),
 * or a preposition opening a complement ("… un portrait-robot en 3D | pour tenter d'identifier …"). Used for the
 * longest prefix that fits.
 */
const WEAK_BOUNDARIES = new RegExp(
  ',\\s|\\set(?![\\p{L}])(?!\\s\\p{Lu})|\\s(?:pour|après|avant|lors d[eu\']|depuis|dans|sur|avec|contre|selon|malgré|' +
    'à cause|grâce|en raison|sans|chez|vers|jusqu[\'’]|parmi|au cours|au sein|afin|ainsi que)(?![\\p{L}])',
  'gu',
);
/** A sentence that opens with an adverbial phrase ("Malgré …", "Si …", "Après …") before its main clause. */
const LEADING_ADVERBIAL = new RegExp(
  "^(?:malgré|si|s['’]il|alors que|après|avant|pour|selon|d['’]après|en|dans|depuis|lors|face|quand|lorsqu['’e]|" +
    'comme|à|au|aux|sur|sous|outre|faute|grâce|afin|dès|pendant|parmi|contrairement|suite|tandis|bien que|' +
    'même si)(?![\\p{L}])',
  'iu',
);
/** Words a title must not end with after a cut: "…exigences de", "…la réunion et". */
const DANGLING = new RegExp(
  "(?:\\s+(?:de|du|des|d['’]|le|la|les|l['’]|un|une|et|ou|à|au|aux|en|pour|par|sur|dans|avec|que|qu['’]|qui|" +
    "dont|où|ce|cette|ces|son|sa|ses|leur|leurs|mais|ne|n['’]|se|s['’]|a|est|plus|très))+$",
  'iu',
);

/**
 * A readable title of at most MAX_TITLE_LENGTH characters from an article's paragraphs. A short first paragraph
 * without a final full stop is a headline and is used as is; captions are never used; a quotation whose speaker is
 * only a pronoun ("…», a-t-il déclaré") is skipped for the next prose sentence, one with a named speaker becomes
 * "Speaker : « … »"; a prose sentence is compressed at a clause boundary (trailing attributions dropped) and only cut
 * at a word boundary with "…" when no boundary fits. Never cuts mid-word. Returns '' only when there is no prose at
 * all (every paragraph empty or a caption): the caller then falls back to the article id.
 */
export function deriveTitle(paragraphs: readonly string[]): string {
  const prose = nonCaptionParagraphs(paragraphs);
  const first = prose.next().value;
  if (first === undefined) return '';
  if (isHeadline(first)) return first.length <= MAX_TITLE_LENGTH ? first : compress(first);

  // Sentences are split lazily: the title is nearly always in the first paragraph or two.
  const seen: string[] = [];
  const sentences = function* (): Generator<string> {
    for (let paragraph: string | undefined = first; paragraph !== undefined; paragraph = prose.next().value) {
      for (const { text } of splitSentences(paragraph)) {
        if (isCaption(text)) continue;
        seen.push(text);
        yield text;
      }
    }
  };
  for (const allowPronoun of [false, true]) {
    const pass = allowPronoun ? seen : sentences();
    for (const sentence of pass) {
      if (!allowPronoun && PRONOUN_SUBJECT.test(sentence)) continue;
      const quote = leadingQuotation(sentence);
      if (quote === undefined) {
        if (isStatement(sentence)) return compress(sentence);
      } else if (quote.speaker !== undefined) {
        return quotedTitle(quote.speaker, quote.span);
      }
    }
  }
  // only fragments and quotations without a named speaker: the least bad is the first real sentence
  const fallback = seen.find((s) => wordCount(s) >= MIN_SENTENCE_WORDS) ?? seen[0] ?? first;
  return compress(fallback);
}

/** The paragraphs that are not captions, spaces collapsed, lazily. */
function* nonCaptionParagraphs(paragraphs: readonly string[]): Generator<string, undefined> {
  for (const paragraph of paragraphs) {
    const p = collapseSpaces(paragraph);
    if (p !== '' && !isCaption(p)) yield p;
  }
  return undefined;
}

/** Short, no final full stop, a few words, not a quotation attributed to "il": the headline the archive kept. */
function isHeadline(paragraph: string): boolean {
  if (paragraph.length > MAX_HEADLINE_CHARS || /\.\s*$/u.test(paragraph)) return false;
  // "25 juin", "Lundi 25 juin 2020", "SONDAGE": a dateline or a rubric, not a headline
  if (wordCount(paragraph) < 3 || paragraph.length < 12 || DATELINE.test(paragraph)) return false;
  const quote = leadingQuotation(paragraph);
  return quote === undefined || quote.speaker !== undefined;
}

/**
 * A prose sentence fit to stand alone: not a dialogue line, not a fragment continuing the previous sentence, not a
 * verbless list ("Cumul des mandats, regroupement familial, burkini...").
 */
function isStatement(sentence: string): boolean {
  if (/^[—–-]/u.test(sentence) || /^\p{Ll}/u.test(sentence) || /^[(\[]/u.test(sentence)) return false;
  const words = wordCount(sentence);
  // a long sentence has a verb even when the cheap cues miss it
  return words >= MIN_SENTENCE_WORDS && (words >= LONG_SENTENCE_WORDS || hasVerb(sentence));
}

/**
 * Whether a clause has a finite verb, by cheap cues: an auxiliary or common verb, a verb ending, or a word after a
 * subject pronoun, "ne"/"n'" or "se"/"s'". Good enough to refuse a cut that leaves only a noun phrase.
 */
function hasVerb(text: string): boolean {
  const tokens = text
    .toLowerCase()
    .replace(/’/gu, "'")
    .split(/[\s,;:()«»"“”!?.]+/u)
    .filter((t) => t !== '');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (/^(?:s|n)'\p{L}/u.test(t)) return true; // s'est, n'a
    if (COMMON_VERBS.has(t)) return true;
    if (/^(?:il|elle|ils|elles|on|ne|se|nous|vous|je)$/u.test(t) && i + 1 < tokens.length) return true;
    if (t.length >= 5 && VERB_ENDING.test(t) && !NOT_VERBS.has(t)) return true;
  }
  return false;
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

interface LeadingQuotation {
  /** The quotation with its marks, verbatim: « … » or "…". */
  readonly span: string;
  /** The named speaker ("Sergueï Lavrov"), or undefined when only a pronoun or nobody says it. */
  readonly speaker: string | undefined;
}

const CLOSING: Readonly<Record<string, string>> = { '«': '»', '"': '"', '“': '”', '„': '“' };
const WEEKDAYS = /^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|ce|cette|matin|soir|midi|dernier)$/iu;
/** Lower-case words inside a name: "Charles de Gaulle", "Ursula von der Leyen". */
const NAME_PARTICLES = new Set(['de', 'du', 'des', "d'", 'von', 'van', 'der', 'den', 'da', 'di', 'el', 'al', 'bin']);

/**
 * A sentence that is a quotation followed by who said it: « … », a déclaré X. Quote-opened prose ("« Trembler »,
 * c'est le titre du livre…") is not one: after the closing mark there is more than an attribution.
 */
function leadingQuotation(sentence: string): LeadingQuotation | undefined {
  const open = sentence[0];
  const close = open === undefined ? undefined : CLOSING[open];
  if (close === undefined) return undefined;
  const end = sentence.indexOf(close, 1);
  if (end < 0) return { span: sentence, speaker: undefined };
  const span = sentence.slice(0, end + 1);
  const after = sentence.slice(end + 1).trim();
  if (after === '' || /^[.!?…]+$/u.test(after)) return { span, speaker: undefined };
  const attribution = LEADING_ATTRIBUTION_AFTER_QUOTE.exec(`, ${after.replace(/^,\s*/u, '')}`);
  if (!attribution) return undefined;
  if (PRONOUN_SPEAKER.test(after)) return { span, speaker: undefined };
  const rest = `, ${after.replace(/^,\s*/u, '')}`.slice(attribution[0].length);
  return { span, speaker: speakerName(rest) };
}

/**
 * The person named in an attribution's tail: the first full name ("le ministre russe … Sergueï Lavrov dans une
 * interview" → "Sergueï Lavrov"), or a single capitalised word right after the verb ("a déclaré Fomin").
 */
function speakerName(rest: string): string | undefined {
  const tokens = rest.replace(/[.,;:!?…»"”]+/gu, ' , ').split(/\s+/u).filter((t) => t !== '');
  // a capitalised word, not an acronym (CNBC, AFP: outlets rather than speakers)
  const isCap = (t: string): boolean => /^\p{Lu}[\p{L}'’-]*$/u.test(t) && !/^\p{Lu}+$/u.test(t.replace(/[-'’]/gu, ''));
  let i = 0;
  while (i < tokens.length && WEEKDAYS.test(tokens[i] as string)) i++;
  const firstToken = tokens[i];
  // a run of capitalised words, particles allowed inside: the first one with two words or more
  for (let k = 0; k < Math.min(tokens.length, 20); k++) {
    if (!isCap(tokens[k] as string)) continue;
    let j = k + 1;
    const run = [tokens[k] as string];
    while (j < tokens.length) {
      const t = tokens[j] as string;
      if (isCap(t)) run.push(t);
      else if (NAME_PARTICLES.has(t.toLowerCase()) && isCap(tokens[j + 1] ?? '')) run.push(t);
      else break;
      j++;
    }
    if (run.length >= 2) return run.join(' ');
    k = j - 1;
  }
  if (firstToken !== undefined && isCap(firstToken)) return firstToken;
  return undefined;
}

/** "Sergueï Lavrov : « C’est avec les Etats-Unis que… »", the quotation cut inside its marks when too long. */
function quotedTitle(speaker: string, span: string): string {
  const whole = `${speaker} : ${span}`;
  if (whole.length <= MAX_TITLE_LENGTH) return whole;
  const open = span[0] as string;
  const close = span[span.length - 1] as string;
  const spaced = open === '«';
  const inner = span.slice(1, -1).trim();
  const room = MAX_TITLE_LENGTH - speaker.length - 3 - (spaced ? 4 : 2) - 1;
  const cut = room >= MIN_TITLE_CHARS ? wordPrefix(inner, room) : '';
  if (cut === '' || openQuoteCloser(cut) !== '') return compress(span);
  return spaced ? `${speaker} : ${open} ${cut}… ${close}` : `${speaker} : ${open}${cut}…${close}`;
}

/** Turns a sentence into a headline of at most MAX_TITLE_LENGTH characters (see `deriveTitle`). */
function compress(sentence: string): string {
  let text = collapseSpaces(sentence);
  text = dropLeadingAttribution(text);
  text = dropTrailingAttribution(text);
  text = stripFinalStop(text);
  const main = firstBoundaryCut(text);
  if (main !== undefined) return main;
  if (text.length <= MAX_TITLE_LENGTH) return text;
  const shorter = dropAsides(text);
  if (shorter !== text) return compress(shorter);
  return (
    longestBoundaryCut(text, SECONDARY_BOUNDARIES) ?? longestBoundaryCut(text, WEAK_BOUNDARIES, true) ?? cutAtWord(text)
  );
}

/**
 * A relative clause between commas (", qui anime tous les modèles depuis quinze ans,"), a parenthesis or an aside
 * between dashes: removing them keeps a sentence grammatical, and often brings its verb within the limit.
 */
const ASIDES = new RegExp(
  ',\\s+(?:qui|dont|où|lequel|laquelle|lesquels|lesquelles|auquel|duquel)\\s[^,;:()]*,\\s*' +
    '|\\s*\\([^()]*\\)|\\s[–—]\\s[^–—]*\\s[–—](?=\\s)',
  'gu',
);

/** The text without its asides (see ASIDES), found outside quotations. */
function dropAsides(text: string): string {
  let out = '';
  let last = 0;
  for (const m of maskQuoted(text).matchAll(ASIDES)) {
    out += text.slice(last, m.index) + (m[0].startsWith(',') ? ' ' : '');
    last = m.index + m[0].length;
  }
  return collapseSpaces(out + text.slice(last));
}

/** Collapses runs of ordinary whitespace; no-break spaces (as in "100 000") are kept. */
function collapseSpaces(text: string): string {
  // parsed articles are already collapsed: test before rewriting
  const t = /[\t\r\n\f\v]| {2}/u.test(text) ? text.replace(/[ \t\r\n\f\v]+/gu, ' ') : text;
  return t.trim();
}

/** Drops a leading connective ("Mais", "Pourtant,") and a leading "Selon X," when enough remains. */
function dropLeadingAttribution(text: string): string {
  const connective = LEADING_CONNECTIVE.exec(text);
  if (connective) {
    const rest = text.slice(connective[0].length);
    if (wordCount(rest) >= MIN_TITLE_WORDS && !OPENING_QUOTE.test(rest)) {
      text = rest.charAt(0).toUpperCase() + rest.slice(1);
    }
  }
  const m = LEADING_ATTRIBUTION.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length);
  if (wordCount(rest) < MIN_TITLE_WORDS || OPENING_QUOTE.test(rest)) return text;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Cuts ", a déclaré X" off the end, outside quotations, if what remains still makes a title. */
function dropTrailingAttribution(text: string): string {
  for (const m of maskQuoted(text).matchAll(TRAILING_ATTRIBUTION)) {
    const before = text.slice(0, m.index).trim();
    if (isTitleLongEnough(before)) return before;
  }
  return text;
}

/** Titles have no final full stop; "…", "?", "!" and an acronym's dots ("les U.S.A.") stay. */
function stripFinalStop(text: string): string {
  if (/(?:^|[\s(])(?:\p{Lu}\.)+$/u.test(text) || /\.\.\.$/u.test(text)) return text;
  return text.replace(/\s*\.$/u, '').trim();
}

/**
 * The shortest prefix ending at a primary boundary that still says what happened and fits MAX_TITLE_LENGTH: the
 * main clause. Boundaries inside quotations or brackets are ignored, so a title never leaves a « or ( open.
 */
function firstBoundaryCut(text: string): string | undefined {
  for (const m of maskQuoted(text).matchAll(PRIMARY_BOUNDARIES)) {
    const prefix = trimCut(text.slice(0, m.index));
    if (prefix.length > MAX_TITLE_LENGTH) return undefined;
    if (isTitleLongEnough(prefix) && !DANGLING.test(prefix) && hasVerb(prefix)) return prefix;
  }
  return undefined;
}

/**
 * The longest prefix that fits, ending at one of the weaker boundaries: a subordinate conjunction, a comma, a
 * preposition. A comma right after a leading adverbial ("Malgré la création de son mouvement, …") is not a cut: the
 * main clause comes after it.
 */
function longestBoundaryCut(text: string, boundaries: RegExp, skipLeadingAdverbial = false): string | undefined {
  let best: string | undefined;
  for (const m of maskQuoted(text).matchAll(boundaries)) {
    const prefix = trimCut(text.slice(0, m.index));
    if (prefix.length > MAX_TITLE_LENGTH) break;
    if (prefix.length < MIN_WEAK_CUT_CHARS || !isTitleLongEnough(prefix) || DANGLING.test(prefix)) continue;
    if (!hasVerb(prefix)) continue;
    if (skipLeadingAdverbial && LEADING_ADVERBIAL.test(prefix) && !prefix.includes(',')) continue;
    best = prefix;
  }
  return best;
}

function trimCut(prefix: string): string {
  return prefix.replace(/[\s,;:–—-]+$/u, '').trim();
}

function isTitleLongEnough(prefix: string): boolean {
  return prefix.length >= MIN_TITLE_CHARS && wordCount(prefix) >= MIN_TITLE_WORDS;
}

/**
 * Cuts at the last word boundary so that the text plus "…" fits in `max` characters, never mid-word, without a
 * dangling article or preposition; closes a « left open.
 */
function cutAtWord(text: string, max = MAX_TITLE_LENGTH): string {
  let cut = wordPrefix(text, max - 1);
  let closer = openQuoteCloser(cut);
  const opening = closer === '' ? -1 : Math.max(cut.lastIndexOf('«'), cut.lastIndexOf('"'));
  if (opening > 0 && wordCount(cut.slice(opening)) < 3 && isTitleLongEnough(trimCut(cut.slice(0, opening)))) {
    // `… était "à…"`: a quotation cut after a word or two says nothing; end before it instead
    return `${wordPrefix(cut.slice(0, opening).trim(), max - 1)}…`;
  }
  if (closer !== '') {
    cut = wordPrefix(cut, max - 1 - closer.length);
    closer = openQuoteCloser(cut);
  }
  return `${cut}…${closer}`;
}

/** The longest prefix of at most `room` characters that ends at a word boundary, minus dangling small words. */
function wordPrefix(text: string, room: number): string {
  if (text.length <= room) return trimCut(text.replace(DANGLING, ''));
  const window = text.slice(0, room + 1);
  const lastSpace = window.search(/\s\S*$/u);
  const cut = lastSpace > 0 ? window.slice(0, lastSpace) : text.slice(0, room);
  return trimCut(cut.replace(DANGLING, ''));
}

/** The mark that closes a quotation left open by a cut: « … » or "…". */
function openQuoteCloser(text: string): string {
  if ((text.match(/«/gu) ?? []).length > (text.match(/»/gu) ?? []).length) return ' »';
  return (text.match(/"/gu) ?? []).length % 2 === 1 ? '"' : '';
}

/**
 * The text with what is inside «…», “…”, "…", (…) and […] replaced by spaces (the marks themselves kept, offsets
 * unchanged), so that boundaries and attributions are only looked for outside quotations and asides.
 */
function maskQuoted(text: string): string {
  return text.replace(
    /«[^»]*»|“[^”]*”|"[^"]*"|\([^)]*\)|\[[^\]]*\]/gu,
    (span) => span[0] + ' '.repeat(span.length - 2) + span[span.length - 1],
  );
}
