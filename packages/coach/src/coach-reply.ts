/** @module `coachReply`: runs every reply detector on a draft and turns the results into a score and three fixes. */
import { analyzeCustomer } from "./analyze-customer.js";
import type { ReplyInput } from "./detectors/reply/detector.js";
import { replyModelFields } from "./models/model-fields.js";
import { weightsGeneration } from "./models/weights-registry.js";
import { REPLY_DETECTORS } from "./reply-detectors.js";
import { scoreReply } from "./score-reply.js";
import { parseTimelines } from "./text/timeline.js";
import { tokenize } from "./text/tokenize.js";
import {
  type CustomerAnalysis,
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

// Callers often analyse the customer message and then coach replies to it (a batch row, a draft edited keystroke by
// keystroke): the last few analyses are kept. Everything is pure, so a hit is the same result as a fresh analysis.
const RECENT_ANALYSES = 4;
const recentAnalyses = new Map<string, CustomerAnalysis>();

function customerAnalysisOf(text: string, earlier: string[]): CustomerAnalysis {
  // Without a thread there is nothing to join; skipping it also spares a call site that meets arrays of two shapes.
  const key = `${weightsGeneration()}\u0000${text}\u0000${earlier.length > 0 ? earlier.join("\u0000") : ""}`;
  const hit = recentAnalyses.get(key);
  if (hit) {
    recentAnalyses.delete(key);
    recentAnalyses.set(key, hit);
    return hit;
  }
  const analysis = analyzeCustomer(text, { previousMessages: earlier });
  if (recentAnalyses.size >= RECENT_ANALYSES) {
    const oldest = recentAnalyses.keys().next().value;
    if (oldest !== undefined) recentAnalyses.delete(oldest);
  }
  recentAnalyses.set(key, analysis);
  return analysis;
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
  const customer = customerText.trim() ? tokenize(customerText) : null;
  const input: ReplyInput = {
    reply: replyTokens,
    customer,
    customerAnalysis: customer
      ? (context.customerAnalysis ?? customerAnalysisOf(customerText, earlierCustomerTexts(thread)))
      : null,
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
