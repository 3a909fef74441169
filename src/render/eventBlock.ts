import type { DatedEvent } from '../core/timeline/DatedEvent.js';
import type { ArticleIndex } from '../core/search/ArticleIndex.js';
import { foldAccents } from '../core/text/foldAccents.js';
import { citationOf } from './citationOf.js';
import type { Messages } from './messages.js';
import type { ReplyBlock } from './Reply.js';

/**
 * An event as a reply shows it: its sentence quoted with the date expression highlighted, tagged when it was only
 * planned, and cited from every article that reports it (sources whose article is gone are left out).
 */
export function eventBlock(event: DatedEvent, articles: ArticleIndex, t: Messages, heading?: string): ReplyBlock {
  const at = foldAccents(event.text).indexOf(foldAccents(event.mention));
  const sameLength = foldAccents(event.text).length === event.text.length;
  const citations = event.sources.flatMap((source) => {
    const article = articles.get(source.articleId);
    return article ? [citationOf(article, source.paragraph)] : [];
  });
  return {
    ...(heading ? { heading } : {}),
    ...(event.status === 'planned' ? { tag: t.planned } : {}),
    text: { text: event.text, marks: at >= 0 && sameLength && event.mention ? [{ start: at, end: at + event.mention.length }] : [] },
    quote: true,
    citations,
  };
}

/** Rough room a block takes once rendered: its text, heading and one citation line per source. */
export function blockCost(block: ReplyBlock): number {
  return block.text.text.length + (block.heading?.length ?? 0) + 140 * (block.citations?.length ?? 0) + 8;
}
