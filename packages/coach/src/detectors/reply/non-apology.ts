/** @module Reply detector for `non_apology`: conditional, hedged or blame-shifting apologies (see reply-labels GUIDE.md). */
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";
import { type Apology, findApologies } from "./shared-problems/apologies.js";
import { plainApology } from "./shared-problems/customer-problem.js";
import { type Cue, emptyResult, resultFromCues, wordRangeSpan } from "./shared-problems/result.js";
import { type Word, wordsOf } from "./shared-problems/words.js";

const SUGGESTION =
  'Apologise plainly for what went wrong, without "if", "any" or a "but" that shifts the blame, e.g. "I\'m sorry your order arrived late."';

/** A hedged clause runs to the next comma or the end of its sentence ("…for any inconvenience this may have caused"). */
function rewriteEnd(words: readonly Word[], a: Apology): number {
  const end = a.hedgeTo;
  if (a.reason === "refusal" || a.reason === "blame_shift" || a.reason === "but") return end;
  let j = end + 1;
  while (j < words.length && j - end <= 12 && words[j]?.sentence === a.sentence && !words[j]?.afterBreak) j++;
  const next = words[j];
  // Stop at a comma or the sentence end; a clause that runs on without either is left as it is.
  return !next || next.sentence !== a.sentence || next.afterBreak ? j - 1 : end;
}

export function detectNonApology(input: ReplyInput): LabelResult {
  try {
    const hedged = findApologies(input.reply).filter((a) => a.verdict === "non_apology");
    // Most replies hold no hedged apology: the customer's problem is only read to write a replacement.
    if (hedged.length === 0)
      return resultFromCues("non_apology", [], { baseline: 0.03, suggestion: SUGGESTION });
    const words = wordsOf(input.reply);
    const replacement = plainApology(input.customer);
    const cues: Cue[] = hedged.map((a) => {
      const span = wordRangeSpan(input, words, a.from, rewriteEnd(words, a));
      // "I'm sorry, but we can't…" becomes "I'm sorry <problem>. We can't…": the next word joins the span to be
      // capitalised. Otherwise the sentence keeps its own closing punctuation.
      const next = words[a.hedgeTo + 1];
      const nextTok = next && next.sentence === a.sentence ? input.reply.tokens[next.tok] : undefined;
      if (a.reason === "but" && nextTok) {
        const wide = {
          start: span.start,
          end: nextTok.end,
          text: input.reply.text.slice(span.start, nextTok.end),
        };
        const capital = nextTok.text.charAt(0).toUpperCase() + nextTok.text.slice(1);
        return { span, p: a.p, rewrite: { span: wide, replacement: `${replacement} ${capital}` } };
      }
      // An apology taken back by blame or a refusal is replaced as a whole sentence with a plain one.
      const sentence = input.reply.sentences[a.sentence];
      if ((a.reason === "blame_shift" || a.reason === "refusal") && sentence) {
        const whole = {
          start: span.start,
          end: sentence.end,
          text: input.reply.text.slice(span.start, sentence.end),
        };
        return { span, p: a.p, rewrite: { span: whole, replacement } };
      }
      return { span, p: a.p, rewrite: { span, replacement: replacement.replace(/\.$/, "") } };
    });
    return resultFromCues("non_apology", cues, { baseline: 0.03, suggestion: SUGGESTION });
  } catch {
    return emptyResult("non_apology");
  }
}
