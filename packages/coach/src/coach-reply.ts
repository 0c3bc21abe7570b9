/** @module `coachReply`: runs every reply detector on a draft and turns the results into a score and three fixes. */
import { customerGist } from "./analyze-customer.js";
import type { ReplyInput } from "./detectors/reply/detector.js";
import { replyModelFields } from "./models/model-fields.js";
import { REPLY_DETECTORS } from "./reply-detectors.js";
import { scoreReply } from "./score-reply.js";
import { parseTimelines } from "./text/timeline.js";
import { tokenize } from "./text/tokenize.js";
import {
  type LabelResult,
  REPLY_LABELS,
  type ReplyCoaching,
  type ReplyContext,
  type ReplyLabel,
  type ThreadMessage,
} from "./types.js";

function safeText(value: unknown): string {
  return typeof value === "string" ? value : value == null ? "" : String(value);
}

function earlierCustomerTexts(thread: readonly ThreadMessage[]): string[] {
  const out: string[] = [];
  for (const m of thread) if (m.role === "customer") out.push(safeText(m.text));
  return out;
}

export function coachReply(
  reply: string,
  customerMessage?: string | null,
  thread: readonly ThreadMessage[] = [],
  context: ReplyContext = {},
): ReplyCoaching {
  const replyTokens = tokenize(safeText(reply));
  const customerText = safeText(customerMessage);
  // Without an analysis from the caller, the customer reading (kept for the last few messages) brings its tokens.
  const given = context.customerAnalysis;
  const read =
    customerText.trim() && !given ? customerGist(customerText, earlierCustomerTexts(thread)) : null;
  const customer = read ? read.tokens : customerText.trim() ? tokenize(customerText) : null;
  const input: ReplyInput = {
    reply: replyTokens,
    customer,
    customerAnalysis: read ? read.gist : customer ? (given ?? null) : null,
    thread,
    timelines: parseTimelines(replyTokens, context.referenceDate),
    context,
  };
  const labels = {} as Record<ReplyLabel, LabelResult>;
  for (const label of REPLY_LABELS) labels[label] = REPLY_DETECTORS[label](input);
  const { score, fixes } = scoreReply(labels, input);
  return {
    score,
    labels,
    fixes,
    timelines: [...input.timelines],
    ...replyModelFields(replyTokens.text, customer?.text ?? null),
  };
}
