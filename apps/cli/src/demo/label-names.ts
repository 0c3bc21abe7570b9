/** @module How reply labels read in reports for people. */
import type { ReplyLabel } from "@keel/coach";

export const LABEL_NAMES: Record<ReplyLabel, string> = {
  acknowledges: "acknowledges the problem",
  apology_sincere: "sincere apology",
  non_apology: "non-apology",
  empathy: "empathy",
  paraphrase: "restates the problem",
  clarifying_question: "clarifying question",
  next_step: "concrete next step",
  timeline: "timeline",
  overpromise: "overpromise",
  blame: "blame",
  negative_language: "negative language",
  robotic: "robotic wording",
  asks_input: "offers a choice",
  sets_boundary: "sets a boundary on abuse",
  escalation_needed: "needs escalation",
};

/** Practices a reply to an upset customer usually needs; their absence is worth pointing out. */
export const EXPECTED_PRACTICES: readonly ReplyLabel[] = [
  "acknowledges",
  "apology_sincere",
  "empathy",
  "paraphrase",
  "next_step",
  "timeline",
];
