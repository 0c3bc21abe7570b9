/**
 * @module Coaches the draft on every keystroke, in the browser. The draft is deferred (React renders the keystroke
 * first, the coaching right after) and the result memoised per text, so typing never waits on the coach.
 * Each run's time is kept for the latency figures (`window.keelCoachTimings`).
 */
import { type CustomerAnalysis, coachReply, type ReplyCoaching, type ThreadMessage } from "@keel/coach";
import { useDeferredValue, useMemo } from "react";
import { useWeightsGeneration } from "./load-weights.js";

export interface CoachInput {
  customerMessage: string | null;
  thread: readonly ThreadMessage[];
  /** The server's reading of the customer message, so the browser need not analyse it again. */
  customerAnalysis?: CustomerAnalysis | null | undefined;
}

export interface Coached {
  /** The text the coaching is for (trails the draft by at most a frame). */
  text: string;
  coaching: ReplyCoaching | null;
}

const TIMINGS_KEPT = 2000;
export const coachTimings: number[] = [];
(globalThis as { keelCoachTimings?: number[] }).keelCoachTimings = coachTimings;

export function runCoach(text: string, input: CoachInput): ReplyCoaching {
  const started = performance.now();
  const coaching = coachReply(text, input.customerMessage, input.thread, {
    ...(input.customerAnalysis ? { customerAnalysis: input.customerAnalysis } : {}),
  });
  if (coachTimings.length >= TIMINGS_KEPT) coachTimings.shift();
  coachTimings.push(performance.now() - started);
  return coaching;
}

export function useCoach(draft: string, input: CoachInput): Coached {
  const deferred = useDeferredValue(draft);
  const generation = useWeightsGeneration();
  const { customerMessage, thread, customerAnalysis } = input;
  return useMemo(() => {
    void generation;
    const coaching = deferred.trim()
      ? runCoach(deferred, { customerMessage, thread, customerAnalysis })
      : null;
    return { text: deferred, coaching };
  }, [deferred, customerMessage, thread, customerAnalysis, generation]);
}
