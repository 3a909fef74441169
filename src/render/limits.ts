/**
 * Discord's limits (see the notes on Discord), in one place. Replies are built to fit them by design: builders size
 * pages with these, and renderers cut to them as a last resort.
 */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  buttonLabel: 80,
  buttonsPerRow: 5,
  actionRows: 5,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/**
 * How much article text one page shows: well under the embed description (4096) so that headings, citations and
 * highlight markup fit, and the whole embed stays under 6000 with its fields.
 */
export const PAGE_TEXT_BUDGET = 3000;
/** Search results per page. */
export const RESULTS_PER_PAGE = 5;
/** Characters of excerpt per search result (5 per page within the page budget). */
export const EXCERPT_BUDGET = 400;
