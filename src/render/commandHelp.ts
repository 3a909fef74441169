import type { Locale } from './Reply.js';

/** A command as /help presents it. The Discord definitions and the console share these texts. */
export interface CommandHelp {
  readonly usage: string;
  readonly description: string;
  readonly example: string;
}

const HELP: Readonly<Record<Locale, readonly CommandHelp[]>> = {
  fr: [
    { usage: '/ask <question>', description: 'Répond en citant les articles, ou dit qu’il n’a rien trouvé.', example: '/ask Où auront lieu les discussions du 10 janvier ?' },
    { usage: '/search <mots> [--from AAAA-MM-JJ] [--to AAAA-MM-JJ]', description: 'Cherche des articles ; extraits surlignés, 5 par page.', example: '/search pourparlers Genève --from 2022-01' },
    { usage: '/article <id ou titre>', description: 'Résumé d’un article, puis son texte page par page.', example: '/article 003_6a0b143d3fa07a1a' },
    { usage: '/timeline [mots] [--from DATE] [--to DATE]', description: 'Les événements datés dans l’ordre, jour par jour, avec leurs sources.', example: '/timeline Genève --from 2022-01' },
    { usage: '/digest [date]', description: 'Le point d’un jour : événements datés de ce jour et articles du jour.', example: '/digest 10 janvier' },
    { usage: '/help', description: 'Cette aide.', example: '/help' },
  ],
  en: [
    { usage: '/ask <question>', description: 'Answers by quoting the articles, or says it found nothing.', example: '/ask Where will the January 10 talks take place?' },
    { usage: '/search <words> [--from YYYY-MM-DD] [--to YYYY-MM-DD]', description: 'Finds articles; highlighted excerpts, 5 a page.', example: '/search talks Geneva --from 2022-01' },
    { usage: '/article <id or title>', description: 'An article’s summary, then its full text page by page.', example: '/article 003_6a0b143d3fa07a1a' },
    { usage: '/timeline [words] [--from DATE] [--to DATE]', description: 'Dated events in order, day by day, with their sources.', example: '/timeline Geneva --from 2022-01' },
    { usage: '/digest [date]', description: 'The news of a day: events dated that day and the day’s articles.', example: '/digest January 10' },
    { usage: '/help', description: 'This help.', example: '/help' },
  ],
};

/** The commands with an example each, in the user's language. */
export function commandHelp(locale: Locale): readonly CommandHelp[] {
  return HELP[locale];
}
