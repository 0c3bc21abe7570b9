/** @module What every reply detector receives and returns. */
import type { Sentence, Tokenized } from "../../text/tokenize.js";
import type { CustomerGist, LabelResult, ParsedTime, ReplyContext, ThreadMessage } from "../../types.js";

export interface ReplyInput {
  reply: Tokenized;
  /** The customer message the reply answers, tokenized; null when the draft is coached on its own. */
  customer: Tokenized | null;
  customerAnalysis: CustomerGist | null;
  /** Earlier messages in the case, oldest first (the customer message above is not repeated here). */
  thread: readonly ThreadMessage[];
  /** Concrete times found in the reply. */
  timelines: readonly ParsedTime[];
  context: ReplyContext;
}

export type ReplyDetector = (input: ReplyInput) => LabelResult;

const NO_SENTENCES: readonly Sentence[] = [];

/** The sentences a detector looking for questions reads: none when the reply has no "?" anywhere (most replies). */
export function sentencesForQuestions(t: Tokenized): readonly Sentence[] {
  return t.text.includes("?") ? t.sentences : NO_SENTENCES;
}
