import { foldAccents } from '../text/foldAccents.js';

/*
 * Word lists and small text helpers shared by the question classifier and the candidate finder. They live in one
 * place so that "what counts as a French function word" or "what is a country" has a single answer.
 * Every list is general French / world knowledge, not vocabulary taken from the sample articles.
 */

/** Letters, marks and digits: what a word is made of. Used to build Unicode-aware word boundaries. */
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
/** Regex source for "no word character before" (JavaScript's `\b` is ASCII-only, so `\bà` never matches). */
export const WORD_START = `(?<!${WORD_CHAR})`;
/** Regex source for "no word character after". */
export const WORD_END = `(?!${WORD_CHAR})`;

const APOSTROPHES = /[’ʼ‘´`′]/;
const DASHES = /[‐‑]/;

/**
 * Lower-cases, strips accents and unifies apostrophes (’ → ') and hyphens *without changing the string's length*,
 * so that a regex run on the folded text gives offsets that are valid in the original sentence. Characters whose
 * fold would change the length (œ → oe) are only lower-cased.
 */
export function foldSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    if (APOSTROPHES.test(ch)) {
      out += "'";
      continue;
    }
    if (DASHES.test(ch)) {
      out += '-';
      continue;
    }
    const folded = foldAccents(ch);
    if (folded.length === ch.length) out += folded;
    else {
      const lower = ch.toLowerCase();
      out += lower.length === ch.length ? lower : ch;
    }
  }
  return out;
}

/** Folds a word for dictionary look-ups (apostrophes unified, accents removed, lower case). */
export function foldWord(word: string): string {
  return foldAccents(word.replace(/[’ʼ‘´`′]/g, "'").replace(/[‐‑]/g, '-'));
}

/**
 * Builds a set of folded words from a whitespace-separated list, so that word lists can be written naturally (with
 * accents) and looked up with folded tokens (any spelling, with or without accents).
 */
export function wordSet(words: string): ReadonlySet<string> {
  return new Set(
    words
      .split(/\s+/)
      .filter((w) => w.length > 0)
      .map(foldWord),
  );
}

/**
 * French function words (articles, pronouns, prepositions, conjunctions, auxiliaries, common adverbs), folded.
 * A capitalised function word at the start of a sentence is not a name, and a function word after a number is
 * not the thing being counted.
 */
export const FRENCH_FUNCTION_WORDS: ReadonlySet<string> = wordSet(`
  le la les l' un une des du de d' au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos
  leur leurs quel quelle quels quelles lequel laquelle lesquels lesquelles dont qui que qu' quoi où
  je j' tu il elle on nous vous ils elles me m' te t' se s' lui eux y en soi moi toi celui celle ceux celles
  ceci cela ça c' celui-ci celle-ci ceux-ci celles-ci celui-là celle-là chacun chacune aucun aucune personne rien tout tous toute toutes autre autres même mêmes
  certain certaine certains certaines plusieurs quelques chaque nul nulle tel telle tels telles
  et ou mais donc or ni car si comme quand lorsque lorsqu' puisque puisqu' quoique quoiqu' parce
  à dans par pour sur sous avec sans chez entre vers contre depuis pendant durant avant après selon malgré
  dès hors parmi envers outre via jusqu' jusque près auprès lors face grâce afin concernant suivant
  ne n' pas plus moins très trop peu assez aussi ainsi alors puis ensuite enfin déjà encore toujours jamais
  souvent parfois désormais toutefois pourtant cependant néanmoins d'ailleurs ailleurs ici là voici voilà
  oui non bien mal mieux surtout notamment seulement également environ quasi presque beaucoup tant autant
  hier aujourd'hui demain maintenant actuellement récemment bientôt tard tôt longtemps
  est sont était étaient sera seront serait seraient été être fut furent soit soient sois
  a ont avait avaient aura auront aurait auraient eu avoir ai as avons avez eut
  va vont allait fait font faisait peut peuvent pouvait doit doivent devait faut
  comment pourquoi combien où quand
`);

/** Month names, folded. */
export const MONTHS: readonly string[] = [
  'janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre',
];

/** Weekday names, folded. */
export const WEEKDAYS: readonly string[] = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/**
 * Nouns naming a role or a relation held by a person ("le porte-parole", "le président", "sa femme"), folded.
 * A role before a capitalised word makes it a name ("le président Poutine"); "Qui est le porte-parole …" asks for
 * the person who holds the role.
 */
export const ROLE_NOUNS: ReadonlySet<string> = wordSet(`
  président présidente vice-président vice-présidente ministre vice-ministre ministre-président porte-parole
  secrétaire sous-secrétaire chef cheffe dirigeant dirigeante dirigeants directeur directrice patron patronne
  leader leadeur ambassadeur ambassadrice commandant commandante général amiral colonel capitaine lieutenant
  chancelier chancelière roi reine prince princesse émir cheikh sultan pape évêque archevêque cardinal patriarche
  imam rabbin ayatollah maire gouverneur gouverneure préfet préfète député députée sénateur sénatrice conseiller
  conseillère négociateur négociatrice représentant représentante émissaire envoyé envoyée médiateur médiatrice
  juge procureur procureure avocat avocate auteur autrice auteure responsable fondateur fondatrice pdg ceo
  successeur successeure prédécesseur vainqueur gagnant gagnante lauréat lauréate candidat candidate champion
  championne entraîneur entraîneuse sélectionneur rapporteur rapporteure commissaire haut-commissaire homologue
  dictateur opposant opposante militant militante journaliste correspondant correspondante analyste expert
  experte chercheur chercheuse professeur professeure premier première coordinateur coordinatrice délégué
  déléguée administrateur administratrice président-directeur tsar numéro héritier héritière porte-drapeau
  épouse époux femme mari fils fille père mère frère sœur soeur rival rivale adversaire allié alliée proche
  remplaçant remplaçante inspecteur inspectrice commissaire-priseur capitaine-général chef d'état-major
  vice-premier vice-chancelier président-élu présidente-élue directeur-général
`);

/** A place name with a flag saying whether it is a national capital (a capital can stand for its government). */
export interface PlaceName {
  readonly name: string;
  readonly capital: boolean;
}

/** Countries, continents and large regions, in French. */
const COUNTRIES_AND_REGIONS = `
  Afghanistan|Afrique du Sud|Albanie|Algérie|Allemagne|Andorre|Angola|Arabie saoudite|Argentine|Arménie|Australie|
  Autriche|Azerbaïdjan|Bahreïn|Bangladesh|Belgique|Bénin|Biélorussie|Bélarus|Birmanie|Bolivie|Bosnie-Herzégovine|
  Bosnie|Botswana|Brésil|Bulgarie|Burkina Faso|Burundi|Cambodge|Cameroun|Canada|Cap-Vert|Centrafrique|Chili|Chine|
  Chypre|Colombie|Comores|Congo|Corée du Nord|Corée du Sud|Corée|Costa Rica|Côte d'Ivoire|Croatie|Cuba|Danemark|
  Djibouti|Égypte|Émirats arabes unis|Équateur|Érythrée|Espagne|Estonie|États-Unis|Éthiopie|Finlande|France|Gabon|
  Gambie|Géorgie|Ghana|Grèce|Guatemala|Guinée|Haïti|Honduras|Hongrie|Inde|Indonésie|Irak|Iran|Irlande|Islande|
  Israël|Italie|Jamaïque|Japon|Jordanie|Kazakhstan|Kenya|Kirghizstan|Kosovo|Koweït|Laos|Lettonie|Liban|Liberia|
  Libye|Lituanie|Luxembourg|Macédoine du Nord|Macédoine|Madagascar|Malaisie|Malawi|Mali|Malte|Maroc|Mauritanie|
  Mexique|Moldavie|Monaco|Mongolie|Monténégro|Mozambique|Namibie|Népal|Nicaragua|Niger|Nigeria|Norvège|
  Nouvelle-Zélande|Oman|Ouganda|Ouzbékistan|Pakistan|Palestine|Panama|Paraguay|Pays-Bas|Pérou|Philippines|
  Pologne|Portugal|Qatar|République tchèque|République démocratique du Congo|Roumanie|Royaume-Uni|Russie|Rwanda|
  Salvador|Sénégal|Serbie|Singapour|Slovaquie|Slovénie|Somalie|Soudan du Sud|Soudan|Sri Lanka|Suède|Suisse|Syrie|
  Tadjikistan|Taïwan|Tanzanie|Tchad|Tchéquie|Thaïlande|Togo|Tunisie|Turkménistan|Turquie|Ukraine|Uruguay|
  Venezuela|Vietnam|Viêt Nam|Yémen|Zambie|Zimbabwe|Grande-Bretagne|Angleterre|Écosse|Pays de Galles|Groenland|
  Tibet|Gaza|Cisjordanie|Crimée|Donbass|Tchétchénie|Transnistrie|Abkhazie|Ossétie du Sud|Haut-Karabakh|Kurdistan|
  Sahel|Sahara|Balkans|Caucase|Europe|Asie|Afrique|Amérique latine|Amérique du Nord|Amérique du Sud|Amérique|
  Océanie|Antarctique|Arctique|Proche-Orient|Moyen-Orient|Maghreb|Scandinavie|URSS|Union soviétique|Corse|
  Bretagne|Normandie|Occitanie|Alsace|Provence|Guadeloupe|Martinique|Guyane|Mayotte|Nouvelle-Calédonie|Polynésie|
  Île-de-France|Hauts-de-France|Nouvelle-Aquitaine|Méditerranée|Pyrénées|Alpes|Sibérie|Donetsk|Louhansk|Lougansk
`;

/** National capitals (and Brussels, seat of the EU): these are also used for their governments ("Moscou exige"). */
const CAPITALS = `
  Paris|Londres|Berlin|Madrid|Rome|Bruxelles|Amsterdam|Vienne|Varsovie|Prague|Budapest|Bucarest|Sofia|Athènes|
  Lisbonne|Dublin|Oslo|Stockholm|Helsinki|Copenhague|Riga|Vilnius|Tallinn|Minsk|Kiev|Kyiv|Moscou|Ankara|Berne|
  Belgrade|Zagreb|Sarajevo|Tirana|Chisinau|Tbilissi|Erevan|Bakou|Astana|Washington|Ottawa|Mexico|Brasilia|
  Buenos Aires|Santiago|Lima|Bogota|Caracas|La Havane|Pékin|Tokyo|Séoul|Pyongyang|Taipei|Hanoï|Bangkok|Manille|
  Jakarta|New Delhi|Islamabad|Kaboul|Téhéran|Bagdad|Damas|Beyrouth|Amman|Jérusalem|Riyad|Doha|Abou Dhabi|
  Le Caire|Tripoli|Tunis|Alger|Rabat|Dakar|Bamako|Niamey|Ouagadougou|Abuja|Kinshasa|Nairobi|Addis-Abeba|Khartoum|
  Pretoria|Canberra|Wellington|Kigali|Luanda|Abidjan|Yamoussoukro|Nouakchott|N'Djamena|Mogadiscio|Sanaa|Mascate|
  Koweït City|Bichkek|Tachkent|Douchanbé|Achgabat|Oulan-Bator|Katmandou|Dacca|Colombo|Naypyidaw|Phnom Penh|
  Vientiane|Kuala Lumpur|Singapour|Bratislava|Ljubljana|Skopje|Podgorica|Pristina|Reykjavik|La Valette|Nicosie
`;

/** Other large cities that news cites as places (never as governments). */
const CITIES = `
  Lyon|Marseille|Toulouse|Nice|Nantes|Strasbourg|Montpellier|Bordeaux|Lille|Rennes|Reims|Toulon|Grenoble|Dijon|
  Brest|Le Havre|Calais|Ajaccio|Bastia|Saint-Étienne|Clermont-Ferrand|Rouen|Metz|Nancy|Tours|Perpignan|Avignon|
  Kharkiv|Kharkov|Odessa|Marioupol|Lviv|Dnipro|Kherson|Zaporijia|Saint-Pétersbourg|Sébastopol|Istanbul|Genève|
  Zurich|Munich|Francfort|Hambourg|Cologne|Milan|Naples|Barcelone|Séville|Porto|Anvers|Rotterdam|La Haye|
  Manchester|Birmingham|Glasgow|Édimbourg|New York|Los Angeles|Chicago|San Francisco|Miami|Houston|Boston|
  Montréal|Québec|Toronto|Vancouver|Rio de Janeiro|Sao Paulo|Shanghai|Hong Kong|Wuhan|Shenzhen|Canton|Osaka|
  Bombay|Calcutta|Karachi|Dubaï|Tel-Aviv|Tel Aviv|Alep|Mossoul|Benghazi|Casablanca|Marrakech|Lagos|Johannesburg|
  Le Cap|Sydney|Melbourne|Davos|Minneapolis|Bakhmout|Boutcha|Tchernobyl|Grozny|Idleb|Kandahar|Gao|Tombouctou|
  Amiens|Valenciennes|Orléans|Cannes|Angers|Le Mans|Limoges|Poitiers|Caen|Besançon|Mulhouse|Nîmes|Pau|Bayonne
`;

function placeList(source: string, capital: boolean): PlaceName[] {
  return source
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((name) => ({ name, capital }));
}

/** Countries, regions, capitals and big cities, as written in French. */
const PLACE_NAMES: readonly PlaceName[] = [
  ...placeList(COUNTRIES_AND_REGIONS, false),
  ...placeList(CAPITALS, true),
  ...placeList(CITIES, false),
];

const PLACE_INDEX: ReadonlyMap<string, PlaceName> = new Map(PLACE_NAMES.map((p) => [foldWord(p.name), p]));

/** Looks a place up by any spelling (accents optional, case-insensitive). */
export function lookUpPlace(name: string): PlaceName | undefined {
  return PLACE_INDEX.get(foldWord(name));
}
