/** @module Property tests: the problem detectors never throw and return exact spans on arbitrary drafts. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LabelResult } from "../../../types.js";
import { detectApologySincere } from "../apology-sincere.js";
import { detectBlame } from "../blame.js";
import type { ReplyDetector } from "../detector.js";
import { detectNegativeLanguage } from "../negative-language.js";
import { detectNonApology } from "../non-apology.js";
import { detectOverpromise } from "../overpromise.js";
import { detectRobotic } from "../robotic.js";
import { detectSetsBoundary } from "../sets-boundary.js";
import { replyInput } from "./reply-input.js";

const DETECTORS: ReplyDetector[] = [
  detectApologySincere,
  detectNonApology,
  detectBlame,
  detectNegativeLanguage,
  detectOverpromise,
  detectRobotic,
  detectSetsBoundary,
];

// Text built from words the lexicons care about, so cues actually fire, mixed with arbitrary noise.
const WORDS = [
  "sorry",
  "if",
  "you",
  "feel",
  "we",
  "can't",
  "but",
  "never",
  "again",
  "as",
  "I",
  "already",
  "said",
  "idiots",
  "keep",
  "respectful",
  "promise",
  "100%",
  "DM",
  "us",
  "https://t.co/x",
  ",",
  ".",
  "!",
  "\n",
  "’",
  "🙂",
];
const draft = fc.oneof(
  fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }).map((w) => w.join(" ")),
  fc.string({ maxLength: 200 }),
);

function checkResult(text: string, r: LabelResult): void {
  expect(r.confidence).toBeGreaterThanOrEqual(0);
  expect(r.confidence).toBeLessThanOrEqual(1);
  for (const s of [...r.spans, ...(r.rewrites ?? []).map((w) => w.span)]) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(s.start, s.end)).toBe(s.text);
  }
  if (!r.value) expect(r.spans).toEqual([]);
  // Rewrites of one label must apply together: no two may overlap.
  const edits = [...(r.rewrites ?? [])].sort((a, b) => a.span.start - b.span.start);
  for (let i = 1; i < edits.length; i++) {
    expect(edits[i]?.span.start).toBeGreaterThanOrEqual(edits[i - 1]?.span.end ?? 0);
  }
}

describe("problem detectors on arbitrary drafts", () => {
  it("never throw and return exact spans and confidences in [0, 1]", () => {
    fc.assert(
      fc.property(draft, draft, (reply, customer) => {
        const input = replyInput(reply, customer);
        for (const detect of DETECTORS) checkResult(input.reply.text, detect(input));
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it("handle a maximal paste and keep its spans exact", () => {
    const input = replyInput("I'm sorry if you feel we can't help, as I already said. ".repeat(400));
    for (const detect of DETECTORS) checkResult(input.reply.text, detect(input));
  });
});
