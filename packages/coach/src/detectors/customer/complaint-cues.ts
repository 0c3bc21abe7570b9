/** @module The complaint blend's cue counts of a customer message, read from its tokens instead of a second scan. */
import { type CueCounts, countCuesOfTokens, mayCountAsCue } from "../../models/complaint.js";
import { type CustomerText, wordFlag } from "./customer-text.js";

/** Tokens the cue count looks at: candidate cue words, words it must scan, apostrophes (see `mayCountAsCue`). */
const MAY_COUNT = wordFlag((s) => mayCountAsCue(s.text, s.norm, s.kind));

/** Shared by messages with no token to look at (most of them): read, never written. */
const NO_CUES: CueCounts = Object.freeze({ failures: 0, negations: 0 });

/** The counts `countCues` gives for the message's text, in an object of their own. */
export function complaintCues(text: CustomerText): CueCounts {
  if ((text.flags & MAY_COUNT) === 0) return NO_CUES;
  const counts = countCuesOfTokens(text.t.text, text.tokens, MAY_COUNT);
  return { failures: counts.failures, negations: counts.negations };
}
