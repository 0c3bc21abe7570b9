/** @module Turns per-label results into a 0–100 score and the three fixes that matter most. */
import type { ReplyInput } from "./detectors/reply/detector.js";
import { sortInPlace } from "./text/match.js";
import type { LabelResult, ReplyLabel } from "./types.js";

interface Weighted {
  points: number;
  fix: string;
}

// Problems cost points when present; practices earn points when present (and cost a fix when missing and expected).
const PROBLEM_COST: Partial<Record<ReplyLabel, Weighted>> = {
  blame: {
    points: 22,
    fix: "Take out the blame: describe what happened and what you will do, without pointing at the customer or anyone else.",
  },
  non_apology: {
    points: 18,
    fix: "Replace the conditional apology with a plain one that owns the experience.",
  },
  overpromise: {
    points: 16,
    fix: "Promise only what you control: give a realistic next step and date instead of an absolute guarantee.",
  },
  negative_language: { points: 10, fix: "Say what you can do rather than what you can't." },
  robotic: {
    points: 12,
    fix: "Replace the template filler with a sentence about this customer's actual problem.",
  },
};

const PRACTICE_GAIN: Partial<Record<ReplyLabel, Weighted>> = {
  acknowledges: { points: 14, fix: "Name the customer's specific problem so they know you read it." },
  next_step: { points: 16, fix: "Say exactly what happens next and who does it." },
  apology_sincere: { points: 8, fix: "Apologise plainly for our part in what went wrong." },
  empathy: { points: 8, fix: "Recognise how this situation affects the customer, in specific words." },
  timeline: { points: 8, fix: "Give a concrete time for the next update or the fix." },
  paraphrase: { points: 6, fix: "Restate the problem in your own words to show you listened." },
  clarifying_question: { points: 4, fix: "Ask the one question you need answered to solve this." },
  asks_input: { points: 4, fix: "Offer the customer a choice in how this is put right." },
};

const PROBLEMS = Object.entries(PROBLEM_COST) as ReadonlyArray<[ReplyLabel, Weighted]>;
const PRACTICES = Object.entries(PRACTICE_GAIN) as ReadonlyArray<[ReplyLabel, Weighted]>;

// A reply that already hands the case up ("I've passed this to my manager") has done what escalation asks.
const ESCALATES =
  /\b(?:escalat\w*|supervisor|manager|team\s+lead(?:er)?|senior\s+(?:colleague|member|team)|specialist\s+team|complaints\s+team|(?:passed|referred|handed|forwarded)\s+(?:this|it|your\s+\w+)\s+(?:on\s+)?to)\b/i;

/** How much a missing practice matters for this reply (0–1): some only matter in some situations. */
function missingWeight(
  label: ReplyLabel,
  labels: Record<ReplyLabel, LabelResult>,
  input: ReplyInput,
): number {
  const upset = (input.customerAnalysis?.anger_level ?? 0) >= 2 || labels.escalation_needed.value;
  const hasCustomer = input.customer !== null;
  switch (label) {
    case "apology_sincere":
    case "empathy":
      return upset ? 1 : 0.3;
    case "acknowledges":
    case "paraphrase":
      // Without the customer's message we cannot tell whether the problem was named.
      return hasCustomer ? 1 : 0.4;
    case "timeline":
      // A date matters once something is promised; a pure question needs none yet.
      return labels.next_step.value ? 1 : 0.6;
    case "clarifying_question":
      // Asking is only needed when no concrete step is offered.
      return labels.next_step.value ? 0.2 : 1;
    case "asks_input":
      return upset ? 0.6 : 0.4;
    default:
      return 1;
  }
}

export function scoreReply(
  labels: Record<ReplyLabel, LabelResult>,
  input: ReplyInput,
): { score: number; fixes: string[] } {
  if (input.reply.tokens.length === 0) return { score: 0, fixes: ["Write a reply first."] };
  const abusive = input.customerAnalysis?.abusive ?? false;
  let score = 40;
  const fixes: Array<{ urgency: number; text: string }> = [];
  for (const [label, cost] of PROBLEMS) {
    const r = labels[label];
    if (r.value) {
      score -= cost.points * r.confidence;
      fixes.push({ urgency: 100 + cost.points * r.confidence, text: r.suggestion ?? cost.fix });
    }
  }
  let practices = 0;
  for (const [label, gain] of PRACTICES) {
    const r = labels[label];
    if (r.value) {
      score += gain.points * Math.max(0.5, r.confidence);
      practices++;
    } else {
      const weight = missingWeight(label, labels, input);
      // A practice the reply barely missed (low confidence in "absent") is a milder fix.
      fixes.push({
        urgency: gain.points * weight * (0.5 + r.confidence / 2),
        text: r.suggestion ?? gain.fix,
      });
    }
  }
  // A reply with no practice at all is a brush-off, whatever else it avoids.
  if (practices === 0) score -= 10;
  if (abusive && !labels.sets_boundary.value) {
    fixes.push({
      urgency: 60,
      text: "The customer was abusive: calmly name the language as unacceptable while still offering help.",
    });
  } else if (abusive) score += 6;
  if (labels.escalation_needed.value) {
    if (ESCALATES.test(input.reply.text)) score += 4;
    else {
      fixes.push({
        urgency: 90,
        text:
          labels.escalation_needed.suggestion ??
          "This case needs a supervisor: escalate it and tell the customer who will contact them and when.",
      });
    }
  }
  sortInPlace(fixes, (a, b) => b.urgency - a.urgency);
  const top: string[] = [];
  for (const f of fixes) {
    if (top.length === 3) break;
    if (!top.includes(f.text)) top.push(f.text);
  }
  return { score: Math.round(Math.max(0, Math.min(100, score))), fixes: top };
}
