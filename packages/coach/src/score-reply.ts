/** @module Turns per-label results into a 0–100 score and the three fixes that matter most. */
import type { ReplyInput } from "./detectors/reply/detector.js";
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

export function scoreReply(
  labels: Record<ReplyLabel, LabelResult>,
  input: ReplyInput,
): { score: number; fixes: string[] } {
  if (input.reply.tokens.length === 0) return { score: 0, fixes: ["Write a reply first."] };
  const angry = (input.customerAnalysis?.anger_level ?? 0) >= 2;
  const abusive = input.customerAnalysis?.abusive ?? false;
  let score = 40;
  const fixes: Array<{ urgency: number; text: string }> = [];
  for (const [label, cost] of Object.entries(PROBLEM_COST) as Array<[ReplyLabel, Weighted]>) {
    const r = labels[label];
    if (r.value) {
      score -= cost.points * r.confidence;
      fixes.push({ urgency: 100 + cost.points * r.confidence, text: r.suggestion ?? cost.fix });
    }
  }
  for (const [label, gain] of Object.entries(PRACTICE_GAIN) as Array<[ReplyLabel, Weighted]>) {
    const r = labels[label];
    if (r.value) score += gain.points * Math.max(0.5, r.confidence);
    else {
      // A missing apology or empathy matters most when the customer is upset.
      const weight = (label === "apology_sincere" || label === "empathy") && !angry ? 0.3 : 1;
      fixes.push({ urgency: gain.points * weight, text: gain.fix });
    }
  }
  if (abusive && !labels.sets_boundary.value) {
    fixes.push({
      urgency: 60,
      text: "The customer was abusive: calmly name the language as unacceptable while still offering help.",
    });
  } else if (abusive) score += 6;
  if (labels.escalation_needed.value) {
    fixes.push({
      urgency: 90,
      text: "This case needs a supervisor: escalate it and tell the customer who will contact them and when.",
    });
  }
  fixes.sort((a, b) => b.urgency - a.urgency);
  return {
    score: Math.round(Math.max(0, Math.min(100, score))),
    fixes: fixes.slice(0, 3).map((f) => f.text),
  };
}
