/**
 * @module Moves flagged spans from the text the coach read to the text in the box now. The coach trails typing by a
 * frame; between the two, spans before the edit stay, spans after it shift, and spans the edit touched are dropped.
 */

export interface TextSpan {
  start: number;
  end: number;
}

export function rebaseSpans<S extends TextSpan>(spans: readonly S[], from: string, to: string): S[] {
  if (from === to) return [...spans];
  let prefix = 0;
  const max = Math.min(from.length, to.length);
  while (prefix < max && from.charCodeAt(prefix) === to.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    from.charCodeAt(from.length - 1 - suffix) === to.charCodeAt(to.length - 1 - suffix)
  ) {
    suffix++;
  }
  const editEnd = from.length - suffix;
  const delta = to.length - from.length;
  const out: S[] = [];
  for (const span of spans) {
    if (span.end <= prefix) out.push(span);
    else if (span.start >= editEnd) out.push({ ...span, start: span.start + delta, end: span.end + delta });
  }
  return out;
}

/**
 * Replaces a flagged span with its rewrite. The span is looked up where the coach saw it, or else the first place
 * its text occurs, so a rewrite still applies after a few more keystrokes; null when the text is gone.
 */
export function applyRewrite(
  text: string,
  span: { start: number; end: number; text: string },
  replacement: string,
): string | null {
  let start = span.start;
  if (text.slice(span.start, span.end) !== span.text) {
    start = text.indexOf(span.text);
    if (start < 0 || span.text === "") return null;
  }
  const before = text.slice(0, start);
  let after = text.slice(start + span.text.length);
  // A rewrite that ends a sentence should not leave ". ." behind, nor glue words together.
  if (replacement === "" && before.endsWith(" ") && after.startsWith(" ")) after = after.slice(1);
  return before + replacement + after;
}
