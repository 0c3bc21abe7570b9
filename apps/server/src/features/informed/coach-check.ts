/**
 * @module The coach as a gate for texts the desk sends on its own (acknowledgments, drafted updates, follow-ups):
 * the same `coachReply` agents get, reduced to a score and the problems that would embarrass us.
 */
import { coachReply, PROBLEM_LABELS, type ReplyLabel } from "@keel/coach";
import { renderTemplate, SAMPLE_VALUES } from "./template.js";

/** Below this a text reads as stock or incomplete; the defaults score well above it. */
export const GOOD_SCORE = 70;

export interface TextProblem {
  label: ReplyLabel;
  /** The words that triggered it. */
  spans: string[];
  suggestion: string | null;
}

export interface TextCheck {
  score: number;
  /** No problem label and a good score. */
  passes: boolean;
  problems: TextProblem[];
  /** The coach's top fixes in plain words. */
  fixes: string[];
}

export function checkCustomerText(text: string, customerMessage: string | null = null): TextCheck {
  const coaching = coachReply(text, customerMessage);
  const problems = PROBLEM_LABELS.filter((label) => coaching.labels[label].value).map((label) => {
    const result = coaching.labels[label];
    return { label, spans: result.spans.map((s) => s.text), suggestion: result.suggestion ?? null };
  });
  return {
    score: coaching.score,
    passes: problems.length === 0 && coaching.score >= GOOD_SCORE,
    problems,
    fixes: coaching.fixes,
  };
}

/** A template checked as the customer would read it: rendered with realistic values first. */
export function checkTemplate(template: string): TextCheck {
  return checkCustomerText(renderTemplate(template, SAMPLE_VALUES));
}
