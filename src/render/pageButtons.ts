import type { Action } from './Action.js';
import type { Messages } from './messages.js';
import type { ReplyButton } from './Reply.js';

/**
 * ◀ ▶ buttons for page `index` of `count`, or none when everything fits on one page. At either end the button is
 * shown disabled (its target page clamped), so the pair never moves under the user's thumb and ids stay unique.
 */
export function pageButtons(index: number, count: number, at: (page: number) => Action, t: Messages): ReplyButton[] {
  if (count <= 1) return [];
  return [
    { action: at(Math.max(index - 1, 0)), label: t.previous, emoji: '◀️', disabled: index === 0 },
    { action: at(Math.min(index + 1, count - 1)), label: t.next, emoji: '▶️', disabled: index >= count - 1 },
  ];
}
