/** @module Builds a ReplyInput from plain strings for the reply detectors' tests (not part of the built package). */
import { parseTimelines } from "../../text/timeline.js";
import { tokenize } from "../../text/tokenize.js";
import type { ThreadMessage } from "../../types.js";
import type { ReplyInput } from "./detector.js";

/** Timelines resolve against 2026-03-11, a Wednesday, so "Friday" and "next week" have fixed answers. */
export function inputFor(
  reply: string,
  customer: string | null = null,
  thread: ThreadMessage[] = [],
): ReplyInput {
  const t = tokenize(reply);
  return {
    reply: t,
    customer: customer === null ? null : tokenize(customer),
    customerAnalysis: null,
    thread,
    timelines: parseTimelines(t, "2026-03-11"),
    context: {},
  };
}
