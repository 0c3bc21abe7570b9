/** @module Builds ~1,000-character reply drafts from real agent replies, each paired with a real customer message. */
import type { Corpus, MessagePair } from "./data.js";

/** Cuts at the last space after `min` characters so drafts end on a whole word, else at `max`. */
function cutNear(text: string, min: number, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(" ", max);
  return space >= min ? text.slice(0, space) : text.slice(0, max);
}

/** `count` drafts of about `length` characters: consecutive agent replies joined, cycling through the corpus. */
export function longDrafts(corpus: Corpus, count: number, length = 1_000): MessagePair[] {
  const replies = corpus.agentReplies;
  const customers = corpus.pairs.map((p) => p.customer);
  if (replies.length === 0 || customers.length === 0) return [];
  const drafts: MessagePair[] = [];
  let next = 0;
  for (let i = 0; i < count; i++) {
    let draft = "";
    while (draft.length < length) {
      draft += (draft ? " " : "") + replies[next % replies.length];
      next++;
    }
    drafts.push({
      reply: cutNear(draft, length - 50, length),
      customer: customers[i % customers.length] ?? "",
    });
  }
  return drafts;
}
