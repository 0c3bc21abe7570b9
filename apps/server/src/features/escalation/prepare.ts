/** @module One pass over the thread: messages in time order, each tokenized once and its stored analysis narrowed. */
import { type Tokenized, tokenize } from "@keel/coach";
import { type Reading, readAnalysis, type ThreadInput, type ThreadMessageInput } from "./thread.js";

export interface PreparedMessage {
  message: ThreadMessageInput;
  /** Position in time order, 0-based. */
  index: number;
  reading: Reading;
  tokens: Tokenized;
  /** Filled by the signals on first use (see `cuesOf`). */
  cues?: MessageCues;
}

/** The phrases escalation looks for in a customer's words, found in one message. */
export interface MessageCues {
  safety: string[];
  vulnerable: string[];
  manager: boolean;
}

/**
 * Sorted by `createdAt` as instants (stable, so equal or unreadable times keep their given order, the latter last);
 * indexed from `firstIndex` (messages following others already prepared).
 */
export function prepareThread(thread: ThreadInput, firstIndex = 0): PreparedMessage[] {
  const ordered = thread.messages
    .map((message, i) => {
      const at = Date.parse(message.createdAt);
      return { message, i, at: Number.isFinite(at) ? at : Number.POSITIVE_INFINITY };
    })
    .sort((a, b) => (a.at === b.at ? a.i - b.i : a.at < b.at ? -1 : 1));
  return ordered.map(({ message }, index) => ({
    message,
    index: firstIndex + index,
    reading: readAnalysis(message.analysis),
    tokens: tokenize(message.body),
  }));
}

/** The customer reading of an inbound message, or null. */
export function customerReadingOf(m: PreparedMessage) {
  return m.message.direction === "inbound" && m.reading.kind === "customer" ? m.reading.customer : null;
}
