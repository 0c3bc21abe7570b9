/**
 * @module Distinct strings met while reading one text (a sentence's stems, a reply's): a text holds a handful, so a
 * short list beats a table lookup; past a few dozen (a pasted wall of text) they move to a set, so a check stays
 * linear in the text's length.
 */

const SHORT_LIST = 32;

export class FirstSeen {
  readonly #few: string[] = [];
  #many: Set<string> | null = null;

  /** Forgets every string met (the next text starts). */
  clear(): void {
    this.#few.length = 0;
    this.#many = null;
  }

  /** Whether `s` was not met since the last `clear`; it counts as met from now on. */
  first(s: string): boolean {
    if (this.#many) {
      if (this.#many.has(s)) return false;
      this.#many.add(s);
      return true;
    }
    if (this.#few.includes(s)) return false;
    this.#few.push(s);
    if (this.#few.length > SHORT_LIST) this.#many = new Set(this.#few);
    return true;
  }
}
