/** @module What every reply detector receives and returns. */
import type { Tokenized } from "../../text/tokenize.js";
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
