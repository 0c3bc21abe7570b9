/** @module Self-check of the reply problem lexicons: every pattern can match, weights are probabilities. */
import { describe, expect, it } from "vitest";
import { phraseSet } from "../detectors/reply/shared-problems/phrases.js";
import { wordsOf } from "../detectors/reply/shared-problems/words.js";
import { tokenize } from "../text/tokenize.js";
import { APOLOGY_CUES, APOLOGY_HEDGES, SENTENCE_HEDGES, SYMPATHY_PHRASES } from "./reply-problems-apology.js";
import { BLAME_PHRASES } from "./reply-problems-blame.js";
import { BOUNDARY_PHRASES } from "./reply-problems-boundary.js";
import { NEGATIVE_PHRASES } from "./reply-problems-negative.js";
import { OVERPROMISE_PHRASES } from "./reply-problems-overpromise.js";
import { ROBOTIC_PHRASES } from "./reply-problems-robotic.js";

const LEXICONS: Record<string, readonly { p: string; w?: number }[]> = {
  APOLOGY_CUES,
  SYMPATHY_PHRASES,
  APOLOGY_HEDGES,
  SENTENCE_HEDGES,
  BLAME_PHRASES,
  NEGATIVE_PHRASES,
  OVERPROMISE_PHRASES,
  ROBOTIC_PHRASES,
  BOUNDARY_PHRASES,
};

/** The plainest sentence a pattern describes: first alternative of each slot, optional slots and gaps left out. */
function exampleOf(pattern: string): string {
  return pattern
    .split(/\s+/)
    .filter((slot) => !slot.startsWith("..") && !(slot.length > 1 && slot.endsWith("?")))
    .map((slot) => (slot === "*" ? "thing" : (slot.split("|")[0] ?? "").replace(/\*$/, "")))
    .join(" ")
    .replace(/ 's\b/g, "'s");
}

describe("reply problem lexicons", () => {
  for (const [name, entries] of Object.entries(LEXICONS)) {
    it(`${name}: every pattern matches its own plainest example`, () => {
      const unmatched = entries.filter((e) => {
        const words = wordsOf(tokenize(exampleOf(e.p)));
        return phraseSet([e]).find(words).length === 0;
      });
      expect(unmatched.map((e) => e.p)).toEqual([]);
    });

    it(`${name}: weights are probabilities and patterns are unique`, () => {
      for (const e of entries) if (e.w !== undefined) expect(e.w).toBeGreaterThan(0);
      for (const e of entries) if (e.w !== undefined) expect(e.w).toBeLessThan(1);
      expect(new Set(entries.map((e) => e.p)).size).toBe(entries.length);
    });
  }
});
