import type { Locale } from './Reply.js';

/** Every user-facing sentence, in both languages. A key missing in one language fails the type check. */
const fr = {
  searchTitle: (query: string) => `Recherche : ${query}`,
  searchIntro: (total: number) => (total === 1 ? '1 article trouvé' : `${total} articles trouvés`),
  searchNone: (query: string) => `Aucun article ne correspond à « ${query} ».`,
  searchNoneHint: 'Essayez d’autres mots, moins de mots, ou élargissez les dates.',
  excerptsTitle: 'Autres extraits',
  excerptsIntro: (total: number) => (total === 1 ? '1 extrait trouvé' : `${total} extraits trouvés`),
  askTitle: (question: string) => question,
  askNotFound: 'Je n’ai pas trouvé de réponse à cette question dans les articles.',
  askNotFoundHint: 'Voici les articles les plus proches :',
  askNothingClose: 'Aucun article ne s’en approche.',
  closestArticles: 'Articles les plus proches',
  sources: 'Sources',
  openArticle: 'Ouvrir l’article',
  moreExcerpts: 'Plus d’extraits',
  previous: 'Précédent',
  next: 'Suivant',
  summary: 'Résumé',
  readFullText: 'Lire le texte intégral',
  firstExcerpt: 'Premier extrait',
  articleText: (page: number, count: number) => `Texte intégral, page ${page}/${count}`,
  articleUnknown: (id: string) => `Je ne connais pas d’article « ${id} ».`,
  didYouMean: 'Vouliez-vous dire :',
  page: (index: number, count: number) => `Page ${index}/${count}`,
  paragraph: (n: number) => `§${n}`,
  queryEmpty: 'La requête ne contient aucun mot à chercher.',
  queryTruncated: 'Requête raccourcie pour tenir dans les boutons.',
  staleButton: 'Ce bouton ne correspond plus aux articles disponibles. Relancez la commande.',
  outdatedButton: 'Ce bouton vient d’une ancienne version du bot. Relancez la commande.',
  pageOutOfRange: (count: number) => `Cette page n’existe plus (${count} page(s) en tout). Relancez la commande.`,
  errorTitle: 'Impossible',
  nothingTitle: 'Rien trouvé',
  internalError: 'Une erreur inattendue est survenue. Elle a été enregistrée ; réessayez dans un instant.',
  cooldown: (seconds: number) => `Doucement : réessayez dans ${seconds} s.`,
  badDate: (option: string, value: string) => `« ${value} » n’est pas une date pour ${option} (AAAA, AAAA-MM ou AAAA-MM-JJ).`,
  shuttingDown: 'Le bot redémarre ; réessayez dans un instant.',
  unknownCommand: 'Commande inconnue : les commandes du bot ont peut-être changé. Réessayez dans un instant.',
  aboutTitle: 'Veille — à propos',
  aboutArticles: 'Articles',
  aboutRange: 'Période couverte',
  aboutVersion: 'Version',
  aboutEmpty: 'aucun article',
  helpTitle: 'Veille — aide',
  helpIntro: 'Veille répond à partir des articles de l’archive, en les citant. Rien n’est inventé.',
} as const;

type Messages = { readonly [K in keyof typeof fr]: (typeof fr)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const en: Messages = {
  searchTitle: (query) => `Search: ${query}`,
  searchIntro: (total) => (total === 1 ? '1 article found' : `${total} articles found`),
  searchNone: (query) => `No article matches “${query}”.`,
  searchNoneHint: 'Try other words, fewer words, or a wider date range.',
  excerptsTitle: 'More excerpts',
  excerptsIntro: (total) => (total === 1 ? '1 excerpt found' : `${total} excerpts found`),
  askTitle: (question) => question,
  askNotFound: 'I found no answer to this question in the articles.',
  askNotFoundHint: 'Here are the closest articles:',
  askNothingClose: 'No article comes close.',
  closestArticles: 'Closest articles',
  sources: 'Sources',
  openArticle: 'Open article',
  moreExcerpts: 'More excerpts',
  previous: 'Previous',
  next: 'Next',
  summary: 'Summary',
  readFullText: 'Read the full text',
  firstExcerpt: 'First excerpt',
  articleText: (page, count) => `Full text, page ${page}/${count}`,
  articleUnknown: (id) => `I know no article “${id}”.`,
  didYouMean: 'Did you mean:',
  page: (index, count) => `Page ${index}/${count}`,
  paragraph: (n) => `¶${n}`,
  queryEmpty: 'The query has no word to search for.',
  queryTruncated: 'Query shortened to fit in the buttons.',
  staleButton: 'This button no longer matches the articles available. Run the command again.',
  outdatedButton: 'This button comes from an older version of the bot. Run the command again.',
  pageOutOfRange: (count) => `This page no longer exists (${count} page(s) in all). Run the command again.`,
  errorTitle: 'Cannot do that',
  nothingTitle: 'Nothing found',
  internalError: 'Something unexpected went wrong. It has been logged; please try again in a moment.',
  cooldown: (seconds) => `Easy: try again in ${seconds} s.`,
  badDate: (option, value) => `“${value}” is not a date for ${option} (YYYY, YYYY-MM or YYYY-MM-DD).`,
  shuttingDown: 'The bot is restarting; try again in a moment.',
  unknownCommand: 'Unknown command: the bot’s commands may have changed. Try again in a moment.',
  aboutTitle: 'Veille — about',
  aboutArticles: 'Articles',
  aboutRange: 'Dates covered',
  aboutVersion: 'Version',
  aboutEmpty: 'no article',
  helpTitle: 'Veille — help',
  helpIntro: 'Veille answers from the articles of the archive, quoting them. Nothing is made up.',
};

export type { Messages };

/** The messages of a locale. */
export function messages(locale: Locale): Messages {
  return locale === 'en' ? en : fr;
}

/** Discord's locale codes → ours: `fr` is French, `en-US`/`en-GB` English, anything else French (the archive's language). */
export function localeOf(discordLocale: string | undefined | null): Locale {
  return discordLocale?.startsWith('en') ? 'en' : 'fr';
}
