/** @module Small helpers for the plain-words text of signals and briefs. */

/** "1 agent reply", "3 agent replies", "2 messages". */
export function plural(n: number, word: string): string {
  if (n === 1) return `${n} ${word}`;
  return `${n} ${/[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`}`;
}
