/** A highlighted span: `text.slice(start, end)` is a word the query matched. Renderers decide how to show it. */
export interface Mark {
  readonly start: number;
  readonly end: number;
}

/** Text with its highlighted spans, sorted and non-overlapping. */
export interface MarkedText {
  readonly text: string;
  readonly marks: readonly Mark[];
}

/** Sorts spans and merges those that overlap or touch across a single space, so renderers emit one run each. */
export function mergeMarks(marks: readonly Mark[], text: string): Mark[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Mark[] = [];
  for (const mark of sorted) {
    const last = merged[merged.length - 1];
    if (last && (mark.start <= last.end || /^[ \u00A0\u202F]$/u.test(text.slice(last.end, mark.start)))) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, mark.end) };
    } else {
      merged.push(mark);
    }
  }
  return merged;
}
