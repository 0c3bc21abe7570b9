/**
 * @module The checklist the composer shows: each practice of good complaint handling read from the coach's labels.
 * Practices we want ("acknowledges") pass when the label is true; problems ("blame") pass when it is false.
 */
import type { LabelResult, ReplyCoaching, ReplyLabel } from "@keel/coach";

export type PracticeState = "done" | "missing" | "problem";

export interface Practice {
  id: string;
  title: string;
  state: PracticeState;
  /** What to do about it, when it is not done. */
  hint?: string;
}

interface PracticeRule {
  id: string;
  title: string;
  /** All must hold for a wanted practice; a problem label turns it into `problem`. */
  wants?: ReplyLabel[];
  /** Any of these is enough. */
  wantsAny?: ReplyLabel[];
  problem?: ReplyLabel;
  hint: string;
  /** Only listed when it applies (e.g. boundaries when the customer is abusive). */
  when?: (context: PracticeContext) => boolean;
}

export interface PracticeContext {
  customerAbusive: boolean;
}

const RULES: PracticeRule[] = [
  {
    id: "acknowledges",
    title: "Acknowledged the problem",
    wants: ["acknowledges"],
    hint: "Say what went wrong in your own words.",
  },
  {
    id: "apology",
    title: "Apologised sincerely",
    wants: ["apology_sincere"],
    problem: "non_apology",
    hint: 'Apologise plainly for what happened — no "if", "any inconvenience" or "but".',
  },
  { id: "empathy", title: "Showed empathy", wants: ["empathy"], hint: "Name how this must feel for them." },
  {
    id: "paraphrase",
    title: "Paraphrased their problem",
    wants: ["paraphrase"],
    hint: "Restate the problem so they know you read it.",
  },
  {
    id: "asked",
    title: "Asked or invited their input",
    wantsAny: ["clarifying_question", "asks_input"],
    hint: "Ask what you need to know, or what outcome they would like.",
  },
  {
    id: "next_step",
    title: "Gave a concrete next step",
    wants: ["next_step"],
    hint: "Say what you will do next.",
  },
  {
    id: "timeline",
    title: "Gave a timeline",
    wants: ["timeline"],
    hint: 'Say when: "by Friday 5 pm", "within 2 days".',
  },
  {
    id: "no_blame",
    title: "No blame",
    problem: "blame",
    hint: "Take ownership; don't point at the customer or others.",
  },
  {
    id: "positive",
    title: "Positive language",
    problem: "negative_language",
    hint: 'Say what you can do rather than what you can\'t ("unfortunately", "impossible").',
  },
  {
    id: "honest",
    title: "Promised only what you control",
    problem: "overpromise",
    hint: "Promise actions and update times, not outcomes.",
  },
  {
    id: "human",
    title: "Sounded like a person",
    problem: "robotic",
    hint: "Drop the stock phrases; write as you would speak.",
  },
  {
    id: "boundary",
    title: "Set a boundary on the abuse",
    wants: ["sets_boundary"],
    hint: "Calmly say the language has to stop for you to keep helping.",
    when: (c) => c.customerAbusive,
  },
];

const isTrue = (labels: Record<ReplyLabel, LabelResult>, label: ReplyLabel) => labels[label]?.value === true;

export function practicesOf(coaching: ReplyCoaching, context: PracticeContext): Practice[] {
  const out: Practice[] = [];
  for (const rule of RULES) {
    if (rule.when && !rule.when(context)) continue;
    let state: PracticeState;
    if (rule.problem && isTrue(coaching.labels, rule.problem)) state = "problem";
    else if (rule.wants) state = rule.wants.every((l) => isTrue(coaching.labels, l)) ? "done" : "missing";
    else if (rule.wantsAny)
      state = rule.wantsAny.some((l) => isTrue(coaching.labels, l)) ? "done" : "missing";
    else state = "done";
    const suggestion = rule.problem ? coaching.labels[rule.problem]?.suggestion : undefined;
    out.push({
      id: rule.id,
      title: rule.title,
      state,
      ...(state === "done" ? {} : { hint: suggestion ?? rule.hint }),
    });
  }
  return out;
}

/** Labels shown as underlined spans in the draft, worst first. */
export const FLAGGED_LABELS: readonly ReplyLabel[] = [
  "blame",
  "non_apology",
  "overpromise",
  "negative_language",
  "robotic",
];

export const FLAG_TITLES: Record<string, string> = {
  blame: "Blame",
  non_apology: "Non-apology",
  overpromise: "Over-promise",
  negative_language: "Negative language",
  robotic: "Robotic wording",
};
