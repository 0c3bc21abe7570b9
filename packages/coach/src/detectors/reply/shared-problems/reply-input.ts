/** @module Builds a `ReplyInput` from plain strings, for tests and tuning scripts that call one detector directly. */
import { tokenize } from "../../../text/tokenize.js";
import type { CustomerAnalysis, ParsedTime } from "../../../types.js";
import type { ReplyInput } from "../detector.js";

export function replyInput(
  reply: string,
  customer: string | null = null,
  extra: { customerAnalysis?: CustomerAnalysis | null; timelines?: readonly ParsedTime[] } = {},
): ReplyInput {
  return {
    reply: tokenize(reply),
    customer: customer?.trim() ? tokenize(customer) : null,
    customerAnalysis: extra.customerAnalysis ?? null,
    thread: [],
    timelines: extra.timelines ?? [],
    context: {},
  };
}
