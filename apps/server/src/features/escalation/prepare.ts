/** @module One pass over the thread: messages in time order, each tokenized once and its stored analysis narrowed. */
import { type Tokenized, tokenize } from "@keel/coach";
import { type Reading, readAnalysis, type ThreadInput, type ThreadMessageInput } from "./thread.js";

export interface PreparedMessage {
  message: ThreadMessageInput;
  /** Position in time order, 0-based. */
  index: number;
  reading: Reading;
  tokens: Tokenized;
}

/** Sorted by `createdAt` (stable, so equal times keep their given order). */
export function prepareThread(thread: ThreadInput): PreparedMessage[] {
  const ordered = thread.messages
    .map((message, i) => ({ message, i }))
    .sort((a, b) =>
      a.message.createdAt < b.message.createdAt
        ? -1
        : a.message.createdAt > b.message.createdAt
          ? 1
          : a.i - b.i,
    );
  return ordered.map(({ message }, index) => ({
    message,
    index,
    reading: readAnalysis(message.analysis),
    tokens: tokenize(message.body),
  }));
}

/** The customer reading of an inbound message, or null. */
export function customerReadingOf(m: PreparedMessage) {
  return m.message.direction === "inbound" && m.reading.kind === "customer" ? m.reading.customer : null;
}
