/**
 * @module Coaches the draft on every keystroke, in the browser. While the coach is fast it runs in the keystroke's own
 * render, so the flags are painted in the same frame as the character; when it turns slow (a long paste, a slow
 * machine) the draft is deferred instead, so typing never waits on it. Results are memoised per text.
 * Each run's time is kept for the latency figures (`window.keelCoachTimings`).
 */
import { type CustomerAnalysis, coachReply, type ReplyCoaching, type ThreadMessage } from "@keel/coach";
import { useDeferredValue, useLayoutEffect, useMemo, useRef } from "react";
import { useWeightsGeneration } from "./load-weights.js";

export interface CoachInput {
  customerMessage: string | null;
  thread: readonly ThreadMessage[];
  /** The server's reading of the customer message, so the browser need not analyse it again. */
  customerAnalysis?: CustomerAnalysis | null | undefined;
}

export interface Coached {
  /** The text the coaching is for: the draft itself, or while the coach is slow, the draft a render or two ago. */
  text: string;
  coaching: ReplyCoaching | null;
}

/**
 * Above this (a smoothed coach time, ms) the coach moves out of the keystroke's render. A frame is ~16 ms and the
 * keystroke's own render, layout and paint need a few of them; past this the flags would delay the character.
 */
export const DEFER_ABOVE_MS = 6;

const TIMINGS_KEPT = 2000;
export const coachTimings: number[] = [];
const probe = globalThis as { keelCoachTimings?: number[]; keelCoachedText?: string };
probe.keelCoachTimings = coachTimings;

export function runCoach(text: string, input: CoachInput): ReplyCoaching {
  const started = performance.now();
  const coaching = coachReply(text, input.customerMessage, input.thread, {
    ...(input.customerAnalysis ? { customerAnalysis: input.customerAnalysis } : {}),
  });
  if (coachTimings.length >= TIMINGS_KEPT) coachTimings.shift();
  coachTimings.push(performance.now() - started);
  return coaching;
}

/** Smoothed so one slow run (a garbage collection, another tab) does not flip the mode back and forth. */
function smoothed(previous: number, latest: number): number {
  return previous * 0.8 + latest * 0.2;
}

export function useCoach(draft: string, input: CoachInput): Coached {
  const cost = useRef(0);
  const slow = cost.current > DEFER_ABOVE_MS;
  // Only a slow coach hands the draft to a deferred render; otherwise the deferred value stays put (no extra render).
  const deferred = useDeferredValue(slow ? draft : null);
  const text = slow && deferred !== null ? deferred : draft;
  const generation = useWeightsGeneration();
  const { customerMessage, thread, customerAnalysis } = input;
  const coached = useMemo(() => {
    void generation;
    if (!text.trim()) return { text, coaching: null };
    const coaching = runCoach(text, { customerMessage, thread, customerAnalysis });
    cost.current = smoothed(cost.current, coachTimings.at(-1) ?? 0);
    return { text, coaching };
  }, [text, customerMessage, thread, customerAnalysis, generation]);
  // Which text the flags on screen belong to, for the browser benchmark's probe.
  useLayoutEffect(() => {
    probe.keelCoachedText = coached.text;
  }, [coached.text]);
  return coached;
}
