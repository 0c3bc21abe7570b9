import { describe, expect, it } from "vitest";
import { countCues } from "../../models/complaint.js";
import { complaintCues } from "./complaint-cues.js";
import { readCustomerText } from "./customer-text.js";

/** `countCues` of the text, copied out of its shared scratch. */
function scanned(text: string): { failures: number; negations: number } {
  const c = countCues(text);
  return { failures: c.failures, negations: c.negations };
}

function fromTokens(text: string): { failures: number; negations: number } {
  const c = complaintCues(readCustomerText(text));
  return { failures: c.failures, negations: c.negations };
}

const TRICKY = [
  "STILL waiting. Not working, no one answers and I can’t log in",
  "no. one cares; not... working!! doesn't-work don't work",
  "no-one replied, e-mail not-working, café broken, naïve refund",
  "I said 'no' and they said ‘no one’ — customers' refunds, no'' one, can''t, don’’t",
  "İstanbul order still missing, DON’T cancel",
  "\u212Aeep waiting, nobody replies",
  "no\u0301 one, no\u00A0one, no\u1680one, 1no one2 not2working",
  "NO RESPONSE no reply No Reply not   working won't can't couldn't doesn't didn't cannot none nothing",
  "'no 'one' not' working x'no y’not never’",
  "no a one, not really working, no way reply, no still one",
  "",
  "!!! ??? 123 😀 no 😀 one",
];

/** Pieces the random texts are made of: cue words, phrase halves, apostrophes, hyphens, letters beyond ASCII. */
const ALPHABET =
  "no |not |one |no|not|one|way |working|work|don't|doesn’t|reply|still|a|'|’|-| |.|é|İ|1|\u0301|\n|N|T".split(
    "|",
  );

describe("complaintCues", () => {
  it("counts what a scan of the text counts", () => {
    for (const text of TRICKY) expect(fromTokens(text), text).toEqual(scanned(text));
  });
  it("counts what a scan counts on random mixes of cue words, apostrophes, hyphens and letters beyond ASCII", () => {
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    for (let n = 0; n < 3000; n++) {
      let text = "";
      const parts = 1 + (next() % 12);
      for (let p = 0; p < parts; p++) text += ALPHABET[next() % ALPHABET.length];
      expect(fromTokens(text), text).toEqual(scanned(text));
    }
  });
});
